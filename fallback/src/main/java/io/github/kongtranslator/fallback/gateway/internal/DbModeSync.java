package io.github.kongtranslator.fallback.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
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
 * Entity-level sync against a database-backed Kong (fallback-spec §5.4, DB mode), as deck does it
 * ({@code Kong/go-database-reconciler} {@code pkg/diff/diff.go}: {@code deleteDuplicates}, then
 * {@code createUpdate}, then {@code delete}): reads the current entities that carry the select
 * tags, deletes current entities that have a desired entity's name but another id, creates or
 * updates (parents first) and deletes (children first) entity by entity. There is no rollback.
 *
 * <ul>
 *   <li><b>Select tags</b> ({@code pkg/file/builder.go} merges them into every entity, {@code
 *       pkg/dump/dump.go} lists with {@code ?tags=a,b}, all of them, 1000 per page): every written
 *       entity carries them and only entities carrying all of them are read, so the sync never
 *       sees, changes or deletes another team's entities. Targets are listed per upstream and
 *       filtered here; licenses (no {@code tags} field in Kong's schema) are not filtered.
 *   <li><b>Optional collections</b>: {@code consumer_groups} (Enterprise), {@code licenses},
 *       credential and custom-entity collections answer 404 when the gateway lacks the feature or
 *       plugin ({@code kong/api/endpoints.lua} {@code not_found}); they read as empty and a desired
 *       entity there is rejected by name, never the whole push.
 *   <li><b>Targets</b> are created with {@code POST /upstreams/{u}/targets}; {@code PUT
 *       /upstreams/{u}/targets/{t}} only updates an existing target in Kong 3.x ({@code
 *       kong/api/routes/upstreams.lua}: {@code target_endpoint} answers 404 for a missing one).
 *   <li><b>Failures</b>: requests answered 429 or 5xx, or not answered, are retried ({@link
 *       AdminHttp#sendRetrying}) and, when the retries run out, stop the sync as {@code TRANSIENT}
 *       (nothing written yet) or {@code INDETERMINATE} — never blamed on an entity. Only a 400
 *       (schema, foreign-key or primary-key violation) or a 409 (unique violation) answered to a
 *       write names the entity written (fallback-spec §4.8); other answers (401, 403, 404, …) are
 *       counted and make the outcome {@code INDETERMINATE} unless some entity was rejected.
 * </ul>
 *
 * <p>Core kinds: services, routes, upstreams, targets, plugins, consumers, consumer groups,
 * certificates, CA certificates, SNIs, vaults ({@code PUT /<collection>/<id or name>}). Beside them
 * ({@link Extras}): credentials of consumers ({@code /consumers/{consumer}/key-auth}, {@code
 * basic-auth}, {@code hmac-auth}, {@code jwt}, {@code oauth2}, {@code acls}, {@code mtls-auth},
 * read from {@code /key-auths}, …), consumer-group members ({@code
 * /consumer_groups/{group}/consumers}, from {@code consumer_group_consumers}, a consumer's {@code
 * groups} or a group's {@code consumers}), licenses ({@code /licenses}) and custom entities ({@code
 * /<entity_type>}). Order: licenses, core kinds, credentials, members, custom entities; deletions
 * in reverse. A configuration with anything else (e.g. a credential outside a consumer) is refused
 * before anything is written.
 *
 * <p>Secret values (credential keys, passwords, license payloads) travel only in request bodies:
 * URLs carry ids and names, and outcomes name entities by kind, name, id and tags.
 */
public final class DbModeSync {
  /** Upsert order (parents first); deletions run in reverse. */
  static final ImmutableList<EntityKind> ORDER =
      ImmutableList.of(
          EntityKind.VAULT,
          EntityKind.CERTIFICATE,
          EntityKind.CA_CERTIFICATE,
          EntityKind.SNI,
          EntityKind.SERVICE,
          EntityKind.ROUTE,
          EntityKind.UPSTREAM,
          EntityKind.TARGET,
          EntityKind.CONSUMER_GROUP,
          EntityKind.CONSUMER,
          EntityKind.PLUGIN);

  static final ImmutableMap<String, EntityKind> REFERENCES =
      ImmutableMap.of(
          "service",
          EntityKind.SERVICE,
          "route",
          EntityKind.ROUTE,
          "consumer",
          EntityKind.CONSUMER,
          "consumer_group",
          EntityKind.CONSUMER_GROUP,
          "certificate",
          EntityKind.CERTIFICATE,
          "upstream",
          EntityKind.UPSTREAM,
          "client_certificate",
          EntityKind.CERTIFICATE,
          "ca_certificate",
          EntityKind.CA_CERTIFICATE);

  /** Collections that a Kong may lack (Enterprise, plugin-provided): a 404 means "none here". */
  static final ImmutableSet<String> OPTIONAL = ImmutableSet.of("consumer_groups", "licenses");

  private final AdminHttp http;
  private final Set<String> customTypes;
  private final ImmutableList<String> selectTags;
  private final boolean dryRun;

  /** Collections that answered 404 in this sync. */
  final Set<String> absent = new LinkedHashSet<>();

  /**
   * Creates a sync over an Admin API without select tags (manages every entity it can read).
   *
   * @param http the HTTP helper
   */
  public DbModeSync(AdminHttp http) {
    this(http, Set.of(), List.of(), false);
  }

  /**
   * Creates a sync over an Admin API that also reads (and so deletes what is not desired of) the
   * given custom entity types, beside those in the configuration.
   *
   * @param http the HTTP helper
   * @param customTypes custom entity types to manage even when the configuration has none
   * @param selectTags tags written on every entity and required of every entity read; empty: every
   *     entity is read and managed
   * @param dryRun whether to only count the writes the sync would make ({@link #pending()})
   */
  public DbModeSync(
      AdminHttp http, Set<String> customTypes, List<String> selectTags, boolean dryRun) {
    this.http = http;
    this.customTypes = Set.copyOf(customTypes);
    this.selectTags = ImmutableList.copyOf(selectTags);
    this.dryRun = dryRun;
  }

  private final List<String> pending = new ArrayList<>();

  /**
   * In a dry run, the writes the sync would have sent ({@code METHOD path}), in order.
   *
   * @return the writes
   */
  public ImmutableList<String> pending() {
    return ImmutableList.copyOf(pending);
  }

  /**
   * Whether a dry run compares this entity's secret fields (basic-auth passwords are stored
   * hashed).
   */
  boolean dryRun() {
    return dryRun;
  }

  /** The select tags. */
  ImmutableList<String> selectTags() {
    return selectTags;
  }

  /**
   * Adds the select tags to an entity body that has none of them yet (deck's {@code
   * MustMergeTags}).
   */
  void tag(ObjectNode body) {
    if (selectTags.isEmpty()) {
      return;
    }
    Set<String> tags = new LinkedHashSet<>();
    body.path("tags").forEach(t -> tags.add(t.asText()));
    tags.addAll(selectTags);
    com.fasterxml.jackson.databind.node.ArrayNode arr = body.putArray("tags");
    tags.forEach(arr::add);
  }

  /** Whether a current entity carries every select tag. */
  boolean selected(JsonNode body) {
    if (selectTags.isEmpty()) {
      return true;
    }
    Set<String> tags = new LinkedHashSet<>();
    body.path("tags").forEach(t -> tags.add(t.asText()));
    return tags.containsAll(selectTags);
  }

  /** An entity to upsert. */
  record Desired(
      EntityKind kind, String collection, String key, ObjectNode body, KongEntity entity) {}

  /** An entity read from Kong. */
  record Current(EntityKind kind, String collection, JsonNode body) {
    String id() {
      return body.path("id").asText("");
    }
  }

  /**
   * Syncs a configuration (or, in a dry run, finds the writes a sync would make).
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
        if (!extras.accept(e, null, unsupported)) {
          flatten(e, null, desired, unsupported, extras);
        }
      }
    }
    if (!unsupported.isEmpty()) {
      return PushOutcome.transientFailure(
          "DB mode does not support " + unsupported + "; nothing was written");
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
    // a desired entity in a collection this Kong does not have (e.g. consumer groups on Kong OSS)
    // is rejected by name; the rest of the configuration is still written
    for (Iterator<Desired> it = desired.iterator(); it.hasNext(); ) {
      Desired d = it.next();
      int slash = d.collection().indexOf('/');
      String root = slash < 0 ? d.collection() : d.collection().substring(0, slash);
      if (absent.contains(root)) {
        w.reject(
            typeName(d.kind()), d.body(), root + " is not available on this gateway (HTTP 404)");
        it.remove();
      }
    }
    Optional<PushOutcome> stop = deleteDuplicates(w, desired, current, byId, extras);
    if (stop.isEmpty()) {
      stop = extras.upsertLicenses(w);
    }
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
      if (d.kind() == EntityKind.TARGET) {
        // kong/api/routes/upstreams.lua: POST creates a target; PUT on /targets/{t} updates only
        stop =
            now.isPresent()
                ? w.write(
                    "PUT",
                    "/" + now.get().collection() + "/" + enc(now.get().id()),
                    d.body(),
                    typeName(d.kind()),
                    d.body())
                : w.write("POST", "/" + d.collection(), d.body(), typeName(d.kind()), d.body());
      } else {
        String path = "/" + d.collection() + "/" + enc(d.key());
        stop = w.write("PUT", path, d.body(), typeName(d.kind()), d.body());
      }
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
    return w.outcome();
  }

  /**
   * deck's {@code deleteDuplicates} ({@code pkg/diff/diff.go}; {@code pkg/types/service.go}, {@code
   * route.go}, {@code consumer.go}): a current entity with a desired entity's name (its natural
   * key) but another id is deleted before anything is created, children first (a duplicate
   * service's routes first: Kong does not cascade routes). What Kong deletes with it by cascade
   * (plugins, targets, credentials, memberships) is forgotten, so it is created again.
   */
  private Optional<PushOutcome> deleteDuplicates(
      Writer w,
      List<Desired> desired,
      List<Current> current,
      Map<String, Current> byId,
      Extras extras) {
    List<Current> dups = new ArrayList<>();
    for (Desired d : desired) {
      if (!d.body().hasNonNull("id")) {
        continue;
      }
      Optional<String> nk = naturalKey(d.kind(), d.body());
      if (nk.isEmpty()) {
        continue;
      }
      String id = d.body().get("id").asText();
      for (Current c : current) {
        if (c.kind() == d.kind()
            && !c.id().equals(id)
            && nk.equals(naturalKey(c.kind(), c.body()))
            && (d.kind() != EntityKind.TARGET || c.collection().equals(targetsOf(d, current)))
            && !dups.contains(c)) {
          if (c.kind() == EntityKind.SERVICE) {
            for (Current r : current) {
              if (r.kind() == EntityKind.ROUTE
                  && c.id().equals(r.body().path("service").path("id").asText())
                  && !dups.contains(r)) {
                dups.add(r);
              }
            }
          }
          dups.add(c);
        }
      }
    }
    if (dups.isEmpty()) {
      return Optional.empty();
    }
    dups.sort((a, b) -> Integer.compare(ORDER.indexOf(b.kind()), ORDER.indexOf(a.kind())));
    Set<String> gone = new LinkedHashSet<>();
    for (Current c : dups) {
      Optional<PushOutcome> stop =
          w.delete("/" + c.collection() + "/" + enc(c.id()), typeName(c.kind()), c.body());
      if (stop.isPresent()) {
        return stop;
      }
      gone.add(c.id());
    }
    // Kong's on_delete = "cascade" (kong/db/schema/entities/plugins.lua, targets.lua, the
    // credentials' daos.lua): forget what went with the duplicates
    java.util.function.Predicate<Current> cascaded =
        c -> gone.contains(c.id()) || refersTo(c, gone);
    current.removeIf(cascaded);
    byId.values().removeIf(cascaded);
    extras.forget(cascaded);
    return Optional.empty();
  }

  private static boolean refersTo(Current c, Set<String> ids) {
    for (String part : Splitter.on('/').omitEmptyStrings().split(c.collection())) {
      if (ids.contains(java.net.URLDecoder.decode(part, StandardCharsets.UTF_8))) {
        return true;
      }
    }
    for (String field : REFERENCES.keySet()) {
      if (ids.contains(c.body().path(field).path("id").asText(""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends writes and collects their failures. A request answered 429 or 5xx, or not answered, is
   * retried; when the retries run out the sync stops, as {@code TRANSIENT} when the gateway
   * certainly did not change (refused or rate limited before anything was written) and as {@code
   * INDETERMINATE} otherwise. A 400 or a 409 names the entity written (fallback-spec §4.8) and the
   * sync goes on; other answers are counted as unexplained failures.
   */
  final class Writer {
    final List<FlattenedError> errors = new ArrayList<>();
    final List<String> unexplained = new ArrayList<>();
    private boolean wrote;

    /**
     * Sends a write.
     *
     * @param method {@code PUT} or {@code POST}
     * @param path the path
     * @param body the body
     * @param type the entity type named in a failure (e.g. {@code route}, {@code key_auth})
     * @param blame the entity named in a failure (its name, id and tags)
     * @return an outcome to stop the sync with, or empty to go on
     */
    Optional<PushOutcome> write(
        String method, String path, JsonNode body, String type, JsonNode blame) {
      if (dryRun) {
        pending.add(method + " " + path);
        return Optional.empty();
      }
      AdminHttp.Sent sent = http.sendRetrying(method, path, body.toString());
      return settle(method, path, sent, type, blame);
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
      if (dryRun) {
        pending.add("DELETE " + path);
        return Optional.empty();
      }
      AdminHttp.Sent sent = http.sendRetrying("DELETE", path, null);
      if (sent.reply() instanceof AdminHttp.Answered a && a.status() == 404) {
        return Optional.empty();
      }
      return settle("DELETE", path, sent, type, blame);
    }

    /**
     * Rejects an entity without sending it.
     *
     * @param type the entity type
     * @param blame the entity
     * @param problem why (no entity content)
     */
    void reject(String type, JsonNode blame, String problem) {
      if (dryRun) {
        pending.add("REJECT " + type);
        return;
      }
      errors.add(entry(type, blame, problem));
    }

    /** The outcome of a sync that ran to its end. */
    PushOutcome outcome() {
      if (!errors.isEmpty()) {
        return PushOutcome.rejected(errors);
      }
      if (!unexplained.isEmpty()) {
        String what =
            unexplained.size()
                + " requests failed without naming an entity, first: "
                + unexplained.get(0);
        return wrote
            ? PushOutcome.indeterminate(what)
            : PushOutcome.transientFailure(what + "; nothing was written");
      }
      return PushOutcome.accepted();
    }

    private Optional<PushOutcome> settle(
        String method, String path, AdminHttp.Sent sent, String type, JsonNode blame) {
      AdminHttp.Reply r = sent.reply();
      String what = method + " " + path + " after " + sent.attempts() + " attempt(s)";
      if (r instanceof AdminHttp.NotSent n) {
        return Optional.of(
            wrote
                ? PushOutcome.indeterminate(
                    n.reason() + " on " + what + " after earlier operations were applied")
                : PushOutcome.transientFailure(
                    n.reason() + " on " + what + "; nothing was written"));
      }
      if (r instanceof AdminHttp.Lost l) {
        return Optional.of(PushOutcome.indeterminate(l.reason() + " on " + what));
      }
      AdminHttp.Answered a = (AdminHttp.Answered) r;
      if (a.ok()) {
        wrote = true;
        return Optional.empty();
      }
      if (a.status() == 429) {
        return Optional.of(
            wrote
                ? PushOutcome.indeterminate(
                    "HTTP 429 on " + what + " after earlier operations were applied")
                : PushOutcome.transientFailure("HTTP 429 on " + what + "; nothing was written"));
      }
      if (a.status() >= 500) {
        return Optional.of(PushOutcome.indeterminate("HTTP " + a.status() + " on " + what));
      }
      if (a.status() == 400 || (a.status() == 409 && !sent.retried())) {
        errors.add(error(type, blame, a)); // kong/api/endpoints.lua ERRORS_HTTP_CODES: violations
        return Optional.empty();
      }
      if (sent.retried()) {
        wrote = true; // an earlier attempt may have been applied
      }
      unexplained.add("HTTP " + a.status() + " on " + what);
      return Optional.empty();
    }
  }

  /** An entry for an entity rejected without a request. */
  private static FlattenedError entry(String type, JsonNode body, String problem) {
    List<String> tags = new ArrayList<>();
    body.path("tags").forEach(t -> tags.add(t.asText()));
    return FlattenedError.of(
        type,
        body.path("name").asText(""),
        body.path("id").asText(""),
        tags,
        List.of(FieldError.of("entity", "", problem, List.of())));
  }

  /** §4.8: one entry per failed operation, naming the entity; Kong's message is not copied. */
  private static FlattenedError error(String type, JsonNode body, AdminHttp.Answered a) {
    List<String> tags = new ArrayList<>();
    body.path("tags").forEach(t -> tags.add(t.asText()));
    String name = body.path("name").asText("");
    StringBuilder problem = new StringBuilder("HTTP ").append(a.status());
    a.json()
        .ifPresent(
            j -> {
              if (j.hasNonNull("name")) {
                problem.append(' ').append(j.get("name").asText());
              }
              if (j.path("fields").isObject()) {
                List<String> fields = new ArrayList<>();
                j.get("fields").fieldNames().forEachRemaining(fields::add);
                problem.append(" (fields: ").append(String.join(", ", fields)).append(')');
              }
            });
    return FlattenedError.of(
        type,
        name,
        body.path("id").asText(""),
        tags,
        List.of(FieldError.of("entity", "", problem.toString(), List.of())));
  }

  private void flatten(
      KongEntity e,
      @Nullable Desired parent,
      List<Desired> out,
      Set<String> unsupported,
      Extras extras) {
    EntityKind kind = e.kind();
    if (!ORDER.contains(kind)) {
      unsupported.add(kind.sectionKey().isEmpty() ? kind.name() : kind.sectionKey());
      return;
    }
    ObjectNode body = e.toJsonWithoutNested();
    normalizeReferences(body);
    tag(body);
    // memberships are written through /consumer_groups/{group}/consumers, not as fields
    @Nullable JsonNode members =
        kind == EntityKind.CONSUMER
            ? body.remove("groups")
            : kind == EntityKind.CONSUMER_GROUP ? body.remove("consumers") : null;
    String collection = collectionOf(kind);
    if (parent != null) {
      Desired p = parent;
      ObjectNode ref = refTo(p);
      switch (p.kind()) {
        case SERVICE -> body.set("service", ref);
        case ROUTE -> body.set("route", ref);
        case CONSUMER -> body.set("consumer", ref);
        case CONSUMER_GROUP -> body.set("consumer_group", ref);
        case CERTIFICATE -> body.set("certificate", ref);
        case UPSTREAM -> collection = "upstreams/" + enc(p.key()) + "/targets";
        case TARGET,
            PLUGIN,
            CONSUMER_GROUP_CONSUMER,
            KEY_AUTH,
            BASIC_AUTH,
            HMAC_AUTH,
            JWT_SECRET,
            OAUTH2,
            ACL,
            MTLS_AUTH,
            SNI,
            CA_CERTIFICATE,
            VAULT,
            LICENSE,
            CUSTOM_ENTITY ->
            unsupported.add(kind.sectionKey() + " under " + p.kind().sectionKey());
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
        if (!extras.accept(child, d, unsupported)) {
          flatten(child, d, out, unsupported, extras);
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

  /**
   * deck allows {@code route: name}; the Admin API wants {@code route: {name: …}} or {@code {id:
   * …}}.
   */
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
    String field =
        switch (kind) {
          case SERVICE, ROUTE, UPSTREAM, CONSUMER_GROUP, SNI -> "name";
          case CONSUMER -> "username";
          case VAULT -> "prefix";
          case TARGET -> "target";
          case PLUGIN,
              CONSUMER_GROUP_CONSUMER,
              KEY_AUTH,
              BASIC_AUTH,
              HMAC_AUTH,
              JWT_SECRET,
              OAUTH2,
              ACL,
              MTLS_AUTH,
              CERTIFICATE,
              CA_CERTIFICATE,
              LICENSE,
              CUSTOM_ENTITY ->
              "";
        };
    return field.isEmpty() || !body.hasNonNull(field)
        ? Optional.empty()
        : Optional.of(body.get(field).asText());
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
      if (c.kind() == d.kind()
          && nk.equals(naturalKey(c.kind(), c.body()))
          && (d.kind() != EntityKind.TARGET || c.collection().equals(targetsOf(d, current)))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The collection of the current upstream a desired target belongs to. */
  private static String targetsOf(Desired d, List<Current> current) {
    for (Current c : current) {
      if (c.kind() == EntityKind.UPSTREAM
          && d.collection()
              .equals("upstreams/" + enc(c.body().path("name").asText()) + "/targets")) {
        return "upstreams/" + enc(c.id()) + "/targets";
      }
    }
    return d.collection();
  }

  /** Whether any field of the desired body differs from Kong's (defaults Kong adds are ignored). */
  static boolean differs(ObjectNode desired, JsonNode current, Map<String, Current> byId) {
    Iterator<Map.Entry<String, JsonNode>> it = desired.properties().iterator();
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

  private static boolean sameRef(
      EntityKind kind, JsonNode want, JsonNode have, Map<String, Current> byId) {
    if (want.hasNonNull("id")) {
      return want.get("id").asText().equals(have.path("id").asText());
    }
    Current target = byId.get(kind + "/" + have.path("id").asText());
    return target != null
        && naturalKey(kind, target.body()).equals(Optional.of(want.path("name").asText()));
  }

  private Optional<String> readAll(List<Current> out) {
    for (EntityKind kind : ORDER) {
      if (kind == EntityKind.TARGET) {
        continue;
      }
      String coll = collectionOf(kind);
      Optional<String> err = readCollection(kind, coll, out, OPTIONAL.contains(coll));
      if (err.isPresent()) {
        return err;
      }
    }
    for (Current up : List.copyOf(out)) {
      if (up.kind() == EntityKind.UPSTREAM) {
        Optional<String> err =
            readCollection(EntityKind.TARGET, "upstreams/" + enc(up.id()) + "/targets", out);
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
   * Reads every page of a collection ({@code size=1000}, then {@code offset} as Kong returns it:
   * {@code kong/api/endpoints.lua} {@code get_collection_endpoint}), only the entities with every
   * select tag: with {@code ?tags=a,b} (Kong's AND form, {@code extract_options}) for top-level
   * collections of tagged entities, by filtering here for nested ones (targets) where a tag filter
   * is not part of the paging method.
   *
   * @param kind the kind of its entities
   * @param collection the path without the leading slash
   * @param out where to add them
   * @param missingIsEmpty whether a 404 means "none" (an endpoint of a plugin or an Enterprise
   *     feature that this Kong does not have); the collection is then remembered as absent
   * @return a failure description, or empty
   */
  Optional<String> readCollection(
      EntityKind kind, String collection, List<Current> out, boolean missingIsEmpty) {
    boolean nested = collection.contains("/");
    boolean filter =
        !selectTags.isEmpty()
            && kind != EntityKind.LICENSE
            && kind != EntityKind.CONSUMER_GROUP_CONSUMER;
    String query =
        "?size=1000" + (filter && !nested ? "&tags=" + enc(String.join(",", selectTags)) : "");
    String next = "/" + collection + query;
    for (int page = 0; page < 10_000; page++) {
      AdminHttp.Reply r = http.sendRetrying("GET", next, null).reply();
      if (missingIsEmpty && page == 0 && r instanceof AdminHttp.Answered nf && nf.status() == 404) {
        absent.add(collection);
        return Optional.empty();
      }
      if (!(r instanceof AdminHttp.Answered a) || !a.ok()) {
        return Optional.of(
            "reading "
                + collection
                + " failed: "
                + (r instanceof AdminHttp.Answered a2
                    ? "HTTP " + a2.status()
                    : r.getClass().getSimpleName()));
      }
      Optional<JsonNode> json = a.json();
      JsonNode data =
          json.map(j -> j.path("data").isArray() ? j.path("data") : j.path("consumers"))
              .orElse(AdminHttp.MAPPER.missingNode());
      if (!data.isArray()) {
        return Optional.of("reading " + collection + " failed: unexpected body");
      }
      for (JsonNode n : data) {
        if (!filter || selected(n)) {
          out.add(new Current(kind, collection, n));
        }
      }
      String offset = json.get().path("offset").asText("");
      if (offset.isEmpty() || json.get().path("offset").isNull()) {
        return Optional.empty();
      }
      next = "/" + collection + query + "&offset=" + enc(offset);
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
