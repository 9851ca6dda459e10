package io.github.kongtranslator.fallback.graph;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.internal.Cycles;
import io.github.kongtranslator.fallback.graph.internal.DependencyResolver;
import io.github.kongtranslator.fallback.graph.internal.IdentityIndex;
import io.github.kongtranslator.fallback.graph.internal.IndexedDigraph;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The dependency graph of one {@link CacheStores} snapshot: one node per object, and an edge from
 * each object to every object it depends on (an object it reads during translation).
 *
 * <p>Build it with {@link #of(CacheStores)} (every {@link DependencyRule}), or with {@link
 * #of(CacheStores, Set)} for the subgraph of some rules. Building never fails for a snapshot:
 * references to absent objects and self-references produce no edge, and dependency cycles are kept
 * and listed by {@link #cycles()}. The graph is immutable; equal snapshots give equal graphs.
 *
 * <p>Objects are identified by group, kind, namespace and name (one object per store key); methods
 * taking an {@link ObjectRef} ignore its version and uid unless they say otherwise, and every
 * method returns <em>full</em> refs (the snapshot object's own version and uid). Collections are
 * ordered: nodes in snapshot order (store order, then key order), neighbours in the order their
 * references were resolved.
 */
public final class ConfigGraph {
  private static final ImmutableSet<DependencyRule> ALL_RULES =
      Sets.immutableEnumSet(EnumSet.allOf(DependencyRule.class));

  private final CacheStores snapshot;

  /** The rules linked: every rule unless built with {@link #of(CacheStores, Set)}. */
  private final ImmutableSet<DependencyRule> rules;

  /** Nodes are refs without version and uid; edge values are the rules linking them. */
  private final IndexedDigraph<ObjectRef, DependencyRule> graph;

  /** Full refs by node index. */
  private final ObjectRef[] fullRefs;

  /** Node index by snapshot object (identity). */
  private final IdentityIndex nodeOfObject;

  private final ImmutableList<Dependency> dependencies;
  private final ImmutableList<ImmutableList<ObjectRef>> cycles;

  private ConfigGraph(CacheStores snapshot, ImmutableSet<DependencyRule> rules) {
    this.snapshot = snapshot;
    this.rules = rules;
    ImmutableList<K8sObject> all = snapshot.all();
    int n = all.size();
    // Node i is the snapshot's i-th object: snapshot objects are distinct by kind, namespace
    // and name, so nodes need no hashing; a ref is found through the snapshot's own indexes.
    IndexedDigraph.Builder<ObjectRef, DependencyRule> builder =
        IndexedDigraph.distinctNodesBuilder(n);
    IdentityIndex nodeOfObject = new IdentityIndex(n);
    ObjectRef[] full = new ObjectRef[n]; // one ref per object, shared by its dependencies
    for (int i = 0; i < n; i++) {
      K8sObject o = all.get(i);
      ObjectRef ref = o.ref();
      full[i] = ref;
      builder.appendNode(ref.withoutVersionAndUid());
      nodeOfObject.put(o, i);
    }
    ImmutableList.Builder<Dependency> deps = ImmutableList.builder();
    EdgeSink sink =
        new EdgeSink(
            builder, nodeOfObject, full, deps, rules.size() == ALL_RULES.size() ? null : rules);
    DependencyResolver resolver = DependencyResolver.of(snapshot);
    for (int i = 0; i < n; i++) {
      sink.from = i;
      resolver.resolve(all.get(i), sink);
    }
    this.nodeOfObject = nodeOfObject;
    this.graph = builder.build(this::indexOfNode);
    this.fullRefs = full;
    this.dependencies = deps.build();
    this.cycles =
        graph.hasCycle()
            ? Cycles.of(graph).stream()
                .map(c -> c.stream().map(this::fullRef).collect(ImmutableList.toImmutableList()))
                .collect(ImmutableList.toImmutableList())
            : ImmutableList.of();
  }

  /** Adds the edges of one dependent ({@link #from}) as the resolver finds them. */
  private static final class EdgeSink implements DependencyResolver.Sink {
    private final IndexedDigraph.Builder<ObjectRef, DependencyRule> builder;
    private final IdentityIndex nodeOfObject;
    private final ObjectRef[] full;
    private final ImmutableList.Builder<Dependency> deps;

    /** The rules to link; null for every rule. */
    private final @Nullable Set<DependencyRule> only;

    int from;

    EdgeSink(
        IndexedDigraph.Builder<ObjectRef, DependencyRule> builder,
        IdentityIndex nodeOfObject,
        ObjectRef[] full,
        ImmutableList.Builder<Dependency> deps,
        @Nullable Set<DependencyRule> only) {
      this.builder = builder;
      this.nodeOfObject = nodeOfObject;
      this.full = full;
      this.deps = deps;
      this.only = only;
    }

    @Override
    public void accept(DependencyRule rule, K8sObject target) {
      if (only != null && !only.contains(rule)) {
        return;
      }
      int to = nodeOfObject.get(target);
      if (to < 0) { // the resolver only returns objects of the snapshot it resolves in
        throw new IllegalStateException(
            "dependency "
                + target.ref()
                + " of "
                + full[from]
                + " is not an object of the snapshot");
      }
      if (builder.putEdgeValueAt(from, to, rule)) {
        deps.add(new Dependency(full[from], full[to], rule));
      }
    }
  }

  /**
   * The index of a node: the snapshot object a ref names, if the ref equals its node (group, kind,
   * namespace and name; empty version and uid; empty namespace for cluster-scoped kinds).
   */
  private int indexOfNode(@Nullable Object node) {
    if (!(node instanceof ObjectRef r)) {
      return -1;
    }
    int i = snapshot.get(r).map(nodeOfObject::get).orElse(-1);
    // the lookup ignores version and uid, and the store key only joins namespace and name
    return i >= 0 && graph.node(i).equals(r) ? i : -1;
  }

  private ObjectRef fullRef(ObjectRef node) {
    return fullRefs[graph.indexOf(node)];
  }

  /**
   * The graph of a snapshot with every dependency: every {@link DependencyRule}, the dependencies
   * KIC resolves ({@code fallback-spec.md} §2.2) and those it misses (§2.4). Exclusion with it
   * fails closed. Use it for anything that serves traffic.
   *
   * @param snapshot the snapshot
   * @return its graph; never fails
   */
  public static ConfigGraph of(CacheStores snapshot) {
    return new ConfigGraph(snapshot, ALL_RULES);
  }

  /**
   * The subgraph of a snapshot that links only the given rules: the nodes of {@link
   * #of(CacheStores)} and its {@link #edges()} of those rules, in the same order, e.g. to see what
   * depends on what through some rules. It misses real dependencies, so exclusion with it can keep
   * an object without something it needs; the rules with {@link DependencyRule#inKic()} give KIC's
   * edge set (§2.2), which differential tests compare with.
   *
   * @param snapshot the snapshot
   * @param rules the rules to link
   * @return its graph; never fails
   */
  public static ConfigGraph of(CacheStores snapshot, Set<DependencyRule> rules) {
    return new ConfigGraph(snapshot, Sets.immutableEnumSet(rules));
  }

  /** {@return the snapshot this graph was built from} */
  public CacheStores snapshot() {
    return snapshot;
  }

  /**
   * The rules this graph links: every rule for {@link #of(CacheStores)}.
   *
   * @return the rules, in declaration order
   */
  public ImmutableSet<DependencyRule> rules() {
    return rules;
  }

  /** {@return every object's full ref, in snapshot order} */
  public ImmutableSet<ObjectRef> nodes() {
    return ImmutableSet.copyOf(fullRefs);
  }

  /** {@return number of nodes} */
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
   * Like {@link #find(ObjectRef)}, and the uids must be equal: an empty uid matches only an object
   * without uid ({@code fallback-spec.md} §4.10). Use this for objects a gateway blamed, so that a
   * ref to a deleted-and-recreated object does not match its successor.
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
    int i = graph.indexOf(normalise(ref));
    return i < 0 ? ImmutableSet.of() : full(graph.successorsAt(i));
  }

  /**
   * The objects that depend directly on {@code ref}.
   *
   * @param ref a node ({@link #find(ObjectRef)} rules)
   * @return full refs; empty if {@code ref} is not a node
   */
  public ImmutableSet<ObjectRef> dependents(ObjectRef ref) {
    int i = graph.indexOf(normalise(ref));
    return i < 0 ? ImmutableSet.of() : full(graph.predecessorsAt(i));
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
   * Every resolved dependency, one per (dependent, dependency, rule), dependents in snapshot order.
   *
   * @return every resolved dependency, one per (dependent, dependency, rule), dependents in
   *     snapshot order
   */
  public ImmutableList<Dependency> edges() {
    return dependencies;
  }

  /**
   * Every object that transitively depends on one of {@code refs}, the resolved {@code refs}
   * included ({@code reach} of {@code fallback-spec.md} §0). Refs that are not nodes are ignored.
   *
   * @param refs start objects ({@link #find(ObjectRef)} rules)
   * @return full refs in snapshot order
   */
  public ImmutableSet<ObjectRef> dependentsClosure(Collection<ObjectRef> refs) {
    int[] parents = graph.firstParentsBackward(indices(refs));
    ImmutableSet.Builder<ObjectRef> out = ImmutableSet.builder();
    for (int i = 0; i < parents.length; i++) {
      if (parents[i] != IndexedDigraph.UNREACHED) {
        out.add(fullRefs[i]);
      }
    }
    return out.build();
  }

  /**
   * For each object that transitively depends on one of {@code starts} (the starts included), a
   * shortest dependency path from it to the nearest start: the object first, the start last. Ties
   * go to the earlier start. Starts that are not nodes are ignored.
   *
   * @param starts start objects in priority order ({@link #find(ObjectRef)} rules)
   * @return full-ref paths keyed by the full ref of each reached object, in snapshot order
   */
  public ImmutableMap<ObjectRef, ImmutableList<ObjectRef>> pathsToDependencies(
      Collection<ObjectRef> starts) {
    int[] parents = graph.firstParentsBackward(indices(starts));
    ImmutableMap.Builder<ObjectRef, ImmutableList<ObjectRef>> out = ImmutableMap.builder();
    for (int i = 0; i < parents.length; i++) {
      if (parents[i] != IndexedDigraph.UNREACHED) {
        ImmutableList.Builder<ObjectRef> path = ImmutableList.builder();
        for (int n = i; n != IndexedDigraph.START; n = parents[n]) {
          path.add(fullRefs[n]);
        }
        out.put(fullRefs[i], path.build());
      }
    }
    return out.build();
  }

  /**
   * The dependency cycles: groups of objects that depend on each other (strongly connected
   * components of more than one object), each in snapshot order. Empty for an acyclic graph. Cycles
   * are legal; exclusion handles them (a cycle is excluded as a whole).
   *
   * @return the dependency cycles: groups of objects that depend on each other (strongly connected
   *     components of more than one object), each in snapshot order
   */
  public ImmutableList<ImmutableList<ObjectRef>> cycles() {
    return cycles;
  }

  /** {@code ConfigGraph[rules, n nodes, m edges, c cycles]}; rules are {@code all} or their ids. */
  @Override
  public String toString() {
    String linked =
        rules.size() == ALL_RULES.size()
            ? "all rules"
            : rules.stream()
                .map(DependencyRule::id)
                .collect(java.util.stream.Collectors.joining(" ", "rules ", ""));
    return "ConfigGraph["
        + linked
        + ", "
        + graph.nodes().size()
        + " nodes, "
        + graph.numberOfEdges()
        + " edges, "
        + cycles.size()
        + " cycles]";
  }

  private ImmutableSet<ObjectRef> full(int[] nodes) {
    ImmutableSet.Builder<ObjectRef> out = ImmutableSet.builderWithExpectedSize(nodes.length);
    for (int i : nodes) {
      out.add(fullRefs[i]);
    }
    return out.build();
  }

  /** The node indices of {@code refs} that are nodes, in order, duplicates kept. */
  private int[] indices(Collection<ObjectRef> refs) {
    int[] out = new int[refs.size()];
    int k = 0;
    for (ObjectRef ref : refs) {
      int i = graph.indexOf(normalise(ref));
      if (i >= 0) {
        out[k++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }

  private static ObjectRef normalise(ObjectRef ref) {
    Optional<Kind> kind = ref.knownKind();
    String ns = kind.isPresent() && !kind.get().namespaced() ? "" : ref.namespace();
    return new ObjectRef(ref.group(), "", ref.kind(), ns, ref.name(), "");
  }
}
