package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A Kong vault, addressed by its {@code prefix}; its {@code config} is secret.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Vault extends KongEntity {
  Vault(KongEntity.Slots slots) {
    super(EntityKind.VAULT, slots);
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
   * The {@code name} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> name() {
    return string("name");
  }

  /**
   * The {@code prefix} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> prefix() {
    return string("prefix");
  }

  /**
   * The {@code description} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> description() {
    return string("description");
  }

  /**
   * The {@code config} field. Secret: never shown in {@code toString()}.
   *
   * @return the object (a copy), empty when absent
   */
  public Optional<JsonNode> config() {
    return json("config");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link Vault}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Vault, Builder> {
    Builder() {
      super(EntityKind.VAULT);
    }

    @Override
    Vault create(KongEntity.Slots slots) {
      return new Vault(slots);
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
     * Sets {@code name}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder name(String value) {
      return put("name", TextNode.valueOf(value));
    }

    /**
     * Sets {@code prefix}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder prefix(String value) {
      return put("prefix", TextNode.valueOf(value));
    }

    /**
     * Sets {@code description}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder description(String value) {
      return put("description", TextNode.valueOf(value));
    }

    /**
     * Sets {@code config}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder config(JsonNode value) {
      return set("config", value);
    }

    /**
     * Sets {@code tags}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder tags(List<String> value) {
      return put("tags", Values.strings(value));
    }

    /**
     * Sets {@code tags}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder tags(String... values) {
      return put("tags", Values.strings(List.of(values)));
    }
  }
}
