package io.github.kongtranslator.fallback.gateway.internal;

import static io.github.kongtranslator.fallback.gateway.internal.DbModeSync.differs;
import static io.github.kongtranslator.fallback.gateway.internal.DbModeSync.enc;
import static io.github.kongtranslator.fallback.gateway.internal.DbModeSync.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.config.CustomEntity;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The part of a DB-mode sync beyond the core kinds: credentials of consumers, consumer-group
 * members, licenses and custom entities. One instance per sync: {@link #accept} and {@link
 * #members} collect what is desired, {@link #read} what Kong has, then the upsert and delete steps
 * run in the order {@link DbModeSync#sync} calls them.
 *
 * <p>Matching, per kind: a desired entity with an {@code id} matches the current one with that id;
 * otherwise a credential matches one of the same consumer by its natural key ({@code key}, {@code
 * username}, {@code client_id}, {@code group} or {@code subject_name}) and a license by its
 * payload; failing that, any of these matches a current entity whose fields equal all the desired
 * ones. A current entity matches at most one desired entity. Secret values are compared in memory
 * and sent in bodies only, never in URLs. Kong stores basic-auth passwords hashed, so such a
 * credential always differs and is rewritten on every sync (a changed password is never missed).
 */
final class Extras {

  /** A credential kind: its endpoint under {@code /consumers/{consumer}/} and its listing. */
  enum Cred {
    KEY_AUTH(EntityKind.KEY_AUTH, "key-auth", "key-auths", "key"),
    BASIC_AUTH(EntityKind.BASIC_AUTH, "basic-auth", "basic-auths", "username"),
    HMAC_AUTH(EntityKind.HMAC_AUTH, "hmac-auth", "hmac-auths", "username"),
    JWT(EntityKind.JWT_SECRET, "jwt", "jwts", "key"),
    OAUTH2(EntityKind.OAUTH2, "oauth2", "oauth2", "client_id"),
    ACL(EntityKind.ACL, "acls", "acls", "group"),
    MTLS_AUTH(EntityKind.MTLS_AUTH, "mtls-auth", "mtls-auths", "subject_name");

    final EntityKind kind;
    final String endpoint;
    final String listing;
    final String naturalKey;

    Cred(EntityKind kind, String endpoint, String listing, String naturalKey) {
      this.kind = kind;
      this.endpoint = endpoint;
      this.listing = listing;
      this.naturalKey = naturalKey;
    }

    static Optional<Cred> of(EntityKind kind) {
      for (Cred c : values()) {
        if (c.kind == kind) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  /** A desired credential of the consumer named {@code consumer} (its id or username). */
  private record WantCred(Cred cred, String consumer, ObjectNode body) {}

  /** A desired membership: group and consumer by id or name. */
  private record WantMember(String group, String consumer, JsonNode blame) {}

  /** A desired license or custom entity ({@code type} is the collection). */
  private record WantPlain(EntityKind kind, String type, ObjectNode body) {}

  private final DbModeSync sync;
  private final List<WantCred> creds = new ArrayList<>();
  private final List<WantMember> members = new ArrayList<>();
  private final Set<String> memberKeys = new LinkedHashSet<>();
  private final List<WantPlain> licenses = new ArrayList<>();
  private final List<WantPlain> customs = new ArrayList<>();
  private final Set<String> customTypes = new LinkedHashSet<>();

  private final List<DbModeSync.Current> current = new ArrayList<>();
  private final Set<DbModeSync.Current> matched = new LinkedHashSet<>();

  Extras(DbModeSync sync) {
    this.sync = sync;
  }

  /** The custom entity types of the desired configuration, in order. */
  Set<String> customTypes() {
    return customTypes;
  }

  /**
   * Takes an entity this class syncs.
   *
   * @param e the entity
   * @param parent the entity it is nested in, if any
   * @param unsupported where to name what cannot be synced
   * @return false when the entity is a core kind, for {@link DbModeSync} to handle
   */
  boolean accept(KongEntity e, DbModeSync.@Nullable Desired parent, Set<String> unsupported) {
    EntityKind kind = e.kind();
    Optional<Cred> cred = Cred.of(kind);
    if (cred.isPresent()) {
      ObjectNode body = e.toJsonWithoutNested();
      @Nullable JsonNode consumerRef = body.remove("consumer");
      DbModeSync.normalizeReferences(body);
      sync.tag(body);
      Optional<String> consumer =
          parent != null
              ? (parent.kind() == EntityKind.CONSUMER
                  ? Optional.of(parent.key())
                  : Optional.empty())
              : refOf(consumerRef, "username");
      if (consumer.isEmpty()) {
        unsupported.add(
            kind.sectionKey()
                + (parent != null ? " under " + parent.kind().sectionKey() : " without consumer"));
      } else {
        creds.add(new WantCred(cred.get(), consumer.get(), body));
      }
      return true;
    }
    return switch (kind) {
      case CONSUMER_GROUP_CONSUMER -> {
        ObjectNode body = e.toJsonWithoutNested();
        Optional<String> group = refOf(body.get("consumer_group"), "name");
        Optional<String> consumer = refOf(body.get("consumer"), "username");
        if (parent != null || group.isEmpty() || consumer.isEmpty()) {
          unsupported.add(kind.sectionKey() + " without consumer and consumer group");
        } else {
          addMember(group.get(), consumer.get(), AdminHttp.MAPPER.createObjectNode());
        }
        yield true;
      }
      case LICENSE -> {
        if (parent != null) {
          unsupported.add("licenses under " + parent.kind().sectionKey());
        } else {
          licenses.add(new WantPlain(kind, "licenses", e.toJsonWithoutNested()));
        }
        yield true;
      }
      case CUSTOM_ENTITY -> {
        String type = ((CustomEntity) e).type();
        if (parent != null) {
          unsupported.add(type + " under " + parent.kind().sectionKey());
        } else {
          ObjectNode body = e.toJsonWithoutNested();
          DbModeSync.normalizeReferences(body);
          sync.tag(body);
          customs.add(new WantPlain(kind, type, body));
          customTypes.add(type);
        }
        yield true;
      }
      case SERVICE,
          ROUTE,
          UPSTREAM,
          TARGET,
          PLUGIN,
          CONSUMER,
          CONSUMER_GROUP,
          KEY_AUTH,
          BASIC_AUTH,
          HMAC_AUTH,
          JWT_SECRET,
          OAUTH2,
          ACL,
          MTLS_AUTH,
          CERTIFICATE,
          SNI,
          CA_CERTIFICATE,
          VAULT -> {
        yield false;
      }
    };
  }

  /**
   * Forgets current entities (deleted by cascade with a duplicate).
   *
   * @param gone which
   */
  void forget(java.util.function.Predicate<DbModeSync.Current> gone) {
    current.removeIf(gone);
    matched.removeIf(gone);
  }

  /**
   * Whether a desired entity differs from Kong's. In a dry run (drift check) a basic-auth password
   * is not compared: Kong stores it hashed, so it would always differ.
   */
  private boolean differsNow(
      EntityKind kind, ObjectNode want, JsonNode now, Map<String, DbModeSync.Current> byId) {
    if (sync.dryRun() && kind == EntityKind.BASIC_AUTH && want.has("password")) {
      ObjectNode copy = want.deepCopy();
      copy.remove("password");
      return differs(copy, now, byId);
    }
    return differs(want, now, byId);
  }

  /**
   * Takes the memberships written in a consumer's {@code groups} or a group's {@code consumers}.
   *
   * @param owner the consumer or consumer group
   * @param list its field: a list of names, ids, or objects with {@code id} / {@code name} / {@code
   *     username}; an explicit null means none
   * @param unsupported where to name what cannot be synced
   */
  void members(DbModeSync.Desired owner, JsonNode list, Set<String> unsupported) {
    if (list.isNull()) {
      return;
    }
    boolean consumer = owner.kind() == EntityKind.CONSUMER;
    String field = consumer ? "consumers' groups" : "consumer_groups' consumers";
    if (!list.isArray()) {
      unsupported.add(field + " that are not a list");
      return;
    }
    for (JsonNode m : list) {
      Optional<String> other = refOf(m, consumer ? "name" : "username");
      if (other.isEmpty()) {
        unsupported.add(field + " without id or name");
      } else if (consumer) {
        addMember(other.get(), owner.key(), owner.body());
      } else {
        addMember(owner.key(), other.get(), owner.body());
      }
    }
  }

  private void addMember(String group, String consumer, JsonNode blame) {
    if (memberKeys.add(group + "\n" + consumer)) {
      members.add(new WantMember(group, consumer, blame));
    }
  }

  /** A reference given as a string, or an object with {@code id} or the named field. */
  private static Optional<String> refOf(@Nullable JsonNode ref, String nameField) {
    if (ref == null || ref.isNull()) {
      return Optional.empty();
    }
    if (ref.isTextual()) {
      return Optional.of(ref.asText());
    }
    for (String f : List.of("id", nameField, "name")) {
      if (ref.path(f).isTextual()) {
        return Optional.of(ref.path(f).asText());
      }
    }
    return Optional.empty();
  }

  /**
   * Reads Kong's credentials, members of the current consumer groups, licenses and custom entities
   * (of the desired types and of {@code alsoTypes}) into {@code all}. An endpoint that answers 404
   * (plugin or Enterprise feature absent) has none.
   *
   * @param all the current core entities; the extras are added
   * @param alsoTypes custom entity types to read even when none is desired
   * @return a failure description, or empty
   */
  Optional<String> read(List<DbModeSync.Current> all, Set<String> alsoTypes) {
    List<DbModeSync.Current> out = new ArrayList<>();
    for (Cred c : Cred.values()) {
      Optional<String> err = sync.readCollection(c.kind, c.listing, out, true);
      if (err.isPresent()) {
        return err;
      }
    }
    Optional<String> err = sync.readCollection(EntityKind.LICENSE, "licenses", out, true);
    if (err.isPresent()) {
      return err;
    }
    for (DbModeSync.Current g : List.copyOf(all)) {
      if (g.kind() != EntityKind.CONSUMER_GROUP) {
        continue;
      }
      List<DbModeSync.Current> raw = new ArrayList<>();
      String coll = "consumer_groups/" + enc(g.id()) + "/consumers";
      err = sync.readCollection(EntityKind.CONSUMER_GROUP_CONSUMER, coll, raw, true);
      if (err.isPresent()) {
        return err;
      }
      for (DbModeSync.Current m : raw) {
        JsonNode consumer =
            m.body().path("consumer").isObject() ? m.body().get("consumer") : m.body();
        ObjectNode body = AdminHttp.MAPPER.createObjectNode();
        body.putObject("consumer_group").put("id", g.id());
        body.set("consumer", consumer);
        out.add(new DbModeSync.Current(EntityKind.CONSUMER_GROUP_CONSUMER, coll, body));
      }
    }
    Set<String> types = new LinkedHashSet<>(customTypes);
    types.addAll(alsoTypes);
    for (String type : types) {
      err = sync.readCollection(EntityKind.CUSTOM_ENTITY, enc(type), out, true);
      if (err.isPresent()) {
        return err;
      }
    }
    current.addAll(out);
    all.addAll(out);
    return Optional.empty();
  }

  /**
   * Creates and updates licenses (first of all: Enterprise entities may need one).
   *
   * @param w the writer
   * @return an outcome to stop the sync with, or empty
   */
  Optional<PushOutcome> upsertLicenses(DbModeSync.Writer w) {
    for (WantPlain l : licenses) {
      if (sync.absent.contains("licenses")) {
        w.reject(
            typeName(EntityKind.LICENSE),
            l.body(),
            "licenses is not available on this gateway (HTTP 404)");
        continue;
      }
      Optional<DbModeSync.Current> now =
          pick(
              EntityKind.LICENSE,
              "licenses",
              l.body(),
              c ->
                  l.body().hasNonNull("payload")
                      && l.body().get("payload").equals(c.body().get("payload")));
      Optional<PushOutcome> stop = upsertPlain(w, l, now.orElse(null), Map.of());
      if (stop.isPresent()) {
        return stop;
      }
    }
    return Optional.empty();
  }

  /**
   * Creates and updates credentials, then members, then custom entities (after every core entity,
   * so their consumers, groups and referenced entities exist).
   *
   * @param w the writer
   * @param desired the desired core entities
   * @param all every current entity
   * @param byId current entities by kind and id
   * @return an outcome to stop the sync with, or empty
   */
  Optional<PushOutcome> upsertDependents(
      DbModeSync.Writer w,
      List<DbModeSync.Desired> desired,
      List<DbModeSync.Current> all,
      Map<String, DbModeSync.Current> byId) {
    for (Cred cred : Cred.values()) {
      for (WantCred want : creds) {
        if (want.cred() != cred) {
          continue;
        }
        if (sync.absent.contains(cred.listing)) {
          w.reject(
              typeName(cred.kind),
              want.body(),
              cred.listing + " is not available on this gateway (HTTP 404)");
          continue;
        }
        Optional<String> consumerId = currentConsumerId(want.consumer(), all);
        Optional<DbModeSync.Current> now = pickCred(want, consumerId.orElse(null), byId);
        String base = "/consumers/" + enc(want.consumer()) + "/" + cred.endpoint;
        Optional<PushOutcome> stop;
        if (now.isPresent()) {
          matched.add(now.get());
          if (!differsNow(cred.kind, want.body(), now.get().body(), byId)) {
            continue;
          }
          stop =
              w.write(
                  "PUT",
                  base + "/" + enc(now.get().id()),
                  want.body(),
                  typeName(cred.kind),
                  want.body());
        } else if (want.body().hasNonNull("id")) {
          stop =
              w.write(
                  "PUT",
                  base + "/" + enc(want.body().get("id").asText()),
                  want.body(),
                  typeName(cred.kind),
                  want.body());
        } else {
          stop = w.write("POST", base, want.body(), typeName(cred.kind), want.body());
        }
        if (stop.isPresent()) {
          return stop;
        }
      }
    }
    for (WantMember m : members) {
      if (sync.absent.contains("consumer_groups")) {
        break; // the groups themselves were rejected by name
      }
      Optional<DbModeSync.Current> now = Optional.empty();
      for (DbModeSync.Current c : current) {
        if (c.kind() == EntityKind.CONSUMER_GROUP_CONSUMER
            && !matched.contains(c)
            && groupIs(m.group(), c.body().path("consumer_group").path("id").asText(""), byId)
            && consumerIs(m.consumer(), c.body().path("consumer"))) {
          now = Optional.of(c);
          break;
        }
      }
      if (now.isPresent()) {
        matched.add(now.get());
        continue;
      }
      ObjectNode body = AdminHttp.MAPPER.createObjectNode().put("consumer", m.consumer());
      Optional<PushOutcome> stop =
          w.write(
              "POST",
              "/consumer_groups/" + enc(m.group()) + "/consumers",
              body,
              typeName(EntityKind.CONSUMER_GROUP_CONSUMER),
              blameOf(m, desired));
      if (stop.isPresent()) {
        return stop;
      }
    }
    for (WantPlain c : customs) {
      if (sync.absent.contains(enc(c.type()))) {
        w.reject(c.type(), c.body(), c.type() + " is not available on this gateway (HTTP 404)");
        continue;
      }
      Optional<DbModeSync.Current> now =
          pick(
              EntityKind.CUSTOM_ENTITY,
              enc(c.type()),
              c.body(),
              cur -> !differs(c.body(), cur.body(), byId));
      Optional<PushOutcome> stop = upsertPlain(w, c, now.orElse(null), byId);
      if (stop.isPresent()) {
        return stop;
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes the custom entities, members and credentials not desired (before any core entity is
   * deleted).
   *
   * @param w the writer
   * @return an outcome to stop the sync with, or empty
   */
  Optional<PushOutcome> deleteDependents(DbModeSync.Writer w) {
    for (DbModeSync.Current c : current) {
      if (c.kind() == EntityKind.CUSTOM_ENTITY && !matched.contains(c)) {
        Optional<PushOutcome> stop =
            w.delete("/" + c.collection() + "/" + enc(c.id()), c.collection(), c.body());
        if (stop.isPresent()) {
          return stop;
        }
      }
    }
    for (DbModeSync.Current c : current) {
      if (c.kind() == EntityKind.CONSUMER_GROUP_CONSUMER && !matched.contains(c)) {
        String consumer = c.body().path("consumer").path("id").asText("");
        Optional<PushOutcome> stop =
            w.delete(
                "/" + c.collection() + "/" + enc(consumer),
                typeName(EntityKind.CONSUMER_GROUP_CONSUMER),
                c.body().path("consumer"));
        if (stop.isPresent()) {
          return stop;
        }
      }
    }
    List<Cred> reverse = new ArrayList<>(List.of(Cred.values()));
    java.util.Collections.reverse(reverse);
    for (Cred cred : reverse) {
      for (DbModeSync.Current c : current) {
        if (c.kind() != cred.kind || matched.contains(c)) {
          continue;
        }
        String consumer = c.body().path("consumer").path("id").asText("");
        String path =
            consumer.isEmpty()
                ? "/" + cred.listing + "/" + enc(c.id())
                : "/consumers/" + enc(consumer) + "/" + cred.endpoint + "/" + enc(c.id());
        Optional<PushOutcome> stop = w.delete(path, typeName(cred.kind), c.body());
        if (stop.isPresent()) {
          return stop;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes the licenses not desired (after everything else).
   *
   * @param w the writer
   * @return an outcome to stop the sync with, or empty
   */
  Optional<PushOutcome> deleteLicenses(DbModeSync.Writer w) {
    for (DbModeSync.Current c : current) {
      if (c.kind() == EntityKind.LICENSE && !matched.contains(c)) {
        Optional<PushOutcome> stop =
            w.delete("/licenses/" + enc(c.id()), typeName(EntityKind.LICENSE), c.body());
        if (stop.isPresent()) {
          return stop;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<PushOutcome> upsertPlain(
      DbModeSync.Writer w,
      WantPlain want,
      DbModeSync.@Nullable Current now,
      Map<String, DbModeSync.Current> byId) {
    String base = "/" + enc(want.type());
    String type = want.kind() == EntityKind.CUSTOM_ENTITY ? want.type() : typeName(want.kind());
    if (now != null) {
      matched.add(now);
      if (!differs(want.body(), now.body(), byId)) {
        return Optional.empty();
      }
      return w.write("PUT", base + "/" + enc(now.id()), want.body(), type, want.body());
    }
    if (want.body().hasNonNull("id")) {
      return w.write(
          "PUT", base + "/" + enc(want.body().get("id").asText()), want.body(), type, want.body());
    }
    return w.write("POST", base, want.body(), type, want.body());
  }

  /** By id; else the first unmatched current entity of the collection that {@code same} accepts. */
  private Optional<DbModeSync.Current> pick(
      EntityKind kind,
      String collection,
      ObjectNode body,
      java.util.function.Predicate<DbModeSync.Current> same) {
    String id = body.path("id").asText("");
    for (DbModeSync.Current c : current) {
      if (c.kind() == kind
          && c.collection().equals(collection)
          && !matched.contains(c)
          && (id.isEmpty() ? same.test(c) : id.equals(c.id()))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private Optional<DbModeSync.Current> pickCred(
      WantCred want, @Nullable String consumerId, Map<String, DbModeSync.Current> byId) {
    String id = want.body().path("id").asText("");
    if (!id.isEmpty()) {
      return Optional.ofNullable(byId.get(want.cred().kind + "/" + id))
          .filter(c -> !matched.contains(c));
    }
    if (consumerId == null) {
      return Optional.empty(); // a new consumer has no credentials yet
    }
    @Nullable JsonNode natural = want.body().get(want.cred().naturalKey);
    DbModeSync.@Nullable Current byBody = null;
    for (DbModeSync.Current c : current) {
      if (c.kind() != want.cred().kind
          || matched.contains(c)
          || !consumerId.equals(c.body().path("consumer").path("id").asText())) {
        continue;
      }
      if (natural != null && !natural.isNull()) {
        if (natural.equals(c.body().get(want.cred().naturalKey))) {
          return Optional.of(c);
        }
      } else if (byBody == null && !differs(want.body(), c.body(), byId)) {
        byBody = c;
      }
    }
    return Optional.ofNullable(byBody);
  }

  private static Optional<String> currentConsumerId(String ref, List<DbModeSync.Current> all) {
    for (DbModeSync.Current c : all) {
      if (c.kind() == EntityKind.CONSUMER
          && (ref.equals(c.id()) || ref.equals(c.body().path("username").asText(null)))) {
        return Optional.of(c.id());
      }
    }
    return Optional.empty();
  }

  private static boolean groupIs(String ref, String groupId, Map<String, DbModeSync.Current> byId) {
    if (ref.equals(groupId)) {
      return true;
    }
    DbModeSync.@Nullable Current g = byId.get(EntityKind.CONSUMER_GROUP + "/" + groupId);
    return g != null && ref.equals(g.body().path("name").asText(null));
  }

  private static boolean consumerIs(String ref, JsonNode consumer) {
    return ref.equals(consumer.path("id").asText(null))
        || ref.equals(consumer.path("username").asText(null));
  }

  /** The entity named when adding a member fails: the consumer (its tags name the KongConsumer). */
  private static JsonNode blameOf(WantMember m, List<DbModeSync.Desired> desired) {
    for (DbModeSync.Desired d : desired) {
      if (d.kind() == EntityKind.CONSUMER
          && (m.consumer().equals(d.key())
              || m.consumer().equals(d.body().path("username").asText(null)))) {
        return d.body();
      }
    }
    return m.blame();
  }
}
