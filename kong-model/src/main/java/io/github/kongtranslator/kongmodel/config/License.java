package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;

/**
 * A Kong enterprise license; its {@code payload} is secret.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class License extends KongEntity {
  License(KongEntity.Slots slots) {
    super(EntityKind.LICENSE, slots);
  }

  /**
   * A builder for a new, empty entity.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with every field and nested list of this entity.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * The {@code id} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> id() {
    return string("id");
  }

  /**
   * The {@code payload} field. Secret: never shown in {@code toString()}.
   *
   * @return the string, empty when absent
   */
  public Optional<String> payload() {
    return string("payload");
  }

  /** Builder of {@link License}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<License, Builder> {
    Builder() {
      super(EntityKind.LICENSE);
    }

    @Override
    License create(KongEntity.Slots slots) {
      return new License(slots);
    }

    /**
     * Sets {@code id}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder id(String value) {
      return put("id", TextNode.valueOf(value));
    }

    /**
     * Sets {@code payload}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder payload(String value) {
      return put("payload", TextNode.valueOf(value));
    }
  }
}
