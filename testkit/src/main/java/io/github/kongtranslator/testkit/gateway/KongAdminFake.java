package io.github.kongtranslator.testkit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kongtranslator.core.json.CanonicalJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Kong 3.9 Admin API in process, on {@code 127.0.0.1} (an ephemeral port), that behaves as Kong's
 * own code defines it ({@code Kong/kong} tag 3.9.1: {@code kong/api/endpoints.lua}, {@code
 * kong/api/routes/*.lua}, {@code kong/db/errors.lua}, the entity schemas), so that a client that
 * works against it works against Kong. Each behaviour names the spec case of {@code
 * spec/02-integration/04-admin_api/} it follows; {@code KongAdminFakeContractIT} checks them.
 *
 * <ul>
 *   <li><b>Collections</b>: services, routes, upstreams, targets (under {@code
 *       /upstreams/{u}/targets}; {@code /targets} is 404), plugins, consumers, certificates, CA
 *       certificates, SNIs, vaults, the credentials of the bundled auth plugins (under {@code
 *       /consumers/{c}/key-auth} …, listed at {@code /key-auths} …). Enterprise only: consumer
 *       groups (members under {@code /consumer_groups/{g}/consumers}), licenses, {@code mtls-auth}
 *       credentials, {@code degraphql_routes}. On OSS these answer 404.
 *   <li><b>PUT</b> on {@code /{collection}/{id or name}} creates or replaces (09-routes "creates if
 *       not found"); on {@code /upstreams/{u}/targets/{t}} it only updates and answers 404 for a
 *       missing target ({@code kong/api/routes/upstreams.lua} {@code target_endpoint}); targets are
 *       created with POST, and a second target with the same address is a 409 (08-targets "fails to
 *       create duplicated targets").
 *   <li><b>Unique fields</b> (names, usernames, credential keys, SNI names, vault prefixes) give
 *       409 {@code unique constraint violation}; a missing foreign entity gives 400 {@code foreign
 *       key violation}; deleting an entity still referenced without cascade (a service with routes,
 *       a certificate with SNIs) gives 400 ({@code foreign_key_violation_restricted}); plugins,
 *       targets, credentials and memberships are deleted with their parent ({@code on_delete =
 *       "cascade"}). A top-level DELETE of a missing entity is 204 (10-services "returns HTTP 204
 *       even if not found").
 *   <li><b>Lists</b>: pages of {@code size} (default 100, at most 1000) with an opaque {@code
 *       offset} and a {@code next} path that keeps {@code tags} and {@code size} (14-tags "returns
 *       the correct 'next' arg"); {@code ?tags=a,b} requires all, {@code a/b} any, a mix is a 400
 *       (14-tags "errors if filter by mix of AND and OR"); nested lists ignore {@code tags}
 *       (14-tags "ignores tags when filtering by multiple filters #6779").
 *   <li><b>DB-less</b> ({@link #dbLess()}): {@code POST /config} replaces the configuration or
 *       answers 400 with {@code flattened_errors} ({@code ?flatten_errors=1}); {@code check_hash=1}
 *       with the current configuration answers 304 (15-off "returns 304 if checking hash and
 *       configuration is identical"); entity writes are 405 (15-off "returns HTTP 405 on invalid
 *       method").
 *   <li><b>Faults</b>: {@link #failRequest} (the n-th request of this node) and {@link
 *       #failMatching} (requests whose {@code METHOD path} matches): an HTTP status, or a
 *       connection reset before or after processing. {@link #rejectEntities} makes entities fail
 *       schema validation (400).
 * </ul>
 *
 * <p>Several nodes may share one {@link KongDatabase} ({@link #node(KongDatabase)}), as Kong nodes
 * share Postgres; each node has its own {@code node_id}, request log and faults.
 */
public final class KongAdminFake implements AutoCloseable {

  /** Which Kong: OSS lacks the Enterprise collections. */
  public enum Edition {
    /** Kong Gateway OSS. */
    OSS,
    /** Kong Gateway Enterprise. */
    ENTERPRISE
  }

  /** A foreign key: the collection it points to and whether deleting that parent cascades. */
  private record Fk(String collection, boolean cascade) {}

  /**
   * A collection's schema, as far as the Admin API's behaviour depends on it.
   *
   * @param name the collection
   * @param endpointKey the field usable instead of the id in a path (Kong's {@code endpoint_key}),
   *     or empty
   * @param unique field groups that must be unique (one field, or a composite)
   * @param fks foreign keys by field
   * @param tags whether the entity has {@code tags}
   * @param defaults fields Kong fills in
   * @param enterprise whether only Enterprise has it
   */
  private record Schema(
      String name,
      String endpointKey,
      List<List<String>> unique,
      Map<String, Fk> fks,
      boolean tags,
      Map<String, Object> defaults,
      boolean enterprise) {}

  static {
    // the JDK server writes the status line and the body separately; without TCP_NODELAY every
    // answer with a body waits for the client's delayed ACK (~40 ms). Read once, at first use.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

  /** Credential endpoint under {@code /consumers/{c}/} → listing collection. */
  private static final ImmutableMap<String, String> CREDENTIALS =
      ImmutableMap.<String, String>builder()
          .put("key-auth", "key-auths")
          .put("basic-auth", "basic-auths")
          .put("hmac-auth", "hmac-auths")
          .put("jwt", "jwts")
          .put("oauth2", "oauth2")
          .put("acls", "acls")
          .put("mtls-auth", "mtls-auths")
          .build();

  private static final String MEMBERS = "consumer_group_consumers";

  static {
    Fk consumer = new Fk("consumers", true);
    // kong/db/schema/entities/services.lua, routes.lua (service: no on_delete, so restrict), ...
    schema(
        "services",
        "name",
        List.of(List.of("name")),
        Map.of("client_certificate", new Fk("certificates", false)),
        true,
        Map.of(
            "retries",
            5,
            "connect_timeout",
            60000,
            "write_timeout",
            60000,
            "read_timeout",
            60000,
            "enabled",
            true,
            "protocol",
            "http",
            "port",
            80),
        false);
    schema(
        "routes",
        "name",
        List.of(List.of("name")),
        Map.of("service", new Fk("services", false)),
        true,
        Map.of(
            "strip_path",
            true,
            "preserve_host",
            false,
            "regex_priority",
            0,
            "https_redirect_status_code",
            426,
            "path_handling",
            "v0",
            "request_buffering",
            true,
            "response_buffering",
            true,
            "protocols",
            List.of("http", "https")),
        false);
    schema(
        "upstreams",
        "name",
        List.of(List.of("name")),
        Map.of("client_certificate", new Fk("certificates", false)),
        true,
        Map.of(
            "algorithm", "round-robin", "slots", 10000, "hash_on", "none", "hash_fallback", "none"),
        false);
    // targets.lua: upstream on_delete = "cascade", cache_key = {upstream, target}
    schema(
        "targets",
        "",
        List.of(List.of("upstream", "target")),
        Map.of("upstream", new Fk("upstreams", true)),
        true,
        Map.of("weight", 100),
        false);
    // plugins.lua: route, service, consumer on_delete = "cascade"; unique per cache key
    schema(
        "plugins",
        "",
        List.of(List.of("name", "route", "service", "consumer", "consumer_group")),
        Map.of(
            "route",
            new Fk("routes", true),
            "service",
            new Fk("services", true),
            "consumer",
            consumer,
            "consumer_group",
            new Fk("consumer_groups", true)),
        true,
        Map.of("enabled", true, "protocols", List.of("grpc", "grpcs", "http", "https")),
        false);
    schema(
        "consumers",
        "username",
        List.of(List.of("username"), List.of("custom_id")),
        Map.of(),
        true,
        Map.of(),
        false);
    schema("consumer_groups", "name", List.of(List.of("name")), Map.of(), true, Map.of(), true);
    schema(
        MEMBERS,
        "",
        List.of(List.of("consumer_group", "consumer")),
        Map.of("consumer_group", new Fk("consumer_groups", true), "consumer", consumer),
        false,
        Map.of(),
        true);
    schema("certificates", "", List.of(), Map.of(), true, Map.of(), false);
    schema("ca_certificates", "", List.of(), Map.of(), true, Map.of(), false);
    // snis.lua: certificate is required, no on_delete: restrict
    schema(
        "snis",
        "name",
        List.of(List.of("name")),
        Map.of("certificate", new Fk("certificates", false)),
        true,
        Map.of(),
        false);
    schema("vaults", "prefix", List.of(List.of("prefix")), Map.of(), true, Map.of(), false);
    // kong/plugins/*/daos.lua: consumer on_delete = "cascade"
    schema(
        "key-auths",
        "",
        List.of(List.of("key")),
        Map.of("consumer", consumer),
        true,
        Map.of(),
        false);
    schema(
        "basic-auths",
        "",
        List.of(List.of("username")),
        Map.of("consumer", consumer),
        true,
        Map.of(),
        false);
    schema(
        "hmac-auths",
        "",
        List.of(List.of("username")),
        Map.of("consumer", consumer),
        true,
        Map.of(),
        false);
    schema(
        "jwts", "", List.of(List.of("key")), Map.of("consumer", consumer), true, Map.of(), false);
    schema(
        "oauth2",
        "",
        List.of(List.of("client_id")),
        Map.of("consumer", consumer),
        true,
        Map.of(),
        false);
    schema(
        "acls",
        "",
        List.of(List.of("consumer", "group")),
        Map.of("consumer", consumer),
        true,
        Map.of(),
        false);
    schema("mtls-auths", "", List.of(), Map.of("consumer", consumer), true, Map.of(), true);
    schema("licenses", "", List.of(), Map.of(), false, Map.of(), true);
    schema(
        "degraphql_routes",
        "",
        List.of(),
        Map.of("service", new Fk("services", true)),
        true,
        Map.of(),
        true);
  }

  private static void schema(
      String name,
      String key,
      List<List<String>> unique,
      Map<String, Fk> fks,
      boolean tags,
      Map<String, Object> defaults,
      boolean enterprise) {
    SCHEMAS.put(name, new Schema(name, key, unique, fks, tags, defaults, enterprise));
  }

  private static final Pattern UUID_RE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** kong/api/endpoints.lua: printable ASCII except ',' and '/', plus UTF-8. */
  private static final Pattern TAG_AND =
      Pattern.compile("^([\\x20-\\x2B\\x2D\\x2E\\x30-\\x7E\\u0080-\\uFFFF]+(,|$))+$");

  private static final Pattern TAG_OR =
      Pattern.compile("^([\\x20-\\x2B\\x2D\\x2E\\x30-\\x7E\\u0080-\\uFFFF]+(/|$))+$");
  private static final String EMPTY_HASH = "00000000000000000000000000000000";

  private final KongDatabase db;
  private final boolean dbLess;
  private final String nodeId;
  private final HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private final Map<Long, HttpFault> byNumber = new LinkedHashMap<>();
  private final List<Matching> matching = new ArrayList<>();
  private volatile Predicate<JsonNode> rejects = e -> false;
  private long count;
  private JsonNode declarative = KongDatabase.MAPPER.createObjectNode();
  private String configHash = EMPTY_HASH;

  private static final class Matching {
    final Predicate<String> which;
    final HttpFault fault;
    int left;

    Matching(Predicate<String> which, HttpFault fault, int times) {
      this.which = which;
      this.fault = fault;
      this.left = times;
    }
  }

  private KongAdminFake(KongDatabase db, boolean dbLess, String nodeId) {
    this.db = db;
    this.dbLess = dbLess;
    this.nodeId = nodeId;
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake Admin API", e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * A database-backed node on a new, empty database.
   *
   * @param edition OSS or Enterprise
   * @return the running node
   */
  public static KongAdminFake start(Edition edition) {
    return node(new KongDatabase(edition));
  }

  /**
   * Another node on a database (several Kong nodes, one Postgres).
   *
   * @param db the shared database
   * @return the running node
   */
  public static KongAdminFake node(KongDatabase db) {
    String id;
    synchronized (db) {
      id = db.newId("node");
    }
    return new KongAdminFake(db, false, id);
  }

  /**
   * A DB-less node (Kong with {@code database = off}), OSS.
   *
   * @return the running node
   */
  public static KongAdminFake dbLess() {
    KongDatabase db = new KongDatabase(Edition.OSS);
    String id;
    synchronized (db) {
      id = db.newId("node");
    }
    return new KongAdminFake(db, true, id);
  }

  /**
   * The Admin API URL, {@code http://127.0.0.1:<port>}.
   *
   * @return the URL
   */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The node's {@code node_id} (as {@code GET /} reports it).
   *
   * @return the node id
   */
  public String nodeId() {
    return nodeId;
  }

  /**
   * The database this node uses.
   *
   * @return the database
   */
  public KongDatabase database() {
    return db;
  }

  /**
   * Every request this node received, as {@code METHOD path[?query]}, in order.
   *
   * @return a copy of the log
   */
  public ImmutableList<String> requests() {
    synchronized (db) {
      return ImmutableList.copyOf(requests);
    }
  }

  /**
   * The requests that change something (not GET), as {@code METHOD path}.
   *
   * @return a copy, in order
   */
  public ImmutableList<String> writes() {
    return requests().stream()
        .filter(r -> !r.startsWith("GET "))
        .map(r -> r.split("\\?", -1)[0])
        .collect(ImmutableList.toImmutableList());
  }

  /** Forgets the request log. */
  public void clearRequests() {
    synchronized (db) {
      requests.clear();
    }
  }

  /**
   * Injects a fault into the {@code n}-th request this node receives from its start (1-based).
   *
   * @param n the request number
   * @param fault the fault
   * @return this
   */
  public KongAdminFake failRequest(long n, HttpFault fault) {
    synchronized (db) {
      byNumber.put(n, Objects.requireNonNull(fault, "fault"));
    }
    return this;
  }

  /**
   * Injects a fault into the next {@code times} requests whose {@code METHOD path} (without the
   * query) matches.
   *
   * @param which e.g. {@code r -> r.startsWith("PUT /routes/")}
   * @param fault the fault
   * @param times how many matching requests fail
   * @return this
   */
  public KongAdminFake failMatching(Predicate<String> which, HttpFault fault, int times) {
    synchronized (db) {
      matching.add(new Matching(which, fault, times));
    }
    return this;
  }

  /**
   * How many requests this node has received.
   *
   * @return the count
   */
  public long requestCount() {
    synchronized (db) {
      return count;
    }
  }

  /** Drops every pending fault. */
  public void clearFaults() {
    synchronized (db) {
      byNumber.clear();
      matching.clear();
    }
  }

  /**
   * Makes entities fail schema validation: a write of a matching entity (DB mode) is a 400 {@code
   * schema violation}; a declarative configuration with one (DB-less) is a 400 naming it in {@code
   * flattened_errors}.
   *
   * @param which which entities (as sent, with their tags)
   * @return this
   */
  public KongAdminFake rejectEntities(Predicate<JsonNode> which) {
    this.rejects = Objects.requireNonNull(which, "which");
    return this;
  }

  /**
   * DB-less: the configuration last accepted by {@code POST /config}.
   *
   * @return a copy
   */
  public JsonNode declarativeConfig() {
    synchronized (db) {
      return declarative.deepCopy();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** {@code KongAdminFake[url, db|dbless, edition]}. */
  @Override
  public String toString() {
    return "KongAdminFake[" + url() + ", " + (dbLess ? "dbless" : "db") + ", " + db.edition() + "]";
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  /** An answer. */
  private record Reply(int status, JsonNode body) {}

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String rawPath = ex.getRequestURI().getRawPath();
    String query = Objects.requireNonNullElse(ex.getRequestURI().getRawQuery(), "");
    byte[] in = ex.getRequestBody().readAllBytes();
    Reply reply;
    @Nullable HttpFault fault;
    synchronized (db) {
      count++;
      String line = method + " " + rawPath;
      requests.add(line + (query.isEmpty() ? "" : "?" + query));
      fault = byNumber.remove(count);
      if (fault == null) {
        for (Matching m : matching) {
          if (m.left > 0 && m.which.test(line)) {
            m.left--;
            fault = m.fault;
            break;
          }
        }
      }
      if (fault != null && fault.kind() == HttpFault.Kind.STATUS) {
        reply =
            new Reply(
                fault.status(),
                message(
                    fault.status() == 429
                        ? "API rate limit exceeded"
                        : "An unexpected error occurred"));
      } else if (fault != null && fault.kind() == HttpFault.Kind.RESET_BEFORE) {
        reply = null;
      } else {
        reply = route(method, rawPath, query(query), new String(in, StandardCharsets.UTF_8));
      }
    }
    if (reply == null || (fault != null && fault.kind() == HttpFault.Kind.RESET_AFTER)) {
      ex.close(); // no status line: the client sees the connection end
      return;
    }
    byte[] out =
        reply.status() == 204 || reply.status() == 304
            ? new byte[0]
            : reply.body().toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
    ex.close();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String p : raw.split("&", -1)) { // empty parts skipped
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      q.put(decode(eq < 0 ? p : p.substring(0, eq)), eq < 0 ? "" : decode(p.substring(eq + 1)));
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ObjectNode message(String text) {
    return KongDatabase.MAPPER.createObjectNode().put("message", text);
  }

  private static Reply notFound() {
    return new Reply(404, message("Not found"));
  }

  private static Reply error(
      int status, int code, String name, String message, @Nullable JsonNode fields) {
    ObjectNode b = KongDatabase.MAPPER.createObjectNode();
    b.put("code", code).put("name", name).put("message", message);
    if (fields != null) {
      b.set("fields", fields);
    }
    return new Reply(status, b);
  }

  /** The schema of a collection the fake serves; request paths are checked with exists first. */
  private static Schema schema(String collection) {
    Schema s = SCHEMAS.get(collection);
    if (s == null) {
      throw new IllegalStateException("no schema for collection " + collection);
    }
    return s;
  }

  private boolean exists(String collection) {
    Schema s = SCHEMAS.get(collection);
    return s != null && (!s.enterprise() || db.edition() == Edition.ENTERPRISE);
  }

  private Reply route(String method, String rawPath, Map<String, String> q, String body) {
    List<String> seg = new ArrayList<>();
    for (String s : rawPath.split("/", -1)) { // empty segments skipped
      if (!s.isEmpty()) {
        seg.add(decode(s));
      }
    }
    if (seg.isEmpty()) {
      return method.equals("GET")
          ? new Reply(200, info())
          : new Reply(405, message("Method not allowed"));
    }
    if (seg.size() == 1 && seg.get(0).equals("status")) {
      ObjectNode s = KongDatabase.MAPPER.createObjectNode();
      s.put("configuration_hash", dbLess ? configHash : EMPTY_HASH);
      s.putObject("database").put("reachable", true);
      s.putObject("server").put("connections_active", 1);
      return new Reply(200, s);
    }
    if (seg.size() == 1 && seg.get(0).equals("config")) {
      return config(method, q, body);
    }
    if (dbLess && !method.equals("GET")) {
      // 15-off_spec "returns HTTP 405 on invalid method"
      return method.equals("POST") && seg.size() == 1
          ? error(
              405,
              12,
              "operation unsupported",
              "cannot create '" + seg.get(0) + "' entities when not using a database",
              null)
          : new Reply(405, message("Method not allowed"));
    }
    Optional<ObjectNode> parsed = Optional.empty();
    if (!body.isBlank()) {
      try {
        JsonNode j = KongDatabase.MAPPER.readTree(body);
        if (!j.isObject()) {
          return new Reply(400, message("Cannot parse JSON body"));
        }
        parsed = Optional.of((ObjectNode) j);
      } catch (IOException e) {
        return new Reply(
            400, message("Cannot parse JSON body")); // 08-targets "handles malformed JSON body"
      }
    }
    ObjectNode in = parsed.orElseGet(KongDatabase.MAPPER::createObjectNode);
    String top = seg.get(0);
    // /upstreams/{u}/targets[/{t}]
    if (top.equals("upstreams") && seg.size() >= 3 && seg.get(2).equals("targets")) {
      return targets(method, seg, q, in);
    }
    // /consumers/{c}/{credential}[/{id}]
    if (top.equals("consumers") && seg.size() >= 3 && CREDENTIALS.containsKey(seg.get(2))) {
      return credentials(method, seg, q, in);
    }
    // /consumer_groups/{g}/consumers[/{c}]
    if (top.equals("consumer_groups")
        && seg.size() >= 3
        && seg.get(2).equals("consumers")
        && exists(top)) {
      return members(method, seg, q, in);
    }
    if (!exists(top) || top.equals(MEMBERS) || top.equals("targets") || seg.size() > 2) {
      return notFound(); // 08-targets "/targets returns a 404"; Enterprise collections on OSS
    }
    Schema s = schema(top);
    if (seg.size() == 1) {
      return switch (method) {
        case "GET" -> list(s, db.all(s.name()), q, "/" + s.name(), true);
        case "POST" -> save(s, in, null, false, 201);
        default -> new Reply(405, message("Method not allowed"));
      };
    }
    String key = seg.get(1);
    Optional<ObjectNode> now = find(s, key);
    return switch (method) {
      case "GET" -> now.<Reply>map(e -> new Reply(200, e)).orElseGet(KongAdminFake::notFound);
      case "PUT" -> put(s, key, now.orElse(null), in);
      case "PATCH" -> now.map(e -> patch(s, e, in)).orElseGet(KongAdminFake::notFound);
      case "DELETE" ->
          now.map(e -> delete(s, e)).orElseGet(() -> new Reply(204, NullNode.getInstance()));
      default -> new Reply(405, message("Method not allowed"));
    };
  }

  private ObjectNode info() {
    ObjectNode i = KongDatabase.MAPPER.createObjectNode();
    i.put("node_id", nodeId);
    i.put("version", db.edition() == Edition.ENTERPRISE ? "3.9.1.0-enterprise-edition" : "3.9.1");
    i.put("edition", db.edition() == Edition.ENTERPRISE ? "enterprise" : "community");
    ObjectNode conf = i.putObject("configuration");
    conf.put("database", dbLess ? "off" : "postgres");
    ObjectNode available = i.putObject("plugins").putObject("available_on_server");
    for (String p :
        List.of(
            "key-auth",
            "basic-auth",
            "hmac-auth",
            "jwt",
            "oauth2",
            "acl",
            "cors",
            "rate-limiting")) {
      available.putObject(p).put("version", "3.9.1");
    }
    if (db.edition() == Edition.ENTERPRISE) {
      available.putObject("mtls-auth").put("version", "3.9.1");
      available.putObject("degraphql").put("version", "3.9.1");
    }
    return i;
  }

  private Optional<ObjectNode> find(Schema s, String key) {
    if (UUID_RE.matcher(key).matches()) {
      Optional<ObjectNode> byId = db.byId(s.name(), key);
      if (byId.isPresent() || s.endpointKey().isEmpty()) {
        return byId;
      }
    }
    if (s.endpointKey().isEmpty()) {
      return Optional.empty();
    }
    for (ObjectNode e : db.all(s.name())) {
      if (key.equals(e.path(s.endpointKey()).asText(null))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  // ---- lists --------------------------------------------------------------------------------

  /**
   * One page; kong/api/endpoints.lua {@code get_collection_endpoint}, {@code extract_options}: tags
   * filter (top-level lists only), size, opaque offset, {@code next} with tags and size.
   */
  private Reply list(
      Schema s, List<ObjectNode> all, Map<String, String> q, String path, boolean topLevel) {
    List<ObjectNode> rows = new ArrayList<>(all);
    String tagsArg = q.get("tags");
    if (topLevel && tagsArg != null && s.tags()) {
      if (tagsArg.isEmpty()) {
        return error(
            400,
            11,
            "invalid options",
            "invalid option (tags: cannot be null)",
            KongDatabase.MAPPER.createObjectNode().put("tags", "cannot be null"));
      }
      boolean and = TAG_AND.matcher(tagsArg).matches();
      boolean or = !and && TAG_OR.matcher(tagsArg).matches();
      if (!and && !or) {
        return error(
            400,
            11,
            "invalid options",
            "invalid option (tags: invalid filter syntax)",
            KongDatabase.MAPPER.createObjectNode().put("tags", "invalid filter syntax"));
      }
      List<String> wanted = List.of(tagsArg.split(and ? "," : "/"));
      if (wanted.size() > 5) {
        return error(
            400,
            11,
            "invalid options",
            "invalid option (tags: cannot query more than 5 tags)",
            KongDatabase.MAPPER.createObjectNode().put("tags", "cannot query more than 5 tags"));
      }
      rows.removeIf(
          e ->
              and
                  ? !wanted.stream().allMatch(t -> KongDatabase.hasTag(e, t))
                  : wanted.stream().noneMatch(t -> KongDatabase.hasTag(e, t)));
    } else if (topLevel && tagsArg != null) {
      return error(
          400,
          11,
          "invalid options",
          "invalid option (tags: cannot be used with '" + s.name() + "')",
          KongDatabase.MAPPER
              .createObjectNode()
              .put("tags", "cannot be used with '" + s.name() + "'"));
    }
    int size = 100;
    if (q.containsKey("size")) {
      try {
        size = Integer.parseInt(q.get("size"));
      } catch (NumberFormatException e) {
        return error(
            400,
            9,
            "invalid size",
            "size must be a number",
            null); // 09-routes "handles invalid size"
      }
      if (size < 1 || size > 1000) {
        return error(400, 9, "invalid size", "size must be an integer between 1 and 1000", null);
      }
    }
    int start = 0;
    if (q.containsKey("offset")) {
      String off = q.get("offset");
      try {
        String decoded = new String(Base64.getDecoder().decode(off), StandardCharsets.UTF_8);
        start = Integer.parseInt(decoded.substring(decoded.indexOf(':') + 1));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        return error(
            400,
            7,
            "invalid offset",
            "'" + off + "' is not a valid offset: bad base64 encoding",
            null);
      }
    }
    ObjectNode out = KongDatabase.MAPPER.createObjectNode();
    ArrayNode data = out.putArray("data");
    for (int i = start; i < Math.min(rows.size(), start + size); i++) {
      data.add(rows.get(i));
    }
    if (start + size < rows.size()) {
      String offset =
          Base64.getEncoder()
              .encodeToString(("page:" + (start + size)).getBytes(StandardCharsets.UTF_8));
      out.put("offset", offset);
      out.put(
          "next",
          path
              + "?offset="
              + enc(offset)
              + (topLevel && tagsArg != null ? "&tags=" + enc(tagsArg) : "")
              + (topLevel && q.containsKey("size") ? "&size=" + q.get("size") : ""));
    } else {
      out.putNull("next"); // 09-routes "data property is an empty array": {data = {}, next = null}
    }
    return new Reply(200, out);
  }

  // ---- writes -------------------------------------------------------------------------------

  private Reply put(Schema s, String key, @Nullable ObjectNode now, ObjectNode in) {
    ObjectNode body = in.deepCopy();
    if (now != null) {
      body.put("id", now.get("id").asText());
    } else if (UUID_RE.matcher(key).matches()) {
      body.put("id", key);
    } else if (!s.endpointKey().isEmpty()) {
      body.put(s.endpointKey(), key);
    } else {
      return notFound();
    }
    if (!s.endpointKey().isEmpty() && !UUID_RE.matcher(key).matches()) {
      body.put(s.endpointKey(), key); // the name in the path wins
    }
    return save(s, body, now, true, 200);
  }

  private Reply patch(Schema s, ObjectNode now, ObjectNode in) {
    ObjectNode merged = now.deepCopy();
    in.properties().forEach(f -> merged.set(f.getKey(), f.getValue()));
    return save(s, merged, now, true, 200);
  }

  /**
   * Validates and stores an entity: schema (the reject predicate, tags), foreign keys, defaults,
   * uniqueness; kong/db/errors.lua for the bodies.
   */
  private Reply save(
      Schema s, ObjectNode in, @Nullable ObjectNode replaces, boolean upsert, int created) {
    ObjectNode e = in.deepCopy();
    if (!s.tags() && e.has("tags")) {
      return error(
          400,
          2,
          "schema violation",
          "schema violation (tags: unknown field)",
          KongDatabase.MAPPER.createObjectNode().put("tags", "unknown field"));
    }
    if (rejects.test(in)) {
      return error(
          400,
          2,
          "schema violation",
          "schema violation (config: rejected by the fake gateway)",
          KongDatabase.MAPPER.createObjectNode().put("config", "rejected by the fake gateway"));
    }
    for (Map.Entry<String, Fk> fk : s.fks().entrySet()) {
      JsonNode ref = e.get(fk.getKey());
      if (ref == null || ref.isNull()) {
        e.putNull(fk.getKey());
        continue;
      }
      Schema parent = schema(fk.getValue().collection());
      Optional<ObjectNode> target = Optional.empty();
      if (ref.isObject() && ref.hasNonNull("id")) {
        target = db.byId(parent.name(), ref.get("id").asText());
      } else if (ref.isObject() && !parent.endpointKey().isEmpty()) {
        // 09-routes "references a Service by name": a reference may use the endpoint key
        JsonNode key =
            ref.hasNonNull(parent.endpointKey()) ? ref.get(parent.endpointKey()) : ref.get("name");
        target = key == null || key.isNull() ? Optional.empty() : find(parent, key.asText());
      }
      if (target.isEmpty()) {
        ObjectNode fields = KongDatabase.MAPPER.createObjectNode();
        fields.set(fk.getKey(), ref);
        return error(
            400,
            4,
            "foreign key violation",
            "the foreign key '"
                + ref
                + "' does not reference an existing '"
                + fk.getValue().collection()
                + "' entity.",
            fields);
      }
      e.putObject(fk.getKey()).put("id", target.get().get("id").asText());
    }
    for (Map.Entry<String, Object> d : s.defaults().entrySet()) {
      if (!e.has(d.getKey()) || e.get(d.getKey()).isNull()) {
        e.set(d.getKey(), KongDatabase.MAPPER.valueToTree(d.getValue()));
      }
    }
    if (s.tags() && !e.has("tags")) {
      e.putNull("tags");
    }
    if (s.name().equals("targets")) {
      String t = e.path("target").asText("");
      if (!t.isEmpty() && !t.contains(":")) {
        e.put("target", t + ":8000"); // 08-targets "creates a target with defaults": port 8000
      }
    }
    String id = e.hasNonNull("id") ? e.get("id").asText() : db.newId(s.name());
    if (!UUID_RE.matcher(id).matches()) {
      return error(
          400,
          2,
          "schema violation",
          "schema violation (id: expected a valid UUID)",
          KongDatabase.MAPPER.createObjectNode().put("id", "expected a valid UUID"));
    }
    e.put("id", id);
    if (!upsert && db.byId(s.name(), id).isPresent()) {
      ObjectNode f = KongDatabase.MAPPER.createObjectNode().put("id", id);
      return error(
          409,
          5,
          "unique constraint violation",
          "UNIQUE violation detected on '{id=\"" + id + "\"}'",
          f);
    }
    for (List<String> group : s.unique()) {
      if (group.stream().allMatch(f -> e.path(f).isNull() || e.path(f).isMissingNode())) {
        continue;
      }
      for (ObjectNode other : db.all(s.name())) {
        if (other.get("id").asText().equals(id)) {
          continue;
        }
        boolean same = true;
        for (String f : group) {
          same &= Objects.equals(norm(e.get(f)), norm(other.get(f)));
        }
        if (same) {
          ObjectNode f = KongDatabase.MAPPER.createObjectNode();
          group.forEach(k -> f.set(k, e.get(k)));
          return error(
              409,
              5,
              "unique constraint violation",
              "UNIQUE violation detected on '" + f.toString().replace(":", "=") + "'",
              f);
        }
      }
    }
    if (s.name().equals("basic-auths")
        && e.hasNonNull("password")
        && (replaces == null || !e.get("password").equals(replaces.get("password")))) {
      // kong/plugins/basic-auth/crypto.lua: stored as sha1(password .. consumer_id)
      e.put("password", sha1(e.get("password").asText() + e.path("consumer").path("id").asText()));
    }
    e.put(
        "created_at",
        replaces == null ? 1_700_000_000L : replaces.path("created_at").asLong(1_700_000_000L));
    e.put("updated_at", 1_700_000_001L);
    db.table(s.name()).put(id, e);
    return new Reply(replaces != null ? 200 : created, e);
  }

  private static @Nullable JsonNode norm(@Nullable JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  /** Deletes with Kong's restrict / cascade rules (kong/db/dao/init.lua, errors.lua). */
  private Reply delete(Schema s, ObjectNode e) {
    String id = e.get("id").asText();
    for (Schema child : SCHEMAS.values()) {
      for (Map.Entry<String, Fk> fk : child.fks().entrySet()) {
        if (!fk.getValue().collection().equals(s.name()) || fk.getValue().cascade()) {
          continue;
        }
        for (ObjectNode c : db.all(child.name())) {
          if (id.equals(c.path(fk.getKey()).path("id").asText(null))) {
            return error(
                400,
                4,
                "foreign key violation",
                "an existing '"
                    + child.name()
                    + "' entity references this '"
                    + s.name()
                    + "' entity",
                KongDatabase.MAPPER.createObjectNode().put("@referenced_by", child.name()));
          }
        }
      }
    }
    cascade(s.name(), id);
    return new Reply(204, NullNode.getInstance());
  }

  private void cascade(String collection, String id) {
    db.table(collection).remove(id);
    for (Schema child : SCHEMAS.values()) {
      for (Map.Entry<String, Fk> fk : child.fks().entrySet()) {
        if (fk.getValue().collection().equals(collection) && fk.getValue().cascade()) {
          for (ObjectNode c : db.all(child.name())) {
            if (id.equals(c.path(fk.getKey()).path("id").asText(null))) {
              cascade(child.name(), c.get("id").asText());
            }
          }
        }
      }
    }
  }

  // ---- nested endpoints ---------------------------------------------------------------------

  /** kong/api/routes/upstreams.lua. */
  private Reply targets(String method, List<String> seg, Map<String, String> q, ObjectNode in) {
    Schema s = schema("targets");
    Optional<ObjectNode> up = find(schema("upstreams"), seg.get(1));
    if (up.isEmpty()) {
      return notFound();
    }
    String upId = up.get().get("id").asText();
    List<ObjectNode> mine = new ArrayList<>();
    for (ObjectNode t : db.all("targets")) {
      if (upId.equals(t.path("upstream").path("id").asText())) {
        mine.add(t);
      }
    }
    if (seg.size() == 3) {
      return switch (method) {
        case "GET" -> list(s, mine, q, "/upstreams/" + upId + "/targets", false);
        case "POST" -> {
          ObjectNode body = in.deepCopy();
          body.putObject("upstream").put("id", upId);
          yield save(s, body, null, false, 201);
        }
        default -> new Reply(405, message("Method not allowed"));
      };
    }
    String key = seg.get(3);
    Optional<ObjectNode> t = Optional.empty();
    for (ObjectNode c : mine) {
      String addr = c.path("target").asText();
      if (key.equals(c.get("id").asText()) || key.equals(addr) || (key + ":8000").equals(addr)) {
        t = Optional.of(c);
      }
    }
    if (t.isEmpty()) {
      return notFound(); // target_endpoint: "if not target ... 404"; PUT never creates a target
    }
    ObjectNode body = in.deepCopy();
    body.putObject("upstream").put("id", upId);
    return switch (method) {
      case "GET" -> new Reply(200, t.get());
      case "PUT" -> {
        body.put("id", t.get().get("id").asText());
        yield save(s, body, t.orElse(null), true, 200);
      }
      case "PATCH" -> patch(s, t.get(), body);
      case "DELETE" -> delete(s, t.get());
      default -> new Reply(405, message("Method not allowed"));
    };
  }

  /** kong/plugins/*&#47;api.lua: /consumers/{c}/{credential}[/{id}]. */
  private Reply credentials(String method, List<String> seg, Map<String, String> q, ObjectNode in) {
    String coll = CREDENTIALS.get(seg.get(2));
    if (coll == null || !exists(coll)) {
      return notFound();
    }
    Schema s = schema(coll);
    Optional<ObjectNode> consumer = find(schema("consumers"), seg.get(1));
    if (consumer.isEmpty()) {
      return notFound();
    }
    String cid = consumer.get().get("id").asText();
    List<ObjectNode> mine = new ArrayList<>();
    for (ObjectNode c : db.all(coll)) {
      if (cid.equals(c.path("consumer").path("id").asText())) {
        mine.add(c);
      }
    }
    ObjectNode body = in.deepCopy();
    body.putObject("consumer").put("id", cid);
    if (seg.size() == 3) {
      return switch (method) {
        case "GET" -> list(s, mine, q, "/consumers/" + cid + "/" + seg.get(2), false);
        case "POST" -> save(s, body, null, false, 201);
        default -> new Reply(405, message("Method not allowed"));
      };
    }
    if (seg.size() != 4) {
      return notFound();
    }
    String key = seg.get(3);
    Optional<ObjectNode> now =
        mine.stream().filter(c -> key.equals(c.get("id").asText())).findFirst();
    return switch (method) {
      case "GET" -> now.<Reply>map(c -> new Reply(200, c)).orElseGet(KongAdminFake::notFound);
      case "PUT" -> {
        if (now.isEmpty() && !UUID_RE.matcher(key).matches()) {
          yield notFound();
        }
        body.put("id", key);
        yield save(s, body, now.orElse(null), true, 200);
      }
      case "DELETE" -> now.map(c -> delete(s, c)).orElseGet(KongAdminFake::notFound);
      default -> new Reply(405, message("Method not allowed"));
    };
  }

  /** Kong Enterprise: /consumer_groups/{g}/consumers[/{c}]. */
  private Reply members(String method, List<String> seg, Map<String, String> q, ObjectNode in) {
    Optional<ObjectNode> group = find(schema("consumer_groups"), seg.get(1));
    if (group.isEmpty()) {
      return notFound();
    }
    String gid = group.get().get("id").asText();
    List<ObjectNode> consumers = new ArrayList<>();
    for (ObjectNode m : db.all(MEMBERS)) {
      if (gid.equals(m.path("consumer_group").path("id").asText())) {
        db.byId("consumers", m.path("consumer").path("id").asText()).ifPresent(consumers::add);
      }
    }
    if (seg.size() == 3 && method.equals("GET")) {
      return list(schema(MEMBERS), consumers, q, "/consumer_groups/" + gid + "/consumers", false);
    }
    if (seg.size() == 3 && method.equals("POST")) {
      Optional<ObjectNode> c = find(schema("consumers"), in.path("consumer").asText(""));
      if (c.isEmpty()) {
        return notFound();
      }
      ObjectNode m = KongDatabase.MAPPER.createObjectNode();
      m.putObject("consumer_group").put("id", gid);
      m.putObject("consumer").put("id", c.get().get("id").asText());
      Reply r = save(schema(MEMBERS), m, null, false, 201);
      if (r.status() != 201) {
        return r;
      }
      ObjectNode out = KongDatabase.MAPPER.createObjectNode();
      out.set("consumer_group", group.get());
      out.putArray("consumers").add(c.get());
      return new Reply(201, out);
    }
    if (seg.size() == 4 && method.equals("DELETE")) {
      Optional<ObjectNode> c = find(schema("consumers"), seg.get(3));
      if (c.isEmpty()) {
        return notFound();
      }
      String cid = c.get().get("id").asText();
      int gone =
          db.deleteIf(
              MEMBERS,
              m ->
                  gid.equals(m.path("consumer_group").path("id").asText())
                      && cid.equals(m.path("consumer").path("id").asText()));
      return gone > 0 ? new Reply(204, NullNode.getInstance()) : notFound();
    }
    return new Reply(405, message("Method not allowed"));
  }

  // ---- DB-less /config ----------------------------------------------------------------------

  /** kong/api/routes/config.lua and 15-off_spec. */
  private Reply config(String method, Map<String, String> q, String body) {
    if (method.equals("GET")) {
      ObjectNode out = KongDatabase.MAPPER.createObjectNode();
      out.put("config", declarative.toString());
      return dbLess
          ? new Reply(200, out)
          : error(
              400,
              12,
              "operation unsupported",
              "this endpoint is only available when Kong is configured to not use a database",
              null);
    }
    if (!method.equals("POST")) {
      return new Reply(405, message("Method not allowed"));
    }
    if (!dbLess) {
      return new Reply(
          400,
          message("this endpoint is only available when Kong is configured to not use a database"));
    }
    JsonNode cfg;
    try {
      cfg = body.isBlank() ? null : KongDatabase.MAPPER.readTree(body);
    } catch (IOException e) {
      cfg = null;
    }
    if (cfg != null && cfg.path("config").isTextual()) {
      try {
        cfg = KongDatabase.MAPPER.readTree(cfg.get("config").asText());
      } catch (IOException e) {
        cfg = null;
      }
    }
    if (cfg == null || !cfg.isObject()) {
      // 15-off "returns 400 when given no input" / "returns 400 on an invalid config string"
      return error(
          400,
          14,
          "invalid declarative configuration",
          "expected a declarative configuration",
          null);
    }
    String hash = md5(CanonicalJson.write(cfg));
    if ("1".equals(q.get("check_hash")) && hash.equals(configHash)) {
      return new Reply(304, NullNode.getInstance()); // 15-off "returns 304 if checking hash …"
    }
    ArrayNode flattened = KongDatabase.MAPPER.createArrayNode();
    Map<String, String> seen = new LinkedHashMap<>();
    cfg.properties()
        .forEach(
            section -> {
              if (section.getValue().isArray()) {
                validate(section.getKey(), section.getValue(), flattened, seen);
              }
            });
    if (!flattened.isEmpty()) {
      ObjectNode err = KongDatabase.MAPPER.createObjectNode();
      err.put("code", 14).put("name", "invalid declarative configuration");
      err.put("message", "declarative config is invalid: {}");
      err.putObject("fields");
      if ("1".equals(q.get("flatten_errors"))) {
        err.set("flattened_errors", flattened); // 15-off "[flattened errors]" cases
      }
      return new Reply(400, err);
    }
    declarative = cfg;
    configHash = hash;
    return new Reply(201, cfg);
  }

  private static final ImmutableSet<String> NAMED =
      ImmutableSet.of("services", "routes", "upstreams", "consumer_groups", "snis", "vaults");

  /**
   * Rejected entities and endpoint-key duplicates (15-off "returns 400 on an endpoint key
   * uniqueness error") become flattened entries: entity_type, entity_name, entity_id, entity_tags,
   * entity, errors.
   */
  private void validate(String section, JsonNode list, ArrayNode out, Map<String, String> seen) {
    String type = section.endsWith("s") ? section.substring(0, section.length() - 1) : section;
    for (JsonNode e : list) {
      if (!e.isObject()) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      if (rejects.test(e)) {
        problems.add("rejected by the fake gateway");
      }
      String nameField = section.equals("consumers") ? "username" : "name";
      if ((NAMED.contains(section) || section.equals("consumers")) && e.hasNonNull(nameField)) {
        String k = section + "\n" + e.get(nameField).asText();
        if (seen.putIfAbsent(k, "") != null) {
          problems.add(
              "uniqueness violation: '"
                  + section
                  + "' entity with "
                  + nameField
                  + " set to '"
                  + e.get(nameField).asText()
                  + "' already declared");
        }
      }
      if (!problems.isEmpty()) {
        ObjectNode f = out.addObject();
        f.put("entity_type", type);
        if (e.hasNonNull("name")) {
          f.put("entity_name", e.get("name").asText());
        }
        if (e.hasNonNull("id")) {
          f.put("entity_id", e.get("id").asText());
        }
        f.set("entity_tags", e.has("tags") ? e.get("tags") : KongDatabase.MAPPER.createArrayNode());
        ObjectNode copy = ((ObjectNode) e).deepCopy();
        f.set("entity", copy);
        ArrayNode errs = f.putArray("errors");
        for (String p : problems) {
          errs.addObject().put("type", "entity").put("message", p);
        }
      }
      e.properties()
          .forEach(
              n -> {
                if (n.getValue().isArray()
                    && !n.getKey().equals("tags")
                    && n.getValue().size() > 0
                    && n.getValue().get(0).isObject()) {
                  validate(n.getKey(), n.getValue(), out, seen);
                }
              });
    }
  }

  private static String md5(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha1(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
