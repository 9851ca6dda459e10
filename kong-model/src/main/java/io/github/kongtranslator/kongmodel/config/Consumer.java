package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A Kong consumer with its nested credentials and plugins.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Consumer extends KongEntity {
  Consumer(KongEntity.Slots slots) {
    super(EntityKind.CONSUMER, slots);
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
   * The {@code custom_id} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> customId() {
    return string("custom_id");
  }

  /**
   * The {@code groups} field.
   *
   * @return the list (a copy), empty when absent
   */
  public Optional<JsonNode> groups() {
    return json("groups");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /**
   * The nested {@code keyauth_credentials}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<KeyAuthCredential> keyauthCredentials() {
    return children("keyauth_credentials", KeyAuthCredential.class);
  }

  /**
   * The nested {@code basicauth_credentials}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<BasicAuthCredential> basicauthCredentials() {
    return children("basicauth_credentials", BasicAuthCredential.class);
  }

  /**
   * The nested {@code hmacauth_credentials}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<HmacAuthCredential> hmacauthCredentials() {
    return children("hmacauth_credentials", HmacAuthCredential.class);
  }

  /**
   * The nested {@code jwt_secrets}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<JwtSecret> jwtSecrets() {
    return children("jwt_secrets", JwtSecret.class);
  }

  /**
   * The nested {@code oauth2_credentials}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<Oauth2Credential> oauth2Credentials() {
    return children("oauth2_credentials", Oauth2Credential.class);
  }

  /**
   * The nested {@code acls}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<AclGroup> acls() {
    return children("acls", AclGroup.class);
  }

  /**
   * The nested {@code mtls_auth_credentials}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<MtlsAuthCredential> mtlsAuthCredentials() {
    return children("mtls_auth_credentials", MtlsAuthCredential.class);
  }

  /**
   * The nested {@code plugins}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<Plugin> plugins() {
    return children("plugins", Plugin.class);
  }

  /** Builder of {@link Consumer}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Consumer, Builder> {
    Builder() {
      super(EntityKind.CONSUMER);
    }

    @Override
    Consumer create(KongEntity.Slots slots) {
      return new Consumer(slots);
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
     * Sets {@code custom_id}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder customId(String value) {
      return put("custom_id", TextNode.valueOf(value));
    }

    /**
     * Sets {@code groups}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder groups(JsonNode value) {
      return set("groups", value);
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

    /**
     * Sets the nested {@code keyauth_credentials} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder keyauthCredentials(List<KeyAuthCredential> entities) {
      return putChildren("keyauth_credentials", entities);
    }

    /**
     * Appends one entity to the nested {@code keyauth_credentials}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addKeyAuthCredential(KeyAuthCredential entity) {
      return addChild("keyauth_credentials", entity);
    }

    /**
     * Sets the nested {@code basicauth_credentials} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder basicauthCredentials(List<BasicAuthCredential> entities) {
      return putChildren("basicauth_credentials", entities);
    }

    /**
     * Appends one entity to the nested {@code basicauth_credentials}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addBasicAuthCredential(BasicAuthCredential entity) {
      return addChild("basicauth_credentials", entity);
    }

    /**
     * Sets the nested {@code hmacauth_credentials} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder hmacauthCredentials(List<HmacAuthCredential> entities) {
      return putChildren("hmacauth_credentials", entities);
    }

    /**
     * Appends one entity to the nested {@code hmacauth_credentials}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addHmacAuthCredential(HmacAuthCredential entity) {
      return addChild("hmacauth_credentials", entity);
    }

    /**
     * Sets the nested {@code jwt_secrets} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder jwtSecrets(List<JwtSecret> entities) {
      return putChildren("jwt_secrets", entities);
    }

    /**
     * Appends one entity to the nested {@code jwt_secrets}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addJwtSecret(JwtSecret entity) {
      return addChild("jwt_secrets", entity);
    }

    /**
     * Sets the nested {@code oauth2_credentials} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder oauth2Credentials(List<Oauth2Credential> entities) {
      return putChildren("oauth2_credentials", entities);
    }

    /**
     * Appends one entity to the nested {@code oauth2_credentials}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addOauth2Credential(Oauth2Credential entity) {
      return addChild("oauth2_credentials", entity);
    }

    /**
     * Sets the nested {@code acls} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder acls(List<AclGroup> entities) {
      return putChildren("acls", entities);
    }

    /**
     * Appends one entity to the nested {@code acls}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addAcl(AclGroup entity) {
      return addChild("acls", entity);
    }

    /**
     * Sets the nested {@code mtls_auth_credentials} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder mtlsAuthCredentials(List<MtlsAuthCredential> entities) {
      return putChildren("mtls_auth_credentials", entities);
    }

    /**
     * Appends one entity to the nested {@code mtls_auth_credentials}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addMtlsAuthCredential(MtlsAuthCredential entity) {
      return addChild("mtls_auth_credentials", entity);
    }

    /**
     * Sets the nested {@code plugins} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder plugins(List<Plugin> entities) {
      return putChildren("plugins", entities);
    }

    /**
     * Appends one entity to the nested {@code plugins}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addPlugin(Plugin entity) {
      return addChild("plugins", entity);
    }
  }
}
