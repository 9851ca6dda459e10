package io.github.kongtranslator.translator.internal.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectChange;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.kongmodel.config.CustomEntity;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.config.Upstream;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.incremental.IncrementalStats;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import io.github.kongtranslator.translator.internal.assembly.TranslationRun;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;

/**
 * Incremental translation (not API; see {@code translator.incremental.IncrementalTranslator}).
 *
 * <p>Objects are grouped into <em>units</em>: the connected components of the relation "shares a
 * union key" ({@link Footprint}). A unit is translated by the ordinary translator over a snapshot
 * holding the unit, the objects it reads (its context, transitively) and the global objects; the
 * unit keeps only the entities it owns (by their {@code k8s-*} tags, or for plugin instances by
 * what they are attached to). The configuration is the ordered merge of every unit's entities:
 * each section is kept sorted with the translator's own order (a sorted array per section:
 * binary search and a block move per entity). TLS certificates are one separate step over the
 * whole snapshot, fed by the units' accepted TLS Ingresses and client certificates, and re-run
 * only when those, a TLS Secret or a Gateway changed. On a change, only the units whose members
 * or read objects changed are translated again; a change to a global kind (IngressClass,
 * GatewayClass, ReferenceGrant, ...) rebuilds everything. When two units claim the same position
 * with different entities (an interaction the footprints did not foresee) the engine returns a
 * full translation instead. Equality with a full translation otherwise rests on the footprints
 * being complete, which the property tests (testkit) and the golden build-up test check.
 */
public final class IncrementalEngine {
  private final TranslatorOptions options;
  private CacheStores snapshot = CacheStores.empty();
  private boolean started;

  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Set<Node>> unionHolders = new HashMap<>();
  private final Map<String, Set<Node>> contextHolders = new HashMap<>();
  private final Map<String, Set<Unit>> readers = new HashMap<>();
  private final Set<Unit> units = new LinkedHashSet<>();
  private final Map<String, K8sObject> globals = new TreeMap<>();
  private final Unit globalUnit = new Unit(0);
  /** Holds the entities and failures of the certificate step. */
  private final Unit certUnit = new Unit(-1);
  /** Accepted Ingresses and TCPIngresses with TLS, in translation order, and their units. */
  private final TreeMap<TlsKey, K8sObject> tlsIngresses = new TreeMap<>(TLS_ORDER);
  private final TreeMap<TlsKey, K8sObject> tlsTcpIngresses = new TreeMap<>(TLS_ORDER);
  private boolean certificatesDirty;

  /** Translation order of Ingresses: creation time, then {@code namespace/name} bytes. */
  private record TlsKey(String created, String name) {}

  private static final Comparator<TlsKey> TLS_ORDER = Comparator
      .comparing(TlsKey::created, Context::compareTime).thenComparing(TlsKey::name, Strs.BYTES);

  private static TlsKey tlsKey(K8sObject o) {
    return new TlsKey(o.metadata().creationTimestamp(),
        o.metadata().namespace() + "/" + o.metadata().name());
  }
  private final Map<String, Section> sections = new LinkedHashMap<>();
  private int nextUnitId = 1;

  private @Nullable TranslationResult last;
  private IncrementalStats stats = new IncrementalStats(0, 0, 0, 0, false, false);

  private static final class Node {
    final String key;
    K8sObject object;
    Footprint fp;
    @Nullable Unit unit;

    Node(String key, K8sObject object, Footprint fp) {
      this.key = key;
      this.object = object;
      this.fp = fp;
    }
  }

  private static final class Unit {
    final int id;
    final List<Node> members = new ArrayList<>();
    Set<String> reads = Set.of();
    List<Placed> placed = List.of();
    List<TranslationFailure> failures = List.of();
    TranslationRun.@Nullable TlsInputs tls;

    Unit(int id) {
      this.id = id;
    }
  }

  /** An entity a unit put into a section. */
  private record Placed(String section, Slot slot, KongEntity entity) {}

  /** Position of an entity in its section. */
  private record Slot(String k1, String k2, int flags, int rank) {}

  /** An entity in a section and the units that contributed it. */
  private static final class Held {
    final Slot slot;
    final KongEntity entity;
    final Set<Integer> units = new HashSet<>(2);

    Held(Slot slot, KongEntity entity) {
      this.slot = slot;
      this.entity = entity;
    }
  }

