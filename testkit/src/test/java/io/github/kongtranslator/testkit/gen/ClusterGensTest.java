package io.github.kongtranslator.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.DependencyRule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The cluster generator produces loadable manifests covering the kinds and rules it promises. */
class ClusterGensTest {

  @Test
  void manifest_ofManySeeds_loadsAndCoversKindsAndRules() {
    List<Long> seeds = LongStream.range(0, 6000).boxed().toList();
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    Set<DependencyRule> rules = EnumSet.noneOf(DependencyRule.class);
    for (int i = 0; i < seeds.size(); i += 30) {
      // loaded as ClusterGens loads them: admitted without validation (some generated
      // KongUpstreamPolicy and KongCustomEntity objects break their CRD rules; see issue notes)
      CacheStores s =
          CacheStores.of(
              io.github.kongtranslator.core.manifest.Manifests.with(
                      io.github.kongtranslator.core.manifest.ManifestOptions.builder()
                          .validation(false)
                          .build())
                  .readString(ClusterGens.manifest(seeds.subList(i, i + 30), List.of()), "t")
                  .objects());
      s.all().forEach(o -> kinds.add(o.kind()));
      ConfigGraph.of(s).edges().forEach(d -> rules.add(d.rule()));
    }

    assertThat(kinds).hasSizeGreaterThanOrEqualTo(25);
    assertThat(EnumSet.complementOf(EnumSet.copyOf(rules))).isEmpty();
  }
}
