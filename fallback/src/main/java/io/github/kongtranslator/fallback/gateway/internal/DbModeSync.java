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
import org.jspecify.annotations.Nullable;

/**
 * Entity-level sync against a database-backed Kong (fallback-spec §5.4, DB mode): reads the
 * current entities, then creates or updates (PUT, parents first) and deletes (children first)
 * entity by entity. Failed operations are reported per §4.8; there is no rollback.
 *
 * <p>Core kinds: services, routes, upstreams, targets, plugins, consumers, consumer groups,
 * certificates, CA certificates, SNIs, vaults ({@code PUT /<collection>/<id or name>}). Beside
 * them ({@link Extras}): credentials of consumers ({@code /consumers/{consumer}/key-auth},
 * {@code basic-auth}, {@code hmac-auth}, {@code jwt}, {@code oauth2}, {@code acls}, {@code
 * mtls-auth}, read from {@code /key-auths}, …), consumer-group members ({@code
 * /consumer_groups/{group}/consumers}, from {@code consumer_group_consumers}, a consumer's
 * {@code groups} or a group's {@code consumers}), licenses ({@code /licenses}) and custom
 * entities ({@code /<entity_type>}). Order: licenses, core kinds, credentials, members, custom
 * entities; deletions in reverse. A configuration with anything else (e.g. a credential outside
 * a consumer) is refused before anything is written.
 *
 * <p>Secret values (credential keys, passwords, license payloads) travel only in request
 * bodies: URLs carry ids and names, and outcomes name entities by kind, name, id and tags.
 */
public final class DbModeSync {
  /** Upsert order (parents first); deletions run in reverse. */
  static final ImmutableList<EntityKind> ORDER = ImmutableList.of(
      EntityKind.VAULT, EntityKind.CERTIFICATE, EntityKind.CA_CERTIFICATE, EntityKind.SNI,
      EntityKind.SERVICE, EntityKind.ROUTE, EntityKind.UPSTREAM, EntityKind.TARGET,
      EntityKind.CONSUMER_GROUP, EntityKind.CONSUMER, EntityKind.PLUGIN);

  static final ImmutableMap<String, EntityKind> REFERENCES = ImmutableMap.of(
      "service", EntityKind.SERVICE, "route", EntityKind.ROUTE, "consumer", EntityKind.CONSUMER,
      "consumer_group", EntityKind.CONSUMER_GROUP, "certificate", EntityKind.CERTIFICATE,
      "upstream", EntityKind.UPSTREAM, "client_certificate", EntityKind.CERTIFICATE,
      "ca_certificate", EntityKind.CA_CERTIFICATE);

  private final AdminHttp http;
  private final Set<String> customTypes;

  /**
   * Creates a sync over an Admin API.
   *
   * @param http the HTTP helper
   */
  public DbModeSync(AdminHttp http) {
    this(http, Set.of());
  }

  /**
   * Creates a sync over an Admin API that also reads (and so deletes what is not desired of)
   * the given custom entity types, beside those in the configuration.
   *
   * @param http the HTTP helper
   * @param customTypes custom entity types to manage even when the configuration has none
   */
  public DbModeSync(AdminHttp http, Set<String> customTypes) {
    this.http = http;
    this.customTypes = Set.copyOf(customTypes);
  }

  /** An entity to upsert. */
  record Desired(EntityKind kind, String collection, String key, ObjectNode body, KongEntity entity) {}

  /** An entity read from Kong. */
  record Current(EntityKind kind, String collection, JsonNode body) {
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
    Extras extras = new Extras(this);
    for (Map.Entry<String, ImmutableList<KongEntity>> section : config.sections().entrySet()) {
      for (KongEntity e : section.getValue()) {
        if (!extras.accept(e, Optional.empty(), unsupported)) {
          flatten(e, Optional.empty(), desired, unsupported, extras);
        }
      }
    }
    if (!unsupported.isEmpty()) {
      return PushOutcome.transientFailure("DB mode does not support " + unsupported + "; nothing was written");
    }
    desired.sort((a, b) -> Integer.compare(ORDER.indexOf(a.kind()), ORDER.indexOf(b.kind())));

