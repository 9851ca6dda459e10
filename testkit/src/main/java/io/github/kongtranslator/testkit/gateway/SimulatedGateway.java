package io.github.kongtranslator.testkit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.json.CanonicalJson;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.errors.FieldError;
import io.github.kongtranslator.kongmodel.errors.FlattenedError;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.errors.ParseOutcome;
import io.github.kongtranslator.kongmodel.errors.TagIdentity;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.kongmodel.sha.EntityKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A gateway in memory, for testing update loops (fallback-spec §6.6). It serves a set of entities,
 * each identified by its {@link EntityKey} and held as canonical JSON without nested lists; {@link
 * #served()} exposes exactly that set, so a test can compare it with {@link
 * #entitiesOf(KongConfig)} of the configuration it expects and see any leftover.
 *
 * <ul>
 *   <li><b>Atomic</b> (Kong DB-less): a configuration with an entity matching the rejection
 *       predicate is refused with a 400 flattened-errors body (parsed back with {@link
 *       FlattenedErrors}) and nothing changes; otherwise it replaces the served set.
 *   <li><b>Partial</b> (Kong with a database): the diff against the served set is applied entity by
 *       entity in document order (parents before children, deletions last, children first);
 *       operations on rejected entities fail, as do creations whose parent or referenced entity is
 *       not served, and everything else stays applied (fallback-spec §4.8).
 * </ul>
 *
 * <p>Faults are queued with {@link #inject(Fault)} and consumed one per push. {@link #restart()}
 * empties the gateway and changes its {@link #instance()}. Thread-safe.
 */
public final class SimulatedGateway implements GatewayClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> REFERENCE_FIELDS =
      List.of("service", "route", "consumer", "consumer_group", "upstream", "certificate");

  private final String id;
  private final boolean atomic;
  private final Predicate<KongEntity> rejects;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<EntityKey, Served> served = new LinkedHashMap<>();
  private final List<ConfigSha> received = new ArrayList<>();
  private int instance;
  private boolean configured;
  private volatile Runnable beforePush = () -> {};

  private record Served(String json, KongEntity entity) {}

  private SimulatedGateway(String id, boolean atomic, Predicate<KongEntity> rejects) {
    this.id = Objects.requireNonNull(id, "id");
    this.atomic = atomic;
    this.rejects = Objects.requireNonNull(rejects, "rejects");
  }

  /**
   * An atomic (DB-less) gateway.
   *
   * @param id the gateway id
   * @param rejects which entities the gateway refuses; evaluated on every push
   * @return the gateway, empty
   */
  public static SimulatedGateway atomic(String id, Predicate<KongEntity> rejects) {
    return new SimulatedGateway(id, true, rejects);
  }

  /**
   * A partial (database-backed) gateway.
   *
   * @param id the gateway id
   * @param rejects which entities the gateway refuses; evaluated on every push
   * @return the gateway, empty
   */
  public static SimulatedGateway partial(String id, Predicate<KongEntity> rejects) {
    return new SimulatedGateway(id, false, rejects);
  }

  /**
   * A predicate for entities whose {@code k8s-*} tags name one of the given objects (kind,
   * namespace and name compared; group, version and uid ignored).
   *
   * @param objects the broken objects; the collection is read on every push, so a test may change
   *     it between pushes if it is mutable
   * @return the predicate
   */
  public static Predicate<KongEntity> taggedByAny(Collection<ObjectRef> objects) {
    return e -> {
      TagIdentity t = TagIdentity.fromTags(tags(e));
      for (ObjectRef r : objects) {
        if (r.kind().equals(t.kind())
            && r.name().equals(t.name())
            && r.namespace().equals(t.namespace())) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * A predicate for entities whose {@code k8s-name} tag starts with {@code prefix}.
   *
   * @param prefix the name prefix, e.g. {@code broken-}
   * @return the predicate
   */
  public static Predicate<KongEntity> taggedByNamePrefix(String prefix) {
    return e -> {
      String name = TagIdentity.fromTags(tags(e)).name();
      return !name.isEmpty() && name.startsWith(prefix);
    };
  }

  /**
   * The entities of a configuration as this gateway holds them: canonical JSON of each entity
   * without its nested lists, by entity key, in document order.
   *
   * @param config the configuration
   * @return the entities
   */
  public static ImmutableMap<EntityKey, String> entitiesOf(KongConfig config) {
    ImmutableMap.Builder<EntityKey, String> b = ImmutableMap.builder();
    flatten(config).forEach((k, v) -> b.put(k, v.json()));
    return b.build();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean isAtomic() {
    return atomic;
  }

  /** Changes on every {@link #restart()}. */
  @Override
  public synchronized String instance() {
    return id + "#" + instance;
  }

  /** True until the first configuration is applied after a start or restart. */
  @Override
  public synchronized boolean reportsEmptyConfig() {
    return !configured;
  }

  /**
   * Queues a fault for a later push (one fault per push, in order).
   *
   * @param fault the fault
   * @return this
   */
  public synchronized SimulatedGateway inject(Fault fault) {
    faults.add(Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /**
   * The faults not yet consumed.
   *
   * @return the pending faults
   */
  public synchronized int pendingFaults() {
    return faults.size();
  }

  /** Drops the faults not yet consumed. */
  public synchronized void clearFaults() {
    faults.clear();
  }

  /** Empties the gateway as a new instance (a restarted pod, a wiped database). */
  public synchronized void restart() {
    served.clear();
    faults.clear();
    configured = false;
    instance++;
  }

  /**
   * Exactly the entities served now, by entity key, as canonical JSON without nested lists.
   *
   * @return a snapshot of the served entities
   */
  public synchronized ImmutableMap<EntityKey, String> served() {
    ImmutableMap.Builder<EntityKey, String> b = ImmutableMap.builder();
    served.forEach((k, v) -> b.put(k, v.json()));
    return b.build();
  }

  /**
   * Whether the gateway serves exactly the entities of a configuration, nothing more.
   *
   * @param config the configuration
   * @return true when {@link #served()} equals {@link #entitiesOf(KongConfig)}
   */
  public synchronized boolean serves(KongConfig config) {
    return served().equals(entitiesOf(config));
  }

  /**
   * Whether any served entity is tagged by the object (kind, namespace and name compared).
   *
   * @param object the object
   * @return true when an entity generated from it is served
   */
  public synchronized boolean servesEntityOf(ObjectRef object) {
    Predicate<KongEntity> p = taggedByAny(List.of(object));
    return served.values().stream().anyMatch(s -> p.test(s.entity()));
  }

  /**
   * The SHAs of every push that reached the gateway, in order (pushes lost before sending are not
   * included).
   *
   * @return the received SHAs
   */
  public synchronized ImmutableList<ConfigSha> received() {
    return ImmutableList.copyOf(received);
  }

  /**
   * Runs a hook at the start of every push, before the gateway looks at the configuration and
   * outside its lock (so {@link #served()} and the other readers stay callable while the hook
   * blocks). Tests use it to hold pushes on a latch, e.g. to show that a synchronizer pushes to
   * several gateways at once. An exception thrown by the hook escapes {@link #push}.
   *
   * @param hook the hook; {@code () -> {}} for none (the default)
   * @return this
   */
  public SimulatedGateway beforePush(Runnable hook) {
    this.beforePush = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /**
   * Runs the {@link #beforePush(Runnable) hook}, then applies the configuration as described above.
   */
  @Override
  public PushOutcome push(KongConfig config, ConfigSha sha) {
    beforePush.run();
    return pushLocked(config, sha);
  }

  private synchronized PushOutcome pushLocked(KongConfig config, ConfigSha sha) {
    Fault fault = faults.poll();
    if (fault != null && fault.type() == Fault.Type.TIMEOUT_BEFORE_SENDING) {
      return PushOutcome.transientFailure("simulated timeout before sending");
    }
    received.add(sha);
    int limit =
        fault != null && fault.type() == Fault.Type.FAIL_AFTER ? fault.appliedOperations() : -1;
    PushOutcome outcome = atomic ? applyAtomic(config, limit) : applyPartial(config, limit);
    if (fault != null && fault.type() == Fault.Type.TIMEOUT_AFTER_APPLYING) {
      return PushOutcome.indeterminate("simulated timeout after applying");
    }
    return outcome;
  }

  private PushOutcome applyAtomic(KongConfig config, int limit) {
    if (limit >= 0) {
      return PushOutcome.indeterminate("simulated 502 from an atomic gateway");
    }
    Map<EntityKey, Served> target = flatten(config);
    List<KongEntity> bad = new ArrayList<>();
    for (Served s : target.values()) {
      if (rejects.test(s.entity())) {
        bad.add(s.entity());
      }
    }
    if (!bad.isEmpty()) {
      ParseOutcome parsed = FlattenedErrors.parse(errorBody(bad));
      return parsed
          .rejection()
          .map(r -> PushOutcome.rejected(r.entries()))
          .orElseGet(() -> PushOutcome.rejectedUnparseable("simulated body did not parse"));
    }
    served.clear();
    served.putAll(target);
    configured = true;
    return PushOutcome.accepted();
  }

  private PushOutcome applyPartial(KongConfig config, int limit) {
    Map<EntityKey, Served> target = flatten(config);
    Set<String> targetIds = new HashSet<>();
    target.values().forEach(s -> targetIds.addAll(handles(s.entity())));
    List<Map.Entry<EntityKey, Served>> upserts = new ArrayList<>(target.entrySet());
    upserts.sort(java.util.Comparator.comparingInt(e -> rank(e.getValue().entity())));
    List<FlattenedError> errors = new ArrayList<>();
    int ops = 0;
    for (Map.Entry<EntityKey, Served> e : upserts) {
      Served now = served.get(e.getKey());
      if (now != null && now.json().equals(e.getValue().json())) {
        continue;
      }
      if (limit >= 0 && ops >= limit) {
        return PushOutcome.indeterminate("simulated failure after " + ops + " operations");
      }
      ops++;
      KongEntity entity = e.getValue().entity();
      String problem =
          rejects.test(entity)
              ? "rejected by the simulated gateway"
              : !parentServed(e.getKey())
                  ? "parent entity does not exist"
                  : missingReference(entity, targetIds);
      if (problem.isEmpty()) {
        served.put(e.getKey(), e.getValue());
        configured = true;
      } else {
        errors.add(error(entity, problem));
      }
    }
    List<EntityKey> deletions = new ArrayList<>();
    for (EntityKey k : served.keySet()) {
      if (!target.containsKey(k)) {
        deletions.add(k);
      }
    }
    for (int i = deletions.size() - 1; i >= 0; i--) {
      if (limit >= 0 && ops >= limit) {
        return PushOutcome.indeterminate("simulated failure after " + ops + " operations");
      }
      ops++;
      served.remove(deletions.get(i));
      configured = true;
    }
    return errors.isEmpty() ? PushOutcome.accepted() : PushOutcome.rejected(errors);
  }

  private boolean parentServed(EntityKey key) {
    int slash = key.path().lastIndexOf('/');
    if (slash < 0) {
      return true;
    }
    String parent = key.path().substring(0, slash);
    return served.keySet().stream().anyMatch(k -> k.path().equals(parent));
  }

  /** A reference to an entity of the pushed configuration that is not served fails the creation. */
  private String missingReference(KongEntity entity, Set<String> targetIds) {
    Set<String> servedIds = new HashSet<>();
    served.values().forEach(s -> servedIds.addAll(handles(s.entity())));
    for (String field : REFERENCE_FIELDS) {
      if (entity.kind().knownFields().contains(field) && entity.has(field)) {
        JsonNode ref = entity.field(field).orElseThrow();
        String refId =
            ref.isTextual()
                ? ref.textValue()
                : ref.has("id") ? ref.path("id").asText("") : ref.path("name").asText("");
        if (!refId.isEmpty() && targetIds.contains(refId) && !servedIds.contains(refId)) {
          return "referenced " + field + " does not exist";
        }
      }
    }
    return "";
  }

  /** Creation order as a database sync does it: entities that reference others come last. */
  private static int rank(KongEntity e) {
    return switch (e.kind()) {
      case PLUGIN, CUSTOM_ENTITY -> 2;
      case CONSUMER_GROUP_CONSUMER -> 1;
      case SERVICE,
          ROUTE,
          UPSTREAM,
          TARGET,
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
          VAULT,
          LICENSE ->
          0;
    };
  }

  /** The id and the name of an entity: what references to it may use. */
  private static List<String> handles(KongEntity e) {
    List<String> out = new ArrayList<>(2);
    idOf(e).ifPresent(out::add);
    e.field("name").filter(JsonNode::isTextual).map(JsonNode::textValue).ifPresent(out::add);
    return out;
  }

  private static java.util.Optional<String> idOf(KongEntity e) {
    return e.field("id").filter(JsonNode::isTextual).map(JsonNode::textValue);
  }

  private static FlattenedError error(KongEntity e, String problem) {
    String type = e.kind().name().toLowerCase(Locale.ROOT);
    String name = e.field("name").filter(JsonNode::isTextual).map(JsonNode::textValue).orElse("");
    return FlattenedError.of(
        type,
        name,
        idOf(e).orElse(""),
        tags(e),
        List.of(FieldError.of("entity", "", problem, List.of())));
  }

  private static String errorBody(List<KongEntity> bad) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("code", 14);
    body.put("name", "invalid declarative configuration");
    body.put("message", "declarative config is invalid: {}");
    body.putObject("fields");
    ArrayNode list = body.putArray("flattened_errors");
    for (KongEntity e : bad) {
      FlattenedError fe = error(e, "rejected by the simulated gateway");
      ObjectNode o = list.addObject();
      o.put("entity_type", fe.entityType());
      o.put("entity_name", fe.entityName());
      o.put("entity_id", fe.entityId());
      ArrayNode tags = o.putArray("entity_tags");
      fe.entityTags().forEach(tags::add);
      ObjectNode err = o.putArray("errors").addObject();
      err.put("type", "entity");
      err.put("message", "rejected by the simulated gateway");
    }
    return body.toString();
  }

  static List<String> tags(KongEntity e) {
    List<String> out = new ArrayList<>();
    e.field("tags").filter(JsonNode::isArray).ifPresent(a -> a.forEach(t -> out.add(t.asText())));
    return out;
  }

  /**
   * Entities by key, depth first in document order (the order of {@link ConfigSha#entityDigests}).
   */
  private static Map<EntityKey, Served> flatten(KongConfig config) {
    List<KongEntity> entities = new ArrayList<>();
    for (ImmutableList<KongEntity> section : config.sections().values()) {
      collect(section, entities);
    }
    List<EntityKey> keys = ImmutableList.copyOf(ConfigSha.entityDigests(config).keySet());
    if (keys.size() != entities.size()) {
      throw new IllegalStateException(
          "entity keys and entities disagree: " + keys.size() + " vs " + entities.size());
    }
    Map<EntityKey, Served> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      KongEntity e = entities.get(i);
      out.put(keys.get(i), new Served(CanonicalJson.write(e.toJsonWithoutNested()), e));
    }
    return out;
  }

  private static void collect(List<KongEntity> list, List<KongEntity> out) {
    for (KongEntity e : list) {
      out.add(e);
      for (ImmutableList<KongEntity> nested : e.nested().values()) {
        collect(nested, out);
      }
    }
  }

  /** {@code SimulatedGateway[id, atomic|partial, n entities]}. */
  @Override
  public synchronized String toString() {
    return "SimulatedGateway["
        + id
        + ", "
        + (atomic ? "atomic" : "partial")
        + ", "
        + served.size()
        + " entities]";
  }
}