  /**
   * One section's entities, kept sorted by slot in an array (binary search to find, a block
   * move to insert or remove), so that the merged list is a plain copy.
   */
  private static final class Section {
    final Comparator<Slot> order;
    final ArrayList<Held> held = new ArrayList<>();

    Section(Comparator<Slot> order) {
      this.order = order;
    }

    int find(Slot slot) {
      int lo = 0;
      int hi = held.size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = order.compare(held.get(mid).slot, slot);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -(lo + 1);
    }

    boolean isEmpty() {
      return held.isEmpty();
    }
  }

  /**
   * An engine for the given options.
   *
   * @param options translation options
   */
  public IncrementalEngine(TranslatorOptions options) {
    this.options = options;
  }

  /** Figures of the last call to {@link #translate}. */
  public IncrementalStats stats() {
    return stats;
  }

  /** Number of units held. */
  public int unitCount() {
    return units.size();
  }

  /**
   * Translates a snapshot, reusing the work done for the previous one.
   *
   * @param next the snapshot
   * @return the same result a full translation gives
   */
  public TranslationResult translate(CacheStores next) {
    if (started && next == snapshot && last != null) {
      stats = new IncrementalStats(next.size(), units.size(), 0, 0, false, false);
      return last;
    }
    Set<Unit> dirty;
    boolean rebuilt;
    if (!started) {
      rebuild(next);
      dirty = new LinkedHashSet<>(units);
      rebuilt = true;
    } else {
      List<ObjectChange> changes = next.changesSince(snapshot);
      if (changes.stream().anyMatch(c -> Footprint.GLOBAL.contains(c.kind())
          || globalReads.contains(c.kind().name() + ':' + c.key()))) {
        rebuild(next);
        dirty = new LinkedHashSet<>(units);
        rebuilt = true;
      } else {
        snapshot = next;
        dirty = apply(changes);
        rebuilt = false;
      }
    }
    started = true;
    int translated = 0;
    for (Unit u : dirty) {
      translated += translateUnit(u);
    }
    if (certificatesDirty || tlsInputsChanged()) {
      translateCertificates();
    }
    boolean fellBack = false;
    TranslationResult result;
    Optional<TranslationResult> merged = merged();
    if (merged.isPresent()) {
      result = merged.get();
    } else {
      result = Translator.create(options).translate(snapshot);
      fellBack = true;
    }
    stats = new IncrementalStats(next.size(), units.size(), dirty.size(), translated, rebuilt,
        fellBack);
    last = result;
    return result;
  }

  // ------------------------------------------------------------------ partition

  private void rebuild(CacheStores next) {
    snapshot = next;
    nodes.clear();
    unionHolders.clear();
    contextHolders.clear();
    readers.clear();
    units.clear();
    globals.clear();
    sections.clear();
    lists.clear();
    dirtySections.clear();
    failureCounts.clear();
    failureList = null;
    globalUnit.placed = List.of();
    globalUnit.failures = List.of();
    certUnit.placed = List.of();
    certUnit.failures = List.of();
    tlsIngresses.clear();
    tlsTcpIngresses.clear();
    clientCertUnits.clear();
    lastTlsObjects = List.of();
    lastClientCerts = Map.of();
    certificatesDirty = true;
    for (K8sObject o : next.all()) {
      if (Footprint.GLOBAL.contains(o.kind())) {
        globals.put(Footprint.objectKey(o), o);
      } else {
        addNode(o);
      }
    }
    for (Node n : nodes.values()) {
      if (n.unit == null) {
        component(n);
      }
    }
    units.add(globalUnit);
    globalReads.clear();
    Deque<String> queue = new ArrayDeque<>();
    for (K8sObject g : globals.values()) {
      Footprint fp = Footprint.of(g, options);
      fp.union().stream().filter(k -> k.charAt(0) != '#').forEach(queue::add);
      queue.addAll(fp.context());
    }
    while (!queue.isEmpty()) {
      String k = queue.poll();
      if (!globalReads.add(k)) {
        continue;
      }
      Node n = nodes.get(k);
      if (n != null) {
        n.fp.union().stream().filter(r -> r.charAt(0) != '#').forEach(queue::add);
        queue.addAll(n.fp.context());
      }
    }
    Map<String, K8sObject> shared = new LinkedHashMap<>(globals);
    for (String k : globalReads) {
      Node n = nodes.get(k);
      if (n != null) {
        shared.put(k, n.object);
      }
    }
    globalContext = shared;
  }

