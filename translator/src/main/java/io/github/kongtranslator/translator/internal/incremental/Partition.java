package io.github.kongtranslator.translator.internal.incremental;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectChange;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The objects of a snapshot grouped into units: the connected components of the relation "shares a
 * union key" ({@link Footprint}); a context key that some object also holds as a union key ties all
 * its readers together. Global objects (IngressClass, GatewayClass, ...) and what they read form
 * the global unit. Units form deterministically: components are searched from the objects in
 * snapshot order, and sets of units iterate by unit id.
 */
final class Partition {
  private final TranslatorOptions options;
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Set<Node>> unionHolders = new HashMap<>();
  private final Map<String, Set<Node>> contextHolders = new HashMap<>();

  /** Object key → the units whose last translation read it. */
  private final Map<String, Set<Unit>> readers = new HashMap<>();

  private final Set<Unit> units = new LinkedHashSet<>();
  private final Map<String, K8sObject> globals = new TreeMap<>();
  private final Unit globalUnit = new Unit(0);

  /** Objects the global objects read (e.g. a KongClusterPlugin's configuration Secret). */
  private final Set<String> globalReads = new LinkedHashSet<>();

  /**
   * The global objects and what they read: part of every unit's snapshot. Fixed between rebuilds,
   * since a change to any of them rebuilds.
   */
  private Map<String, K8sObject> globalContext = Map.of();

  private int nextUnitId = 1;

  Partition(TranslatorOptions options) {
    this.options = options;
  }

  /** The units, the global unit last. */
  Set<Unit> units() {
    return units;
  }

  Unit globalUnit() {
    return globalUnit;
  }

  /** Whether a change needs a rebuild: it touches a global object or something one reads. */
  boolean global(ObjectChange c) {
    return Footprint.GLOBAL.contains(c.kind())
        || globalReads.contains(c.kind().name() + ':' + c.key());
  }

  /** Partitions a whole snapshot anew. */
  void rebuild(CacheStores next) {
    nodes.clear();
    unionHolders.clear();
    contextHolders.clear();
    readers.clear();
    units.clear();
    globals.clear();
    globalUnit.reads = Set.of();
    List<Node> inOrder = new ArrayList<>();
    for (K8sObject o : next.all()) {
      if (Footprint.GLOBAL.contains(o.kind())) {
        globals.put(Footprint.objectKey(o), o);
      } else {
        inOrder.add(addNode(o));
      }
    }
    for (Node n : inOrder) {
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

  private Node addNode(K8sObject o) {
    Node n = new Node(Footprint.objectKey(o), o, Footprint.of(o, options));
    nodes.put(n.key, n);
    index(n);
    return n;
  }

  private void index(Node n) {
    n.fp.union().forEach(k -> unionHolders.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(n));
    n.fp
        .context()
        .forEach(k -> contextHolders.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(n));
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
    Set<Unit> absorbed = new TreeSet<>();
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

  /**
   * The result of applying changes.
   *
   * @param dirty the units to translate, by id
   * @param removed the units that no longer exist (their contributions must be taken back)
   */
  record Applied(Set<Unit> dirty, List<Unit> removed) {}

  /** Applies changes of non-global objects (in the order given): re-partitions what they touch. */
  Applied apply(List<ObjectChange> changes) {
    Set<Unit> affected = new TreeSet<>();
    List<Unit> removed = new ArrayList<>();
    List<Node> touched = new ArrayList<>();
    Set<String> changedKeys = new LinkedHashSet<>();
    for (ObjectChange c : changes) {
      String key = c.kind().name() + ':' + c.key();
      changedKeys.add(key);
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
        flipped(newHubs, affected);
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
      removed.add(u);
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
    Set<Unit> dirty = new TreeSet<>();
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
          removed.add(a);
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
    return new Applied(dirty, removed);
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
  private void flipped(java.util.Collection<String> keys, Set<Unit> affected) {
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

  /** Forgets what a unit read. */
  void unread(Unit u) {
    for (String k : u.reads) {
      Set<Unit> rs = readers.get(k);
      if (rs != null && rs.remove(u) && rs.isEmpty()) {
        readers.remove(k);
      }
    }
    u.reads = Set.of();
  }

  /**
   * The objects a unit's translation reads: its members, what they read (transitively), and the
   * global context; records the reads, so that a change to one re-translates the unit.
   */
  Map<String, K8sObject> snapshotOf(Unit u) {
    unread(u);
    Map<String, K8sObject> objects = new LinkedHashMap<>();
    Set<String> reads = new HashSet<>();
    if (u == globalUnit) {
      objects.putAll(globalContext);
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
      objects.putAll(globalContext);
    }
    u.reads = reads;
    for (String k : reads) {
      readers.computeIfAbsent(k, x -> new TreeSet<>()).add(u);
    }
    return objects;
  }

  /** Whether the object is a member of the unit. */
  boolean owns(Unit u, K8sObject o) {
    Node n = nodes.get(Footprint.objectKey(o));
    return n != null && n.unit == u;
  }

  /**
   * Whether the unit owns the entities of the object with this key: global objects belong to the
   * global unit; objects not in the snapshot (or not in a unit) are shared.
   */
  boolean ownsKey(Unit u, String key) {
    if (globals.containsKey(key)) {
      return u == globalUnit;
    }
    Node owner = nodes.get(key);
    return owner == null || owner.unit == null || owner.unit == u;
  }
}
