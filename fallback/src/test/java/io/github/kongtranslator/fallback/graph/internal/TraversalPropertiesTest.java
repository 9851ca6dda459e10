package io.github.kongtranslator.fallback.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import com.google.common.graph.ElementOrder;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.ImmutableGraph;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * First-parent BFS and cycle search over random directed graphs with cycles, self-loops excluded,
 * checked against Guava's reachability and an all-pairs distance model. (Real objects cannot form
 * dependency cycles with today's rules, so cycles are generated here.)
 */
class TraversalPropertiesTest {
  private static final int N = 10;

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 300));
  }

  /** Random graphs over nodes 0..9: an edge list of (from, to) pairs, cycles likely. */
  private static Gen<ImmutableGraph<Integer>> graphs() {
    return lists()
        .of(integers().between(0, N * N - 1))
        .ofSizeBetween(0, 25)
        .map(
            pairs -> {
              ImmutableGraph.Builder<Integer> b =
                  GraphBuilder.directed()
                      .allowsSelfLoops(false)
                      .nodeOrder(ElementOrder.insertion())
                      .incidentEdgeOrder(ElementOrder.stable())
                      .immutable();
              for (int i = 0; i < N; i++) {
                b.addNode(i);
              }
              for (int p : pairs) {
                if (p / N != p % N) {
                  b.putEdge(p / N, p % N);
                }
              }
              return b.build();
            });
  }

  private static Gen<List<Integer>> starts() {
    return lists().of(integers().between(0, N - 1)).ofSizeBetween(0, 4);
  }

  /** dist[a][b] = fewest edges from a to b following predecessors (b depends on … a), or -1. */
  private static int[][] distances(ImmutableGraph<Integer> g) {
    int[][] d = new int[N][N];
    for (int a = 0; a < N; a++) {
      for (int b = 0; b < N; b++) {
        d[a][b] = a == b ? 0 : g.hasEdgeConnecting(b, a) ? 1 : -1;
      }
    }
    for (int k = 0; k < N; k++) {
      for (int a = 0; a < N; a++) {
        for (int b = 0; b < N; b++) {
          if (d[a][k] >= 0 && d[k][b] >= 0 && (d[a][b] < 0 || d[a][k] + d[k][b] < d[a][b])) {
            d[a][b] = d[a][k] + d[k][b];
          }
        }
      }
    }
    return d;
  }

  @Test
  void bfs_reachesExactlyTheDependentsClosure_alongShortestPaths() {
    qt().forAll(graphs(), starts())
        .checkAssert(
            (g, starts) -> {
              FirstParentBfs<Integer> bfs = FirstParentBfs.run(g::predecessors, starts);
              Set<Integer> expected = new HashSet<>();
              for (int s : starts) {
                expected.addAll(Graphs.reachableNodes(Graphs.transpose(g), s));
              }
              int[][] dist = distances(g);

              assertThat(new HashSet<>(bfs.reached())).isEqualTo(expected);
              for (int n : bfs.reached()) {
                ImmutableList<Integer> path = bfs.pathToStart(n);
                assertThat(starts).contains(path.get(path.size() - 1));
                for (int i = 0; i + 1 < path.size(); i++) {
                  assertThat(g.hasEdgeConnecting(path.get(i), path.get(i + 1))).isTrue();
                }
                int nearest =
                    starts.stream()
                        .mapToInt(s -> dist[s][n])
                        .filter(x -> x >= 0)
                        .min()
                        .orElseThrow();
                assertThat(path.size() - 1).isEqualTo(nearest);
              }
            });
  }

  @Test
  void cycles_areExactlyTheNontrivialStronglyConnectedComponents() {
    qt().forAll(graphs())
        .checkAssert(
            g -> {
              ImmutableList<ImmutableList<Integer>> cycles = Cycles.of(g);

              assertThat(cycles.isEmpty()).isEqualTo(!Graphs.hasCycle(g));
              Set<Integer> onCycle = new HashSet<>();
              for (ImmutableList<Integer> c : cycles) {
                assertThat(c).hasSizeGreaterThan(1).isSorted();
                for (int a : c) {
                  assertThat(Graphs.reachableNodes(g, a)).containsAll(c);
                  assertThat(onCycle.add(a)).isTrue();
                }
              }
              for (int n = 0; n < N; n++) {
                final int node = n;
                boolean cyclic =
                    g.successors(node).stream()
                        .anyMatch(s -> Graphs.reachableNodes(g, s).contains(node));
                assertThat(onCycle.contains(node)).as("node %s on a cycle", node).isEqualTo(cyclic);
              }
            });
  }
}
