package io.github.kongtranslator.fallback.graph.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.graph.SuccessorsFunction;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-start breadth-first search that remembers, for every reached node, the node it was first
 * reached from (its <em>first parent</em>); starts have no parent. Following parents from a node
 * back to a start gives a shortest path from the nearest start, ties broken by start order and then
 * by successor order, so equal inputs give equal paths.
 *
 * <p>Cycle-safe (each node is visited once). Guava's {@code Traverser} computes the same node set
 * but not the paths. The reference model for {@link IndexedDigraph#firstParentsBackward}, which the
 * dependency graph uses: the same search over any successors function, kept plain.
 *
 * @param <N> node type
 */
public final class FirstParentBfs<N> {
  private final ImmutableMap<N, Optional<N>> parents;

  private FirstParentBfs(ImmutableMap<N, Optional<N>> parents) {
    this.parents = parents;
  }

  /**
   * Runs the search.
   *
   * @param successors the edges to follow
   * @param starts start nodes, in priority order; duplicates are ignored
   * @param <N> node type
   * @return the search result
   */
  public static <N> FirstParentBfs<N> run(SuccessorsFunction<N> successors, Iterable<N> starts) {
    Map<N, Optional<N>> parents = new LinkedHashMap<>();
    ArrayDeque<N> queue = new ArrayDeque<>();
    for (N s : starts) {
      if (!parents.containsKey(s)) {
        parents.put(s, Optional.empty());
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      N n = queue.poll();
      for (N next : successors.successors(n)) {
        if (!parents.containsKey(next)) {
          parents.put(next, Optional.of(n));
          queue.add(next);
        }
      }
    }
    return new FirstParentBfs<>(ImmutableMap.copyOf(parents));
  }

  /** Every reached node (starts included), in visiting order. */
  public ImmutableList<N> reached() {
    return parents.keySet().asList();
  }

  /**
   * Whether the node was reached.
   *
   * @param node a node
   * @return whether it was reached
   */
  public boolean reached(N node) {
    return parents.containsKey(node);
  }

  /**
   * The path from a reached node back to the start it was first reached from: the node first, the
   * start last; a start's path is the start alone.
   *
   * @param node a reached node
   * @return the path
   * @throws IllegalArgumentException if the node was not reached
   */
  public ImmutableList<N> pathToStart(N node) {
    if (!parents.containsKey(node)) {
      throw new IllegalArgumentException("node was not reached: " + node);
    }
    ImmutableList.Builder<N> path = ImmutableList.builder();
    Optional<N> current = Optional.of(node);
    while (current.isPresent()) {
      N n = current.get();
      path.add(n);
      current = parents.get(n);
    }
    return path.build();
  }
}
