package io.github.kongtranslator.kongmodel.config;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of Kong entity, one per {@link KongEntity} subtype, with the deck section or
 * nested-list key each is written under.
 */
public enum EntityKind {
  /** {@link Service}, section {@code services}. */
  SERVICE("services", Service.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "host", FieldType.STRING, "port", FieldType.INTEGER, "protocol", FieldType.STRING, "path", FieldType.STRING, "url", FieldType.STRING, "retries", FieldType.INTEGER, "connect_timeout", FieldType.INTEGER, "read_timeout", FieldType.INTEGER, "write_timeout", FieldType.INTEGER, "client_certificate", FieldType.REFERENCE, "ca_certificates", FieldType.STRING_LIST, "tls_verify", FieldType.BOOLEAN, "tls_verify_depth", FieldType.INTEGER, "enabled", FieldType.BOOLEAN, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of("routes", "ROUTE", "plugins", "PLUGIN")),
  /** {@link Route}, section {@code routes}. */
  ROUTE("routes", Route.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "hosts", FieldType.STRING_LIST, "paths", FieldType.STRING_LIST, "methods", FieldType.STRING_LIST, "protocols", FieldType.STRING_LIST, "headers", FieldType.OBJECT, "snis", FieldType.STRING_LIST, "sources", FieldType.ARRAY, "destinations", FieldType.ARRAY, "strip_path", FieldType.BOOLEAN, "preserve_host", FieldType.BOOLEAN, "regex_priority", FieldType.INTEGER, "https_redirect_status_code", FieldType.INTEGER, "path_handling", FieldType.STRING, "request_buffering", FieldType.BOOLEAN, "response_buffering", FieldType.BOOLEAN, "expression", FieldType.STRING, "priority", FieldType.INTEGER, "service", FieldType.REFERENCE, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of("plugins", "PLUGIN")),
  /** {@link Upstream}, section {@code upstreams}. */
  UPSTREAM("upstreams", Upstream.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "algorithm", FieldType.STRING, "hash_on", FieldType.STRING, "hash_fallback", FieldType.STRING, "hash_on_header", FieldType.STRING, "hash_fallback_header", FieldType.STRING, "hash_on_cookie", FieldType.STRING, "hash_on_cookie_path", FieldType.STRING, "hash_on_query_arg", FieldType.STRING, "hash_fallback_query_arg", FieldType.STRING, "hash_on_uri_capture", FieldType.STRING, "hash_fallback_uri_capture", FieldType.STRING, "healthchecks", FieldType.OBJECT, "host_header", FieldType.STRING, "slots", FieldType.INTEGER, "sticky_sessions_cookie", FieldType.STRING, "sticky_sessions_cookie_path", FieldType.STRING, "use_srv_name", FieldType.BOOLEAN, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of("targets", "TARGET")),
  /** {@link Target}, section {@code targets}. */
  TARGET("targets", Target.class,
      fields("id", FieldType.STRING, "target", FieldType.STRING, "weight", FieldType.INTEGER, "upstream", FieldType.REFERENCE, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of()),
  /** {@link Plugin}, section {@code plugins}. */
  PLUGIN("plugins", Plugin.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "instance_name", FieldType.STRING, "config", FieldType.OBJECT, "enabled", FieldType.BOOLEAN, "protocols", FieldType.STRING_LIST, "ordering", FieldType.OBJECT, "run_on", FieldType.STRING, "service", FieldType.REFERENCE, "route", FieldType.REFERENCE, "consumer", FieldType.REFERENCE, "consumer_group", FieldType.REFERENCE, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of()),
  /** {@link Consumer}, section {@code consumers}. */
  CONSUMER("consumers", Consumer.class,
      fields("id", FieldType.STRING, "username", FieldType.STRING, "custom_id", FieldType.STRING, "groups", FieldType.ARRAY, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of("keyauth_credentials", "KEY_AUTH", "basicauth_credentials", "BASIC_AUTH", "hmacauth_credentials", "HMAC_AUTH", "jwt_secrets", "JWT_SECRET", "oauth2_credentials", "OAUTH2", "acls", "ACL", "mtls_auth_credentials", "MTLS_AUTH", "plugins", "PLUGIN")),
  /** {@link ConsumerGroup}, section {@code consumer_groups}. */
  CONSUMER_GROUP("consumer_groups", ConsumerGroup.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "consumers", FieldType.ARRAY, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of("plugins", "PLUGIN")),
  /** {@link ConsumerGroupConsumer}, section {@code consumer_group_consumers}. */
  CONSUMER_GROUP_CONSUMER("consumer_group_consumers", ConsumerGroupConsumer.class,
      fields("consumer", FieldType.REFERENCE, "consumer_group", FieldType.REFERENCE),
      ImmutableSet.of(),
      ImmutableMap.of()),
  /** {@link KeyAuthCredential}, section {@code keyauth_credentials}. */
  KEY_AUTH("keyauth_credentials", KeyAuthCredential.class,
      fields("id", FieldType.STRING, "key", FieldType.STRING, "ttl", FieldType.INTEGER, "tags", FieldType.STRING_LIST),
      ImmutableSet.of("key"),
      ImmutableMap.of()),
  /** {@link BasicAuthCredential}, section {@code basicauth_credentials}. */
  BASIC_AUTH("basicauth_credentials", BasicAuthCredential.class,
      fields("id", FieldType.STRING, "username", FieldType.STRING, "password", FieldType.STRING, "tags", FieldType.STRING_LIST),
      ImmutableSet.of("password"),
      ImmutableMap.of()),
  /** {@link HmacAuthCredential}, section {@code hmacauth_credentials}. */
  HMAC_AUTH("hmacauth_credentials", HmacAuthCredential.class,
      fields("id", FieldType.STRING, "username", FieldType.STRING, "secret", FieldType.STRING, "tags", FieldType.STRING_LIST),
      ImmutableSet.of("secret"),
      ImmutableMap.of()),
  /** {@link JwtSecret}, section {@code jwt_secrets}. */
  JWT_SECRET("jwt_secrets", JwtSecret.class,
      fields("id", FieldType.STRING, "key", FieldType.STRING, "secret", FieldType.STRING, "algorithm", FieldType.STRING, "rsa_public_key", FieldType.STRING, "tags", FieldType.STRING_LIST),
      ImmutableSet.of("key", "secret"),
      ImmutableMap.of()),
  /** {@link Oauth2Credential}, section {@code oauth2_credentials}. */
  OAUTH2("oauth2_credentials", Oauth2Credential.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "client_id", FieldType.STRING, "client_secret", FieldType.STRING, "redirect_uris", FieldType.STRING_LIST, "hash_secret", FieldType.BOOLEAN, "client_type", FieldType.STRING, "tags", FieldType.STRING_LIST),
      ImmutableSet.of("client_secret"),
      ImmutableMap.of()),
  /** {@link AclGroup}, section {@code acls}. */
  ACL("acls", AclGroup.class,
      fields("id", FieldType.STRING, "group", FieldType.STRING, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of()),
  /** {@link MtlsAuthCredential}, section {@code mtls_auth_credentials}. */
  MTLS_AUTH("mtls_auth_credentials", MtlsAuthCredential.class,
      fields("id", FieldType.STRING, "subject_name", FieldType.STRING, "ca_certificate", FieldType.REFERENCE, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of()),
  /** {@link Certificate}, section {@code certificates}. */
  CERTIFICATE("certificates", Certificate.class,
      fields("id", FieldType.STRING, "cert", FieldType.STRING, "key", FieldType.STRING, "cert_alt", FieldType.STRING, "key_alt", FieldType.STRING, "tags", FieldType.STRING_LIST),
      ImmutableSet.of("key", "key_alt"),
      ImmutableMap.of("snis", "SNI")),
  /** {@link Sni}, section {@code snis}. */
  SNI("snis", Sni.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "certificate", FieldType.REFERENCE, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of()),
  /** {@link CaCertificate}, section {@code ca_certificates}. */
  CA_CERTIFICATE("ca_certificates", CaCertificate.class,
      fields("id", FieldType.STRING, "cert", FieldType.STRING, "cert_digest", FieldType.STRING, "tags", FieldType.STRING_LIST),
      ImmutableSet.of(),
      ImmutableMap.of()),
  /** {@link Vault}, section {@code vaults}. */
  VAULT("vaults", Vault.class,
      fields("id", FieldType.STRING, "name", FieldType.STRING, "prefix", FieldType.STRING, "description", FieldType.STRING, "config", FieldType.OBJECT, "tags", FieldType.STRING_LIST),
      ImmutableSet.of("config"),
      ImmutableMap.of()),
  /** {@link License}, section {@code licenses}. */
  LICENSE("licenses", License.class,
      fields("id", FieldType.STRING, "payload", FieldType.STRING),
      ImmutableSet.of("payload"),
      ImmutableMap.of()),
  /** {@link CustomEntity}: an entity of a custom type, in the section named after its type. */
  CUSTOM_ENTITY("", CustomEntity.class, ImmutableMap.of(), ImmutableSet.of(), ImmutableMap.of());

  private final String sectionKey;
  private final Class<? extends KongEntity> type;
  private final ImmutableMap<String, FieldType> fieldTypes;
  private final ImmutableSet<String> secretFields;
  private final ImmutableMap<String, String> childSlots;
  /** {@link #childSlots} with the kinds resolved; racy but idempotent (immutable) init. */
  private @Nullable ImmutableMap<String, EntityKind> childKinds;

  EntityKind(
      String sectionKey,
      Class<? extends KongEntity> type,
      ImmutableMap<String, FieldType> fieldTypes,
      ImmutableSet<String> secretFields,
      ImmutableMap<String, String> childSlots) {
    if (!java.util.Collections.disjoint(fieldTypes.keySet(), childSlots.keySet())) {
      // the entity builders rely on it: a typed field is never looked up as a nested list
      throw new AssertionError(sectionKey + ": a key is both a field and a nested list");
    }
    this.sectionKey = sectionKey;
    this.type = type;
    this.fieldTypes = fieldTypes;
    this.secretFields = secretFields;
    this.childSlots = childSlots;
  }

  private static ImmutableMap<String, FieldType> fields(Object... pairs) {
    ImmutableMap.Builder<String, FieldType> b = ImmutableMap.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.put((String) pairs[i], (FieldType) pairs[i + 1]);
    }
    return b.buildOrThrow();
  }

  /**
   * The key of this kind's list in the document or in its parent (e.g. {@code services},
   * {@code keyauth_credentials}); empty for {@link #CUSTOM_ENTITY}, whose key is its type.
   *
   * @return the section key
   */
  public String sectionKey() {
    return sectionKey;
  }

  /**
   * The Java type of entities of this kind.
   *
   * @return the subtype of {@link KongEntity}
   */
  public Class<? extends KongEntity> type() {
    return type;
  }

  /**
   * Names of the fields whose values are secret (keys, passwords, ...); they never appear in
   * {@code toString()} or messages.
   *
   * @return the secret field names
   */
  public ImmutableSet<String> secretFields() {
    return secretFields;
  }

  /**
   * Names of the known (typed) fields, excluding nested entity lists.
   *
   * @return the known field names in declaration order
   */
  public ImmutableSet<String> knownFields() {
    return fieldTypes.keySet();
  }

  /**
   * Keys of the nested entity lists of this kind (e.g. {@code routes} and {@code plugins} of
   * a service), in declaration order.
   *
   * @return the nested list keys
   */
  public ImmutableSet<String> childKeys() {
    return childSlots.keySet();
  }

  /**
   * The kind of the entities nested under a key.
   *
   * @param key a nested list key, e.g. {@code routes}
   * @return its kind, empty when the key holds no nested entities for this kind
   */
  public Optional<EntityKind> childKind(String key) {
    return Optional.ofNullable(childKindOrNull(key));
  }

  /** {@link #childKind(String)} without the allocation, for the decoding loop. */
  @Nullable EntityKind childKindOrNull(String key) {
    ImmutableMap<String, EntityKind> resolved = childKinds;
    if (resolved == null) { // resolved lazily: a constant may name one declared after it
      resolved = ImmutableMap.copyOf(Maps.transformValues(childSlots, EntityKind::valueOf));
      childKinds = resolved;
    }
    return resolved.get(key);
  }

  /**
   * The kind whose top-level section is {@code key}.
   *
   * @param key a top-level key of the document, e.g. {@code services}
   * @return the kind, empty for custom or unknown sections
   */
  public static Optional<EntityKind> forSection(String key) {
    for (EntityKind k : values()) {
      if (k != CUSTOM_ENTITY && k.sectionKey.equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  FieldType fieldType(String field) {
    FieldType t = fieldTypes.get(field);
    return t == null ? FieldType.ANY : t;
  }
}
