package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The definition of one known field of an entity kind, declared once in {@link EntityKind}: its
 * JSON key, JSON type, whether it is secret, and Kong 3.9.1's constraints on it (required, unique,
 * the entity kind it references, whether Kong knows the field at all, its default, its {@code
 * one_of} values and its {@code between} range). The model's decoding and type checks, {@code
 * toString()} redaction, and the validator's required, unique, reference, unknown-field, {@code
 * one_of} and range rules derive from it.
 *
 * <p>The typed builders reject only a wrong JSON type; values outside {@link #oneOf()} or {@link
 * #between()} are built (as KIC would write them) and reported by the validator.
 */
public final class FieldSpec {
  /** Whether Kong 3.9.1's schema has the field. */
  enum Presence {
    KONG,
    EXPRESSIONS_FLAVOR,
    NOT_IN_KONG
  }

  private final String name;
  private final FieldType type;
  private final boolean secret;
  private final boolean required;
  private final boolean unique;
  private final @Nullable String references;
  private final Presence presence;

  /**
   * Kong's {@code between = { min, max }} on an integer field (inclusive).
   *
   * @param min the smallest value Kong accepts
   * @param max the largest value Kong accepts
   */
  public record Between(long min, long max) {}

  private final @Nullable JsonNode defaultValue;
  private final ImmutableList<JsonNode> oneOf;
  private final @Nullable Between between;
  private final boolean typedef;

  private FieldSpec(
      String name,
      FieldType type,
      boolean secret,
      boolean required,
      boolean unique,
      @Nullable String references,
      Presence presence,
      @Nullable JsonNode defaultValue,
      ImmutableList<JsonNode> oneOf,
      @Nullable Between between,
      boolean typedef) {
    this.name = name;
    this.type = type;
    this.secret = secret;
    this.required = required;
    this.unique = unique;
    this.references = references;
    this.presence = presence;
    this.defaultValue = defaultValue;
    this.oneOf = oneOf;
    this.between = between;
    this.typedef = typedef;
  }

  static FieldSpec of(String name, FieldType type) {
    return new FieldSpec(
        name,
        type,
        false,
        false,
        false,
        null,
        Presence.KONG,
        null,
        ImmutableList.of(),
        null,
        false);
  }

  private FieldSpec with(
      boolean secret,
      boolean required,
      boolean unique,
      @Nullable String references,
      Presence presence,
      @Nullable JsonNode defaultValue,
      ImmutableList<JsonNode> oneOf,
      @Nullable Between between,
      boolean typedef) {
    return new FieldSpec(
        name,
        type,
        secret,
        required,
        unique,
        references,
        presence,
        defaultValue,
        oneOf,
        between,
        typedef);
  }

  FieldSpec secret() {
    return with(
        true, required, unique, references, presence, defaultValue, oneOf, between, typedef);
  }

  FieldSpec required() {
    return with(secret, true, unique, references, presence, defaultValue, oneOf, between, typedef);
  }

  FieldSpec unique() {
    return with(
        secret, required, true, references, presence, defaultValue, oneOf, between, typedef);
  }

  /**
   * {@code kind}: the name of an {@link EntityKind} constant (resolved lazily: it may be declared
   * later).
   */
  FieldSpec references(String kind) {
    return with(secret, required, unique, kind, presence, defaultValue, oneOf, between, typedef);
  }

  FieldSpec expressionsFlavor() {
    return with(
        secret,
        required,
        unique,
        references,
        Presence.EXPRESSIONS_FLAVOR,
        defaultValue,
        oneOf,
        between,
        typedef);
  }

  FieldSpec notInKong() {
    return with(
        secret,
        required,
        unique,
        references,
        Presence.NOT_IN_KONG,
        defaultValue,
        oneOf,
        between,
        typedef);
  }

  /** Kong's {@code default}: a string, number, boolean or list of strings. */
  FieldSpec byDefault(Object value) {
    JsonNode v =
        value instanceof java.util.List<?> l
            ? Values.strings(l.stream().map(String.class::cast).toList())
            : json(value);
    if (!type.accepts(v)) {
      throw new IllegalArgumentException(name + ": default " + v + " is not " + type.description());
    }
    return with(secret, required, unique, references, presence, v, oneOf, between, typedef);
  }

  /** Kong's {@code one_of} (on the elements, for a list of strings). */
  FieldSpec oneOf(Object... values) {
    ImmutableList.Builder<JsonNode> b = ImmutableList.builder();
    for (Object o : values) {
      b.add(json(o));
    }
    return with(
        secret, required, unique, references, presence, defaultValue, b.build(), between, typedef);
  }

  /** Kong's {@code between = { min, max }}. */
  FieldSpec between(long min, long max) {
    if (type != FieldType.INTEGER || min > max) {
      throw new IllegalArgumentException(name + ": between needs an integer field and min <= max");
    }
    return with(
        secret,
        required,
        unique,
        references,
        presence,
        defaultValue,
        oneOf,
        new Between(min, max),
        typedef);
  }

  /** The constraints come from a {@code typedefs.lua} type (port, protocol, ...). */
  FieldSpec typedef() {
    return with(secret, required, unique, references, presence, defaultValue, oneOf, between, true);
  }

  private static JsonNode json(Object o) {
    if (o instanceof String s) {
      return Values.NODES.textNode(s);
    } else if (o instanceof Integer i) {
      return Values.NODES.numberNode(i);
    } else if (o instanceof Long l) {
      return Values.number(l);
    } else if (o instanceof Boolean b) {
      return Values.NODES.booleanNode(b);
    }
    throw new IllegalArgumentException("not a JSON scalar: " + o);
  }

  FieldType type() {
    return type;
  }

  /**
   * The JSON key.
   *
   * @return the key, e.g. {@code connect_timeout}
   */
  public String name() {
    return name;
  }

  /**
   * Whether the value is secret (keys, passwords, ...): never shown in {@code toString()}, messages
   * or reports.
   *
   * @return true for a secret field
   */
  public boolean isSecret() {
    return secret;
  }

  /**
   * Whether Kong requires the field (nested entities get a reference to their parent from the
   * nesting).
   *
   * @return true when required
   */
  public boolean isRequired() {
    return required;
  }

  /**
   * Whether Kong requires the value to be unique among entities of the kind.
   *
   * @return true when unique
   */
  public boolean isUnique() {
    return unique;
  }

  /**
   * The kind of entity a reference field names, by id or by name.
   *
   * @return the kind, empty for a field that is no reference
   */
  public Optional<EntityKind> references() {
    return references == null ? Optional.empty() : Optional.of(EntityKind.valueOf(references));
  }

  /**
   * Whether Kong 3.9.1's schema has the field for a router flavor.
   *
   * @param expressionsFlavor whether Kong runs with {@code router_flavor = expressions}
   * @return false for a field Kong rejects as unknown
   */
  public boolean inKong(boolean expressionsFlavor) {
    return switch (presence) {
      case KONG -> true;
      case EXPRESSIONS_FLAVOR -> expressionsFlavor;
      case NOT_IN_KONG -> false;
    };
  }

  /**
   * Kong's default, filled in by Kong when the field is absent.
   *
   * @return a copy of the default, empty when Kong has none
   */
  public Optional<JsonNode> defaultValue() {
    return defaultValue == null ? Optional.empty() : Optional.of(defaultValue.deepCopy());
  }

  /**
   * Kong's {@code one_of}: the values Kong accepts (for a list of strings, the values each element
   * may take).
   *
   * @return the accepted values in Kong's order, empty when any value of the type is accepted
   */
  public ImmutableList<JsonNode> oneOf() {
    return oneOf;
  }

  /**
   * Kong's {@code between} range of an integer field.
   *
   * @return the range, empty when unbounded
   */
  public Optional<Between> between() {
    return Optional.ofNullable(between);
  }

  /**
   * Whether the default, {@code one_of} and range come from a type of {@code
   * kong/db/schema/typedefs.lua} (a port, a protocol, ...) rather than from the entity's own schema
   * file.
   *
   * @return true for a typedef's constraints
   */
  public boolean isTypedef() {
    return typedef;
  }

  @Override
  public String toString() {
    return name + ":" + type;
  }
}
