package io.github.kongtranslator.fallback.graph.internal;

import com.google.common.graph.AbstractGraph;
import com.google.common.graph.ElementOrder;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * An immutable directed graph without self-loops over int-indexed nodes, with a list of values per
 * edge: nodes in insertion order, successors and predecessors each in the order their edges were
 * added (what Guava's {@code ImmutableGraph} with insertion node order and stable incident-edge
 * order gives), at a fraction of its memory (two {@code int[]} per node instead of a hash map of
 * connections per node, built once instead of built mutable then copied). Node sets are views; not
 * API.
 *
 * <p>Nodes are found by index through a hash map of the nodes ({@link #builder(int)}), or through
 * an indexer the caller supplies when it can find a node's index without hashing it ({@link
 * #distinctNodesBuilder(int)}: the dependency graph finds its nodes through the snapshot's own
 * indexes, and so does not hash every object's reference while it builds).
 *
 * @param <N> node type (unique under {@code equals})
 * @param <V> edge value type
 */
public final class IndexedDigraph<N, V> extends AbstractGraph<N> {
  /** Returned by {@link #firstParentsBackward(int[])} for a node that was not reached. */
  public static final int UNREACHED = -2;

  /** Returned by {@link #firstParentsBackward(int[])} for a start. */
  public static final int START = -1;

  private final Object[] nodes;
  private final ToIntFunction<@Nullable Object> indexer;
  private final int[][] succ;
  private final int[][] pred;

  /** Per node, aligned with {@code succ}: a {@code V} or a {@code List<V>}. */
  private final Object[][] values;

  private final Set<N> nodeSet;

  private IndexedDigraph(Builder<N, V> b, ToIntFunction<@Nullable Object> indexer) {
    int n = b.nodes.size();
    this.nodes = b.nodes.toArray();
    this.indexer = indexer;
    this.succ = new int[n][];
    this.pred = new int[n][];
    this.values = new Object[n][];
    for (int i = 0; i < n; i++) { // trimmed; arrays already of the right size are taken as is
      succ[i] = trim(b.succ[i], b.succCount[i]);
      pred[i] = trim(b.pred[i], b.predCount[i]);
      values[i] =
          b.values[i].length == b.succCount[i]
              ? b.values[i]
              : Arrays.copyOf(b.values[i], b.succCount[i]);
    }
    this.nodeSet = new IndexSet(null);
  }

  private static int[] trim(int[] a, int length) {
    return a.length == length ? a : Arrays.copyOf(a, length);
  }

  /**
   * A builder expecting about {@code expectedNodes} nodes, that finds nodes by hashing them.
   *
   * @param expectedNodes presizing hint
   * @param <N> node type
   * @param <V> edge value type
   * @return a builder
   */
  public static <N, V> Builder<N, V> builder(int expectedNodes) {
    return new Builder<>(expectedNodes, true);
  }

  /**
   * A builder for nodes the caller knows to be distinct and can index itself: nodes are added with
   * {@link Builder#appendNode} only (no hash map of the nodes is built), edges by index with {@link
   * Builder#putEdgeValueAt}, and the graph is built with {@link Builder#build(ToIntFunction)}.
   *
   * @param expectedNodes presizing hint
   * @param <N> node type
   * @param <V> edge value type
   * @return a builder
   */
  public static <N, V> Builder<N, V> distinctNodesBuilder(int expectedNodes) {
    return new Builder<>(expectedNodes, false);
  }

  /**
   * The index of a node.
   *
   * @param node any object
   * @return its index, or -1 when it is not a node
   */
  public int indexOf(@Nullable Object node) {
    return indexer.applyAsInt(node);
  }

  /**
   * The successors of a node, by index.
   *
   * @param i a node index
   * @return successor indices in the order their edges were added; must not be modified
   */
  public int[] successorsAt(int i) {
    return succ[i];
  }

  /**
   * The predecessors of a node, by index.
   *
   * @param i a node index
   * @return predecessor indices in the order their edges were added; must not be modified
   */
  public int[] predecessorsAt(int i) {
    return pred[i];
  }

  /**
   * Multi-start breadth-first search along predecessors, by index: for every node, the node it was
   * first reached from, {@link #START} for a start and {@link #UNREACHED} for a node that was not
   * reached. Starts are taken in order, duplicates ignored, then each node's predecessors in their
   * order; each node is visited once (cycles terminate). Following parents from a node back to a
   * start gives a shortest path to the nearest start, ties to the earlier start.
   *
   * @param starts start indices in priority order
   * @return the first parent of every node, by index
   */
  public int[] firstParentsBackward(int[] starts) {
    int[] parent = new int[nodes.length];
    Arrays.fill(parent, UNREACHED);
    int[] queue = new int[nodes.length];
    int tail = 0;
    for (int s : starts) {
      if (parent[s] == UNREACHED) {
        parent[s] = START;
        queue[tail++] = s;
      }
    }
    for (int head = 0; head < tail; head++) {
      int u = queue[head];
      for (int v : pred[u]) {
        if (parent[v] == UNREACHED) {
          parent[v] = u;
          queue[tail++] = v;
        }
      }
    }
    return parent;
  }

  /**
   * The node at an index.
   *
   * @param i an index below {@code nodes().size()}
   * @return the node
   */
  @SuppressWarnings("unchecked")
  public N node(int i) {
    return (N) nodes[i];
  }

  /**
   * The values of the edge {@code from → to}, in the order they were added.
   *
   * @param from a node
   * @param to a node
   * @return the values; empty when there is no such edge
   */
  @SuppressWarnings("unchecked")
  public List<V> edgeValues(N from, N to) {
    int u = indexOf(from);
    int v = indexOf(to);
    if (u < 0 || v < 0) {
      return List.of();
    }
    int[] s = succ[u];
    for (int j = 0; j < s.length; j++) {
      if (s[j] == v) {
        Object o = values[u][j];
        return o instanceof ValueList<?> l ? (List<V>) l : List.of((V) o);
      }
    }
    return List.of();
  }

  /**
   * Whether the graph has a directed cycle ({@code Graphs.hasCycle}), by an iterative depth-first
   * search over the index arrays (no hashing of nodes).
   *
   * @return true when some node can reach itself
   */
  public boolean hasCycle() {
    int n = nodes.length;
    byte[] state = new byte[n]; // 0 unvisited, 1 on the DFS path, 2 done
    int[] stack = new int[n];
    int[] next = new int[n]; // per stacked node: position in its successor array
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      int top = 0;
      stack[0] = root;
      next[0] = 0;
      state[root] = 1;
      while (top >= 0) {
        int u = stack[top];
        int[] s = succ[u];
        if (next[top] < s.length) {
          int v = s[next[top]++];
          if (state[v] == 1) {
            return true;
          }
          if (state[v] == 0) {
            state[v] = 1;
            top++;
            stack[top] = v;
            next[top] = 0;
          }
        } else {
          state[u] = 2;
          top--;
        }
      }
    }
    return false;
  }

  /** Number of edges. */
  public int numberOfEdges() {
    int c = 0;
    for (int[] s : succ) {
      c += s.length;
    }
    return c;
  }

  @Override
  protected long edgeCount() {
    return numberOfEdges();
  }

  @Override
  public Set<N> nodes() {
    return nodeSet;
  }

  @Override
  public boolean isDirected() {
    return true;
  }

  @Override
  public boolean allowsSelfLoops() {
    return false;
  }

  @Override
  public ElementOrder<N> nodeOrder() {
    return ElementOrder.insertion();
  }

  @Override
  public ElementOrder<N> incidentEdgeOrder() {
    return ElementOrder.stable();
  }

  @Override
  public Set<N> successors(N node) {
    return new IndexSet(succ[checkedIndex(node)]);
  }

  @Override
  public Set<N> predecessors(N node) {
    return new IndexSet(pred[checkedIndex(node)]);
  }

  @Override
  public Set<N> adjacentNodes(N node) {
    int i = checkedIndex(node);
    Set<N> out = new LinkedHashSet<>();
    out.addAll(new IndexSet(pred[i]));
    out.addAll(new IndexSet(succ[i]));
    return java.util.Collections.unmodifiableSet(out);
  }

  @Override
  public int outDegree(N node) {
    return succ[checkedIndex(node)].length;
  }

  @Override
  public int inDegree(N node) {
    return pred[checkedIndex(node)].length;
  }

  @Override
  public boolean hasEdgeConnecting(N from, N to) {
    int u = indexOf(from);
    int v = indexOf(to);
    if (u < 0 || v < 0) {
      return false;
    }
    for (int s : succ[u]) {
      if (s == v) {
        return true;
      }
    }
    return false;
  }

  private int checkedIndex(N node) {
    int i = indexOf(Objects.requireNonNull(node, "node"));
    if (i < 0) {
      throw new IllegalArgumentException("Node " + node + " is not an element of this graph.");
    }
    return i;
  }

  /** Marks a list of several values of one edge. */
  private static final class ValueList<V> extends ArrayList<V> {
    private static final long serialVersionUID = 1L;
  }

  /** An unmodifiable set view over node indices ({@code null}: every node). */
  private final class IndexSet extends AbstractSet<N> {
    private final int @Nullable [] ids;

    IndexSet(int @Nullable [] ids) {
      this.ids = ids;
    }

    @Override
    public int size() {
      return ids == null ? nodes.length : ids.length;
    }

    @Override
    public boolean contains(@Nullable Object o) {
      int i = indexOf(o);
      if (i < 0) {
        return false;
      }
      if (ids == null) {
        return true;
      }
      for (int id : ids) {
        if (id == i) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Iterator<N> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size();
        }

        @Override
        public N next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          int i = ids == null ? next : ids[next];
          next++;
          return node(i);
        }
      };
    }
  }

  /**
   * Builds an {@link IndexedDigraph}; not thread-safe.
   *
   * @param <N> node type
   * @param <V> edge value type
   */
  public static final class Builder<N, V> {
    private static final int[] NO_INTS = new int[0];
    private static final Object[] NO_OBJECTS = new Object[0];
    private final List<N> nodes;

    /** Null for a {@link #distinctNodesBuilder} (nodes are not hashed). */
    private final @Nullable Map<N, Integer> index;

    private int[][] succ;
    private int[] succCount;
    private int[][] pred;
    private int[] predCount;
    private Object[][] values;

    /** Successor sets of nodes with many successors, for duplicate checks. */
    private final Map<Integer, Set<Integer>> bigSucc = new HashMap<>();

    private Builder(int expected, boolean hashed) {
      int cap = Math.max(expected, 4);
      nodes = new ArrayList<>(cap);
      index = hashed ? new HashMap<>(cap * 4 / 3 + 1) : null;
      succ = new int[cap][];
      succCount = new int[cap];
      pred = new int[cap][];
      predCount = new int[cap];
      values = new Object[cap][];
    }

    /**
     * Adds a node if absent.
     *
     * @param node the node
     * @return its index
     */
    public int addNode(N node) {
      if (index == null) {
        throw new IllegalStateException("a distinct-nodes builder adds nodes with appendNode");
      }
      Integer existing = index.get(Objects.requireNonNull(node, "node"));
      return existing != null ? existing : appendNode(node);
    }

    /**
     * Adds a node that is not in the graph yet.
     *
     * @param node the node, distinct from every node added before
     * @return its index (the number of nodes added before it)
     * @throws IllegalArgumentException if a hashing builder already has the node
     */
    public int appendNode(N node) {
      Objects.requireNonNull(node, "node");
      if (index != null && index.containsKey(node)) {
        throw new IllegalArgumentException("node added twice: " + node);
      }
      int i = nodes.size();
      if (i == succ.length) {
        int cap = i * 2;
        succ = Arrays.copyOf(succ, cap);
        succCount = Arrays.copyOf(succCount, cap);
        pred = Arrays.copyOf(pred, cap);
        predCount = Arrays.copyOf(predCount, cap);
        values = Arrays.copyOf(values, cap);
      }
      nodes.add(node);
      if (index != null) {
        index.put(node, i);
      }
      succ[i] = NO_INTS;
      pred[i] = NO_INTS;
      values[i] = NO_OBJECTS;
      return i;
    }

    /**
     * Adds the edge {@code from → to} (and the nodes) if absent, and appends {@code value} to its
     * values unless the edge already has an equal value.
     *
     * @param from the source
     * @param to the target, not {@code from}
     * @param value a value of the edge
     * @return whether {@code value} was added
     * @throws IllegalArgumentException for a self-loop
     */
    public boolean putEdgeValue(N from, N to, V value) {
      return putEdgeValueAt(addNode(from), addNode(to), value);
    }

    /**
     * {@link #putEdgeValue(Object, Object, Object)} by node indices.
     *
     * @param u the source's index
     * @param v the target's index, not {@code u}
     * @param value a value of the edge
     * @return whether {@code value} was added
     * @throws IllegalArgumentException for a self-loop
     */
    @SuppressWarnings("unchecked")
    public boolean putEdgeValueAt(int u, int v, V value) {
      Objects.requireNonNull(value, "value");
      if (u == v) {
        throw new IllegalArgumentException(
            "Cannot add self-loop edge on node "
                + nodes.get(u)
                + ", as self-loops are not allowed.");
      }
      int j = successorPosition(u, v);
      if (j >= 0) {
        Object old = values[u][j];
        if (old instanceof ValueList<?> l) {
          if (l.contains(value)) {
            return false;
          }
          ((ValueList<V>) l).add(value);
        } else {
          if (old.equals(value)) {
            return false;
          }
          ValueList<V> l = new ValueList<>();
          l.add((V) old);
          l.add(value);
          values[u][j] = l;
        }
        return true;
      }
      int k = succCount[u]++;
      if (k == succ[u].length) {
        int cap = Math.max(2, k * 2);
        succ[u] = Arrays.copyOf(succ[u], cap);
        values[u] = Arrays.copyOf(values[u], cap);
      }
      succ[u][k] = v;
      values[u][k] = value;
      if (k >= 8) {
        Set<Integer> big =
            bigSucc.computeIfAbsent(
                u,
                x -> {
                  Set<Integer> s = new HashSet<>();
                  for (int t = 0; t < k; t++) {
                    s.add(succ[u][t]);
                  }
                  return s;
                });
        big.add(v);
      }
      int p = predCount[v]++;
      if (p == pred[v].length) {
        pred[v] = Arrays.copyOf(pred[v], Math.max(2, p * 2));
      }
      pred[v][p] = u;
      return true;
    }

    private int successorPosition(int u, int v) {
      int n = succCount[u];
      if (n > 8
          && !Objects.requireNonNull(bigSucc.get(u), "a node with over 8 successors has its set")
              .contains(v)) {
        return -1;
      }
      int[] s = succ[u];
      for (int j = 0; j < n; j++) {
        if (s[j] == v) {
          return j;
        }
      }
      return -1;
    }

    /**
     * The graph, finding nodes by hashing them.
     *
     * @return the graph
     * @throws IllegalStateException for a {@link #distinctNodesBuilder}
     */
    public IndexedDigraph<N, V> build() {
      Map<N, Integer> map = index;
      if (map == null) {
        throw new IllegalStateException("a distinct-nodes builder builds with an indexer");
      }
      return new IndexedDigraph<>(
          this,
          o -> {
            Integer i = map.get(o);
            return i == null ? -1 : i;
          });
    }

    /**
     * The graph, finding nodes with the caller's indexer.
     *
     * @param indexer the index of a node, -1 for any object that is not a node (it must agree with
     *     the nodes' {@code equals}: it is what the graph's node sets use)
     * @return the graph
     */
    public IndexedDigraph<N, V> build(ToIntFunction<@Nullable Object> indexer) {
      return new IndexedDigraph<>(this, Objects.requireNonNull(indexer, "indexer"));
    }
  }
}
