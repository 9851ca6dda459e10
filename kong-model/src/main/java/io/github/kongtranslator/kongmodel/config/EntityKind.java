package io.github.kongtranslator.kongmodel.config;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of Kong entity, one per {@link KongEntity} subtype, with the deck section or
 * nested-list key each is written under.
 *
 * <p>The constants are the one definition of each entity: its fields ({@link FieldSpec}) and nested
 * lists. The typed entity classes ({@link Service}, {@link Route}, ...) are generated from them at
 * build time by {@code kong-model/src/build/java/GenerateEntityClasses.java}, which reads this
 * file, and so are {@link KongConfig}'s per-section methods (for the kinds marked {@code top}):
 * keep each constant as {@code NAME(top("section"), Type.class, fields(...), ImmutableMap.of(...))}
 * (or {@code nested("section")}) after a Javadoc whose text (before its link to {@code Type})
 * becomes the class description.
 *
 * <p>Defaults ({@code byDefault}), {@code one_of} and {@code between} follow Kong 3.9.1's schema of
 * each kind, {@code kong/db/schema/entities/<section>.lua} (credentials: {@code
 * kong/plugins/<plugin>/daos.lua}); those marked {@code typedef()} come from the type of {@code
 * kong/db/schema/typedefs.lua} the field has (port, protocol, protocols).
 */
