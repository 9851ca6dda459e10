package io.github.kongtranslator.kongmodel.validation;

import static io.github.kongtranslator.kongmodel.validation.EntityCheck.INIT;
import static io.github.kongtranslator.kongmodel.validation.EntityCheck.TYPEDEFS;
import static io.github.kongtranslator.kongmodel.validation.EntityCheck.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.kongmodel.atc.AtcParser;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.validation.internal.KongSyntax;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The entity-specific rules of Kong 3.9.1's schemas, one method per entity kind. */
final class EntityRules {
  private EntityRules() {}

  static final String SERVICES = "kong/db/schema/entities/services.lua";
  static final String ROUTES = "kong/db/schema/entities/routes.lua";
  static final String SUBSCHEMAS = "kong/db/schema/entities/routes_subschemas.lua";
  static final String UPSTREAMS = "kong/db/schema/entities/upstreams.lua";
  static final String TARGETS = "kong/db/schema/entities/targets.lua";
  static final String CERTIFICATES = "kong/db/schema/entities/certificates.lua";
  static final String SNIS = "kong/db/schema/entities/snis.lua";
  static final String CA_CERTIFICATES = "kong/db/schema/entities/ca_certificates.lua";
  static final String CONSUMERS = "kong/db/schema/entities/consumers.lua";
  static final String PLUGINS = "kong/db/schema/entities/plugins.lua";
  static final String VAULTS = "kong/db/schema/entities/vaults.lua";
  static final String CONSTANTS = "kong/constants.lua";

  /** The Kong file defining each kind's schema. */
  static final ImmutableMap<EntityKind, String> SCHEMA_FILE =
      ImmutableMap.<EntityKind, String>builder()
          .put(EntityKind.SERVICE, SERVICES)
          .put(EntityKind.ROUTE, ROUTES)
          .put(EntityKind.UPSTREAM, UPSTREAMS)
          .put(EntityKind.TARGET, TARGETS)
          .put(EntityKind.CERTIFICATE, CERTIFICATES)
          .put(EntityKind.SNI, SNIS)
          .put(EntityKind.CA_CERTIFICATE, CA_CERTIFICATES)
          .put(EntityKind.CONSUMER, CONSUMERS)
          .put(EntityKind.PLUGIN, PLUGINS)
          .put(EntityKind.VAULT, VAULTS)
          .put(EntityKind.KEY_AUTH, "kong/plugins/key-auth/daos.lua")
          .put(EntityKind.BASIC_AUTH, "kong/plugins/basic-auth/daos.lua")
          .put(EntityKind.HMAC_AUTH, "kong/plugins/hmac-auth/daos.lua")
          .put(EntityKind.JWT_SECRET, "kong/plugins/jwt/daos.lua")
          .put(EntityKind.OAUTH2, "kong/plugins/oauth2/daos.lua")
          .put(EntityKind.ACL, "kong/plugins/acl/daos.lua")
          .buildOrThrow();

  /** Kinds whose whole field list Kong 3.9.1 defines here: any other field is unknown to Kong. */
  static final ImmutableSet<EntityKind> CLOSED =
      ImmutableSet.of(
          EntityKind.SERVICE,
          EntityKind.ROUTE,
          EntityKind.UPSTREAM,
          EntityKind.TARGET,
          EntityKind.CERTIFICATE,
          EntityKind.SNI,
          EntityKind.CA_CERTIFICATE,
          EntityKind.CONSUMER,
          EntityKind.PLUGIN,
          EntityKind.VAULT);

  /**
   * {@code kong/constants.lua} {@code PROTOCOLS} (sorted, as Kong sorts them): the definition's.
   */
  static final ImmutableSet<String> PROTOCOLS =
      EntityKind.ROUTE.fieldSpec("protocols").orElseThrow().oneOf().stream()
          .map(JsonNode::textValue)
          .collect(ImmutableSet.toImmutableSet());

  /** {@code kong/constants.lua} {@code BUNDLED_VAULTS}. */
  static final ImmutableSet<String> BUNDLED_VAULTS = set("env");

