package io.github.kongtranslator.kongmodel.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.FieldSpec;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one entity under check, with the generic rules of {@code kong/db/schema/init.lua}
 * (types, {@code required}, {@code between}, {@code one_of}, {@code len_min}, unknown fields).
 * Values of secret fields never reach a rule text.
 */
final class EntityCheck {
  static final String INIT = "kong/db/schema/init.lua";
  static final String TYPEDEFS = "kong/db/schema/typedefs.lua";

  final EntityKind kind;
  final ObjectNode json;
  final String label;
  final ImmutableList<String> tags;
  private final List<Violation> out;

  EntityCheck(
      EntityKind kind,
      ObjectNode json,
      String label,
      ImmutableList<String> tags,
      List<Violation> out) {
    this.kind = kind;
    this.json = json;
    this.label = label;
    this.tags = tags;
    this.out = out;
  }

  void fail(String field, String rule, String source) {
    out.add(new Violation(kind, label, field, rule, source, tags));
  }

  /** A value for a rule text: quoted, or withheld for a secret field. */
  String show(String field, String value) {
    return kind.secretFields().contains(field) ? "(secret value)" : "'" + value + "'";
  }

  @Nullable JsonNode raw(String field) {
    return json.get(field);
  }

  /**
   * Present and not null; an empty string counts as absent (init.lua process_auto_fields drops it).
   */
  boolean isSet(String field) {
    JsonNode v = json.get(field);
    return v != null && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty());
  }

  /** init.lua {@code is_nonempty}: not null, not an empty string, array or object. */
  boolean nonEmpty(String field) {
    JsonNode v = json.get(field);
    return v != null
        && !v.isNull()
        && !((v.isTextual() && v.textValue().isEmpty()) || (v.isContainerNode() && v.isEmpty()));
  }

  void required(String field, String source) {
    if (!isSet(field)) {
      fail(field, "required field missing", source);
    }
  }

  void unknownFields(Set<String> known, String source) {
    json.properties()
        .forEach(
            e -> {
              if (!known.contains(e.getKey()) && !e.getValue().isNull()) {
                fail(e.getKey(), "unknown field", source);
              }
            });
  }

  @Nullable String string(String field, String source) {
    if (!isSet(field)) {
      return null;
    }
    JsonNode v = json.get(field);
    if (!v.isTextual()) {
      fail(field, "expected a string", source);
      return null;
    }
    return v.textValue();
  }

  @Nullable Long integer(String field, String source) {
    return integer(field, json.get(field), source);
  }

  @Nullable Long integer(String field, @Nullable JsonNode v, String source) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!(v.isIntegralNumber()
        || (v.isNumber()
            && v.doubleValue() == Math.rint(v.doubleValue())
            && !Double.isInfinite(v.doubleValue())))) {
      fail(field, "expected an integer", source);
      return null;
    }
    return v.longValue();
  }

  @Nullable Double number(String field, @Nullable JsonNode v, String source) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      fail(field, "expected a number", source);
      return null;
    }
    return v.doubleValue();
  }

  @Nullable Boolean bool(String field, String source) {
    return bool(field, json.get(field), source);
  }

  @Nullable Boolean bool(String field, @Nullable JsonNode v, String source) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      fail(field, "expected a boolean", source);
      return null;
    }
    return v.booleanValue();
  }

  /** An array or set; empty when absent or null. */
  List<JsonNode> array(String field, String source) {
    return array(field, json.get(field), source);
  }

  List<JsonNode> array(String field, @Nullable JsonNode v, String source) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      fail(field, "expected an array", source);
      return List.of();
    }
    return ImmutableList.copyOf(v);
  }

  /** An array or set of strings; elements of another type are reported and skipped. */
  List<String> strings(String field, String source) {
    return strings(field, json.get(field), source);
  }

  List<String> strings(String field, @Nullable JsonNode v, String source) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (JsonNode e : array(field, v, source)) {
      if (e.isTextual()) {
        b.add(e.textValue());
      } else {
        fail(field, "expected an array of strings", source);
      }
    }
    return b.build();
  }

  void between(String field, @Nullable Long value, long lo, long hi, String source) {
    if (value != null && (value < lo || value > hi)) {
      fail(field, "value should be between " + lo + " and " + hi, source);
    }
  }

  void between(String field, long lo, long hi, String source) {
    between(field, integer(field, source), lo, hi, source);
  }

  void oneOf(String field, @Nullable String value, Collection<String> allowed, String source) {
    if (value != null && !allowed.contains(value)) {
      fail(field, "expected one of: " + String.join(", ", allowed), source);
    }
  }

  void oneOf(String field, Collection<String> allowed, String source) {
    oneOf(field, string(field, source), allowed, source);
  }

  /** A string field checked by a Kong custom validator. */
  void custom(String field, String source, Function<String, Optional<String>> validator) {
    String v = string(field, source);
    if (v != null) {
      validator.apply(v).ifPresent(err -> fail(field, err, source));
    }
  }

  /** The definition's default of a string field (Kong fills it in when the field is absent). */
  @Nullable String defaultString(String field) {
    return kind.fieldSpec(field)
        .flatMap(FieldSpec::defaultValue)
        .map(JsonNode::textValue)
        .orElse(null);
  }

  /** The definition's default of a list-of-strings field; empty when it has none. */
  List<String> defaultStrings(String field) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    kind.fieldSpec(field)
        .flatMap(FieldSpec::defaultValue)
        .ifPresent(d -> d.forEach(e -> b.add(e.textValue())));
    return b.build();
  }

  /**
   * The value rules of a field's definition: {@code one_of} (on each element of a list) and {@code
   * between}, as {@code kong/db/schema/init.lua} validates them. The JSON type is the model's to
   * enforce (its builders reject a wrong type); a null or empty-string value counts as absent.
   */
  void definition(FieldSpec spec, String source) {
    JsonNode v = json.get(spec.name());
    if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
      return;
    }
    if (!spec.oneOf().isEmpty()) {
      for (JsonNode e : v.isArray() ? ImmutableList.copyOf(v) : List.of(v)) {
        if (spec.oneOf().stream().noneMatch(a -> sameValue(a, e))) {
          fail(
              spec.name(),
              "expected one of: "
                  + spec.oneOf().stream()
                      .map(JsonNode::asText)
                      .collect(java.util.stream.Collectors.joining(", ")),
              source);
        }
      }
    }
    spec.between()
        .ifPresent(
            r -> between(spec.name(), integer(spec.name(), source), r.min(), r.max(), source));
  }

  /** JSON equality, numbers by value (an int node equals a long node of the same value). */
  private static boolean sameValue(JsonNode a, JsonNode b) {
    return (a.isNumber() && b.isNumber())
        ? (a.isIntegralNumber() && b.isIntegralNumber() && a.longValue() == b.longValue())
        : a.equals(b);
  }

  /** {@code typedefs.uuid}. */
  void uuid(String field) {
    String v = string(field, TYPEDEFS);
    if (v != null && !io.github.kongtranslator.kongmodel.validation.internal.KongSyntax.isUuid(v)) {
      fail(field, "expected a valid UUID", TYPEDEFS);
    }
  }

  /** {@code typedefs.tags}: a set of {@code typedefs.tag}. */
  void tagsField() {
    for (String t : strings("tags", TYPEDEFS)) {
      if (!io.github.kongtranslator.kongmodel.validation.internal.KongSyntax.isTag(t)) {
        fail(
            "tags",
            "invalid tag '"
                + t
                + "': expected printable ascii (except `,` and `/`) or valid utf-8 sequences",
            TYPEDEFS);
      }
    }
  }

  static ImmutableSet<String> set(String... values) {
    return ImmutableSet.copyOf(values);
  }
}
