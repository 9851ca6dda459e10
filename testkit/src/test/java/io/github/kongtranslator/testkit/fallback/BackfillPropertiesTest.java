package io.github.kongtranslator.testkit.fallback;

import static io.github.kongtranslator.testkit.fallback.QtProfiles.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.Backfill;
import io.github.kongtranslator.fallback.backfill.BackfillResult;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Safe-backfill invariants B1, B4–B8 of {@code fallback-spec.md} §6.4 over generated clusters. */
class BackfillPropertiesTest {

  private static Set<ObjectRef> refs(CacheStores s) {
    return s.all().stream().map(K8sObject::ref).collect(Collectors.toSet());
  }

  @Test
  void b1_withoutALastValidSnapshotBackfillIsTheExclusion() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              ExclusionResult ex = Exclusion.exclude(c.current(), c.broken());

              assertThat(Backfill.apply(ex, CacheStores.empty()).snapshot().hash())
                  .isEqualTo(ex.fallback().hash());
            });
  }

  @Test
  void b4_b8_resultLiesBetweenTheExclusionAndTheInput_keptObjectsUntouched() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              ExclusionResult ex = Exclusion.exclude(c.current(), c.broken());
              BackfillResult r = Backfill.apply(ex, c.lastValid());

              assertThat(refs(c.current())).containsAll(refs(r.snapshot()));
              assertThat(r.snapshot().all()).containsAll(ex.fallback().all());
              assertThat(r.restored()).isSubsetOf(ex.excluded().keySet());
              assertThat(r.restored().size() + r.refused().size()).isEqualTo(ex.excluded().size());
            });
  }

  @Test
  void b5_everyRestoredObjectIsItsLastValidVersion() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              BackfillResult r =
                  Backfill.apply(Exclusion.exclude(c.current(), c.broken()), c.lastValid());

              for (ObjectRef x : r.restored()) {
                K8sObject restored = r.snapshot().get(x).orElseThrow();
                assertThat(restored.ref()).isEqualTo(x);
                assertThat(c.lastValid().get(x)).contains(restored);
              }
            });
  }

  @Test
  void b6_resultIsDependencyClosed_andRestoredObjectsSeeTheirLastValidDependencies() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              BackfillResult r =
                  Backfill.apply(Exclusion.exclude(c.current(), c.broken()), c.lastValid());
              ConfigGraph result = ConfigGraph.of(r.snapshot());
              ConfigGraph last = ConfigGraph.of(c.lastValid());

              for (ObjectRef x : r.restored()) {
                assertThat(result.dependencies(x))
                    .as("dependencies of restored %s", x)
                    .containsExactlyInAnyOrderElementsOf(last.dependencies(x));
                for (ObjectRef d : result.dependencies(x)) {
                  assertThat(r.snapshot().get(d)).isEqualTo(c.lastValid().get(d));
                }
              }
            });
  }

  @Test
  void b7_lastValidEqualToTheInputRestoresTheInput() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              BackfillResult r =
                  Backfill.apply(Exclusion.exclude(c.current(), c.broken()), c.current());

              assertThat(r.snapshot().hash()).isEqualTo(c.current().hash());
            });
  }
}
