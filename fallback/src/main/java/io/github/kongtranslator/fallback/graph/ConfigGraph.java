package io.github.kongtranslator.fallback.graph;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.graph.Graphs;
import com.google.common.graph.Traverser;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.internal.Cycles;
import io.github.kongtranslator.fallback.graph.internal.DependencyResolver;
import io.github.kongtranslator.fallback.graph.internal.FirstParentBfs;
import io.github.kongtranslator.fallback.graph.internal.IndexedDigraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of one {@link CacheStores} snapshot: one node per object, and an edge
 * from each object to every object it depends on (an object it reads during translation).
 *
 * <p>Build it with {@link #of(CacheStores)} ({@link EdgeSet#COMPLETE}) or {@link
 * #of(CacheStores, EdgeSet)}. Building never fails for a snapshot: references to absent
 * objects and self-references produce no edge, and dependency cycles are kept and listed by
 * {@link #cycles()}. The graph is immutable; equal snapshots give equal graphs.
 *
 * <p>Objects are identified by group, kind, namespace and name (one object per store key);
 * methods taking an {@link ObjectRef} ignore its version and uid unless they say otherwise,
 * and every method returns <em>full</em> refs (the snapshot object's own version and uid).
 * Collections are ordered: nodes in snapshot order (store order, then key order), neighbours
 * in the order their references were resolved.
 */
public final class ConfigGraph {
  private final CacheStores snapshot;
  private final EdgeSet edgeSet;
  /** Nodes are refs without version and uid; edge values are the rules linking them. */
  private final IndexedDigraph<ObjectRef, DependencyRule> graph;
  /** Full refs by node index. */
  private final ObjectRef[] fullRefs;
  private final ImmutableList<Dependency> dependencies;
  private final ImmutableList<ImmutableList<ObjectRef>> cycles;

  private ConfigGraph(CacheStores snapshot, EdgeSet edgeSet) {
    this.snapshot = snapshot;
    this.edgeSet = edgeSet;
    ImmutableList<K8sObject> all = snapshot.all();
    IndexedDigraph.Builder<ObjectRef, DependencyRule> builder = IndexedDigraph.builder(all.size());
    // One ref instance per object, shared by its node, its full ref and its dependencies.
    Map<K8sObject, ObjectRef> refs = new IdentityHashMap<>(all.size());
    Map<ObjectRef, Integer> nodeOfRef = new IdentityHashMap<>(all.size());
    List<ObjectRef> full = new ArrayList<>(all.size());
    for (K8sObject o : all) {
      ObjectRef ref = o.ref();
      refs.put(o, ref);
      int i = builder.addNode(ref.withoutVersionAndUid());
      nodeOfRef.put(ref, i);
      if (i == full.size()) {
        full.add(ref);
      } else {
        full.set(i, ref); // keep the last full ref of a node
      }
    }
    DependencyResolver resolver = DependencyResolver.of(snapshot, edgeSet, o -> {
      ObjectRef r = refs.get(o);
      return r != null ? r : o.ref();
    });
    ImmutableList.Builder<Dependency> deps = ImmutableList.builder();
    for (K8sObject o : all) {
      for (Dependency d : resolver.resolve(o)) {
        int from = nodeIndex(builder, nodeOfRef, full, d.dependent());
        int to = nodeIndex(builder, nodeOfRef, full, d.dependency());
        if (builder.putEdgeValueAt(from, to, d.rule())) {
          deps.add(d);
        }
      }
    }
    this.graph = builder.build();
    this.fullRefs = full.toArray(new ObjectRef[0]);
    this.dependencies = deps.build();
    this.cycles = graph.hasCycle()
        ? Cycles.of(graph).stream()
            .map(c -> c.stream().map(this::fullRef).collect(ImmutableList.toImmutableList()))
            .collect(ImmutableList.toImmutableList())
        : ImmutableList.of();
  }

  /** The node index of a full ref (a shared instance, or any ref of a snapshot object). */
  private static int nodeIndex(IndexedDigraph.Builder<ObjectRef, DependencyRule> builder,
      Map<ObjectRef, Integer> nodeOfRef, List<ObjectRef> full, ObjectRef ref) {
    Integer i = nodeOfRef.get(ref);
    if (i != null) {
      return i;
    }
    int n = builder.addNode(ref.withoutVersionAndUid());
    if (n == full.size()) {
      full.add(ref);
    }
    return n;
  }

  private ObjectRef fullRef(ObjectRef node) {
    return fullRefs[graph.indexOf(node)];
  }

  /**
   * The graph of a snapshot with every dependency ({@link EdgeSet#COMPLETE}).
   *
   * @param snapshot the snapshot
   * @return its graph; never fails
   */
  public static ConfigGraph of(CacheStores snapshot) {
    return new ConfigGraph(snapshot, EdgeSet.COMPLETE);
  }

  /**
   * The graph of a snapshot with the given edge set.
   *
   * @param snapshot the snapshot
   * @param edgeSet which dependencies to link
   * @return its graph; never fails
   */
  public static ConfigGraph of(CacheStores snapshot, EdgeSet edgeSet) {
    return new ConfigGraph(snapshot, edgeSet);
  }

  /** The snapshot this graph was built from. */
  public CacheStores snapshot() {
    return snapshot;
  }

  /** The edge set this graph links. */
  public EdgeSet edgeSet() {
    return edgeSet;
  }

  /** Every object's full ref, in snapshot order. */
  public ImmutableSet<ObjectRef> nodes() {
    return ImmutableSet.copyOf(fullRefs);
  }

  /** Number of nodes. */
  public int size() {
    return fullRefs.length;
  }

  /**
   * The full ref of the object a ref names, comparing group, kind, namespace (ignored for
   * cluster-scoped kinds) and name; version and uid are ignored.
   *
   * @param ref any ref
   * @return the node's full ref, if the object is in the snapshot
   */
  public Optional<ObjectRef> find(ObjectRef ref) {
    int i = graph.indexOf(normalise(ref));
    return i < 0 ? Optional.empty() : Optional.of(fullRefs[i]);
  }

  /**
   * Like {@link #find(ObjectRef)}, and the uids must be equal: an empty uid matches only an
   * object without uid ({@code fallback-spec.md} §4.10). Use this for objects a gateway blamed,
   * so that a ref to a deleted-and-recreated object does not match its successor.
   *
   * @param ref a ref, typically parsed from a gateway's error
   * @return the node's full ref, if present with the same uid
   */
  public Optional<ObjectRef> findExact(ObjectRef ref) {
    return find(ref).filter(full -> full.uid().equals(ref.uid()));
  }

  /**
   * Whether the snapshot has the object a ref names ({@link #find(ObjectRef)}).
   *
   * @param ref any ref
   * @return whether it is a node
   */
  public boolean contains(ObjectRef ref) {
    return graph.indexOf(normalise(ref)) >= 0;
  }

  /**
   * The objects {@code ref} depends on directly.
   *
   * @param ref a node ({@link #find(ObjectRef)} rules)
   * @return full refs in resolution order; empty if {@code ref} is not a node
   */
  public ImmutableSet<ObjectRef> dependencies(ObjectRef ref) {
    ObjectRef n = normalise(ref);
    return graph.nodes().contains(n) ? full(graph.successors(n)) : ImmutableSet.of();
  }

  /**
   * The objects that depend directly on {@code ref}.
   *
   * @param ref a node ({@link #find(ObjectRef)} rules)
   * @return full refs; empty if {@code ref} is not a node
   */
  public ImmutableSet<ObjectRef> dependents(ObjectRef ref) {
    ObjectRef n = normalise(ref);
    return graph.nodes().contains(n) ? full(graph.predecessors(n)) : ImmutableSet.of();
  }

  /**
   * The rules that link {@code dependent} to {@code dependency}.
   *
   * @param dependent the depending object
   * @param dependency the object it reads
   * @return the rules, empty when there is no such edge
   */
  public ImmutableSet<DependencyRule> rules(ObjectRef dependent, ObjectRef dependency) {
    return ImmutableSet.copyOf(graph.edgeValues(normalise(dependent), normalise(dependency)));
  }

  /**
   * Every resolved dependency, one per (dependent, dependency, rule), dependents in snapshot
   * order.
   */
  public ImmutableList<Dependency> edges() {
    return dependencies;
  }

  /**
   * Every object that transitively depends on one of {@code refs}, the resolved {@code refs}
   * included ({@code reach} of {@code fallback-spec.md} §0). Refs that are not nodes are
   * ignored.
   *
   * @param refs start objects ({@link #find(ObjectRef)} rules)
   * @return full refs in snapshot order
   */
  public ImmutableSet<ObjectRef> dependentsClosure(Collection<ObjectRef> refs) {
    ImmutableList<ObjectRef> starts = refs.stream().map(ConfigGraph::normalise)
        .filter(graph.nodes()::contains).distinct().collect(ImmutableList.toImmutableList());
    if (starts.isEmpty()) {
      return ImmutableSet.of();
    }
    ImmutableSet<ObjectRef> reached =
        ImmutableSet.copyOf(Traverser.forGraph(Graphs.transpose(graph)).breadthFirst(starts));
    return graph.nodes().stream().filter(reached::contains).map(this::fullRef)
        .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * For each object that transitively depends on one of {@code starts} (the starts included),
   * a shortest dependency path from it to the nearest start: the object first, the start last.
   * Ties go to the earlier start. Starts that are not nodes are ignored.
   *
   * @param starts start objects in priority order ({@link #find(ObjectRef)} rules)
   * @return full-ref paths keyed by the full ref of each reached object, in snapshot order
   */
  public ImmutableMap<ObjectRef, ImmutableList<ObjectRef>> pathsToDependencies(
      Collection<ObjectRef> starts) {
    ImmutableList<ObjectRef> nodes = starts.stream().map(ConfigGraph::normalise)
        .filter(graph.nodes()::contains).collect(ImmutableList.toImmutableList());
    FirstParentBfs<ObjectRef> bfs = FirstParentBfs.run(graph::predecessors, nodes);
    ImmutableMap.Builder<ObjectRef, ImmutableList<ObjectRef>> out = ImmutableMap.builder();
    for (ObjectRef n : graph.nodes()) {
      if (bfs.reached(n)) {
        out.put(fullRef(n), bfs.pathToStart(n).stream().map(this::fullRef)
            .collect(ImmutableList.toImmutableList()));
      }
    }
    return out.build();
  }

  /**
   * The dependency cycles: groups of objects that depend on each other (strongly connected
   * components of more than one object), each in snapshot order. Empty for an acyclic graph.
   * Cycles are legal; exclusion handles them (a cycle is excluded as a whole).
   */
  public ImmutableList<ImmutableList<ObjectRef>> cycles() {
    return cycles;
  }

  /** {@code ConfigGraph[EdgeSet, n nodes, m edges, c cycles]}. */
  @Override
  public String toString() {
    return "ConfigGraph[" + edgeSet + ", " + graph.nodes().size() + " nodes, "
        + graph.numberOfEdges() + " edges, " + cycles.size() + " cycles]";
  }

  private ImmutableSet<ObjectRef> full(Set<ObjectRef> nodes) {
    return nodes.stream().map(this::fullRef).collect(ImmutableSet.toImmutableSet());
  }

  private static ObjectRef normalise(ObjectRef ref) {
    Optional<Kind> kind = ref.knownKind();
    String ns = kind.isPresent() && !kind.get().namespaced() ? "" : ref.namespace();
    return new ObjectRef(ref.group(), "", ref.kind(), ns, ref.name(), "");
  }
}
