package io.github.kongtranslator.testkit.fallback;

import static io.github.kongtranslator.testkit.fallback.QtProfiles.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.fallback.graph.EdgeSet;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph invariants G1, G2, G6, G8 of {@code fallback-spec.md} §6.2 over generated snapshots. */
class GraphPropertiesTest {

  @Test
  void g1_nodesAreExactlyTheSnapshotsRefs() {
    qt().forAll(ClusterGens.snapshots()).checkAssert(s ->
        assertThat(ConfigGraph.of(s).nodes()).containsExactlyElementsOf(
            s.all().stream().map(K8sObject::ref).toList()));
  }

  @Test
  void g2_everyEdgeLinksTwoObjectsOfTheSnapshot_neverAnObjectToItself() {
    qt().forAll(ClusterGens.snapshots()).checkAssert(s -> {
      ConfigGraph g = ConfigGraph.of(s);
      for (Dependency d : g.edges()) {
        assertThat(g.nodes()).contains(d.dependent(), d.dependency());
        assertThat(d.dependent()).isNotEqualTo(d.dependency());
        assertThat(g.dependencies(d.dependent())).contains(d.dependency());
        assertThat(g.dependents(d.dependency())).contains(d.dependent());
      }
    });
  }

  @Test
  void g6_buildingNeverFails_andDoesNotDependOnInsertionOrder() {
    qt().forAll(ClusterGens.snapshots()).checkAssert(s -> {
      List<K8sObject> reversed = new ArrayList<>(s.all());
      Collections.reverse(reversed);
      CacheStores same = CacheStores.of(reversed);

      assertThat(ConfigGraph.of(same).edges()).containsExactlyElementsOf(ConfigGraph.of(s).edges());
      assertThat(ConfigGraph.of(s).cycles()).isEmpty();
    });
  }

  @Test
  void g8_kicEdgesAreASubsetOfCompleteEdges() {
    qt().forAll(ClusterGens.snapshots()).checkAssert(s -> {
      List<Dependency> kic = ConfigGraph.of(s, EdgeSet.KIC).edges();

      assertThat(ConfigGraph.of(s, EdgeSet.COMPLETE).edges()).containsAll(kic);
      assertThat(kic).allSatisfy(d -> assertThat(d.rule().inKic()).isTrue());
    });
  }
}
