package io.github.kongtranslator.fallback.graph.internal;

import static io.github.kongtranslator.fallback.graph.internal.GraphShapes.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.graph.ElementOrder;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.MutableGraph;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.Fixtures;
import org.junit.jupiter.api.Test;

/** Cycle search over the shape catalogue. */
class CyclesTest {

  @Test
  void acyclicShapes_haveNoCycles() {
    assertThat(Cycles.of(EMPTY)).isEmpty();
    assertThat(Cycles.of(SINGLE)).isEmpty();
    assertThat(Cycles.of(CHAIN)).isEmpty();
    assertThat(Cycles.of(DIAMOND)).isEmpty();
    assertThat(Cycles.of(MULTIPLE_ROOTS)).isEmpty();
    assertThat(Cycles.of(CROSS_NAMESPACE)).isEmpty();
  }

  @Test
  void twoNodeCycle_isOneCycle_inNodeOrder() {
    assertThat(Cycles.of(TWO_NODE_CYCLE)).containsExactly(ImmutableList.of(SERVICE, PLUGIN));
  }

  @Test
  void cycleInSubtree_reportsOnlyTheCycle() {
    assertThat(Cycles.of(CYCLE_IN_SUBTREE)).containsExactly(ImmutableList.of(SERVICE, FACADE));
  }

  @Test
  void twoDisjointCycles_areReportedSeparately_inNodeOrder() {
    ObjectRef a = Fixtures.parse("Service default/a");
    ObjectRef b = Fixtures.parse("Service default/b");
    ObjectRef c = Fixtures.parse("Service default/c");
    ImmutableGraph<ObjectRef> g =
        GraphBuilder.directed()
            .nodeOrder(ElementOrder.insertion())
            .<ObjectRef>immutable()
            .putEdge(c, a)
            .putEdge(a, c)
            .putEdge(SERVICE, PLUGIN)
            .putEdge(PLUGIN, b)
            .putEdge(b, SERVICE)
            .build();

    assertThat(Cycles.of(g))
        .containsExactly(ImmutableList.of(c, a), ImmutableList.of(SERVICE, PLUGIN, b));
  }

  @Test
  void longChainWithBackEdge_doesNotOverflowTheStack() {
    MutableGraph<Integer> g = GraphBuilder.directed().nodeOrder(ElementOrder.insertion()).build();
    int n = 50_000;
    for (int i = 0; i < n - 1; i++) {
      g.putEdge(i, i + 1);
    }
    g.putEdge(n - 1, 0);

    assertThat(Cycles.of(g)).singleElement().satisfies(c -> assertThat(c).hasSize(n));
  }
}
