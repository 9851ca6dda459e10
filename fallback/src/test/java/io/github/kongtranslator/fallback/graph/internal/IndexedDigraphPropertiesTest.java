package io.github.kongtranslator.fallback.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.LinkedHashMultimap;
import com.google.common.collect.SetMultimap;
import com.google.common.graph.ElementOrder;
import com.google.common.graph.EndpointPair;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.Traverser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link IndexedDigraph} orders nodes, successors and predecessors exactly like Guava's {@code
 * ImmutableGraph} (insertion node order, stable incident-edge order) built from the same edges, and
 * keeps each edge's distinct values in insertion order.
 */
class IndexedDigraphPropertiesTest {
  private static final int N = 12;

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 300));
  }

  @Test
  void property_sameOrdersAsGuavaImmutableGraph() {
    // each element: from, to and a value 0..2; up to 60 edges (many nodes with > 8 successors)
    qt().forAll(lists().of(integers().between(0, N * N * 3 - 1)).ofSizeBetween(0, 60))
        .checkAssert(
            codes -> {
              ImmutableGraph.Builder<Integer> guava =
                  GraphBuilder.directed()
                      .allowsSelfLoops(false)
                      .nodeOrder(ElementOrder.insertion())
                      .incidentEdgeOrder(ElementOrder.stable())
                      .immutable();
              IndexedDigraph.Builder<Integer, Integer> ours = IndexedDigraph.builder(2);
              SetMultimap<EndpointPair<Integer>, Integer> values = LinkedHashMultimap.create();
              for (int i = N - 1; i >= N / 2; i--) {
                guava.addNode(i);
                ours.addNode(i);
              }
              for (int c : codes) {
                int from = c / 3 / N;
                int to = c / 3 % N;
                if (from == to) {
                  continue;
                }
                guava.putEdge(from, to);
                boolean added = ours.putEdgeValue(from, to, c % 3);
                assertThat(added).isEqualTo(values.put(EndpointPair.ordered(from, to), c % 3));
              }
              ImmutableGraph<Integer> g = guava.build();
              IndexedDigraph<Integer, Integer> d = ours.build();
              assertThat(ImmutableList.copyOf(d.nodes()))
                  .isEqualTo(ImmutableList.copyOf(g.nodes()));
              assertThat(d.numberOfEdges()).isEqualTo(g.edges().size());
              assertThat(Graphs.hasCycle(d)).isEqualTo(Graphs.hasCycle(g));
              assertThat(d.hasCycle()).isEqualTo(Graphs.hasCycle(g));
              for (int n : g.nodes()) {
                assertThat(ImmutableList.copyOf(d.successors(n)))
                    .isEqualTo(ImmutableList.copyOf(g.successors(n)));
                assertThat(ImmutableList.copyOf(d.predecessors(n)))
                    .isEqualTo(ImmutableList.copyOf(g.predecessors(n)));
                assertThat(
                        ImmutableList.copyOf(
                            Traverser.forGraph(Graphs.transpose(d)).breadthFirst(n)))
                    .isEqualTo(
                        ImmutableList.copyOf(
                            Traverser.forGraph(Graphs.transpose(g)).breadthFirst(n)));
                for (int m : g.nodes()) {
                  assertThat(d.hasEdgeConnecting(n, m)).isEqualTo(g.hasEdgeConnecting(n, m));
                  assertThat(d.edgeValues(n, m))
                      .containsExactlyElementsOf(values.get(EndpointPair.ordered(n, m)));
                }
              }
              assertThat(Cycles.of(d)).isEqualTo(Cycles.of(g));
              // first parents by index equal the plain search over Guava's predecessors, from
              // starts taken from the codes (duplicates included)
              List<Integer> starts =
                  codes.stream().limit(6).map(c -> c % N).filter(g.nodes()::contains).toList();
              int[] parents =
                  d.firstParentsBackward(starts.stream().mapToInt(d::indexOf).toArray());
              FirstParentBfs<Integer> reference = FirstParentBfs.run(g::predecessors, starts);
              for (int n : g.nodes()) {
                int i = d.indexOf(n);
                assertThat(parents[i] != IndexedDigraph.UNREACHED).isEqualTo(reference.reached(n));
                if (reference.reached(n)) {
                  List<Integer> path = new ArrayList<>();
                  for (int k = i; k != IndexedDigraph.START; k = parents[k]) {
                    path.add(d.node(k));
                  }
                  assertThat(path).isEqualTo(reference.pathToStart(n));
                }
              }
            });
  }

  @Test
  void distinctNodesBuilder_appendsWithoutHashing_andFindsNodesWithTheCallersIndexer() {
    IndexedDigraph.Builder<String, Integer> b = IndexedDigraph.distinctNodesBuilder(1);
    assertThat(b.appendNode("a")).isZero();
    assertThat(b.appendNode("b")).isEqualTo(1);
    assertThat(b.appendNode("c")).isEqualTo(2);
    b.putEdgeValueAt(0, 1, 5);
    b.putEdgeValueAt(2, 1, 6);
    IndexedDigraph<String, Integer> d =
        b.build(
            o ->
                o instanceof String s && s.length() == 1 && s.charAt(0) >= 'a' && s.charAt(0) <= 'c'
                    ? s.charAt(0) - 'a'
                    : -1);

    assertThat(d.successors("a")).containsExactly("b");
    assertThat(d.predecessors("b")).containsExactly("a", "c");
    assertThat(d.nodes()).containsExactly("a", "b", "c");
    assertThat(d.nodes().contains("z")).isFalse();
    assertThat(d.edgeValues("c", "b")).containsExactly(6);
    assertThat(d.successorsAt(0)).containsExactly(1);
    assertThat(d.predecessorsAt(1)).containsExactly(0, 2);
    assertThat(d.firstParentsBackward(new int[] {1})).containsExactly(1, IndexedDigraph.START, 1);
    assertThat(d.firstParentsBackward(new int[] {0}))
        .containsExactly(IndexedDigraph.START, IndexedDigraph.UNREACHED, IndexedDigraph.UNREACHED);
  }

  @Test
  void builders_refuseTheOtherKindsCalls() {
    IndexedDigraph.Builder<String, Integer> distinct = IndexedDigraph.distinctNodesBuilder(1);
    assertThatThrownBy(() -> distinct.addNode("a")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(distinct::build).isInstanceOf(IllegalStateException.class);
    IndexedDigraph.Builder<String, Integer> hashed = IndexedDigraph.builder(1);
    hashed.addNode("a");
    assertThatThrownBy(() -> hashed.appendNode("a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node added twice: a");
  }
}
