package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A key-auth credential of a consumer; its {@code key} is secret.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class KeyAuthCredential extends KongEntity {
  KeyAuthCredential(KongEntity.Slots slots) {
    super(EntityKind.KEY_AUTH, slots);
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
   * The {@code key} field. Secret: never shown in {@code toString()}.
   *
   * @return the string, empty when absent
   */
  public Optional<String> key() {
    return string("key");
  }

  /**
   * The {@code ttl} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt ttl() {
    return integer("ttl");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link KeyAuthCredential}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<KeyAuthCredential, Builder> {
    Builder() {
      super(EntityKind.KEY_AUTH);
    }

    @Override
    KeyAuthCredential create(KongEntity.Slots slots) {
      return new KeyAuthCredential(slots);
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
     * Sets {@code key}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder key(String value) {
      return put("key", TextNode.valueOf(value));
    }

    /**
     * Sets {@code ttl}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder ttl(int value) {
      return put("ttl", IntNode.valueOf(value));
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
