package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A jwt credential of a consumer; its {@code key} and {@code secret} are secret.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class JwtSecret extends KongEntity {
  JwtSecret(KongEntity.Slots slots) {
    super(EntityKind.JWT_SECRET, slots);
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
   * The {@code secret} field. Secret: never shown in {@code toString()}.
   *
   * @return the string, empty when absent
   */
  public Optional<String> secret() {
    return string("secret");
  }

  /**
   * The {@code algorithm} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> algorithm() {
    return string("algorithm");
  }

  /**
   * The {@code rsa_public_key} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> rsaPublicKey() {
    return string("rsa_public_key");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link JwtSecret}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<JwtSecret, Builder> {
    Builder() {
      super(EntityKind.JWT_SECRET);
    }

    @Override
    JwtSecret create(KongEntity.Slots slots) {
      return new JwtSecret(slots);
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
     * Sets {@code secret}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder secret(String value) {
      return put("secret", TextNode.valueOf(value));
    }

    /**
     * Sets {@code algorithm}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder algorithm(String value) {
      return put("algorithm", TextNode.valueOf(value));
    }

    /**
     * Sets {@code rsa_public_key}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder rsaPublicKey(String value) {
      return put("rsa_public_key", TextNode.valueOf(value));
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
