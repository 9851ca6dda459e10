package io.github.kongtranslator.testkit.fallback;

import static io.github.kongtranslator.testkit.fallback.QtProfiles.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.fallback.graph.DependencyRule;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Graph invariants G1, G2, G4, G5, G6, G8 of {@code fallback-spec.md} §6.2 over generated
 * snapshots.
 */
class GraphPropertiesTest {

  @Test
  void g1_nodesAreExactlyTheSnapshotsRefs() {
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s ->
                assertThat(ConfigGraph.of(s).nodes())
                    .containsExactlyElementsOf(s.all().stream().map(K8sObject::ref).toList()));
  }

  @Test
  void g2_everyEdgeLinksTwoObjectsOfTheSnapshot_neverAnObjectToItself() {
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
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
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              List<K8sObject> reversed = new ArrayList<>(s.all());
              Collections.reverse(reversed);
              CacheStores same = CacheStores.of(reversed);

              assertThat(ConfigGraph.of(same).edges())
                  .containsExactlyElementsOf(ConfigGraph.of(s).edges());
              assertThat(ConfigGraph.of(s).cycles()).isEmpty();
            });
  }

  @Test
  void g8_kicEdgesAreASubsetOfCompleteEdges() {
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              List<Dependency> kic = KicEdges.graph(s).edges();

              assertThat(ConfigGraph.of(s).edges()).containsAll(kic);
              assertThat(kic).allSatisfy(d -> assertThat(d.rule().inKic()).isTrue());
            });
  }

  @Test
  void g4_localReferencesStayInTheDependentsNamespace() {
    Set<DependencyRule> local =
        EnumSet.of(
            DependencyRule.CONSUMER_CREDENTIAL,
            DependencyRule.UPSTREAM_POLICY,
            DependencyRule.INGRESS_BACKEND,
            DependencyRule.L4_INGRESS_BACKEND,
            DependencyRule.CONSUMER_GROUP,
            DependencyRule.INGRESS_TLS_SECRET,
            DependencyRule.FACADE_BACKEND,
            DependencyRule.DEFAULT_BACKEND);
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              for (Dependency d : ConfigGraph.of(s).edges()) {
                boolean plugin =
                    d.rule() == DependencyRule.PLUGINS_ANNOTATION
                        && d.dependency().kind().equals("KongPlugin");
                boolean pluginSecret =
                    d.rule() == DependencyRule.PLUGIN_CONFIG_SECRET
                        && d.dependent().kind().equals("KongPlugin");
                if (local.contains(d.rule()) || plugin || pluginSecret) {
                  assertThat(d.dependency().namespace())
                      .as("%s", d)
                      .isEqualTo(d.dependent().namespace());
                }
              }
            });
  }

  @Test
  void g5_aClusterPluginIsLinkedOnlyWhenNoKongPluginOfThatNameExistsInTheNamespace() {
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              for (Dependency d : ConfigGraph.of(s).edges()) {
                if (d.rule() == DependencyRule.PLUGINS_ANNOTATION
                    && d.dependency().kind().equals("KongClusterPlugin")) {
                  assertThat(
                          s.get(Kind.KONG_PLUGIN, d.dependent().namespace(), d.dependency().name()))
                      .as("%s", d)
                      .isEmpty();
                }
              }
            });
  }
}
