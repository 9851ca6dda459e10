package io.github.kongtranslator.fallback.graph.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.graph.Graph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the dependency cycles of a graph: its strongly connected components with more than one node
 * (self-loops are never added to a {@code ConfigGraph}). Iterative Tarjan, so deep graphs do not
 * overflow the stack.
 */
public final class Cycles {
  private Cycles() {}

  /**
   * The cycles of {@code graph}.
   *
   * @param graph a directed graph with stable node order
   * @param <N> node type
   * @return each component with more than one node (or a self-loop), nodes in graph node order;
   *     components ordered by their first node in graph node order
   */
  public static <N> ImmutableList<ImmutableList<N>> of(Graph<N> graph) {
    Map<N, Integer> order = new HashMap<>();
    for (N n : graph.nodes()) {
      order.put(n, order.size());
    }
    Map<N, Integer> index = new HashMap<>();
    Map<N, Integer> low = new HashMap<>();
    Deque<N> stack = new ArrayDeque<>();
    Map<N, Boolean> onStack = new HashMap<>();
    List<List<N>> components = new ArrayList<>();
    int[] counter = {0};
    for (N root : graph.nodes()) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Map.Entry<N, Iterator<N>>> work = new ArrayDeque<>();
      visit(root, graph, index, low, stack, onStack, counter, work);
      while (!work.isEmpty()) {
        Map.Entry<N, Iterator<N>> top = work.peek();
        N v = top.getKey();
        Iterator<N> it = top.getValue();
        if (it.hasNext()) {
          N w = it.next();
          if (!index.containsKey(w)) {
            visit(w, graph, index, low, stack, onStack, counter, work);
          } else if (onStack.getOrDefault(w, false)) {
            low.put(v, Math.min(at(low, v), at(index, w)));
          }
        } else {
          work.pop();
          if (!work.isEmpty()) {
            N parent = work.peek().getKey();
            low.put(parent, Math.min(at(low, parent), at(low, v)));
          }
          if (at(low, v) == at(index, v)) {
            List<N> component = new ArrayList<>();
            N w;
            do {
              w = stack.pop();
              onStack.put(w, false);
              component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1 || graph.hasEdgeConnecting(v, v)) {
              component.sort((a, b) -> Integer.compare(at(order, a), at(order, b)));
              components.add(component);
            }
          }
        }
      }
    }
    components.sort((a, b) -> Integer.compare(at(order, a.get(0)), at(order, b.get(0))));
    return components.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
  }

  /**
   * A number of a node already numbered (every node has an order; visited ones an index and low).
   */
  private static <N> int at(Map<N, Integer> numbers, N node) {
    return Objects.requireNonNull(numbers.get(node), "the node is numbered before it is read");
  }

  private static <N> void visit(
      N v,
      Graph<N> graph,
      Map<N, Integer> index,
      Map<N, Integer> low,
      Deque<N> stack,
      Map<N, Boolean> onStack,
      int[] counter,
      Deque<Map.Entry<N, Iterator<N>>> work) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.put(v, true);
    work.push(Map.entry(v, graph.successors(v).iterator()));
  }
}
