package io.github.kongtranslator.fallback.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.errors.FieldError;
import io.github.kongtranslator.kongmodel.errors.FlattenedError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entity-level sync against a database-backed Kong (fallback-spec §5.4, DB mode): reads the
 * current entities, then creates or updates (PUT, parents first) and deletes (children first)
 * entity by entity. Failed operations are reported per §4.8; there is no rollback.
 *
 * <p>Supported kinds: services, routes, upstreams, targets, plugins, consumers, consumer groups,
 * certificates, CA certificates, SNIs, vaults. A configuration with other kinds (credentials,
 * consumer-group members, licenses, custom entities) is refused before anything is written.
 */
public final class DbModeSync {
  /** Upsert order (parents first); deletions run in reverse. */
  static final ImmutableList<EntityKind> ORDER = ImmutableList.of(
      EntityKind.VAULT, EntityKind.CERTIFICATE, EntityKind.CA_CERTIFICATE, EntityKind.SNI,
      EntityKind.SERVICE, EntityKind.ROUTE, EntityKind.UPSTREAM, EntityKind.TARGET,
      EntityKind.CONSUMER_GROUP, EntityKind.CONSUMER, EntityKind.PLUGIN);

  private static final ImmutableMap<String, EntityKind> REFERENCES = ImmutableMap.of(
      "service", EntityKind.SERVICE, "route", EntityKind.ROUTE, "consumer", EntityKind.CONSUMER,
      "consumer_group", EntityKind.CONSUMER_GROUP, "certificate", EntityKind.CERTIFICATE,
      "upstream", EntityKind.UPSTREAM, "client_certificate", EntityKind.CERTIFICATE);

  private final AdminHttp http;

  /**
   * Creates a sync over an Admin API.
   *
   * @param http the HTTP helper
   */
  public DbModeSync(AdminHttp http) {
    this.http = http;
  }

  /** An entity to upsert. */
  private record Desired(EntityKind kind, String collection, String key, ObjectNode body, KongEntity entity) {}

  /** An entity read from Kong. */
  private record Current(EntityKind kind, String collection, JsonNode body) {
    String id() {
      return body.path("id").asText("");
    }
  }

  /**
   * Syncs a configuration.
   *
   * @param config the configuration
   * @return the classified outcome
   */
  public PushOutcome sync(KongConfig config) {
    List<Desired> desired = new ArrayList<>();
    Set<String> unsupported = new TreeSet<>();
    for (ImmutableList<KongEntity> section : config.sections().values()) {
      for (KongEntity e : section) {
        flatten(e, Optional.empty(), desired, unsupported);
      }
    }
    if (!unsupported.isEmpty()) {
      return PushOutcome.transientFailure("DB mode does not support " + unsupported + "; nothing was written");
    }
    desired.sort((a, b) -> Integer.compare(ORDER.indexOf(a.kind()), ORDER.indexOf(b.kind())));

    List<Current> current = new ArrayList<>();
    Optional<String> readError = readAll(current);
    if (readError.isPresent()) {
      return PushOutcome.transientFailure(readError.get() + "; nothing was written");
    }
    Map<String, Current> byId = new LinkedHashMap<>();
    current.forEach(c -> byId.put(c.kind() + "/" + c.id(), c));

    List<FlattenedError> errors = new ArrayList<>();
    Set<Current> matched = new LinkedHashSet<>();
    boolean wrote = false;
    for (Desired d : desired) {
      Optional<Current> now = find(d, current, byId);
      now.ifPresent(matched::add);
      if (now.isPresent() && !differs(d.body(), now.get().body(), byId)) {
        continue;
      }
      String path = "/" + d.collection() + "/" + enc(d.key());
      AdminHttp.Reply r = http.send("PUT", path, Optional.of(d.body().toString()));
      Optional<PushOutcome> stop = classify(r, wrote, d.entity().kind(), d.body(), errors);
      if (stop.isPresent()) {
        return stop.get();
      }
      wrote = true;
    }
    List<Current> deletions = new ArrayList<>();
    for (Current c : current) {
      if (!matched.contains(c)) {
        deletions.add(c);
      }
    }
    deletions.sort((a, b) -> Integer.compare(ORDER.indexOf(b.kind()), ORDER.indexOf(a.kind())));
    for (Current c : deletions) {
      AdminHttp.Reply r = http.send("DELETE", "/" + c.collection() + "/" + enc(c.id()), Optional.empty());
      if (r instanceof AdminHttp.Answered a && a.status() == 404) {
        continue;
      }
      Optional<PushOutcome> stop = classify(r, wrote, c.kind(), c.body(), errors);
      if (stop.isPresent()) {
        return stop.get();
      }
      wrote = true;
    }
    return errors.isEmpty() ? PushOutcome.accepted() : PushOutcome.rejected(errors);
  }

