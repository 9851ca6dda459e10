package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * An oauth2 credential of a consumer; its {@code client_secret} is secret.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Oauth2Credential extends KongEntity {
  Oauth2Credential(KongEntity.Slots slots) {
    super(EntityKind.OAUTH2, slots);
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
   * The {@code client_id} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> clientId() {
    return string("client_id");
  }

  /**
   * The {@code client_secret} field. Secret: never shown in {@code toString()}.
   *
   * @return the string, empty when absent
   */
  public Optional<String> clientSecret() {
    return string("client_secret");
  }

  /**
   * The {@code redirect_uris} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> redirectUris() {
    return strings("redirect_uris");
  }

  /**
   * The {@code hash_secret} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> hashSecret() {
    return bool("hash_secret");
  }

  /**
   * The {@code client_type} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> clientType() {
    return string("client_type");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link Oauth2Credential}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Oauth2Credential, Builder> {
    Builder() {
      super(EntityKind.OAUTH2);
    }

    @Override
    Oauth2Credential create(KongEntity.Slots slots) {
      return new Oauth2Credential(slots);
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
     * Sets {@code client_id}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder clientId(String value) {
      return put("client_id", TextNode.valueOf(value));
    }

    /**
     * Sets {@code client_secret}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder clientSecret(String value) {
      return put("client_secret", TextNode.valueOf(value));
    }

    /**
     * Sets {@code redirect_uris}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder redirectUris(List<String> value) {
      return put("redirect_uris", Values.strings(value));
    }

    /**
     * Sets {@code redirect_uris}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder redirectUris(String... values) {
      return put("redirect_uris", Values.strings(List.of(values)));
    }

    /**
     * Sets {@code hash_secret}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashSecret(boolean value) {
      return put("hash_secret", BooleanNode.valueOf(value));
    }

    /**
     * Sets {@code client_type}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder clientType(String value) {
      return put("client_type", TextNode.valueOf(value));
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