// FieldSpec and the Guava collections are immutable; childKinds is an idempotent lazy cache
@SuppressWarnings("ImmutableEnumChecker")
public enum EntityKind {
  /**
   * A Kong service: the upstream endpoint that routes forward to, with nested routes and plugins.
   * {@link Service}, section {@code services}.
   */
  SERVICE(
      top("services"),
      Service.class,
      fields(
          string("id"),
          string("name").unique(),
          string("host"),
          integer("port").between(0, 65535).byDefault(80).typedef(),
          string("protocol").oneOf((Object[]) Kong.PROTOCOLS).byDefault("http").typedef(),
          string("path"),
          string("url"),
          integer("retries").between(0, 32767).byDefault(5),
          integer("connect_timeout").between(1, Kong.MAX_TIMEOUT).byDefault(60000),
          integer("read_timeout").between(1, Kong.MAX_TIMEOUT).byDefault(60000),
          integer("write_timeout").between(1, Kong.MAX_TIMEOUT).byDefault(60000),
          reference("client_certificate").references("CERTIFICATE"),
          strings("ca_certificates"),
          bool("tls_verify"),
          integer("tls_verify_depth").between(0, 64),
          bool("enabled").byDefault(true),
          strings("tags")),
      ImmutableMap.of("routes", "ROUTE", "plugins", "PLUGIN")),
  /**
   * A Kong route, traditional (hosts, paths, methods, headers, ...) or expression-based ({@code
   * expression} with {@code priority}). {@link Route}, section {@code routes}.
   */
  ROUTE(
      top("routes"),
      Route.class,
      fields(
          string("id"),
          string("name").unique(),
          strings("hosts"),
          strings("paths"),
          strings("methods"),
          strings("protocols")
              .oneOf((Object[]) Kong.PROTOCOLS)
              .byDefault(List.of("http", "https"))
              .typedef(),
          object("headers"),
          strings("snis"),
          array("sources"),
          array("destinations"),
          bool("strip_path").byDefault(true),
          bool("preserve_host").byDefault(false),
          integer("regex_priority").byDefault(0),
          integer("https_redirect_status_code").oneOf(426, 301, 302, 307, 308).byDefault(426),
          string("path_handling").oneOf("v0", "v1").byDefault("v0"),
          bool("request_buffering").byDefault(true),
          bool("response_buffering").byDefault(true),
          string("expression").expressionsFlavor(),
          int64("priority").expressionsFlavor().between(0, (1L << 46) - 1).byDefault(0),
          reference("service").references("SERVICE"),
          strings("tags")),
      ImmutableMap.of("plugins", "PLUGIN")),
  /**
   * A Kong upstream: load-balancing settings and health checks, with nested targets. {@link
   * Upstream}, section {@code upstreams}.
   */
  UPSTREAM(
      top("upstreams"),
      Upstream.class,
      fields(
          string("id"),
          string("name").required().unique(),
          string("algorithm")
              .oneOf("consistent-hashing", "least-connections", "round-robin", "latency")
              .byDefault("round-robin"),
          string("hash_on").oneOf((Object[]) Kong.HASH_ON).byDefault("none"),
          string("hash_fallback").oneOf((Object[]) Kong.HASH_ON).byDefault("none"),
          string("hash_on_header"),
          string("hash_fallback_header"),
          string("hash_on_cookie"),
          string("hash_on_cookie_path").byDefault("/"),
          string("hash_on_query_arg"),
          string("hash_fallback_query_arg"),
          string("hash_on_uri_capture"),
          string("hash_fallback_uri_capture"),
          object("healthchecks"),
          string("host_header"),
          integer("slots").between(10, 1 << 16).byDefault(10000),
          string("sticky_sessions_cookie").notInKong(),
          string("sticky_sessions_cookie_path").notInKong(),
          bool("use_srv_name").byDefault(false),
          reference("client_certificate").references("CERTIFICATE"),
          strings("tags")),
      ImmutableMap.of("targets", "TARGET")),
  /**
   * A target ({@code host:port}) of an upstream, with its weight. {@link Target}, section {@code
   * targets}.
   */
  TARGET(
      top("targets"),
      Target.class,
      fields(
          string("id"),
          string("target").required(),
          integer("weight").between(0, 65535).byDefault(100),
          reference("upstream").required().references("UPSTREAM"),
          strings("tags")),
      ImmutableMap.of()),
  /**
   * A Kong plugin instance: a free-form {@code config}, optionally scoped to a service, route,
   * consumer and/or consumer group. {@link Plugin}, section {@code plugins}.
   */
  PLUGIN(
      top("plugins"),
      Plugin.class,
      fields(
          string("id"),
          string("name").required(),
          string("instance_name").unique(),
          object("config"),
          bool("enabled").byDefault(true),
          strings("protocols").oneOf((Object[]) Kong.PROTOCOLS).typedef(),
          object("ordering"),
          string("run_on").notInKong(),
          reference("service").references("SERVICE"),
          reference("route").references("ROUTE"),
          reference("consumer").references("CONSUMER"),
          reference("consumer_group"),
          strings("tags")),
      ImmutableMap.of()),
  /**
   * A Kong consumer with its nested credentials and plugins. {@link Consumer}, section {@code
   * consumers}.
   */
  CONSUMER(
      top("consumers"),
      Consumer.class,
      fields(
          string("id"),
          string("username").unique(),
          string("custom_id").unique(),
          array("groups").notInKong(),
          strings("tags")),
      ImmutableMap.of(
          "keyauth_credentials",
          "KEY_AUTH",
          "basicauth_credentials",
          "BASIC_AUTH",
          "hmacauth_credentials",
          "HMAC_AUTH",
          "jwt_secrets",
          "JWT_SECRET",
          "oauth2_credentials",
          "OAUTH2",
          "acls",
          "ACL",
          "mtls_auth_credentials",
          "MTLS_AUTH",
          "plugins",
          "PLUGIN")),
  /**
   * A Kong consumer group with its nested plugins. {@link ConsumerGroup}, section {@code
   * consumer_groups}.
   */
  CONSUMER_GROUP(
      top("consumer_groups"),
      ConsumerGroup.class,
      fields(string("id"), string("name"), array("consumers"), strings("tags")),
      ImmutableMap.of("plugins", "PLUGIN")),
  /**
   * A DB-less consumer group membership: one consumer in one consumer group. {@link
   * ConsumerGroupConsumer}, section {@code consumer_group_consumers}.
   */
  CONSUMER_GROUP_CONSUMER(
      top("consumer_group_consumers"),
      ConsumerGroupConsumer.class,
      fields(reference("consumer"), reference("consumer_group")),
      ImmutableMap.of()),
  /**
   * A key-auth credential of a consumer; its {@code key} is secret. {@link KeyAuthCredential},
   * section {@code keyauth_credentials}.
   */
  KEY_AUTH(
      nested("keyauth_credentials"),
      KeyAuthCredential.class,
      fields(string("id"), string("key").secret().unique(), integer("ttl"), strings("tags")),
      ImmutableMap.of()),
  /**
   * A basic-auth credential of a consumer; its {@code password} is secret. {@link
   * BasicAuthCredential}, section {@code basicauth_credentials}.
   */
  BASIC_AUTH(
      nested("basicauth_credentials"),
      BasicAuthCredential.class,
      fields(
          string("id"),
          string("username").required().unique(),
          string("password").secret().required(),
          strings("tags")),
      ImmutableMap.of()),
  /**
   * An hmac-auth credential of a consumer; its {@code secret} is secret. {@link
   * HmacAuthCredential}, section {@code hmacauth_credentials}.
   */
  HMAC_AUTH(
      nested("hmacauth_credentials"),
      HmacAuthCredential.class,
      fields(
          string("id"),
          string("username").required().unique(),
          string("secret").secret(),
          strings("tags")),
      ImmutableMap.of()),
  /**
   * A jwt credential of a consumer; its {@code key} and {@code secret} are secret. {@link
   * JwtSecret}, section {@code jwt_secrets}.
   */
  JWT_SECRET(
      nested("jwt_secrets"),
      JwtSecret.class,
      fields(
          string("id"),
          string("key").secret().unique(),
          string("secret").secret(),
          string("algorithm")
              .oneOf(
                  "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
                  "PS256", "PS384", "PS512", "EdDSA")
              .byDefault("HS256"),
          string("rsa_public_key"),
          strings("tags")),
      ImmutableMap.of()),
  /**
   * An oauth2 credential of a consumer; its {@code client_secret} is secret. {@link
   * Oauth2Credential}, section {@code oauth2_credentials}.
   */
  OAUTH2(
      nested("oauth2_credentials"),
      Oauth2Credential.class,
      fields(
          string("id"),
          string("name").required(),
          string("client_id").unique(),
          string("client_secret").secret(),
          strings("redirect_uris"),
          bool("hash_secret").byDefault(false),
          string("client_type").oneOf("confidential", "public").byDefault("confidential"),
          strings("tags")),
      ImmutableMap.of()),
  /** An ACL group membership of a consumer. {@link AclGroup}, section {@code acls}. */
  ACL(
      nested("acls"),
      AclGroup.class,
      fields(string("id"), string("group").required(), strings("tags")),
      ImmutableMap.of()),
  /**
   * An mtls-auth credential of a consumer. {@link MtlsAuthCredential}, section {@code
   * mtls_auth_credentials}.
   */
  MTLS_AUTH(
      nested("mtls_auth_credentials"),
      MtlsAuthCredential.class,
      fields(string("id"), string("subject_name"), reference("ca_certificate"), strings("tags")),
      ImmutableMap.of()),
  /**
   * A TLS certificate with its nested SNIs; its private {@code key} is secret. {@link Certificate},
   * section {@code certificates}.
   */
  CERTIFICATE(
      top("certificates"),
      Certificate.class,
      fields(
          string("id"),
          string("cert").required(),
          string("key").secret().required(),
          string("cert_alt"),
          string("key_alt").secret(),
          strings("tags")),
      ImmutableMap.of("snis", "SNI")),
  /** A server name bound to a certificate. {@link Sni}, section {@code snis}. */
  SNI(
      top("snis"),
      Sni.class,
      fields(
          string("id"),
          string("name").required().unique(),
          reference("certificate").required().references("CERTIFICATE"),
          strings("tags")),
      ImmutableMap.of()),
  /**
   * A CA certificate used to verify upstream or client certificates. {@link CaCertificate}, section
   * {@code ca_certificates}.
   */
  CA_CERTIFICATE(
      top("ca_certificates"),
      CaCertificate.class,
      fields(
          string("id"), string("cert").required(), string("cert_digest").unique(), strings("tags")),
      ImmutableMap.of()),
  /**
   * A Kong vault, addressed by its {@code prefix}; its {@code config} is secret. {@link Vault},
   * section {@code vaults}.
   */
  VAULT(
      top("vaults"),
      Vault.class,
      fields(
          string("id"),
          string("name").required(),
          string("prefix").required().unique(),
          string("description"),
          object("config").secret(),
          strings("tags")),
      ImmutableMap.of()),
  /**
   * A Kong enterprise license; its {@code payload} is secret. {@link License}, section {@code
   * licenses}.
   */
  LICENSE(
      top("licenses"),
      License.class,
      fields(string("id"), string("payload").secret()),
      ImmutableMap.of()),
  /** {@link CustomEntity}: an entity of a custom type, in the section named after its type. */
  CUSTOM_ENTITY(nested(""), CustomEntity.class, fields(), ImmutableMap.of());

