package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.net.InetAddresses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validation of a value against a compiled CRD schema, as the API server does it for custom
 * resources: the OpenAPI value validations of {@code k8s.io/kube-openapi/pkg/validation/validate}
 * ({@code type}, {@code enum}, {@code pattern}, {@code format}, numeric bounds, lengths in runes,
 * item and property counts, {@code required}, {@code allOf}/{@code anyOf}/{@code oneOf}/{@code
 * not}), the Kubernetes extensions of {@code apiextensions-apiserver/pkg/apiserver/validation}
 * ({@code x-kubernetes-int-or-string}, {@code nullable}, {@code x-kubernetes-list-type} set and map
 * uniqueness from {@code apimachinery/pkg/api/validation/.../listtype}) and the {@code
 * x-kubernetes-validations} CEL rules ({@code
 * apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go}).
 *
 * <p>A value of the wrong type is reported once; nothing below it is checked (as kube-openapi's
 * type validator stops). CEL rules run only on values whose type is right.
 */
final class Validation {
  /** Values longer than this are not quoted in messages. */
  private static final int MAX_QUOTED = 64;

  private final List<SchemaViolation> out;

  private Validation(List<SchemaViolation> out) {
    this.out = out;
  }

  static List<SchemaViolation> validate(JsonNode x, SchemaNode s) {
    List<SchemaViolation> out = new ArrayList<>();
    new Validation(out).check(x, s, "");
    return out;
  }

  private void add(String pointer, String rule, String message) {
    out.add(new SchemaViolation(pointer, rule, message));
  }

  private void check(JsonNode x, SchemaNode s, String ptr) {
    if (x.isNull()) {
      if (!s.nullable && (s.type != null || s.intOrString)) {
        add(ptr, "type", "must be of type " + typeName(s) + ", got null");
      }
      return;
    }
    if (!typeMatches(x, s)) {
      add(
          ptr,
          s.intOrString ? "x-kubernetes-int-or-string" : "type",
          "must be of type " + typeName(s) + ", got " + jsonType(x));
      return;
    }
    if (s.enumValues != null && !inEnum(s.enumValues, x)) {
      add(
          ptr,
          "enum",
          "Unsupported value: "
              + quote(x)
              + ": supported values: "
              + s.enumValues.stream().map(Validation::quote).collect(Collectors.joining(", ")));
    }
    if (x.isTextual()) {
      checkString(x.textValue(), s, ptr);
    } else if (x.isNumber()) {
      checkNumber(x, s, ptr);
    } else if (x instanceof ArrayNode arr) {
      checkArray(arr, s, ptr);
    } else if (x instanceof ObjectNode obj) {
      checkObject(obj, s, ptr);
    }
    for (SchemaNode sub : s.allOf) {
      check(x, sub, ptr);
    }
    if (!s.anyOf.isEmpty() && s.anyOf.stream().noneMatch(sub -> passes(x, sub, ptr))) {
      add(ptr, "anyOf", "must validate at least one schema (anyOf)");
    }
    if (!s.oneOf.isEmpty()) {
      long passing = s.oneOf.stream().filter(sub -> passes(x, sub, ptr)).count();
      if (passing != 1) {
        add(
            ptr,
            "oneOf",
            passing == 0
                ? "must validate one and only one schema (oneOf): none matched"
                : "must validate one and only one schema (oneOf): " + passing + " matched");
      }
    }
    if (s.not != null && passes(x, s.not, ptr)) {
      add(ptr, "not", "must not validate the schema (not)");
    }
    for (CelRule rule : s.rules) {
      if (rule.program() != null) {
        checkRule(x, rule, ptr);
      }
    }
  }

  private static boolean inEnum(List<JsonNode> values, JsonNode x) {
    for (JsonNode v : values) {
      if (sameValue(v, x)) {
        return true;
      }
    }
    return false;
  }

  private static boolean passes(JsonNode x, SchemaNode s, String ptr) {
    List<SchemaViolation> sub = new ArrayList<>();
    new Validation(sub).check(x, s, ptr);
    return sub.isEmpty();
  }

