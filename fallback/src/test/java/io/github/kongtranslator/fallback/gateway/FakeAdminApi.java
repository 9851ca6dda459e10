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
 * An in-process stand-in for Kong's Admin API on 127.0.0.1 (ephemeral port), for the calls
 * {@link KongAdminClient} makes: {@code GET /}, {@code GET /status}, {@code POST /config} (with
 * Kong's flattened-errors 400 body), and for DB mode paged {@code GET /<collection>}, {@code PUT}
 * and {@code DELETE} of entities with schema and foreign-key errors. Test use only.
 */
final class FakeAdminApi implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> REFS = List.of("service", "route", "consumer", "certificate", "consumer_group");

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
  private int writes;

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
    } else if (method.equals("GET")) {
      list(ex, canonical(path.substring(1)), query);
    } else if (method.equals("PUT") || method.equals("DELETE")) {
      if (fail5xxAfterWrites >= 0 && writes >= fail5xxAfterWrites) {
        reply(ex, 503, "{\"message\":\"database unavailable\"}");
        return;
      }
      writes++;
      int slash = path.lastIndexOf('/');
      String coll = canonical(path.substring(1, slash));
      String key = URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
      if (method.equals("PUT")) {
        put(ex, coll, key, (ObjectNode) MAPPER.readTree(body));
      } else {
        reply(ex, collection(coll).remove(key) == null ? 404 : 204, "");
      }
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
      err.put("code", 14).put("name", "invalid declarative configuration")
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
        e.putArray("errors").addObject().put("type", "field").put("field", "config.keys")
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
      reply(ex, 400, "{\"code\":2,\"name\":\"schema violation\",\"message\":\"schema violation (config.keys: unknown field)\","
          + "\"fields\":{\"config\":{\"keys\":\"unknown field\"}}}");
      return;
    }
    for (String ref : REFS) {
      JsonNode r = entity.get(ref);
      if (r != null && r.isObject() && findRef(ref + "s", r) == null) {
        reply(ex, 400, "{\"code\":3,\"name\":\"foreign key violation\",\"message\":\"the foreign key does not exist\","
            + "\"fields\":{\"" + ref + "\":{}}}");
        return;
      }
    }
    Map<String, ObjectNode> c = collection(coll);
    String id = entity.hasNonNull("id") ? entity.get("id").asText() : null;
    if (id == null) {
      for (ObjectNode existing : c.values()) {
        if (key.equals(existing.path("name").asText(null)) || key.equals(existing.path("target").asText(null))
            || key.equals(existing.path("username").asText(null))) {
          id = existing.get("id").asText();
        }
      }
    }
    if (id == null) {
      id = c.containsKey(key) ? key : UUID.nameUUIDFromBytes((coll + "/" + key).getBytes(StandardCharsets.UTF_8)).toString();
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
