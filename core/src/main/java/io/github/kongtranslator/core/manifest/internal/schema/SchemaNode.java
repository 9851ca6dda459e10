package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One node of a CRD's {@code openAPIV3Schema}, compiled once per (kind, version): regular
 * expressions compiled, CEL rules parsed, defaults kept as trees. Immutable after {@link #compile};
 * shared by every object validated against it.
 */
final class SchemaNode {
  @Nullable String type;
  boolean nullable;
  @Nullable JsonNode defaultValue;
  final Map<String, SchemaNode> properties = new LinkedHashMap<>();
  @Nullable SchemaNode items;
  @Nullable SchemaNode additionalProperties;
  final List<String> required = new ArrayList<>();
  @Nullable List<JsonNode> enumValues;
  @Nullable String patternText;
  @Nullable Pattern pattern;
  @Nullable String format;
  @Nullable BigDecimal minimum;
  @Nullable BigDecimal maximum;
  boolean exclusiveMinimum;
  boolean exclusiveMaximum;
  @Nullable BigDecimal multipleOf;
  long minLength = -1;
  long maxLength = -1;
  long minItems = -1;
  long maxItems = -1;
  long minProperties = -1;
  long maxProperties = -1;
  boolean intOrString;
  boolean preserveUnknownFields;
  boolean embeddedResource;
  @Nullable String listType;
  final List<String> listMapKeys = new ArrayList<>();
  final List<SchemaNode> allOf = new ArrayList<>();
  final List<SchemaNode> anyOf = new ArrayList<>();
  final List<SchemaNode> oneOf = new ArrayList<>();
  @Nullable SchemaNode not;
  final List<CelRule> rules = new ArrayList<>();

  private SchemaNode() {}

  /** Whether this node or any node below it carries a default (lets defaulting skip subtrees). */
  boolean hasDefaultsBelow;

  /**
   * Compiles a schema tree.
   *
   * @param json the {@code openAPIV3Schema} (or a part of it)
   * @param patterns compiles a Go (RE2) regular expression, cached by the caller
   * @param cel compiles a CEL rule, cached by the caller
   */
  static SchemaNode compile(
      JsonNode json, Function<String, Pattern> patterns, Function<JsonNode, CelRule> cel) {
    SchemaNode n = new SchemaNode();
    n.type = text(json, "type");
    n.nullable = json.path("nullable").asBoolean(false);
    JsonNode def = json.get("default");
    n.defaultValue = def == null || def.isNull() ? null : def;
    JsonNode props = json.get("properties");
    if (props != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        n.properties.put(e.getKey(), compile(e.getValue(), patterns, cel));
      }
    }
    JsonNode items = json.get("items");
    if (items != null && items.isObject()) {
      n.items = compile(items, patterns, cel);
    }
    JsonNode ap = json.get("additionalProperties");
    if (ap != null && ap.isObject()) {
      n.additionalProperties = compile(ap, patterns, cel);
    }
    json.path("required").forEach(r -> n.required.add(r.asText()));
    JsonNode en = json.get("enum");
    if (en != null && en.isArray()) {
      List<JsonNode> values = new ArrayList<>();
      en.forEach(values::add);
      n.enumValues = values;
    }
    n.patternText = text(json, "pattern");
    if (n.patternText != null) {
      n.pattern = patterns.apply(n.patternText);
    }
    n.format = text(json, "format");
    n.minimum = decimal(json, "minimum");
    n.maximum = decimal(json, "maximum");
    n.exclusiveMinimum = json.path("exclusiveMinimum").asBoolean(false);
    n.exclusiveMaximum = json.path("exclusiveMaximum").asBoolean(false);
    n.multipleOf = decimal(json, "multipleOf");
    n.minLength = json.path("minLength").asLong(-1);
    n.maxLength = json.path("maxLength").asLong(-1);
    n.minItems = json.path("minItems").asLong(-1);
    n.maxItems = json.path("maxItems").asLong(-1);
    n.minProperties = json.path("minProperties").asLong(-1);
    n.maxProperties = json.path("maxProperties").asLong(-1);
    n.intOrString = json.path("x-kubernetes-int-or-string").asBoolean(false);
    n.preserveUnknownFields = json.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    n.embeddedResource = json.path("x-kubernetes-embedded-resource").asBoolean(false);
    n.listType = text(json, "x-kubernetes-list-type");
    json.path("x-kubernetes-list-map-keys").forEach(k -> n.listMapKeys.add(k.asText()));
    json.path("allOf").forEach(s -> n.allOf.add(compile(s, patterns, cel)));
    json.path("anyOf").forEach(s -> n.anyOf.add(compile(s, patterns, cel)));
    json.path("oneOf").forEach(s -> n.oneOf.add(compile(s, patterns, cel)));
    JsonNode not = json.get("not");
    if (not != null && not.isObject()) {
      n.not = compile(not, patterns, cel);
    }
    json.path("x-kubernetes-validations").forEach(r -> n.rules.add(cel.apply(r)));
    n.hasDefaultsBelow =
        n.defaultValue != null
            || n.properties.values().stream().anyMatch(p -> p.hasDefaultsBelow)
            || (n.items != null && n.items.hasDefaultsBelow)
            || (n.additionalProperties != null && n.additionalProperties.hasDefaultsBelow);
    return n;
  }

  /** The schema for a field of an object, or null when the field is unknown. */
  @Nullable SchemaNode field(String name) {
    SchemaNode p = properties.get(name);
    return p != null ? p : additionalProperties;
  }

  /** Visits this node and every node below it (properties, items, additionalProperties). */
  void forEachNode(String path, java.util.function.BiConsumer<String, SchemaNode> visitor) {
    visitor.accept(path, this);
    properties.forEach((k, v) -> v.forEachNode(path + "." + k, visitor));
    if (items != null) {
      items.forEachNode(path + "[]", visitor);
    }
    if (additionalProperties != null) {
      additionalProperties.forEachNode(path + "{}", visitor);
    }
  }

  private static @Nullable String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static @Nullable BigDecimal decimal(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || !v.isNumber() ? null : v.decimalValue();
  }
}