  /**
   * Values shared by several definitions (a nested class: enum constants cannot read the enum's own
   * static fields).
   */
  private static final class Kong {
    /** {@code kong/constants.lua} {@code PROTOCOLS}, sorted as Kong sorts them. */
    static final String[] PROTOCOLS = {
      "grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"
    };

    /** {@code kong/db/schema/entities/upstreams.lua} {@code hash_on}. */
    static final String[] HASH_ON = {
      "none", "consumer", "ip", "header", "cookie", "path", "query_arg", "uri_capture"
    };

    /** {@code services.lua} {@code nonzero_timeout}: {@code between = { 1, 2^31 - 2 }}. */
    static final long MAX_TIMEOUT = (1L << 31) - 2;
  }

  private final String sectionKey;
  private final Class<? extends KongEntity> type;
  private final ImmutableList<FieldSpec> fieldSpecs;
  private final ImmutableMap<String, FieldSpec> fieldsByName;
  private final ImmutableSet<String> secretFields;
  private final ImmutableMap<String, String> childSlots;

  /** {@link #childSlots} with the kinds resolved; racy but idempotent (immutable) init. */
  private @Nullable ImmutableMap<String, EntityKind> childKinds;

  EntityKind(
      String sectionKey,
      Class<? extends KongEntity> type,
      ImmutableList<FieldSpec> fieldSpecs,
      ImmutableMap<String, String> childSlots) {
    this.fieldsByName = Maps.uniqueIndex(fieldSpecs, FieldSpec::name);
    if (!java.util.Collections.disjoint(fieldsByName.keySet(), childSlots.keySet())) {
      // the entity builders rely on it: a typed field is never looked up as a nested list
      throw new AssertionError(sectionKey + ": a key is both a field and a nested list");
    }
    this.sectionKey = sectionKey;
    this.type = type;
    this.fieldSpecs = fieldSpecs;
    this.secretFields =
        fieldSpecs.stream()
            .filter(FieldSpec::isSecret)
            .map(FieldSpec::name)
            .collect(ImmutableSet.toImmutableSet());
    this.childSlots = childSlots;
  }

