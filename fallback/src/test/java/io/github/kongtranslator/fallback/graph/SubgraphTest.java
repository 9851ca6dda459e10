package io.github.kongtranslator.fallback.graph;

import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.Fixtures;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigGraph#of(CacheStores, Set)}: the subgraph of some rules is the complete graph's
 * edges of those rules, in the complete graph's order, over the same nodes.
 */
class SubgraphTest {

  static final String ALL =
      ConfigGraphTest.CHAIN
          + "---\n"
          + ConfigGraphTest.DIAMOND.replace("namespace: default", "namespace: d2")
          + "---\n"
          + ConfigGraphTest.CROSS_NAMESPACE;

  @Test
  void subgraph_hasTheCompleteGraphsEdgesOfItsRules_inTheirOrder() {
    for (CacheStores s :
        List.of(snapshot(ALL), CacheStores.of(Fixtures.corpusObjects("fallback-config-kong")))) {
      ConfigGraph complete = ConfigGraph.of(s);

      for (Set<DependencyRule> rules :
          List.of(
              KicEdges.RULES,
              EnumSet.complementOf(EnumSet.copyOf(KicEdges.RULES)),
              EnumSet.of(DependencyRule.PLUGINS_ANNOTATION))) {
        ConfigGraph sub = ConfigGraph.of(s, rules);

        assertThat(sub.nodes()).containsExactlyElementsOf(complete.nodes());
        assertThat(sub.rules()).containsExactlyInAnyOrderElementsOf(rules);
        assertThat(sub.edges())
            .containsExactlyElementsOf(
                complete.edges().stream().filter(d -> rules.contains(d.rule())).toList());
      }
    }
  }

  @Test
  void subgraph_ofSomeRules_missesTheOthers() {
    CacheStores s = snapshot(ALL);

    assertThat(ConfigGraph.of(s).edges())
        .anyMatch(d -> d.rule() == DependencyRule.PLUGINS_ANNOTATION)
        .anyMatch(d -> d.rule() != DependencyRule.PLUGINS_ANNOTATION);
    assertThat(ConfigGraph.of(s, EnumSet.of(DependencyRule.PLUGINS_ANNOTATION)).edges())
        .isNotEmpty()
        .extracting(Dependency::rule)
        .containsOnly(DependencyRule.PLUGINS_ANNOTATION);
  }

  @Test
  void toString_namesTheRules_orAll() {
    CacheStores s = snapshot(ConfigGraphTest.CHAIN);

    assertThat(ConfigGraph.of(s)).hasToString("ConfigGraph[all rules, 4 nodes, 3 edges, 0 cycles]");
    assertThat(ConfigGraph.of(s, EnumSet.allOf(DependencyRule.class)))
        .hasToString("ConfigGraph[all rules, 4 nodes, 3 edges, 0 cycles]");
    assertThat(
            ConfigGraph.of(
                    s, EnumSet.of(DependencyRule.REMOTE_PLUGIN, DependencyRule.PLUGINS_ANNOTATION))
                .toString())
        .startsWith("ConfigGraph[rules P M1, 4 nodes, ");
  }
}
