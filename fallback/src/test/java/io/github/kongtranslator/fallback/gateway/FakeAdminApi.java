package io.github.kongtranslator.fallback.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An in-process stand-in for Kong's Admin API on 127.0.0.1 (ephemeral port), for the calls {@link
 * KongAdminClient} makes: {@code GET /}, {@code GET /status}, {@code POST /config} (with Kong's
 * flattened-errors 400 body), and for DB mode paged {@code GET /<collection>}, {@code POST}, {@code
 * PUT} and {@code DELETE} of entities with schema and foreign-key errors; credentials under {@code
 * /consumers/{consumer}/<key-auth|basic-auth|…>} (listed at {@code /key-auths}, …; basic-auth
 * passwords stored hashed as Kong does; unique keys answered with Kong's 409 body, which echoes the
 * value), consumer-group members under {@code /consumer_groups/{group}/consumers}, {@code
 * /licenses} and custom entity collections. A collection in {@link #absent} answers 404 (plugin or
 * Enterprise feature missing). Test use only.
 */
final class FakeAdminApi implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> REFS =
      List.of("service", "route", "consumer", "certificate", "consumer_group");

  /** Credential endpoint under a consumer → the collection that lists them. */
  static final Map<String, String> CREDENTIALS =
      Map.of(
          "key-auth",
          "key-auths",
          "basic-auth",
          "basic-auths",
          "hmac-auth",
          "hmac-auths",
          "jwt",
          "jwts",
          "oauth2",
          "oauth2",
          "acls",
          "acls",
          "mtls-auth",
          "mtls-auths");

  /** Fields Kong keeps unique per credential collection. */
  private static final Map<String, String> UNIQUE =
      Map.of(
          "key-auths",
          "key",
          "basic-auths",
          "username",
          "hmac-auths",
          "username",
          "jwts",
          "key",
          "oauth2",
          "client_id");

  static {
    // as the testkit's KongAdminFake: without TCP_NODELAY each answer waits for a delayed ACK
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final Predicate<JsonNode> rejects;
  final String nodeId;
  final List<String> requests = new ArrayList<>();
  final List<String> authorization = new ArrayList<>();

  /** DB mode: collection → entities by id, in creation order. */
  final Map<String, Map<String, ObjectNode>> db = new LinkedHashMap<>();

  volatile String configHash = "00000000000000000000000000000000";
  volatile JsonNode declarative = MAPPER.createObjectNode();
  volatile int forcedStatus = 0;
  volatile String forcedBody = "";
  volatile long delayMillis = 0;
  volatile int fail5xxAfterWrites = -1;

  /** Collections (e.g. {@code mtls-auths}, {@code licenses}) that answer 404. */
  final java.util.Set<String> absent = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Consumer group id → member consumer ids, in insertion order. */
  final Map<String, java.util.LinkedHashSet<String>> members = new LinkedHashMap<>();

  private int writes;
  private int created;

  FakeAdminApi(String nodeId, Predicate<JsonNode> rejects) throws IOException {
    this.nodeId = nodeId;
    this.rejects = rejects;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  Map<String, ObjectNode> collection(String name) {
    return db.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
    requests.add(method + " " + path + (query.isEmpty() ? "" : "?" + query));
    String token = ex.getRequestHeaders().getFirst("Kong-Admin-Token");
    authorization.add(token == null ? "" : token);
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (forcedStatus != 0 && !method.equals("GET")) {
      reply(ex, forcedStatus, forcedBody);
      return;
    }
    if (method.equals("GET") && path.equals("/")) {
      reply(ex, 200, "{\"node_id\":\"" + nodeId + "\",\"version\":\"3.9.0\"}");
    } else if (method.equals("GET") && path.equals("/status")) {
      reply(ex, 200, "{\"configuration_hash\":\"" + configHash + "\",\"server\":{}}");
    } else if (method.equals("POST") && path.equals("/config")) {
      postConfig(ex, body);
    } else if (!method.equals("GET") && fail5xxAfterWrites >= 0 && writes >= fail5xxAfterWrites) {
      reply(ex, 503, "{\"message\":\"database unavailable\"}");
    } else if (path.startsWith("/consumers/")
        && path.split("/").length >= 4
        && CREDENTIALS.containsKey(path.split("/")[3])) {
      count(method);
      credential(ex, method, path.split("/"), body);
    } else if (path.startsWith("/consumer_groups/")
        && path.split("/").length >= 4
        && path.split("/")[3].equals("consumers")) {
      count(method);
      member(ex, method, path.split("/"), body);
    } else if (absent.contains(path.substring(1).split("/")[0])) {
      reply(ex, 404, "{\"message\":\"Not found\"}");
    } else if (method.equals("GET")) {
      list(ex, canonical(path.substring(1)), query);
    } else if (method.equals("POST") && path.lastIndexOf('/') == 0) {
      writes++;
      String coll = path.substring(1);
      ObjectNode entity = (ObjectNode) MAPPER.readTree(body);
      put(ex, coll, "", entity.has("id") ? entity : entity.put("id", newId(coll)));
    } else if (method.equals("POST") && path.matches("/upstreams/[^/]+/targets")) {
      writes++; // kong/api/routes/upstreams.lua: targets are created with POST
      String coll = canonical(path.substring(1));
      ObjectNode entity = (ObjectNode) MAPPER.readTree(body);
      put(ex, coll, "", entity.has("id") ? entity : entity.put("id", newId(coll)));
    } else if (method.equals("PUT") || method.equals("DELETE")) {
      writes++;
      int slash = path.lastIndexOf('/');
      String coll = canonical(path.substring(1, slash));
      String key = URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
      if (method.equals("PUT")) {
        put(ex, coll, key, (ObjectNode) MAPPER.readTree(body));
      } else {
        boolean removed = collection(coll).remove(key) != null;
        if (removed && coll.equals("consumers")) { // Kong cascades to credentials and memberships
          for (String creds : CREDENTIALS.values()) {
            collection(creds)
                .values()
                .removeIf(cr -> key.equals(cr.path("consumer").path("id").asText()));
          }
          members.values().forEach(ids -> ids.remove(key));
        } else if (removed && coll.equals("consumer_groups")) {
          members.remove(key);
        }
        reply(ex, removed ? 204 : 404, "");
      }
    } else {
      reply(ex, 405, "{\"message\":\"method not allowed\"}");
    }
  }

  private void count(String method) {
    if (!method.equals("GET")) {
      writes++;
    }
  }

  private String newId(String coll) {
    return UUID.nameUUIDFromBytes((coll + "#" + created++).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  /** A consumer by id or username. */
  private ObjectNode consumer(String ref) {
    for (ObjectNode c : collection("consumers").values()) {
      if (ref.equals(c.path("id").asText()) || ref.equals(c.path("username").asText(null))) {
        return c;
      }
    }
    return null;
  }

  /** {@code /consumers/{c}/{endpoint}[/{id}]}: GET (paged), POST, PUT, DELETE. */
  private void credential(HttpExchange ex, String method, String[] seg, String body)
      throws IOException {
    ObjectNode consumer = consumer(decode(seg[2]));
    String coll = CREDENTIALS.get(seg[3]);
    if (consumer == null || absent.contains(coll)) {
      reply(ex, 404, "{\"message\":\"Not found\"}");
      return;
    }
    String consumerId = consumer.get("id").asText();
    Map<String, ObjectNode> c = collection(coll);
    if (method.equals("DELETE") && seg.length == 5) {
      ObjectNode gone = c.get(decode(seg[4]));
      if (gone == null || !consumerId.equals(gone.path("consumer").path("id").asText())) {
        reply(ex, 404, "{\"message\":\"Not found\"}");
      } else {
        c.remove(decode(seg[4]));
        reply(ex, 204, "");
      }
      return;
    }
    if (!(method.equals("POST") && seg.length == 4) && !(method.equals("PUT") && seg.length == 5)) {
      reply(ex, 405, "{\"message\":\"method not allowed\"}");
      return;
    }
    ObjectNode entity = (ObjectNode) MAPPER.readTree(body);
    if (rejects.test(entity)) {
      reply(
          ex,
          400,
          "{\"code\":2,\"name\":\"schema violation\",\"message\":\"schema violation (tags: invalid)\","
              + "\"fields\":{\"tags\":\"invalid\"}}");
      return;
    }
    String id = seg.length == 5 ? decode(seg[4]) : newId(coll);
    String unique = UNIQUE.get(coll);
    if (unique != null && entity.hasNonNull(unique)) {
      for (ObjectNode other : c.values()) {
        if (!other.path("id").asText().equals(id) && entity.get(unique).equals(other.get(unique))) {
          String v = entity.get(unique).asText();
          // Kong echoes the value in both the message and the field: the client must not copy
          // either
          reply(
              ex,
              409,
              "{\"code\":5,\"name\":\"unique constraint violation\",\"message\":\"UNIQUE violation detected on '{"
                  + unique
                  + "=\\\""
                  + v
                  + "\\\"}'\",\"fields\":{\""
                  + unique
                  + "\":\"already exists with value '"
                  + v
                  + "'\"}}");
          return;
        }
      }
    }
    if (coll.equals("basic-auths") && entity.hasNonNull("password")) {
      entity.put("password", sha1(entity.get("password").asText() + consumerId));
    }
    entity.put("id", id);
    entity.putObject("consumer").put("id", consumerId);
    entity.put("created_at", 1700000000);
    c.put(id, entity);
    reply(ex, method.equals("POST") ? 201 : 200, entity.toString());
  }

  private static String sha1(String s) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(s.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code /consumer_groups/{g}/consumers[/{c}]}: GET (paged), POST, DELETE. */
  private void member(HttpExchange ex, String method, String[] seg, String body)
      throws IOException {
    ObjectNode group =
        findRef("consumer_groups", MAPPER.createObjectNode().put("id", decode(seg[2])));
    if (group == null) {
      group = findRef("consumer_groups", MAPPER.createObjectNode().put("name", decode(seg[2])));
    }
    if (group == null) {
      reply(ex, 404, "{\"message\":\"Not found\"}");
      return;
    }
    java.util.LinkedHashSet<String> ids =
        members.computeIfAbsent(group.get("id").asText(), k -> new java.util.LinkedHashSet<>());
    if (method.equals("GET") && seg.length == 4) {
      ObjectNode out = MAPPER.createObjectNode();
      ArrayNode data = out.putArray("data");
      for (String id : ids) {
        data.add(collection("consumers").get(id));
      }
      out.putNull("next");
      reply(ex, 200, out.toString());
    } else if (method.equals("POST") && seg.length == 4) {
      ObjectNode consumer = consumer(MAPPER.readTree(body).path("consumer").asText());
      if (consumer == null) {
        reply(ex, 404, "{\"message\":\"Consumer not found\"}");
      } else if (!ids.add(consumer.get("id").asText())) {
        reply(ex, 409, "{\"message\":\"Consumer already in group\"}");
      } else {
        reply(ex, 201, "{\"consumer_group\":" + group + ",\"consumers\":[" + consumer + "]}");
      }
    } else if (method.equals("DELETE") && seg.length == 5) {
      ObjectNode consumer = consumer(decode(seg[4]));
      reply(ex, consumer != null && ids.remove(consumer.get("id").asText()) ? 204 : 404, "");
    } else {
      reply(ex, 405, "{\"message\":\"method not allowed\"}");
    }
  }

  /** {@code upstreams/<name or id>/targets} → {@code upstreams/<id>/targets}. */
  private String canonical(String coll) {
    String[] parts = coll.split("/");
    if (parts.length == 3 && parts[0].equals("upstreams")) {
      String u = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      for (ObjectNode up : collection("upstreams").values()) {
        if (u.equals(up.path("name").asText())) {
          return "upstreams/" + up.get("id").asText() + "/targets";
        }
      }
    }
    return coll;
  }

  private void postConfig(HttpExchange ex, String body) throws IOException {
    JsonNode config = MAPPER.readTree(body);
    ArrayNode errors = MAPPER.createArrayNode();
    walk(config, errors);
    if (!errors.isEmpty()) {
      ObjectNode err = MAPPER.createObjectNode();
      err.put("code", 14)
          .put("name", "invalid declarative configuration")
          .put("message", "declarative config is invalid: {}");
      err.putObject("fields");
      err.set("flattened_errors", errors);
      reply(ex, 400, err.toString());
      return;
    }
    declarative = config;
    configHash = String.format("%032x", Math.abs((long) body.hashCode()) + 1);
    reply(ex, 201, "{}");
  }

  private void walk(JsonNode node, ArrayNode errors) {
    if (node.isObject()) {
      if (node.has("tags") && rejects.test(node)) {
        ObjectNode e = errors.addObject();
        e.put("entity_type", "entity").put("entity_name", node.path("name").asText(""));
        e.put("entity_id", node.path("id").asText(""));
        e.set("entity_tags", node.get("tags"));
        e.set("entity", node);
        e.putArray("errors")
            .addObject()
            .put("type", "field")
            .put("field", "config.keys")
            .put("message", "unknown field");
      }
      node.fields().forEachRemaining(f -> walk(f.getValue(), errors));
    } else if (node.isArray()) {
      node.forEach(n -> walk(n, errors));
    }
  }

  /** Pages of two entities, to exercise the client's offset handling. */
  private void list(HttpExchange ex, String coll, String query) throws IOException {
    List<ObjectNode> all = new ArrayList<>(collection(coll).values());
    int start = 0;
    for (String p : query.split("&")) {
      if (p.startsWith("offset=")) {
        start = Integer.parseInt(p.substring(7));
      }
    }
    ObjectNode out = MAPPER.createObjectNode();
    ArrayNode data = out.putArray("data");
    for (int i = start; i < Math.min(all.size(), start + 2); i++) {
      data.add(all.get(i));
    }
    if (start + 2 < all.size()) {
      out.put("offset", String.valueOf(start + 2));
    } else {
      out.putNull("next");
    }
    reply(ex, 200, out.toString());
  }

  private void put(HttpExchange ex, String coll, String key, ObjectNode entity) throws IOException {
    if (rejects.test(entity)) {
      reply(
          ex,
          400,
          "{\"code\":2,\"name\":\"schema violation\",\"message\":\"schema violation (config.keys: unknown field)\","
              + "\"fields\":{\"config\":{\"keys\":\"unknown field\"}}}");
      return;
    }
    for (String ref : REFS) {
      JsonNode r = entity.get(ref);
      if (r != null && r.isObject()) {
        ObjectNode target = findRef(ref + "s", r);
        if (target == null) {
          reply(
              ex,
              400,
              "{\"code\":3,\"name\":\"foreign key violation\",\"message\":\"the foreign key does not exist\","
                  + "\"fields\":{\""
                  + ref
                  + "\":{}}}");
          return;
        }
        entity.putObject(ref).put("id", target.get("id").asText()); // Kong stores references by id
      }
    }
    Map<String, ObjectNode> c = collection(coll);
    String id = entity.hasNonNull("id") ? entity.get("id").asText() : null;
    if (id == null) {
      for (ObjectNode existing : c.values()) {
        if (key.equals(existing.path("name").asText(null))
            || key.equals(existing.path("target").asText(null))
            || key.equals(existing.path("username").asText(null))) {
          id = existing.get("id").asText();
        }
      }
    }
    if (id == null) {
      id =
          c.containsKey(key)
              ? key
              : UUID.nameUUIDFromBytes((coll + "/" + key).getBytes(StandardCharsets.UTF_8))
                  .toString();
    }
    entity.put("id", id);
    entity.put("created_at", 1700000000);
    c.put(id, entity);
    reply(ex, 200, entity.toString());
  }

  private ObjectNode findRef(String coll, JsonNode ref) {
    for (ObjectNode e : collection(coll).values()) {
      if (ref.hasNonNull("id") && ref.get("id").asText().equals(e.path("id").asText())) {
        return e;
      }
      if (ref.hasNonNull("name") && ref.get("name").asText().equals(e.path("name").asText())) {
        return e;
      }
    }
    return null;
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, status == 204 ? -1 : b.length);
    if (status != 204) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(b);
      }
    }
    ex.close();
  }
}