  /**
   * A kind written as a top-level section of the document (also nested, for some), with typed
   * accessors on {@link KongConfig} and its builder (generated from this marker).
   */
  private static String top(String sectionKey) {
    return sectionKey;
  }

  /**
   * A kind written nested in its parent: {@link KongConfig} reads a top-level section of it as
   * typed entities but has no typed accessors for one.
   */
  private static String nested(String sectionKey) {
    return sectionKey;
  }

  private static ImmutableList<FieldSpec> fields(FieldSpec... specs) {
    return ImmutableList.copyOf(specs);
  }

  private static FieldSpec string(String name) {
    return FieldSpec.of(name, FieldType.STRING);
  }

  private static FieldSpec integer(String name) {
    return FieldSpec.of(name, FieldType.INTEGER);
  }

  /** An integer field whose typed accessor and setter use {@code long}. */
  private static FieldSpec int64(String name) {
    return FieldSpec.of(name, FieldType.INTEGER);
  }

  private static FieldSpec bool(String name) {
    return FieldSpec.of(name, FieldType.BOOLEAN);
  }

  private static FieldSpec strings(String name) {
    return FieldSpec.of(name, FieldType.STRING_LIST);
  }

  private static FieldSpec object(String name) {
    return FieldSpec.of(name, FieldType.OBJECT);
  }

  private static FieldSpec array(String name) {
    return FieldSpec.of(name, FieldType.ARRAY);
  }

  private static FieldSpec reference(String name) {
    return FieldSpec.of(name, FieldType.REFERENCE);
  }

  /**
   * The key of this kind's list in the document or in its parent (e.g. {@code services}, {@code
   * keyauth_credentials}); empty for {@link #CUSTOM_ENTITY}, whose key is its type.
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
   * Names of the fields whose values are secret (keys, passwords, ...); they never appear in {@code
   * toString()} or messages.
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
    return fieldsByName.keySet();
  }

  /**
   * The definitions of the known (typed) fields, in declaration order (the order of {@link
   * #knownFields()}).
   *
   * @return the field definitions
   */
  public ImmutableList<FieldSpec> fieldSpecs() {
    return fieldSpecs;
  }

  /**
   * The definition of a known field.
   *
   * @param field the JSON key
   * @return the definition, empty for a field the kind does not type
   */
  public Optional<FieldSpec> fieldSpec(String field) {
    return Optional.ofNullable(fieldsByName.get(field));
  }

  /**
   * Keys of the nested entity lists of this kind (e.g. {@code routes} and {@code plugins} of a
   * service), in declaration order.
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
    FieldSpec f = fieldsByName.get(field);
    return f == null ? FieldType.ANY : f.type();
  }
}