  private void checkRule(JsonNode x, CelRule rule, String ptr) {
    String where = ptr + fieldPathPointer(rule.fieldPath());
    String name = "x-kubernetes-validations: " + rule.rule();
    Object result;
    try {
      // only rules with a program get here (check)
      result = Cel.evaluate(java.util.Objects.requireNonNull(rule.program()), x);
    } catch (Cel.CelException | StackOverflowError e) {
      // The API server reports an evaluation error (e.g. "no such key" for a field read without
      // has()) as an invalid value too (apiextensions-apiserver schema/cel/validation.go).
      add(
          where,
          name,
          (rule.message().isEmpty() ? "failed rule: " + rule.rule() : rule.message())
              + " (rule evaluation error: "
              + (e instanceof Cel.CelException ? e.getMessage() : "too deep")
              + ")");
      return;
    }
    if (!Boolean.TRUE.equals(result)) {
      add(
          where,
          name,
          result instanceof Boolean
              ? (rule.message().isEmpty() ? "failed rule: " + rule.rule() : rule.message())
              : "rule evaluation error: the rule does not give a bool");
    }
  }

  private void checkString(String v, SchemaNode s, String ptr) {
    boolean tooLong = false;
    if (s.minLength >= 0 || s.maxLength >= 0) {
      long runes = v.codePointCount(0, v.length());
      if (s.minLength >= 0 && runes < s.minLength) {
        add(ptr, "minLength", "should be at least " + s.minLength + " chars long");
      }
      if (s.maxLength >= 0 && runes > s.maxLength) {
        add(ptr, "maxLength", "may not be more than " + s.maxLength + " chars long");
        tooLong = true;
      }
    }
    // A string over its maxLength is refused already; matching it could take long with
    // java.util.regex (backtracking, unlike RE2), so it is not matched.
    if (s.pattern != null && !tooLong) {
      boolean found;
      try {
        found = s.pattern.matcher(v).find();
      } catch (StackOverflowError e) {
        found = false;
      }
      if (!found) {
        add(ptr, "pattern", "should match '" + s.patternText + "'");
      }
    }
    if (s.format != null) {
      boolean ok =
          switch (s.format) {
            case "ipv4" -> !v.contains(":") && InetAddresses.isInetAddress(v);
            case "ipv6" -> v.contains(":") && InetAddresses.isInetAddress(v);
            default -> true;
          };
      if (!ok) {
        add(ptr, "format", "must be of format " + s.format);
      }
    }
  }

  private void checkNumber(JsonNode x, SchemaNode s, String ptr) {
    BigDecimal v = x.decimalValue();
    if (s.minimum != null) {
      int c = v.compareTo(s.minimum);
      if (c < 0 || (s.exclusiveMinimum && c == 0)) {
        add(
            ptr,
            "minimum",
            "should be greater than "
                + (s.exclusiveMinimum ? "" : "or equal to ")
                + s.minimum.toPlainString());
      }
    }
    if (s.maximum != null) {
      int c = v.compareTo(s.maximum);
      if (c > 0 || (s.exclusiveMaximum && c == 0)) {
        add(
            ptr,
            "maximum",
            "should be less than "
                + (s.exclusiveMaximum ? "" : "or equal to ")
                + s.maximum.toPlainString());
      }
    }
    if (s.multipleOf != null
        && s.multipleOf.signum() > 0
        && v.remainder(s.multipleOf).signum() != 0) {
      add(ptr, "multipleOf", "should be a multiple of " + s.multipleOf.toPlainString());
    }
  }