  /** Objects the global objects read (e.g. a KongClusterPlugin's configuration Secret). */
  private final Set<String> globalReads = new HashSet<>();

  /**
   * The global objects and what they read: part of every unit's snapshot. Fixed between
   * rebuilds, since a change to any of them rebuilds.
   */
  private Map<String, K8sObject> globalContext = Map.of();

  private void addNode(K8sObject o) {
    Node n = new Node(Footprint.objectKey(o), o, Footprint.of(o, options));
    nodes.put(n.key, n);
    index(n);
  }

  private void index(Node n) {
    n.fp.union().forEach(k -> unionHolders.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(n));
    n.fp.context().forEach(k -> contextHolders.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(n));
  }

  private void unindex(Node n) {
    for (String k : n.fp.union()) {
      Set<Node> s = unionHolders.get(k);
      if (s != null && s.remove(n) && s.isEmpty()) {
        unionHolders.remove(k);
      }
    }
    for (String k : n.fp.context()) {
      Set<Node> s = contextHolders.get(k);
      if (s != null && s.remove(n) && s.isEmpty()) {
        contextHolders.remove(k);
      }
    }
  }

  /** A context key some object also holds as a union key ties all its readers together. */
  private boolean hub(String key) {
    return unionHolders.containsKey(key);
  }