  // ---- services.lua (defaults, one_of and ranges: the definitions, EntityCheck#definition)

  static void service(EntityCheck c) {
    utf8Name(c, "name");
    boolean url = c.isSet("url");
    if (!url) {
      c.required("host", SERVICES);
    }
    c.custom("host", TYPEDEFS, KongSyntax::host);
    c.custom("path", TYPEDEFS, KongSyntax::path);
    for (String ca : c.strings("ca_certificates", SERVICES)) {
      if (!KongSyntax.isUuid(ca)) {
        c.fail("ca_certificates", "expected a valid UUID", SERVICES);
      }
    }
    c.tagsField();
    c.uuid("id");
    String protocol =
        c.isSet("protocol")
            ? c.string("protocol", SERVICES)
            : (url ? null : c.defaultString("protocol"));
    if (protocol != null) {
      if (set("tcp", "tls", "udp", "grpc", "grpcs").contains(protocol) && c.isSet("path")) {
        c.fail("path", "value must be null when 'protocol' is '" + protocol + "'", SERVICES);
      }
      if (!set("https", "tls").contains(protocol)) {
        for (String f :
            List.of("client_certificate", "tls_verify", "tls_verify_depth", "ca_certificates")) {
          if (c.isSet(f)) {
            c.fail(f, "value must be null when 'protocol' is '" + protocol + "'", SERVICES);
          }
        }
      }
    }
  }

  // ---- routes.lua and routes_subschemas.lua

  private static final ImmutableList<ImmutableSet<String>> PROTOCOL_SUBSETS =
      ImmutableList.of(
          set("http", "https"),
          set("tcp", "tls", "udp"),
          set("tls_passthrough"),
          set("grpc", "grpcs"));
  private static final ImmutableList<String> OTHERS =
      ImmutableList.of("snis", "sources", "destinations", "methods", "hosts", "paths", "headers");

  static void route(EntityCheck c, RouterFlavor flavor) {
    boolean expressions = flavor == RouterFlavor.EXPRESSIONS;
    utf8Name(c, "name");
    c.uuid("id");
    c.tagsField();
    List<String> protocols = c.strings("protocols", ROUTES);
    if (c.raw("protocols") != null && c.raw("protocols").isArray() && protocols.isEmpty()) {
      c.fail("protocols", "length must be at least 1", ROUTES);
    }
    if (c.raw("protocols") != null && c.raw("protocols").isNull()) {
      c.fail("protocols", "required field missing", ROUTES);
    }
    if (!c.isSet("protocols")) {
      protocols = c.defaultStrings("protocols");
    }
    Set<Integer> subsets = new LinkedHashSet<>();
    for (String p : protocols) {
      for (int i = 0; i < PROTOCOL_SUBSETS.size(); i++) {
        if (PROTOCOL_SUBSETS.get(i).contains(p)) {
          subsets.add(i);
        }
      }
    }
    if (subsets.size() > 1) {
      c.fail(
          "protocols",
          "these sets are mutually exclusive: ('http', 'https'), ('tcp', 'tls', 'udp'), ('tls_passthrough'), ('grpc', 'grpcs')",
          ROUTES);
    }
    for (String sni : c.strings("snis", ROUTES)) {
      Optional<String> err = KongSyntax.wildcardHost(sni, flavor != RouterFlavor.TRADITIONAL);
      err.ifPresent(e -> c.fail("snis", e, TYPEDEFS));
    }
    sourcesOrDestinations(c, "sources");
    sourcesOrDestinations(c, "destinations");
    for (String m : c.strings("methods", TYPEDEFS)) {
      if (!KongSyntax.isHttpMethod(m)) {
        c.fail("methods", "invalid value '" + m + "': must match ^%u+$", TYPEDEFS);
      }
    }
    for (String h : c.strings("hosts", TYPEDEFS)) {
      KongSyntax.routeHost(h).ifPresent(e -> c.fail("hosts", e, TYPEDEFS));
    }
    for (String p : c.strings("paths", TYPEDEFS)) {
      KongSyntax.routerPath(p).ifPresent(e -> c.fail("paths", e, TYPEDEFS));
    }
    headers(c, "headers", true, ROUTES);

    // routes.lua: snis only with grpcs, https, tls or tls_passthrough
    if (c.nonEmpty("snis")
        && protocols.stream()
            .noneMatch(set("grpcs", "https", "tls", "tls_passthrough")::contains)) {
      c.fail(
          "snis",
          "'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or 'tls_passthrough'",
          ROUTES);
    }

    boolean hasExpression = c.isSet("expression");
    if (flavor != RouterFlavor.TRADITIONAL) {
      // routes.lua validate_route (traditional_compatible and expressions)
      boolean others = OTHERS.stream().anyMatch(c::nonEmpty);
      if (hasExpression && others) {
        c.fail(
            "@entity",
            "Router Expression failed validation: cannot set 'expression' with 'methods', 'hosts', 'paths', 'headers', 'snis', 'sources' or 'destinations' simultaneously",
            ROUTES);
      }
      Long regexPriority = c.integer("regex_priority", ROUTES);
      if (hasExpression && regexPriority != null && regexPriority != 0) {
        c.fail(
            "@entity",
            "Router Expression failed validation: cannot set 'regex_priority' with 'expression' simultaneously",
            ROUTES);
      }
      Long priority = expressions ? c.integer("priority", ROUTES) : null;
      if (others && priority != null && priority != 0) {
        c.fail(
            "@entity",
            "Router Expression failed validation: cannot set 'priority' with 'methods', 'hosts', 'paths', 'headers', 'snis', 'sources' or 'destinations' simultaneously",
            ROUTES);
      }
      if (expressions && hasExpression) {
        String exp = c.string("expression", ROUTES);
        if (exp != null) {
          AtcParser.checkSyntax(exp)
              .ifPresent(
                  e ->
                      c.fail(
                          "expression",
                          "Router Expression failed validation: " + e,
                          "Kong/atc-router src/atc_grammar.pest"));
        }
      }
    }
    subschema(c, protocols, expressions);
  }