  private void checkArray(ArrayNode arr, SchemaNode s, String ptr) {
    if (s.minItems >= 0 && arr.size() < s.minItems) {
      add(ptr, "minItems", "should have at least " + s.minItems + " items");
    }
    if (s.maxItems >= 0 && arr.size() > s.maxItems) {
      add(ptr, "maxItems", "must have at most " + s.maxItems + " items");
    }
    if ("set".equals(s.listType) || ("map".equals(s.listType) && !s.listMapKeys.isEmpty())) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode item = arr.get(i);
        String key;
        if ("set".equals(s.listType)) {
          key = canonical(item);
        } else {
          StringBuilder sb = new StringBuilder();
          for (String k : s.listMapKeys) {
            sb.append(canonical(item.path(k))).append('\u0000');
          }
          key = sb.toString();
        }
        Integer first = seen.putIfAbsent(key, i);
        if (first != null) {
          add(
              ptr + "/" + i,
              "x-kubernetes-list-type: " + s.listType,
              "Duplicate value"
                  + ("map".equals(s.listType)
                      ? " (same " + String.join(", ", s.listMapKeys) + " as item " + first + ")"
                      : " (same as item " + first + ")"));
        }
      }
    }
    if (s.items != null) {
      for (int i = 0; i < arr.size(); i++) {
        check(arr.get(i), s.items, ptr + "/" + i);
      }
    }
  }

  private void checkObject(ObjectNode obj, SchemaNode s, String ptr) {
    for (String r : s.required) {
      JsonNode v = obj.get(r);
      if (v == null) {
        add(ptr + "/" + Defaulting.escape(r), "required", "Required value");
      }
    }
    if (s.minProperties >= 0 && obj.size() < s.minProperties) {
      add(ptr, "minProperties", "should have at least " + s.minProperties + " properties");
    }
    if (s.maxProperties >= 0 && obj.size() > s.maxProperties) {
      add(ptr, "maxProperties", "should have at most " + s.maxProperties + " properties");
    }
    if (s.embeddedResource) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (ptr.isEmpty() && e.getKey().equals("metadata")) {
        continue; // ObjectMeta is validated by the API server's own rules, not the CRD schema
      }
      SchemaNode field = s.field(e.getKey());
      if (field != null) {
        check(e.getValue(), field, ptr + "/" + Defaulting.escape(e.getKey()));
      }
    }
  }

  /** A canonical text of a value for uniqueness (numbers by value, objects by sorted keys). */
  private static String canonical(JsonNode n) {
    if (n.isMissingNode()) {
      return "<missing>";
    }
    if (n.isNumber()) {
      return "n" + n.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (n.isObject()) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      StringBuilder sb = new StringBuilder("{");
      for (String k : keys) {
        sb.append(k).append(':').append(canonical(n.get(k))).append(',');
      }
      return sb.append('}').toString();
    }
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      n.forEach(i -> sb.append(canonical(i)).append(','));
      return sb.append(']').toString();
    }
    return n.toString();
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isTextual() || b.isTextual()) {
      return a.isTextual() && b.isTextual() && a.textValue().equals(b.textValue());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return canonical(a).equals(canonical(b));
  }

  private static boolean typeMatches(JsonNode x, SchemaNode s) {
    if (s.intOrString) {
      return x.isIntegralNumber() || x.isTextual();
    }
    if (s.type == null) {
      return true;
    }
    return switch (s.type) {
      case "object" -> x.isObject();
      case "array" -> x.isArray();
      case "string" -> x.isTextual();
      case "integer" -> x.isIntegralNumber();
      case "number" -> x.isNumber();
      case "boolean" -> x.isBoolean();
      default -> true;
    };
  }

  private static String typeName(SchemaNode s) {
    return s.intOrString ? "integer or string" : String.valueOf(s.type);
  }

  private static String jsonType(JsonNode x) {
    if (x.isObject()) {
      return "object";
    }
    if (x.isArray()) {
      return "array";
    }
    if (x.isTextual()) {
      return "string";
    }
    if (x.isIntegralNumber()) {
      return "integer";
    }
    if (x.isNumber()) {
      return "number";
    }
    if (x.isBoolean()) {
      return "boolean";
    }
    return "null";
  }

  /** A short value for a message: strings and numbers up to {@value #MAX_QUOTED} chars. */
  static String quote(JsonNode v) {
    String text = v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString();
    if (text.length() > MAX_QUOTED) {
      return jsonType(v) + " of " + text.length() + " chars";
    }
    return text;
  }

  /**
   * The JSON pointer suffix of a rule's {@code fieldPath} ({@code .spec.foo}, {@code .a['b.c']},
   * {@code .list[0]}).
   */
  static String fieldPathPointer(String fieldPath) {
    if (fieldPath.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < fieldPath.length()) {
      char c = fieldPath.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < fieldPath.length()
            && fieldPath.charAt(end) != '.'
            && fieldPath.charAt(end) != '[') {
          end++;
        }
        out.append('/').append(Defaulting.escape(fieldPath.substring(i + 1, end)));
        i = end;
      } else if (c == '[') {
        int end = fieldPath.indexOf(']', i);
        if (end < 0) {
          break;
        }
        String inner = fieldPath.substring(i + 1, end);
        if (inner.startsWith("'") && inner.endsWith("'") && inner.length() >= 2) {
          inner = inner.substring(1, inner.length() - 1);
        }
        out.append('/').append(Defaulting.escape(inner));
        i = end + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }
}