    List<Current> current = new ArrayList<>();
    Optional<String> readError = readAll(current);
    if (readError.isEmpty()) {
      readError = extras.read(current, customTypes);
    }
    if (readError.isPresent()) {
      return PushOutcome.transientFailure(readError.get() + "; nothing was written");
    }
    Map<String, Current> byId = new LinkedHashMap<>();
    current.forEach(c -> byId.put(c.kind() + "/" + c.id(), c));

    Writer w = new Writer();
    Optional<PushOutcome> stop = extras.upsertLicenses(w);
    if (stop.isPresent()) {
      return stop.get();
    }
    Set<Current> matched = new LinkedHashSet<>();
    for (Desired d : desired) {
      Optional<Current> now = find(d, current, byId);
      now.ifPresent(matched::add);
      if (now.isPresent() && !differs(d.body(), now.get().body(), byId)) {
        continue;
      }
      String path = "/" + d.collection() + "/" + enc(d.key());
      stop = w.write("PUT", path, Optional.of(d.body()), typeName(d.kind()), d.body());
      if (stop.isPresent()) {
        return stop.get();
      }
    }
    stop = extras.upsertDependents(w, desired, current, byId);
    if (stop.isEmpty()) {
      stop = extras.deleteDependents(w);
    }
    if (stop.isPresent()) {
      return stop.get();
    }
    List<Current> deletions = new ArrayList<>();
    for (Current c : current) {
      if (ORDER.contains(c.kind()) && !matched.contains(c)) {
        deletions.add(c);
      }
    }
    deletions.sort((a, b) -> Integer.compare(ORDER.indexOf(b.kind()), ORDER.indexOf(a.kind())));
    for (Current c : deletions) {
      stop = w.delete("/" + c.collection() + "/" + enc(c.id()), typeName(c.kind()), c.body());
      if (stop.isPresent()) {
        return stop.get();
      }
    }
    stop = extras.deleteLicenses(w);
    if (stop.isPresent()) {
      return stop.get();
    }
    return w.errors.isEmpty() ? PushOutcome.accepted() : PushOutcome.rejected(w.errors);
  }

  /**
   * Sends writes and collects their failures: 4xx answers become §4.8 entries and the sync goes
   * on; a 5xx or a request that may have been sent stops it as {@code INDETERMINATE}, and a
   * request that was not sent stops it as {@code TRANSIENT} only while nothing was written.
   */
  final class Writer {
    final List<FlattenedError> errors = new ArrayList<>();
    private boolean wrote;

    /**
     * Sends a write.
     *
     * @param method {@code PUT} or {@code POST}
     * @param path the path
     * @param body the body, if any
     * @param type the entity type named in a failure (e.g. {@code route}, {@code key_auth})
     * @param blame the entity named in a failure (its name, id and tags)
     * @return an outcome to stop the sync with, or empty to go on
     */
    Optional<PushOutcome> write(String method, String path, Optional<JsonNode> body, String type, JsonNode blame) {
      AdminHttp.Reply r = http.send(method, path, body.map(JsonNode::toString));
      return settle(r, type, blame);
    }

    /**
     * Sends a deletion; 404 (already gone) counts as done.
     *
     * @param path the path
     * @param type the entity type named in a failure
     * @param blame the entity named in a failure
     * @return an outcome to stop the sync with, or empty to go on
     */
    Optional<PushOutcome> delete(String path, String type, JsonNode blame) {
      AdminHttp.Reply r = http.send("DELETE", path, Optional.empty());
      if (r instanceof AdminHttp.Answered a && a.status() == 404) {
        return Optional.empty();
      }
      return settle(r, type, blame);
    }

    private Optional<PushOutcome> settle(AdminHttp.Reply r, String type, JsonNode blame) {
      Optional<PushOutcome> stop = classify(r, wrote, type, blame, errors);
      if (stop.isEmpty()) {
        wrote = true;
      }
      return stop;
    }
  }