  /** Empty to go on; an outcome to stop the sync. */
  private static Optional<PushOutcome> classify(
      AdminHttp.Reply r, boolean wrote, EntityKind kind, JsonNode body, List<FlattenedError> errors) {
    if (r instanceof AdminHttp.NotSent n) {
      return Optional.of(wrote
          ? PushOutcome.indeterminate(n.reason() + " after earlier operations were applied")
          : PushOutcome.transientFailure(n.reason()));
    }
    if (r instanceof AdminHttp.Lost l) {
      return Optional.of(PushOutcome.indeterminate(l.reason()));
    }
    AdminHttp.Answered a = (AdminHttp.Answered) r;
    if (a.ok()) {
      return Optional.empty();
    }
    if (a.status() >= 500) {
      return Optional.of(PushOutcome.indeterminate("HTTP " + a.status() + " from the Admin API"));
    }
    errors.add(error(kind, body, a));
    return Optional.empty();
  }

  /** §4.8: one entry per failed operation, naming the entity; Kong's message is not copied. */
  private static FlattenedError error(EntityKind kind, JsonNode body, AdminHttp.Answered a) {
    List<String> tags = new ArrayList<>();
    body.path("tags").forEach(t -> tags.add(t.asText()));
    String name = body.path("name").asText("");
    StringBuilder problem = new StringBuilder("HTTP ").append(a.status());
    a.json().ifPresent(j -> {
      if (j.hasNonNull("name")) {
        problem.append(' ').append(j.get("name").asText());
      }
      if (j.path("fields").isObject()) {
        List<String> fields = new ArrayList<>();
        j.get("fields").fieldNames().forEachRemaining(fields::add);
        problem.append(" (fields: ").append(String.join(", ", fields)).append(')');
      }
    });
    return FlattenedError.of(kind.name().toLowerCase(Locale.ROOT), name, body.path("id").asText(""), tags,
        List.of(FieldError.of("entity", "", problem.toString(), List.of())));
  }

  private void flatten(KongEntity e, Optional<Desired> parent, List<Desired> out, Set<String> unsupported) {
    EntityKind kind = e.kind();
    if (!ORDER.contains(kind)) {
      unsupported.add(kind.sectionKey().isEmpty() ? kind.name() : kind.sectionKey());
      return;
    }
    ObjectNode body = e.toJsonWithoutNested();
    normalizeReferences(body);
    String collection = collectionOf(kind);
    if (parent.isPresent()) {
      Desired p = parent.get();
      ObjectNode ref = refTo(p);
      switch (p.kind()) {
        case SERVICE -> body.set("service", ref);
        case ROUTE -> body.set("route", ref);
        case CONSUMER -> body.set("consumer", ref);
        case CONSUMER_GROUP -> body.set("consumer_group", ref);
        case CERTIFICATE -> body.set("certificate", ref);
        case UPSTREAM -> collection = "upstreams/" + enc(p.key()) + "/targets";
        default -> unsupported.add(kind.sectionKey() + " under " + p.kind().sectionKey());
      }
    }
    Optional<String> key = keyOf(kind, body);
    if (key.isEmpty()) {
      unsupported.add(kind.sectionKey() + " without id");
      return;
    }
    Desired d = new Desired(kind, collection, key.get(), body, e);
    out.add(d);
    for (Map.Entry<String, ImmutableList<KongEntity>> n : e.nested().entrySet()) {
      for (KongEntity child : n.getValue()) {
        flatten(child, Optional.of(d), out, unsupported);
      }
    }
  }

  private static ObjectNode refTo(Desired p) {
    ObjectNode ref = AdminHttp.MAPPER.createObjectNode();
    if (p.body().hasNonNull("id")) {
      ref.put("id", p.body().get("id").asText());
    } else {
      ref.put("name", p.key());
    }
    return ref;
  }

  /** deck allows {@code route: name}; the Admin API wants {@code route: {name: …}} or {@code {id: …}}. */
  private static void normalizeReferences(ObjectNode body) {
    for (String field : REFERENCES.keySet()) {
      JsonNode v = body.get(field);
      if (v != null && v.isTextual()) {
        ObjectNode ref = AdminHttp.MAPPER.createObjectNode();
        ref.put(isUuid(v.asText()) ? "id" : "name", v.asText());
        body.set(field, ref);
      }
    }
  }

