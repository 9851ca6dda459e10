package io.github.kongtranslator.fallback.graph.internal;

import static io.github.kongtranslator.fallback.graph.internal.GraphShapes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.graph.Graph;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First-parent BFS over the dependents of a start set (the direction exclusion walks). */
class FirstParentBfsTest {

  private static FirstParentBfs<ObjectRef> dependentsOf(Graph<ObjectRef> g, ObjectRef... starts) {
    return FirstParentBfs.run(
        n -> g.nodes().contains(n) ? g.predecessors(n) : List.of(), List.of(starts));
  }

  @Test
  void empty_noStart_reachesNothing() {
    assertThat(FirstParentBfs.run(EMPTY::predecessors, List.of()).reached()).isEmpty();
  }

  @Test
  void single_startReachesOnlyItself_withTrivialPath() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(SINGLE, SERVICE);

    assertThat(bfs.reached()).containsExactly(SERVICE);
    assertThat(bfs.pathToStart(SERVICE)).containsExactly(SERVICE);
  }

  @Test
  void chain_brokenSecret_reachesEveryDependent_withPathsBackToIt() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CHAIN, SECRET);

    assertThat(bfs.reached()).containsExactly(SECRET, PLUGIN, SERVICE, INGRESS);
    assertThat(bfs.pathToStart(INGRESS)).containsExactly(INGRESS, SERVICE, PLUGIN, SECRET);
  }

  @Test
  void chain_brokenMiddle_neverReachesDependencies() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CHAIN, SERVICE);

    assertThat(bfs.reached()).containsExactly(SERVICE, INGRESS);
    assertThat(bfs.reached(PLUGIN)).isFalse();
  }

  @Test
  void diamond_visitsSharedDependentOnce_firstParentIsFirstSuccessor() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(DIAMOND, PLUGIN);

    assertThat(bfs.reached()).containsExactly(PLUGIN, SERVICE, FACADE, INGRESS);
    assertThat(bfs.pathToStart(INGRESS)).containsExactly(INGRESS, SERVICE, PLUGIN);
  }

  @Test
  void multipleRoots_sharedDependencyReachesBothRoots_notTheIsolatedNode() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(MULTIPLE_ROOTS, SERVICE);

    assertThat(bfs.reached()).containsExactlyInAnyOrder(SERVICE, INGRESS, ROUTE);
    assertThat(bfs.reached(SECRET)).isFalse();
  }

  @Test
  void multipleStarts_pathGoesToNearestStart_tiesToEarlierStart() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CHAIN, SECRET, SERVICE);

    assertThat(bfs.pathToStart(INGRESS)).containsExactly(INGRESS, SERVICE);
    assertThat(bfs.pathToStart(PLUGIN)).containsExactly(PLUGIN, SECRET);
    assertThat(dependentsOf(DIAMOND, SERVICE, FACADE).pathToStart(INGRESS))
        .containsExactly(INGRESS, SERVICE);
    assertThat(dependentsOf(DIAMOND, FACADE, SERVICE).pathToStart(INGRESS))
        .containsExactly(INGRESS, FACADE);
  }

  @Test
  void duplicateStarts_areIgnored() {
    assertThat(dependentsOf(CHAIN, SERVICE, SERVICE, SERVICE).reached())
        .containsExactly(SERVICE, INGRESS);
  }

  @Test
  void twoNodeCycle_terminates_andReachesBoth() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(TWO_NODE_CYCLE, PLUGIN);

    assertThat(bfs.reached()).containsExactly(PLUGIN, SERVICE);
    assertThat(bfs.pathToStart(SERVICE)).containsExactly(SERVICE, PLUGIN);
  }

  @Test
  void cycleInSubtree_brokenBelowCycle_reachesWholeCycleAndRoot() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CYCLE_IN_SUBTREE, SECRET);

    assertThat(bfs.reached()).containsExactly(SECRET, PLUGIN, FACADE, SERVICE, INGRESS);
    assertThat(bfs.pathToStart(INGRESS)).containsExactly(INGRESS, SERVICE, FACADE, PLUGIN, SECRET);
  }

  @Test
  void cycleInSubtree_brokenInsideCycle_reachesCycleAndRoot_notBelow() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CYCLE_IN_SUBTREE, SERVICE);

    assertThat(bfs.reached()).containsExactly(SERVICE, INGRESS, FACADE);
    assertThat(bfs.reached(PLUGIN)).isFalse();
  }

  @Test
  void danglingStart_notInGraph_reachesOnlyItself() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CHAIN, ABSENT);

    assertThat(bfs.reached()).containsExactly(ABSENT);
  }

  @Test
  void crossNamespace_reachesOnlyDependentsOfThatNamespacesPlugin() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CROSS_NAMESPACE, OTHER_PLUGIN);

    assertThat(bfs.reached()).containsExactly(OTHER_PLUGIN, ROUTE, OTHER_ROUTE);
    assertThat(dependentsOf(CROSS_NAMESPACE, PLUGIN).reached()).containsExactly(PLUGIN);
  }

  @Test
  void pathToStart_unreachedNode_isRejected() {
    FirstParentBfs<ObjectRef> bfs = dependentsOf(CHAIN, SERVICE);

    assertThatThrownBy(() -> bfs.pathToStart(SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Secret default/s");
  }
}