  /** Empty to go on; an outcome to stop the sync. */
  private static Optional<PushOutcome> classify(
      AdminHttp.Reply r, boolean wrote, String type, JsonNode body, List<FlattenedError> errors) {
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
    errors.add(error(type, body, a));
    return Optional.empty();
  }

  /** §4.8: one entry per failed operation, naming the entity; Kong's message is not copied. */
  private static FlattenedError error(String type, JsonNode body, AdminHttp.Answered a) {
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
    return FlattenedError.of(type, name, body.path("id").asText(""), tags,
        List.of(FieldError.of("entity", "", problem.toString(), List.of())));
  }

  private void flatten(
      KongEntity e, Optional<Desired> parent, List<Desired> out, Set<String> unsupported, Extras extras) {
    EntityKind kind = e.kind();
    if (!ORDER.contains(kind)) {
      unsupported.add(kind.sectionKey().isEmpty() ? kind.name() : kind.sectionKey());
      return;
    }
    ObjectNode body = e.toJsonWithoutNested();
    normalizeReferences(body);
    // memberships are written through /consumer_groups/{group}/consumers, not as fields
    @Nullable JsonNode members = kind == EntityKind.CONSUMER ? body.remove("groups")
        : kind == EntityKind.CONSUMER_GROUP ? body.remove("consumers") : null;
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
    if (members != null) {
      extras.members(d, members, unsupported);
    }
    for (Map.Entry<String, ImmutableList<KongEntity>> n : e.nested().entrySet()) {
      for (KongEntity child : n.getValue()) {
        if (!extras.accept(child, Optional.of(d), unsupported)) {
          flatten(child, Optional.of(d), out, unsupported, extras);
        }
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
  static void normalizeReferences(ObjectNode body) {
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

  static Optional<String> naturalKey(EntityKind kind, JsonNode body) {
    JsonNode copy = body.deepCopy();
    ((ObjectNode) copy).remove("id");
    return keyOf(kind, copy);
  }

  Optional<Current> find(Desired d, List<Current> current, Map<String, Current> byId) {
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
  static boolean differs(ObjectNode desired, JsonNode current, Map<String, Current> byId) {
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

  Optional<String> readCollection(EntityKind kind, String collection, List<Current> out) {
    return readCollection(kind, collection, out, false);
  }

  /**
   * Reads every page of a collection.
   *
   * @param kind the kind of its entities
   * @param collection the path without the leading slash
   * @param out where to add them
   * @param missingIsEmpty whether a 404 means "none" (an endpoint of a plugin or an Enterprise
   *     feature that this Kong does not have)
   * @return a failure description, or empty
   */
  Optional<String> readCollection(EntityKind kind, String collection, List<Current> out, boolean missingIsEmpty) {
    String next = "/" + collection + "?size=1000";
    for (int page = 0; page < 10_000; page++) {
      AdminHttp.Reply r = http.send("GET", next, Optional.empty());
      if (missingIsEmpty && page == 0 && r instanceof AdminHttp.Answered nf && nf.status() == 404) {
        return Optional.empty();
      }
      if (!(r instanceof AdminHttp.Answered a) || !a.ok()) {
        return Optional.of("reading " + collection + " failed: "
            + (r instanceof AdminHttp.Answered a2 ? "HTTP " + a2.status() : r.getClass().getSimpleName()));
      }
      Optional<JsonNode> json = a.json();
      JsonNode data = json.map(j -> j.path("data").isArray() ? j.path("data") : j.path("consumers"))
          .orElse(AdminHttp.MAPPER.missingNode());
      if (!data.isArray()) {
        return Optional.of("reading " + collection + " failed: unexpected body");
      }
      data.forEach(n -> out.add(new Current(kind, collection, n)));
      String offset = json.get().path("offset").asText("");
      if (offset.isEmpty()) {
        return Optional.empty();
      }
      next = "/" + collection + "?size=1000&offset=" + enc(offset);
    }
    return Optional.of("reading " + collection + " failed: too many pages");
  }

  /**
   * The entity type of a kind in failure entries, e.g. {@code route}.
   *
   * @param kind the kind
   * @return the lower-case name
   */
  static String typeName(EntityKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