  static boolean isUuid(String s) {
    return s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }

  static String collectionOf(EntityKind kind) {
    return kind == EntityKind.TARGET ? "targets" : kind.sectionKey();
  }

  private static Optional<String> keyOf(EntityKind kind, JsonNode body) {
    if (body.hasNonNull("id")) {
      return Optional.of(body.get("id").asText());
    }
    String field = switch (kind) {
      case SERVICE, ROUTE, UPSTREAM, CONSUMER_GROUP, SNI -> "name";
      case CONSUMER -> "username";
      case VAULT -> "prefix";
      case TARGET -> "target";
      default -> "";
    };
    return field.isEmpty() || !body.hasNonNull(field) ? Optional.empty() : Optional.of(body.get(field).asText());
  }

  private static Optional<String> naturalKey(EntityKind kind, JsonNode body) {
    JsonNode copy = body.deepCopy();
    ((ObjectNode) copy).remove("id");
    return keyOf(kind, copy);
  }

  private Optional<Current> find(Desired d, List<Current> current, Map<String, Current> byId) {
    if (d.body().hasNonNull("id")) {
      return Optional.ofNullable(byId.get(d.kind() + "/" + d.body().get("id").asText()));
    }
    Optional<String> nk = naturalKey(d.kind(), d.body());
    for (Current c : current) {
      if (c.kind() == d.kind() && nk.equals(naturalKey(c.kind(), c.body()))
          && (d.kind() != EntityKind.TARGET || c.collection().equals(targetsOf(d, current, byId)))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The collection of the current upstream a desired target belongs to. */
  private static String targetsOf(Desired d, List<Current> current, Map<String, Current> byId) {
    for (Current c : current) {
      if (c.kind() == EntityKind.UPSTREAM && d.collection().equals(
          "upstreams/" + enc(c.body().path("name").asText()) + "/targets")) {
        return "upstreams/" + enc(c.id()) + "/targets";
      }
    }
    return d.collection();
  }

  /** Whether any field of the desired body differs from Kong's (defaults Kong adds are ignored). */
  private static boolean differs(ObjectNode desired, JsonNode current, Map<String, Current> byId) {
    Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode now = current.get(f.getKey());
      EntityKind refKind = REFERENCES.get(f.getKey());
      if (refKind != null && f.getValue().isObject() && now != null && now.isObject()) {
        if (!sameRef(refKind, f.getValue(), now, byId)) {
          return true;
        }
      } else if (!f.getValue().equals(now)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameRef(EntityKind kind, JsonNode want, JsonNode have, Map<String, Current> byId) {
    if (want.hasNonNull("id")) {
      return want.get("id").asText().equals(have.path("id").asText());
    }
    Current target = byId.get(kind + "/" + have.path("id").asText());
    return target != null && naturalKey(kind, target.body()).equals(Optional.of(want.path("name").asText()));
  }

  private Optional<String> readAll(List<Current> out) {
    for (EntityKind kind : ORDER) {
      if (kind == EntityKind.TARGET) {
        continue;
      }
      Optional<String> err = readCollection(kind, collectionOf(kind), out);
      if (err.isPresent()) {
        return err;
      }
    }
    for (Current up : List.copyOf(out)) {
      if (up.kind() == EntityKind.UPSTREAM) {
        Optional<String> err = readCollection(EntityKind.TARGET, "upstreams/" + enc(up.id()) + "/targets", out);
        if (err.isPresent()) {
          return err;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> readCollection(EntityKind kind, String collection, List<Current> out) {
    String next = "/" + collection + "?size=1000";
    for (int page = 0; page < 10_000; page++) {
      AdminHttp.Reply r = http.send("GET", next, Optional.empty());
      if (!(r instanceof AdminHttp.Answered a) || !a.ok()) {
        return Optional.of("reading " + collection + " failed: "
            + (r instanceof AdminHttp.Answered a2 ? "HTTP " + a2.status() : r.getClass().getSimpleName()));
      }
      Optional<JsonNode> json = a.json();
      if (json.isEmpty() || !json.get().path("data").isArray()) {
        return Optional.of("reading " + collection + " failed: unexpected body");
      }
      json.get().get("data").forEach(n -> out.add(new Current(kind, collection, n)));
      String offset = json.get().path("offset").asText("");
      if (offset.isEmpty()) {
        return Optional.empty();
      }
      next = "/" + collection + "?size=1000&offset=" + enc(offset);
    }
    return Optional.of("reading " + collection + " failed: too many pages");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
