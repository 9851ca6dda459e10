package io.github.kongtranslator.fallback.backfill;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.fallback.graph.DependencyRule;
import io.github.kongtranslator.fallback.graph.internal.DependencyResolver;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Safe backfill ({@code fallback-spec.md} §3.4): replaces excluded objects by their version from
 * the last valid snapshot {@code L} — the last snapshot every gateway accepted — when the result is
 * a combination the cluster actually had.
 *
 * <p>An excluded object {@code x} is restored only if {@code L} has an object with exactly {@code
 * x}'s ref (same uid and version), its old version's dependencies resolve to the same objects in
 * the result as in {@code L}, each of those is restored too or kept unchanged (equal to its {@code
 * L} version), and restoring it gives no kept object a new dependency. The restored set is the
 * greatest set with these properties (violators are removed until none is left). Nothing outside
 * the excluded set is added or replaced, and nothing absent from the current snapshot is
 * resurrected; the result is dependency-closed.
 *
 * <pre>{@code
 * ExclusionResult excluded = Exclusion.exclude(snapshot, broken);
 * BackfillResult filled = Backfill.apply(excluded, lastValidSnapshot);
 * translate(filled.snapshot());
 * filled.refused().values().forEach(r -> log.info("{}", r));
 * }</pre>
 *
 * <p>Dependencies are resolved with the rules of the exclusion's graph ({@link
 * ConfigGraph#rules()}), in the last valid snapshot and in the result alike.
 */
public final class Backfill {
  private Backfill() {}

  /**
   * Backfills an exclusion from the last valid snapshot.
   *
   * @param exclusion the exclusion of the current snapshot
   * @param lastValid the last snapshot the gateways accepted
   * @return the result; with nothing restorable its snapshot is the exclusion's fallback
   */
  public static BackfillResult apply(ExclusionResult exclusion, CacheStores lastValid) {
    CacheStores fallback = exclusion.fallback();
    Set<DependencyRule> rules = exclusion.graph().rules();
    Set<ObjectRef> excluded = exclusion.excluded().keySet();
    Map<ObjectRef, BackfillRefusal> refused = new LinkedHashMap<>();
    Map<ObjectRef, K8sObject> candidates = new LinkedHashMap<>();
    for (ObjectRef a : excluded) {
      Optional<K8sObject> old = lastValid.get(a).filter(o -> o.ref().equals(a));
      if (old.isPresent()) {
        candidates.put(a, old.get());
      } else {
        refused.put(a, new BackfillRefusal(a, BackfillRefusal.Reason.NOT_IN_LAST_VALID, null));
      }
    }
    DependencyResolver inLastValid = DependencyResolver.of(lastValid);
    Map<ObjectRef, Set<ObjectRef>> oldDependencies = new LinkedHashMap<>();
    candidates.forEach((ref, old) -> oldDependencies.put(ref, targets(inLastValid, old, rules)));

    CacheStores result = fallback;
    while (!candidates.isEmpty()) {
      CacheStores.Builder b = fallback.toBuilder();
      candidates.values().forEach(b::put);
      result = b.build();
      ConfigGraph graph = ConfigGraph.of(result, rules);
      Map<ObjectRef, BackfillRefusal> violators = new LinkedHashMap<>();
      for (Map.Entry<ObjectRef, K8sObject> c : candidates.entrySet()) {
        BackfillRefusal v =
            check(
                c.getKey(),
                Objects.requireNonNull(
                    oldDependencies.get(c.getKey()),
                    "every candidate's old dependencies are computed"),
                graph,
                candidates,
                excluded,
                fallback,
                lastValid);
        if (v != null) {
          violators.put(c.getKey(), v);
        }
      }
      if (violators.isEmpty()) {
        break;
      }
      violators.keySet().forEach(candidates::remove);
      refused.putAll(violators);
      result = fallback;
    }
    ImmutableMap.Builder<ObjectRef, BackfillRefusal> refusedInOrder = ImmutableMap.builder();
    ImmutableSet.Builder<ObjectRef> restored = ImmutableSet.builder();
    for (ObjectRef a : excluded) {
      if (candidates.containsKey(a)) {
        restored.add(a);
      } else {
        refusedInOrder.put(
            a,
            Objects.requireNonNull(refused.get(a), "an excluded object not restored is refused"));
      }
    }
    return new BackfillResult(exclusion, result, restored.build(), refusedInOrder.build());
  }

  private static Set<ObjectRef> targets(
      DependencyResolver resolver, K8sObject object, Set<DependencyRule> rules) {
    Set<ObjectRef> out = new LinkedHashSet<>();
    for (Dependency d : resolver.resolve(object)) {
      if (rules.contains(d.rule())) {
        out.add(d.dependency());
      }
    }
    return out;
  }

  private static @Nullable BackfillRefusal check(
      ObjectRef x,
      Set<ObjectRef> oldDeps,
      ConfigGraph graph,
      Map<ObjectRef, K8sObject> candidates,
      Set<ObjectRef> excluded,
      CacheStores fallback,
      CacheStores lastValid) {
    for (ObjectRef d : oldDeps) {
      if (candidates.containsKey(d)) {
        continue;
      }
      Optional<K8sObject> kept = fallback.get(d).filter(o -> o.ref().equals(d));
      if (excluded.contains(d) || kept.isEmpty()) {
        return new BackfillRefusal(x, BackfillRefusal.Reason.DEPENDENCY_NOT_RESTORED, d);
      }
      if (!kept.equals(lastValid.get(d))) {
        return new BackfillRefusal(x, BackfillRefusal.Reason.DEPENDENCY_DIFFERS, d);
      }
    }
    Set<ObjectRef> newDeps = graph.dependencies(x);
    for (ObjectRef d : oldDeps) {
      if (!newDeps.contains(d)) {
        return new BackfillRefusal(x, BackfillRefusal.Reason.DEPENDENCIES_CHANGED, d);
      }
    }
    for (ObjectRef d : newDeps) {
      if (!oldDeps.contains(d)) {
        return new BackfillRefusal(x, BackfillRefusal.Reason.DEPENDENCIES_CHANGED, d);
      }
    }
    for (ObjectRef dependent : graph.dependents(x)) {
      if (!candidates.containsKey(dependent)) {
        return new BackfillRefusal(x, BackfillRefusal.Reason.WOULD_CHANGE_DEPENDENT, dependent);
      }
    }
    return null;
  }
}