  private List<String> effectiveKeys(Node n) {
    List<String> keys = new ArrayList<>(n.fp.union().size() + 1);
    keys.add(n.key);
    keys.addAll(n.fp.union());
    for (String k : n.fp.context()) {
      if (hub(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  private void holders(String key, List<Node> into) {
    Node owner = nodes.get(key);
    if (owner != null) {
      into.add(owner);
    }
    Set<Node> u = unionHolders.get(key);
    if (u != null) {
      into.addAll(u);
    }
    if (u != null) {
      Set<Node> c = contextHolders.get(key);
      if (c != null) {
        into.addAll(c);
      }
    }
  }

  /** Builds the unit of {@code start}'s component; returns the old units it absorbed. */
  private Set<Unit> component(Node start) {
    Unit unit = new Unit(nextUnitId++);
    Set<Unit> absorbed = new HashSet<>();
    Deque<Node> queue = new ArrayDeque<>();
    Set<String> seenKeys = new HashSet<>();
    queue.add(start);
    if (start.unit != null) {
      absorbed.add(start.unit);
    }
    start.unit = unit;
    List<Node> found = new ArrayList<>();
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      unit.members.add(n);
      for (String k : effectiveKeys(n)) {
        if (!seenKeys.add(k)) {
          continue;
        }
        found.clear();
        holders(k, found);
        for (Node m : found) {
          if (m.unit != unit) {
            if (m.unit != null) {
              absorbed.add(m.unit);
            }
            m.unit = unit;
            queue.add(m);
          }
        }
      }
    }
    units.add(unit);
    return absorbed;
  }

  /** Applies changes of non-global objects; returns the units to translate. */
  private Set<Unit> apply(List<ObjectChange> changes) {
    Set<Unit> affected = new HashSet<>();
    List<Node> touched = new ArrayList<>();
    Set<String> changedKeys = new HashSet<>();
    for (ObjectChange c : changes) {
      String key = c.kind().name() + ':' + c.key();
      changedKeys.add(key);
      if (c.kind() == Kind.GATEWAY || (c.kind() == Kind.SECRET && (c.before().isEmpty()
          || c.after().isEmpty() || holdsTls(c.before().get()) || holdsTls(c.after().get())))) {
        // the certificate step reads Secrets' presence and their tls.crt/tls.key only
        certificatesDirty = true;
      }
      Node old = nodes.remove(key);
      if (old != null) {
        Set<String> hubsBefore = hubs(old.fp.union());
        unindex(old);
        if (old.unit != null) {
          affected.add(old.unit);
        }
        flipped(hubsBefore, affected);
        old.unit = null;
      }
      if (c.after().isPresent()) {
        K8sObject o = c.after().get();
        Node n = new Node(key, o, Footprint.of(o, options));
        Set<String> hubsBefore = hubs(n.fp.union());
        nodes.put(key, n);
        index(n);
        List<String> newHubs = new ArrayList<>();
        for (String k : n.fp.union()) {
          if (!hubsBefore.contains(k)) {
            newHubs.add(k);
          }
        }
        flipped(Set.copyOf(newHubs), affected);
        touched.add(n);
      }
    }
    // every unit that a touched node now shares a key with joins the re-partition
    List<Node> found = new ArrayList<>();
    for (Node n : touched) {
      for (String k : effectiveKeys(n)) {
        found.clear();
        holders(k, found);
        for (Node m : found) {
          if (m.unit != null) {
            affected.add(m.unit);
          }
        }
      }
    }
    List<Node> redo = new ArrayList<>(touched);
    for (Unit u : affected) {
      if (u == globalUnit) {
        continue;
      }
      units.remove(u);
      unplace(u);
      unread(u);
      for (Node m : u.members) {
        if (nodes.get(m.key) == m) {
          redo.add(m);
        }
      }
    }
    for (Node n : redo) {
      n.unit = null;
    }
    Set<Unit> dirty = new LinkedHashSet<>();
    Deque<Node> pending = new ArrayDeque<>(redo);
    while (!pending.isEmpty()) {
      Node n = pending.poll();
      if (n.unit != null) {
        continue;
      }
      Set<Unit> absorbed = component(n);
      dirty.add(n.unit);
      for (Unit a : absorbed) {
        if (units.remove(a)) {
          unplace(a);
          unread(a);
          dirty.remove(a);
          for (Node m : a.members) {
            if (m.unit == a && nodes.get(m.key) == m) {
              m.unit = null;
              pending.add(m);
            }
          }
        }
      }
    }
    for (String k : changedKeys) {
      Set<Unit> rs = readers.get(k);
      if (rs != null) {
        for (Unit u : rs) {
          if (units.contains(u)) {
            dirty.add(u);
          }
        }
      }
    }
    return dirty;
  }

  private static boolean holdsTls(K8sObject secret) {
    Map<String, ?> data = ((io.github.kongtranslator.core.model.Secret) secret).data();
    return data.containsKey("tls.crt") || data.containsKey("tls.key");
  }

  private Set<String> hubs(Set<String> keys) {
    Set<String> out = new HashSet<>();
    for (String k : keys) {
      if (hub(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** Keys whose hub state may have changed: their context readers' units are re-partitioned. */
  private void flipped(Set<String> keys, Set<Unit> affected) {
    for (String k : keys) {
      Set<Node> readersOfKey = contextHolders.get(k);
      if (readersOfKey != null) {
        for (Node r : readersOfKey) {
          if (r.unit != null) {
            affected.add(r.unit);
          }
        }
      }
    }
  }

  private void unread(Unit u) {
    for (String k : u.reads) {
      Set<Unit> rs = readers.get(k);
      if (rs != null && rs.remove(u) && rs.isEmpty()) {
        readers.remove(k);
      }
    }
    u.reads = Set.of();
  }

  // ------------------------------------------------------------------ unit translation

  private int translateUnit(Unit u) {
    unplace(u);
    unread(u);
    Map<String, K8sObject> objects = new LinkedHashMap<>();
    Set<String> reads = new HashSet<>();
    Map<String, K8sObject> shared = globalContext;
    if (u == globalUnit) {
      objects.putAll(shared);
    } else {
      Deque<String> queue = new ArrayDeque<>();
      for (Node m : u.members) {
        objects.put(m.key, m.object);
      }
      for (Node m : u.members) {
        queue.addAll(m.fp.context());
      }
      while (!queue.isEmpty()) {
        String k = queue.poll();
        if (!reads.add(k)) {
          continue;
        }
        Node n = nodes.get(k);
        if (n == null || objects.containsKey(k)) {
          continue;
        }
        objects.put(k, n.object);
        for (String r : n.fp.union()) {
          if (r.charAt(0) != '#') {
            queue.add(r);
          }
        }
        queue.addAll(n.fp.context());
      }
      objects.putAll(shared);
    }
    u.reads = reads;
    for (String k : reads) {
      readers.computeIfAbsent(k, x -> new HashSet<>()).add(u);
    }
    TranslationRun.WithoutCertificates run =
        TranslationRun.runWithoutCertificates(snapshot.subset(objects.values()), options);
    TranslationRun.Output out = run.output();
    KongConfig config = out.config();
    TranslationRun.TlsInputs mine = new TranslationRun.TlsInputs(
        run.tls().ingresses().stream().filter(i -> owns(u, i)).toList(),
        run.tls().tcpIngresses().stream().filter(i -> owns(u, i)).toList(),
        run.tls().clientCertSecrets());
    if (!mine.ingresses().isEmpty() || !mine.tcpIngresses().isEmpty()
        || !mine.clientCertSecrets().isEmpty()) {
      u.tls = mine;
      mine.ingresses().forEach(i -> tlsIngresses.put(tlsKey(i), i));
      mine.tcpIngresses().forEach(i -> tlsTcpIngresses.put(tlsKey(i), i));
      if (!mine.clientCertSecrets().isEmpty()) {
        clientCertUnits.add(u);
      }
    }
    u.failures = out.failures();
    u.placed = own(u, config);
    place(u);
    return objects.size();
  }

  /** The entities of a unit's translation that the unit owns, with their positions. */
  private List<Placed> own(Unit u, KongConfig config) {
    Map<String, Boolean> services = new HashMap<>();
    Map<String, Boolean> routes = new HashMap<>();
    Map<String, Boolean> consumers = new HashMap<>();
    Map<String, Boolean> groups = new HashMap<>();
    Map<String, Slot> consumerSlots = new HashMap<>();
    for (KongEntity s : config.services()) {
      boolean mine = owned(u, s);
      text(s, "name").ifPresent(n -> services.put(n, mine));
      text(s, "id").ifPresent(n -> services.put(n, mine));
      for (KongEntity r : s.nested("routes")) {
        text(r, "name").ifPresent(n -> routes.put(n, mine));
        text(r, "id").ifPresent(n -> routes.put(n, mine));
      }
    }
    for (KongEntity c : config.consumers()) {
      boolean mine = owned(u, c);
      text(c, "username").ifPresent(n -> consumers.put(n, mine));
      text(c, "id").ifPresent(n -> consumers.put(n, mine));
    }
    for (KongEntity g : config.consumerGroups()) {
      boolean mine = owned(u, g);
      text(g, "name").ifPresent(n -> groups.put(n, mine));
      text(g, "id").ifPresent(n -> groups.put(n, mine));
    }
    for (KongEntity c : config.consumers()) {
      Optional<String> user = text(c, "username");
      Optional<String> custom = text(c, "custom_id");
      Slot slot = new Slot(user.orElse(""), custom.orElse(""),
          (user.isPresent() ? 2 : 0) | (custom.isPresent() ? 1 : 0), 0);
      user.or(() -> text(c, "id")).ifPresent(k -> consumerSlots.putIfAbsent(k, slot));
    }
    List<Placed> out = new ArrayList<>();
    Map<String, Integer> ranks = new HashMap<>();
    for (Map.Entry<String, ImmutableList<KongEntity>> e : config.sections().entrySet()) {
      String section = e.getKey();
      for (KongEntity entity : e.getValue()) {
        boolean mine;
        Slot slot;
        switch (section) {
          case "plugins" -> {
            mine = attachedOwned(u, entity, services, routes, consumers, groups);
            slot = new Slot(text(entity, "name").orElse("") + text(entity, "consumer").orElse("")
                + text(entity, "consumer_group").orElse("") + text(entity, "route").orElse("")
                + text(entity, "service").orElse(""), tags(entity), 0, 0);
          }
          case "consumer_group_consumers" -> {
            String consumer = text(entity, "consumer").orElse("");
            mine = consumers.getOrDefault(consumer, true);
            Slot cs = consumerSlots.get(consumer);
            slot = cs == null ? new Slot("", consumer, 0, 0) : cs;
          }
          case "upstreams" -> {
            if (isStub(entity)) {
              continue;
            }
            mine = owned(u, entity);
            slot = new Slot(text(entity, "name").orElse(""), "", 0, 0);
          }
          case "consumers" -> {
            mine = owned(u, entity);
            Optional<String> user = text(entity, "username");
            Optional<String> custom = text(entity, "custom_id");
            slot = new Slot(user.orElse(""), custom.orElse(""),
                (user.isPresent() ? 2 : 0) | (custom.isPresent() ? 1 : 0), 0);
          }
          case "services", "consumer_groups" -> {
            mine = owned(u, entity);
            slot = new Slot(text(entity, "name").orElse(""), "", 0, 0);
          }
          case "ca_certificates" -> {
            mine = owned(u, entity);
            slot = new Slot(text(entity, "cert").orElse(""), "", 0, 0);
          }
          case "vaults" -> {
            mine = owned(u, entity);
            slot = new Slot(text(entity, "prefix").orElse(""), "", 0, 0);
          }
          default -> {
            mine = owned(u, entity);
            slot = new Slot("", "", 0, 0);
          }
        }
        if (!mine) {
          continue;
        }
        String rankKey = section + '\u0000' + slot;
        int rank = ranks.merge(rankKey, 1, Integer::sum) - 1;
        out.add(new Placed(section, new Slot(slot.k1(), slot.k2(), slot.flags(), rank), entity));
      }
    }
    return out;
  }

  private static boolean isStub(KongEntity e) {
    return e.keys().size() == 1 && text(e, "name").filter("kong"::equals).isPresent();
  }

  private boolean attachedOwned(Unit u, KongEntity plugin, Map<String, Boolean> services,
      Map<String, Boolean> routes, Map<String, Boolean> consumers, Map<String, Boolean> groups) {
    Boolean verdict = null;
    for (var a : List.of(Map.entry("service", services), Map.entry("route", routes),
        Map.entry("consumer", consumers), Map.entry("consumer_group", groups))) {
      Optional<String> ref = text(plugin, a.getKey());
      if (ref.isEmpty()) {
        continue;
      }
      Boolean mine = a.getValue().get(ref.get());
      if (mine != null) {
        verdict = (verdict == null || verdict) && mine;
      }
    }
    return verdict != null ? verdict : owned(u, plugin);
  }

  /** Whether the unit owns an entity by its {@code k8s-*} tags; unknown sources are shared. */
  private boolean owned(Unit u, KongEntity e) {
    Optional<JsonNode> tags = e.field("tags");
    if (tags.isEmpty() || !tags.get().isArray()) {
      return true;
    }
    String name = null;
    String ns = null;
    String kind = null;
    String group = null;
    for (JsonNode t : tags.get()) {
      String s = t.asText();
      if (name == null && s.startsWith("k8s-name:")) {
        name = s.substring(9);
      } else if (ns == null && s.startsWith("k8s-namespace:")) {
        ns = s.substring(14);
      } else if (kind == null && s.startsWith("k8s-kind:")) {
        kind = s.substring(9);
      } else if (group == null && s.startsWith("k8s-group:")) {
        group = s.substring(10);
      }
    }
    if (name == null || kind == null) {
      return true;
    }
    String g = group == null || group.equals("core") ? "" : group;
    Optional<Kind> k = Kind.find(g, kind);
    if (k.isEmpty()) {
      return true;
    }
    String key = Footprint.objectKey(k.get(), ns == null ? "" : ns, name);
    if (globals.containsKey(key)) {
      return u == globalUnit;
    }
    Node owner = nodes.get(key);
    return owner == null || owner.unit == null || owner.unit == u;
  }

  private static String tags(KongEntity e) {
    StringBuilder sb = new StringBuilder();
    e.field("tags").filter(JsonNode::isArray).ifPresent(a -> a.forEach(t -> {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(t.asText());
    }));
    return sb.toString();
  }

  private static Optional<String> text(KongEntity e, String field) {
    return e.field(field).filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  // ------------------------------------------------------------------ merged sections

  private static final Comparator<String> DESC = (a, b) -> Strs.compareBytes(b, a);

  private static Comparator<Slot> order(String section) {
    Comparator<Slot> byRank = Comparator.comparingInt(Slot::rank);
    return switch (section) {
      case "consumers" -> Comparator.comparingInt((Slot s) -> (s.flags() >> 1) & 1)
          .thenComparing(Slot::k1, Strs.BYTES)
          .thenComparingInt(s -> s.flags() & 1)
          .thenComparing(Slot::k2, Strs.BYTES)
          .thenComparing(byRank);
      case "consumer_group_consumers" -> order("consumers");
      case "plugins" -> Comparator.comparing(Slot::k1, DESC).thenComparing(Slot::k2, Strs.BYTES)
          .thenComparing(byRank);
      default -> Comparator.comparing(Slot::k1, DESC).thenComparing(byRank);
    };
  }

  /** Sections whose merged list must be rebuilt; the others reuse {@link #lists}. */
  private final Set<String> dirtySections = new HashSet<>();
  private final Map<String, List<KongEntity>> lists = new HashMap<>();
  /** Every failure with the number of units reporting it. */
  private final Map<TranslationFailure, Integer> failureCounts = new HashMap<>();
  private @Nullable ImmutableList<TranslationFailure> failureList;

  private void place(Unit u) {
    for (TranslationFailure f : u.failures) {
      if (failureCounts.merge(f, 1, Integer::sum) == 1) {
        failureList = null;
      }
    }
    for (Placed p : u.placed) {
      dirtySections.add(p.section());
      Section s = sections.computeIfAbsent(p.section(), k -> new Section(order(k)));
      int i = s.find(p.slot());
      Held h;
      if (i < 0) {
        h = new Held(p.slot(), p.entity());
        s.held.add(-i - 1, h);
      } else {
        h = s.held.get(i);
        if (!h.entity.equals(p.entity())) {
          conflict = true;
        }
      }
      h.units.add(u.id);
    }
  }

  private boolean conflict;

  private boolean owns(Unit u, K8sObject o) {
    Node n = nodes.get(Footprint.objectKey(o));
    return n != null && n.unit == u;
  }

  /** Inputs of the last certificate step, to skip it when they did not change. */
  private final Set<Unit> clientCertUnits = new LinkedHashSet<>();
  private List<K8sObject> lastTlsObjects = List.of();
  private Map<String, List<K8sObject>> lastClientCerts = Map.of();
  private int unitsWithClientCerts;

  private List<K8sObject> tlsObjects() {
    List<K8sObject> all = new ArrayList<>(tlsIngresses.size() + tlsTcpIngresses.size());
    all.addAll(tlsIngresses.values());
    all.addAll(tlsTcpIngresses.values());
    return all;
  }

  private Map<String, List<K8sObject>> clientCerts() {
    Map<String, List<K8sObject>> clientCerts = new LinkedHashMap<>();
    unitsWithClientCerts = 0;
    for (Unit u : clientCertUnits) {
      if (u.tls != null && !u.tls.clientCertSecrets().isEmpty()) {
        unitsWithClientCerts++;
        clientCerts.putAll(u.tls.clientCertSecrets());
      }
    }
    return clientCerts;
  }

  /** Whether the TLS claimants (same objects, same order) or client certificates changed. */
  private boolean tlsInputsChanged() {
    List<K8sObject> now = tlsObjects();
    if (now.size() != lastTlsObjects.size()) {
      return true;
    }
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i) != lastTlsObjects.get(i)) {
        return true;
      }
    }
    return !clientCerts().equals(lastClientCerts);
  }

  /** The certificate step over the whole snapshot, fed by the units' TLS inputs. */
  private void translateCertificates() {
    certificatesDirty = false;
    unplace(certUnit);
    lastTlsObjects = tlsObjects();
    Map<String, List<K8sObject>> clientCerts = clientCerts();
    lastClientCerts = clientCerts;
    if (unitsWithClientCerts > 1) {
      conflict = true; // their order is the translation order of services across units
      return;
    }
    TranslationRun.Certificates step = TranslationRun.certificates(snapshot, options,
        new TranslationRun.TlsInputs(
            tlsIngresses.values().stream().map(Ingress.class::cast).toList(),
            tlsTcpIngresses.values().stream().map(TcpIngress.class::cast).toList(), clientCerts));
    TranslationRun.Output out = step.output();
    if (step.clientCertificateIdsRewritten()) {
      conflict = true; // services' client certificate ids would change: take the full path
      return;
    }
    List<Placed> placed = new ArrayList<>();
    Map<String, Integer> ranks = new HashMap<>();
    for (KongEntity c : out.config().certificates()) {
      String cert = text(c, "cert").orElse("");
      int rank = ranks.merge(cert, 1, Integer::sum) - 1;
      placed.add(new Placed("certificates", new Slot(cert, "", 0, rank), c));
    }
    certUnit.placed = placed;
    certUnit.failures = out.failures();
    place(certUnit);
  }

  private void unplace(Unit u) {
    if (u.tls != null) {
      u.tls.ingresses().forEach(i -> tlsIngresses.remove(tlsKey(i), i));
      u.tls.tcpIngresses().forEach(i -> tlsTcpIngresses.remove(tlsKey(i), i));
      clientCertUnits.remove(u);
      u.tls = null;
    }
    for (TranslationFailure f : u.failures) {
      Integer n = failureCounts.get(f);
      if (n != null && n <= 1) {
        failureCounts.remove(f);
        failureList = null;
      } else if (n != null) {
        failureCounts.put(f, n - 1);
      }
    }
    u.failures = List.of();
    for (Placed p : u.placed) {
      dirtySections.add(p.section());
      Section s = sections.get(p.section());
      if (s == null) {
        continue;
      }
      int i = s.find(p.slot());
      if (i >= 0 && s.held.get(i).units.remove(u.id) && s.held.get(i).units.isEmpty()) {
        s.held.remove(i);
      }
    }
    u.placed = List.of();
  }

  private Optional<TranslationResult> merged() {
    if (conflict) {
      // positions are unreliable once two units disagreed: start over next time
      conflict = false;
      started = false;
      return Optional.empty();
    }
    KongConfig.Builder b = KongConfig.emptyBuilder().formatVersion(KongConfig.FORMAT_VERSION);
    boolean empty = true;
    Map<String, List<KongEntity>> custom = new LinkedHashMap<>();
    for (Map.Entry<String, Section> e : sections.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<KongEntity> list = lists.get(e.getKey());
      if (list == null || dirtySections.contains(e.getKey())) {
        KongEntity[] fresh = new KongEntity[e.getValue().held.size()];
        for (int i = 0; i < fresh.length; i++) {
          fresh[i] = e.getValue().held.get(i).entity;
        }
        list = ImmutableList.copyOf(fresh);
        lists.put(e.getKey(), list);
      }
      Optional<EntityKind> kind = EntityKind.forSection(e.getKey());
      if (kind.isEmpty()) {
        custom.put(e.getKey(), list);
        continue;
      }
      empty = false;
      set(b, kind.get(), list);
    }
    if (empty) {
      // the translator's stub for an empty configuration (DeckGenerator)
      b.upstreams(List.of(Upstream.builder().name("kong").build()));
    }
    custom.forEach((type, list) -> b.customEntities(type,
        list.stream().map(CustomEntity.class::cast).toList()));
    dirtySections.clear();
    if (failureList == null) {
      failureList = TranslationRun.canonical(new ArrayList<>(failureCounts.keySet()));
    }
    return Optional.of(new TranslationResult(b.build(), failureList));
  }

  @SuppressWarnings("unchecked")
  private static void set(KongConfig.Builder b, EntityKind kind, List<KongEntity> list) {
    List<?> l = list;
    switch (kind) {
      case SERVICE -> b.services((List<io.github.kongtranslator.kongmodel.config.Service>) l);
      case UPSTREAM -> b.upstreams((List<io.github.kongtranslator.kongmodel.config.Upstream>) l);
      case CERTIFICATE -> b.certificates(
          (List<io.github.kongtranslator.kongmodel.config.Certificate>) l);
      case CA_CERTIFICATE -> b.caCertificates(
          (List<io.github.kongtranslator.kongmodel.config.CaCertificate>) l);
      case CONSUMER -> b.consumers((List<io.github.kongtranslator.kongmodel.config.Consumer>) l);
      case CONSUMER_GROUP -> b.consumerGroups(
          (List<io.github.kongtranslator.kongmodel.config.ConsumerGroup>) l);
      case CONSUMER_GROUP_CONSUMER -> b.consumerGroupConsumers(
          (List<io.github.kongtranslator.kongmodel.config.ConsumerGroupConsumer>) l);
      case PLUGIN -> b.plugins((List<io.github.kongtranslator.kongmodel.config.Plugin>) l);
      case VAULT -> b.vaults((List<io.github.kongtranslator.kongmodel.config.Vault>) l);
      case ROUTE -> b.routes((List<io.github.kongtranslator.kongmodel.config.Route>) l);
      case TARGET -> b.targets((List<io.github.kongtranslator.kongmodel.config.Target>) l);
      case SNI -> b.snis((List<io.github.kongtranslator.kongmodel.config.Sni>) l);
      case LICENSE -> b.licenses((List<io.github.kongtranslator.kongmodel.config.License>) l);
      default -> throw new IllegalStateException("unexpected top-level section " + kind);
    }
  }

}
