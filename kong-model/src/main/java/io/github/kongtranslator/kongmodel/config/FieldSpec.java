package io.github.kongtranslator.kongmodel.config;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The definition of one known field of an entity kind, declared once in {@link EntityKind}: its
 * JSON key, JSON type, whether it is secret, and Kong 3.9.1's constraints on it (required,
 * unique, the entity kind it references, whether Kong knows the field at all). The model's
 * decoding and type checks, {@code toString()} redaction, and the validator's required, unique,
 * reference and unknown-field rules derive from it.
 */
public final class FieldSpec {
  /** Whether Kong 3.9.1's schema has the field. */
  enum Presence { KONG, EXPRESSIONS_FLAVOR, NOT_IN_KONG }

  private final String name;
  private final FieldType type;
  private final boolean secret;
  private final boolean required;
  private final boolean unique;
  private final @Nullable String references;
  private final Presence presence;

  private FieldSpec(String name, FieldType type, boolean secret, boolean required, boolean unique,
      @Nullable String references, Presence presence) {
    this.name = name;
    this.type = type;
    this.secret = secret;
    this.required = required;
    this.unique = unique;
    this.references = references;
    this.presence = presence;
  }

  static FieldSpec of(String name, FieldType type) {
    return new FieldSpec(name, type, false, false, false, null, Presence.KONG);
  }

  FieldSpec secret() {
    return new FieldSpec(name, type, true, required, unique, references, presence);
  }

  FieldSpec required() {
    return new FieldSpec(name, type, secret, true, unique, references, presence);
  }

  FieldSpec unique() {
    return new FieldSpec(name, type, secret, required, true, references, presence);
  }

  /** {@code kind}: the name of an {@link EntityKind} constant (resolved lazily: it may be declared later). */
  FieldSpec references(String kind) {
    return new FieldSpec(name, type, secret, required, unique, kind, presence);
  }

  FieldSpec expressionsFlavor() {
    return new FieldSpec(name, type, secret, required, unique, references, Presence.EXPRESSIONS_FLAVOR);
  }

  FieldSpec notInKong() {
    return new FieldSpec(name, type, secret, required, unique, references, Presence.NOT_IN_KONG);
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
   * Whether the value is secret (keys, passwords, ...): never shown in {@code toString()},
   * messages or reports.
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

  @Override
  public String toString() {
    return name + ":" + type;
  }
}
