package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A basic-auth credential of a consumer; its {@code password} is secret.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class BasicAuthCredential extends KongEntity {
  BasicAuthCredential(KongEntity.Slots slots) {
    super(EntityKind.BASIC_AUTH, slots);
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
   * The {@code username} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> username() {
    return string("username");
  }

  /**
   * The {@code password} field. Secret: never shown in {@code toString()}.
   *
   * @return the string, empty when absent
   */
  public Optional<String> password() {
    return string("password");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link BasicAuthCredential}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<BasicAuthCredential, Builder> {
    Builder() {
      super(EntityKind.BASIC_AUTH);
    }

    @Override
    BasicAuthCredential create(KongEntity.Slots slots) {
      return new BasicAuthCredential(slots);
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
     * Sets {@code username}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder username(String value) {
      return put("username", TextNode.valueOf(value));
    }

    /**
     * Sets {@code password}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder password(String value) {
      return put("password", TextNode.valueOf(value));
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
