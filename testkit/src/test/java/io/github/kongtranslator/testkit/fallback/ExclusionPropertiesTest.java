package io.github.kongtranslator.testkit.fallback;

import static io.github.kongtranslator.testkit.fallback.QtProfiles.qt;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Exclusion invariants E1–E10 of {@code fallback-spec.md} §6.3 over generated clusters. */
class ExclusionPropertiesTest {

  private static Set<ObjectRef> refs(CacheStores s) {
    return s.all().stream().map(K8sObject::ref).collect(Collectors.toSet());
  }

  /** Independent model: the fixpoint "add anything that depends on something excluded". */
  private static Set<ObjectRef> naiveExcluded(ConfigGraph g, List<ObjectRef> broken) {
    Set<ObjectRef> out = new HashSet<>();
    for (ObjectRef b : broken) {
      g.findExact(b).ifPresent(out::add);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Dependency d : g.edges()) {
        if (out.contains(d.dependency()) && out.add(d.dependent())) {
          changed = true;
        }
      }
    }
    return out;
  }

  @Test
  void e1_fallbackIsInputMinusEverythingReachableFromBroken() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              ConfigGraph g = ConfigGraph.of(c.current());
              ExclusionResult r = Exclusion.exclude(g, c.broken());
              Set<ObjectRef> expected = new HashSet<>(refs(c.current()));
              expected.removeAll(naiveExcluded(g, c.broken()));

              assertThat(refs(r.fallback())).isEqualTo(expected);
            });
  }

  @Test
  void e2_noDependentOfAnExcludedObjectSurvives_fallbackIsDependencyClosed() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              ConfigGraph g = ConfigGraph.of(c.current());
              ExclusionResult r = Exclusion.exclude(g, c.broken());
              Set<ObjectRef> kept = refs(r.fallback());

              for (ObjectRef o : kept) {
                assertThat(kept).as("dependencies of %s", o).containsAll(g.dependencies(o));
              }
            });
  }

  @Test
  void e3_noBrokenObjectSurvives_unknownRefsHaveNoEffect() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              ExclusionResult r = Exclusion.exclude(c.current(), c.broken());
              Set<ObjectRef> kept = refs(r.fallback());

              assertThat(kept).noneMatch(r.broken()::contains);
              List<ObjectRef> knownOnly =
                  c.broken().stream().filter(b -> !r.unknownBroken().contains(b)).toList();
              assertThat(refs(Exclusion.exclude(c.current(), knownOnly).fallback()))
                  .isEqualTo(kept);
              assertThat(r.unknownBroken())
                  .allSatisfy(u -> assertThat(r.graph().findExact(u)).isEmpty());
            });
  }

  @Test
  void e4_e10_everyExcludedObjectHasAValidPathToABrokenCause() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              ConfigGraph g = ConfigGraph.of(c.current());
              ExclusionResult r = Exclusion.exclude(g, c.broken());

              Set<ObjectRef> kept = refs(r.fallback());
              assertThat(r.excluded().keySet())
                  .isEqualTo(
                      refs(c.current()).stream()
                          .filter(o -> !kept.contains(o))
                          .collect(Collectors.toSet()));
              Map<ObjectRef, Set<ObjectRef>> reach = new HashMap<>();
              for (ExclusionReason reason : r.excluded().values()) {
                assertThat(r.broken()).contains(reason.cause());
                for (Dependency step : reason.path()) {
                  assertThat(g.rules(step.dependent(), step.dependency())).contains(step.rule());
                }
                assertThat(
                        reach.computeIfAbsent(reason.cause(), b -> g.dependentsClosure(List.of(b))))
                    .contains(reason.excluded());
              }
            });
  }

  @Test
  void e5_moreBrokenNeverKeepsMore() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              Set<ObjectRef> fewer = refs(Exclusion.exclude(c.current(), c.broken()).fallback());
              Set<ObjectRef> more = refs(Exclusion.exclude(c.current(), c.allBroken()).fallback());

              assertThat(fewer).containsAll(more);
            });
  }

  @Test
  void e6_excludedSetOfAUnionIsTheUnionOfExcludedSets() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              Set<ObjectRef> union =
                  new HashSet<>(Exclusion.exclude(c.current(), c.broken()).excluded().keySet());
              union.addAll(Exclusion.exclude(c.current(), c.moreBroken()).excluded().keySet());

              assertThat(Exclusion.exclude(c.current(), c.allBroken()).excluded().keySet())
                  .isEqualTo(union);
            });
  }

  @Test
  void e7_orderAndDuplicatesOfBrokenRefsChangeNothing() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              List<ObjectRef> shuffled = new ArrayList<>(c.allBroken());
              shuffled.addAll(c.broken());
              Collections.reverse(shuffled);
              ExclusionResult a = Exclusion.exclude(c.current(), c.allBroken());
              ExclusionResult b = Exclusion.exclude(c.current(), shuffled);

              assertThat(b.excluded().keySet()).containsExactlyElementsOf(a.excluded().keySet());
              assertThat(b.fallback().hash()).isEqualTo(a.fallback().hash());
            });
  }

  @Test
  void e8_emptyBrokenSetChangesNothing() {
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              ExclusionResult r = Exclusion.exclude(s, ImmutableList.of());

              assertThat(r.excludedNothing()).isTrue();
              assertThat(r.fallback().hash()).isEqualTo(s.hash());
            });
  }

  @Test
  void e9_outputIsASubsetOfTheInput_andTheInputIsUnchanged() {
    qt().forAll(ClusterGens.clusters())
        .checkAssert(
            c -> {
              String before = c.current().hash();
              ExclusionResult r = Exclusion.exclude(c.current(), c.allBroken());

              assertThat(c.current().hash()).isEqualTo(before);
              assertThat(c.current().all()).containsAll(r.fallback().all());
            });
  }
}