  /** routes_subschemas.lua: the subschema of the first protocol that has one. */
  private static void subschema(EntityCheck c, List<String> protocols, boolean expressions) {
    String first = protocols.stream().filter(PROTOCOLS::contains).findFirst().orElse(null);
    if (first == null) {
      return;
    }
    List<String> exp = expressions ? List.of("expression") : List.of();
    switch (first) {
      case "http", "https" -> {
        if (!expressions) {
          mustNotSet(c, "sources", "cannot set 'sources' when 'protocols' is 'http' or 'https'");
          mustNotSet(
              c, "destinations", "cannot set 'destinations' when 'protocols' is 'http' or 'https'");
        }
        if (protocols.contains("https")) {
          atLeastOne(
              c,
              concat(List.of("methods", "hosts", "headers", "paths", "snis"), exp),
              "when 'protocols' is 'https'");
        } else if (protocols.contains("http")) {
          atLeastOne(
              c,
              concat(List.of("methods", "hosts", "headers", "paths"), exp),
              "when 'protocols' is 'http'");
        }
      }
      case "tcp", "tls", "udp", "tls_passthrough" -> {
        String why = "when 'protocols' is 'tcp', 'tls', 'tls_passthrough' or 'udp'";
        for (String f : List.of("methods", "hosts", "paths", "headers")) {
          mustNotSet(c, f, "cannot set '" + f + "' " + why);
        }
        if (protocols.stream().allMatch(set("tcp", "tls", "udp")::contains)) {
          atLeastOne(
              c,
              concat(List.of("sources", "destinations", "snis"), exp),
              "when 'protocols' is 'tcp', 'tls' or 'udp'");
        }
        if (protocols.stream().allMatch("tls_passthrough"::equals)) {
          atLeastOne(c, concat(List.of("snis"), exp), "when 'protocols' is 'tls_passthrough'");
        }
      }
      case "grpc", "grpcs" -> {
        Boolean strip = c.bool("strip_path", ROUTES);
        if (Boolean.TRUE.equals(strip)) {
          c.fail(
              "strip_path",
              "cannot set 'strip_path' when 'protocols' is 'grpc' or 'grpcs'",
              SUBSCHEMAS);
        }
        mustNotSet(c, "methods", "cannot set 'methods' when 'protocols' is 'grpc' or 'grpcs'");
        if (!expressions) {
          mustNotSet(c, "sources", "cannot set 'sources' when 'protocols' is 'grpc' or 'grpcs'");
          mustNotSet(
              c, "destinations", "cannot set 'destinations' when 'protocols' is 'grpc' or 'grpcs'");
        }
        if (protocols.contains("grpcs")) {
          atLeastOne(
              c,
              concat(List.of("hosts", "headers", "paths", "snis"), exp),
              "when 'protocols' is 'grpcs'");
        } else if (protocols.contains("grpc")) {
          atLeastOne(
              c, concat(List.of("hosts", "headers", "paths"), exp), "when 'protocols' is 'grpc'");
        }
      }
      default -> throw new AssertionError(first);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  private static void mustNotSet(EntityCheck c, String field, String err) {
    if (c.nonEmpty(field)) {
      c.fail(field, err, SUBSCHEMAS);
    }
  }

  private static void atLeastOne(EntityCheck c, List<String> fields, String when) {
    if (fields.stream().noneMatch(c::nonEmpty)) {
      c.fail(
          "@entity", "must set one of '" + String.join("', '", fields) + "' " + when, SUBSCHEMAS);
    }
  }

  /** {@code typedefs.sources} / {@code typedefs.destinations}: records of ip (or cidr) and port. */
  private static void sourcesOrDestinations(EntityCheck c, String field) {
    for (JsonNode e : c.array(field, TYPEDEFS)) {
      if (!e.isObject()) {
        c.fail(field, "expected a record", TYPEDEFS);
        continue;
      }
      JsonNode ip = e.get("ip");
      JsonNode port = e.get("port");
      boolean hasIp = ip != null && !ip.isNull();
      boolean hasPort = port != null && !port.isNull();
      if (!hasIp && !hasPort) {
        c.fail(field, "at least one of these fields must be non-empty: 'ip', 'port'", TYPEDEFS);
      }
      if (hasIp && !(ip.isTextual() && KongSyntax.isIpOrCidr(ip.textValue()))) {
        c.fail(field + ".ip", "invalid ip or cidr range: " + ip, TYPEDEFS);
      }
      if (hasPort) {
        c.between(field + ".port", c.integer(field + ".port", port, TYPEDEFS), 0, 65535, TYPEDEFS);
      }
      e.fieldNames()
          .forEachRemaining(
              k -> {
                if (!k.equals("ip") && !k.equals("port")) {
                  c.fail(field + "." + k, "unknown field", INIT);
                }
              });
    }
  }

  /** {@code typedefs.headers}: header names to arrays of strings (routes: no {@code host}). */
  private static void headers(EntityCheck c, String field, boolean route, String source) {
    JsonNode h = c.raw(field);
    headers(c, field, h, route, source);
  }

  private static void headers(
      EntityCheck c, String field, @Nullable JsonNode h, boolean route, String source) {
    if (h == null || h.isNull()) {
      return;
    }
    if (!h.isObject()) {
      c.fail(field, "expected a map", TYPEDEFS);
      return;
    }
    h.properties()
        .forEach(
            e -> {
              if (!KongSyntax.isHeaderName(e.getKey())) {
                c.fail(
                    field,
                    "bad header name '"
                        + e.getKey()
                        + "', allowed characters are A-Z, a-z, 0-9, '_', and '-'",
                    "kong/tools/http.lua");
              } else if (route && e.getKey().equalsIgnoreCase("host")) {
                c.fail(
                    field,
                    "cannot contain 'host' header, which must be specified in the 'hosts' attribute",
                    source);
              }
              c.strings(field + "." + e.getKey(), e.getValue(), TYPEDEFS);
            });
  }

  // ---- upstreams.lua

  static void upstream(EntityCheck c) {
    c.uuid("id");
    c.tagsField();
    c.custom("name", UPSTREAMS, KongSyntax::upstreamName);
    String algorithm = c.string("algorithm", UPSTREAMS);
    for (String h : List.of("hash_on_header", "hash_fallback_header")) {
      c.custom(
          h,
          "kong/tools/http.lua",
          v ->
              KongSyntax.isHeaderName(v)
                  ? Optional.empty()
                  : Optional.of(
                      "bad header name '"
                          + v
                          + "', allowed characters are A-Z, a-z, 0-9, '_', and '-'"));
    }
    c.custom(
        "hash_on_cookie",
        "kong/tools/http.lua",
        v ->
            KongSyntax.isCookieName(v)
                ? Optional.empty()
                : Optional.of(
                    "bad cookie name '"
                        + v
                        + "', allowed characters are A-Z, a-z, 0-9, '!#$%&'*+-.^_`|~'"));
    c.custom("hash_on_cookie_path", TYPEDEFS, KongSyntax::path);
    c.custom("host_header", TYPEDEFS, KongSyntax::hostWithOptionalPort);
    healthchecks(c);

    // entity_checks
    boolean shorthandResetsHashOn =
        "least-connections".equals(algorithm) || "latency".equals(algorithm);
    if (shorthandResetsHashOn) {
      return; // the algorithm shorthand sets hash_on to null ("none"): nothing below applies
    }
    String hashOn =
        c.isSet("hash_on") ? c.string("hash_on", UPSTREAMS) : c.defaultString("hash_on");
    String fallback =
        c.isSet("hash_fallback")
            ? c.string("hash_fallback", UPSTREAMS)
            : c.defaultString("hash_fallback");
    if (hashOn == null || fallback == null) {
      return;
    }
    requiredWhen(c, hashOn, "header", "hash_on", "hash_on_header");
    requiredWhen(c, fallback, "header", "hash_fallback", "hash_fallback_header");
    requiredWhen(c, hashOn, "cookie", "hash_on", "hash_on_cookie");
    requiredWhen(c, fallback, "cookie", "hash_fallback", "hash_on_cookie");
    requiredWhen(c, hashOn, "query_arg", "hash_on", "hash_on_query_arg");
    requiredWhen(c, fallback, "query_arg", "hash_fallback", "hash_fallback_query_arg");
    requiredWhen(c, hashOn, "uri_capture", "hash_on", "hash_on_uri_capture");
    requiredWhen(c, fallback, "uri_capture", "hash_fallback", "hash_fallback_uri_capture");
    if ((hashOn.equals("none") || hashOn.equals("cookie")) && !fallback.equals("none")) {
      c.fail(
          "hash_fallback", "expected one of: none (when 'hash_on' is '" + hashOn + "')", UPSTREAMS);
    }
    if (Set.of("consumer", "ip", "path").contains(hashOn) && fallback.equals(hashOn)) {
      c.fail("hash_fallback", "must not equal 'hash_on' ('" + hashOn + "')", UPSTREAMS);
    }
    distinct(c, "hash_on_header", "hash_fallback_header");
    distinct(c, "hash_on_query_arg", "hash_fallback_query_arg");
    distinct(c, "hash_on_uri_capture", "hash_fallback_uri_capture");
  }

  private static void requiredWhen(
      EntityCheck c, String value, String wanted, String ifField, String field) {
    if (value.equals(wanted) && !c.isSet(field)) {
      c.fail(
          field, "required field missing (when '" + ifField + "' is '" + wanted + "')", UPSTREAMS);
    }
  }

  private static void distinct(EntityCheck c, String a, String b) {
    JsonNode va = c.raw(a);
    JsonNode vb = c.raw(b);
    if (c.nonEmpty(a) && c.nonEmpty(b) && va != null && va.equals(vb)) {
      c.fail(
          "@entity",
          "values of these fields must be distinct: '" + a + "', '" + b + "'",
          UPSTREAMS);
    }
  }

  /** A checker of one healthchecks leaf: field path and value. */
  private interface Leaf {
    void check(EntityCheck c, String path, JsonNode v);
  }

  private static Leaf integerBetween(long lo, long hi) {
    return (c, p, v) -> c.between(p, c.integer(p, v, UPSTREAMS), lo, hi, UPSTREAMS);
  }

  private static Leaf numberBetween(double lo, double hi) {
    return (c, p, v) -> {
      Double d = c.number(p, v, UPSTREAMS);
      if (d != null && (d < lo || d > hi)) {
        c.fail(p, "value should be between " + fmt(lo) + " and " + fmt(hi), UPSTREAMS);
      }
    };
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static final Leaf STATUSES =
      (c, p, v) -> {
        for (JsonNode s : c.array(p, v, UPSTREAMS)) {
          c.between(p, c.integer(p, s, UPSTREAMS), 100, 999, UPSTREAMS);
        }
      };
  private static final Leaf CHECK_TYPE =
      (c, p, v) -> {
        if (!v.isNull()) {
          if (!v.isTextual()) {
            c.fail(p, "expected a string", UPSTREAMS);
          } else {
            c.oneOf(p, v.textValue(), List.of("tcp", "http", "https", "grpc", "grpcs"), UPSTREAMS);
          }
        }
      };
  private static final Leaf ONE_BYTE = integerBetween(0, 255);
  private static final Leaf SECONDS = numberBetween(0, 65535);

  /** upstreams.lua {@code healthchecks_config} and {@code types}, as a tree of records. */
  private static final ImmutableMap<String, Object> HEALTHCHECKS =
      ImmutableMap.of(
          "active",
              ImmutableMap.<String, Object>builder()
                  .put("type", CHECK_TYPE)
                  .put("timeout", SECONDS)
                  .put("concurrency", integerBetween(1, 1L << 31))
                  .put(
                      "http_path",
                      (Leaf)
                          (c, p, v) -> {
                            if (!v.isNull()) {
                              if (!v.isTextual()) {
                                c.fail(p, "expected a string", TYPEDEFS);
                              } else {
                                KongSyntax.path(v.textValue())
                                    .ifPresent(e -> c.fail(p, e, TYPEDEFS));
                              }
                            }
                          })
                  .put(
                      "https_sni",
                      (Leaf)
                          (c, p, v) -> {
                            if (!v.isNull()) {
                              if (!v.isTextual()) {
                                c.fail(p, "expected a string", TYPEDEFS);
                              } else {
                                KongSyntax.wildcardHost(v.textValue(), false)
                                    .ifPresent(e -> c.fail(p, e, TYPEDEFS));
                              }
                            }
                          })
                  .put("https_verify_certificate", (Leaf) (c, p, v) -> c.bool(p, v, UPSTREAMS))
                  .put("headers", (Leaf) (c, p, v) -> headers(c, p, v, false, UPSTREAMS))
                  .put(
                      "healthy",
                      ImmutableMap.of(
                          "interval", SECONDS, "http_statuses", STATUSES, "successes", ONE_BYTE))
                  .put(
                      "unhealthy",
                      ImmutableMap.of(
                          "interval",
                          SECONDS,
                          "http_statuses",
                          STATUSES,
                          "tcp_failures",
                          ONE_BYTE,
                          "timeouts",
                          ONE_BYTE,
                          "http_failures",
                          ONE_BYTE))
                  .buildOrThrow(),
          "passive",
              ImmutableMap.of(
                  "type", CHECK_TYPE,
                  "healthy", ImmutableMap.of("http_statuses", STATUSES, "successes", ONE_BYTE),
                  "unhealthy",
                      ImmutableMap.of(
                          "http_statuses",
                          STATUSES,
                          "tcp_failures",
                          ONE_BYTE,
                          "timeouts",
                          ONE_BYTE,
                          "http_failures",
                          ONE_BYTE)),
          "threshold", numberBetween(0, 100));

  private static void healthchecks(EntityCheck c) {
    JsonNode h = c.raw("healthchecks");
    if (h != null && !h.isNull()) {
      record(c, "healthchecks", h, HEALTHCHECKS);
    }
  }

  private static void record(EntityCheck c, String path, JsonNode v, Map<String, Object> fields) {
    if (!v.isObject()) {
      c.fail(path, "expected a record", INIT);
      return;
    }
    v.properties()
        .forEach(
            e -> {
              String p = path + "." + e.getKey();
              Object rule = fields.get(e.getKey());
              if (rule == null) {
                if (!e.getValue().isNull()) {
                  c.fail(p, "unknown field", INIT);
                }
              } else if (rule instanceof Leaf leaf) {
                leaf.check(c, p, e.getValue());
              } else if (!e.getValue().isNull()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sub = (Map<String, Object>) rule;
                record(c, p, e.getValue(), sub);
              }
            });
  }

  // ---- targets.lua

  static void target(EntityCheck c) {
    c.uuid("id");
    c.tagsField();
    c.custom(
        "target",
        TARGETS,
        t ->
            KongSyntax.isTarget(t)
                ? Optional.empty()
                : Optional.of("Invalid target ('" + t + "'); not a valid hostname or ip address"));
  }

  // ---- certificates.lua, snis.lua, ca_certificates.lua

  static void certificate(EntityCheck c) {
    c.uuid("id");
    c.tagsField();
    if (c.isSet("cert_alt") != c.isSet("key_alt")) {
      c.fail(
          "@entity",
          "all or none of these fields must be set: 'cert_alt', 'key_alt'",
          CERTIFICATES);
    }
  }

  static void sni(EntityCheck c) {
    c.uuid("id");
    c.tagsField();
    c.custom("name", TYPEDEFS, n -> KongSyntax.wildcardHost(n, true));
  }

  static void caCertificate(EntityCheck c) {
    c.uuid("id");
    c.tagsField();
  }

  // ---- consumers.lua

  static void consumer(EntityCheck c) {
    c.uuid("id");
    c.tagsField();
    if (!c.nonEmpty("username") && !c.nonEmpty("custom_id")) {
      c.fail(
          "@entity",
          "at least one of these fields must be non-empty: 'custom_id', 'username'",
          CONSUMERS);
    }
  }

  // ---- plugins.lua

  static void plugin(EntityCheck c) {
    // consumer_group and ordering are Kong Enterprise fields, accepted here
    c.uuid("id");
    c.tagsField();
    utf8Name(c, "instance_name");
  }

  // ---- vaults.lua

  static void vault(EntityCheck c) {
    c.uuid("id");
    c.tagsField();
    String prefix = c.string("prefix", VAULTS);
    if (prefix != null) {
      if (!prefix.matches("^[a-z][a-z0-9-]*?[a-z0-9]+$")) {
        c.fail(
            "prefix",
            "invalid value: " + prefix + " (must match ^[a-z][a-z%d-]-[a-z%d]+$)",
            VAULTS);
      }
      if (BUNDLED_VAULTS.contains(prefix)) {
        c.fail(
            "prefix",
            "must not be one of: "
                + String.join(", ", BUNDLED_VAULTS)
                + " (a bundled vault's name, "
                + CONSTANTS
                + ")",
            VAULTS);
      }
    }
  }

  // ---- credentials: kong/plugins/*/daos.lua

  static void credential(EntityCheck c) {
    if (c.kind == EntityKind.MTLS_AUTH) {
      return; // Kong Enterprise: no Kong 3.9.1 OSS schema to check against
    }
    c.uuid("id");
    c.tagsField();
  }

  // ---- shared

  /** {@code typedefs.utf8_name}. */
  private static void utf8Name(EntityCheck c, String field) {
    c.custom(
        field,
        TYPEDEFS,
        n ->
            KongSyntax.isUtf8Name(n)
                ? Optional.empty()
                : Optional.of(
                    "invalid value '"
                        + n
                        + "': the only accepted ascii characters are alphanumerics or ., -, _, and ~"));
  }
}
