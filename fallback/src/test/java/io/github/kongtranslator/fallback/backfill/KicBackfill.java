package io.github.kongtranslator.fallback.backfill;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.KicEdges;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * KIC's backfill ({@code fallback-spec.md} §3.3), quirks included, for differential tests against
 * KIC; {@link Backfill#apply} is the library's safe variant. Test code only.
 */
final class KicBackfill {
  private KicBackfill() {}

  /**
   * For every excluded object {@code a} that the last valid snapshot has with the same ref, every
   * object of {@code reach(a)} in the last valid snapshot's KIC graph ({@link KicEdges}) is
   * upserted by key with its last valid version — which can resurrect deleted objects (Q2), roll
   * back objects that no longer depend on {@code a} (Q3) and replace objects with the same key
   * (Q4).
   *
   * @param exclusion the exclusion of the current snapshot
   * @param lastValid the last snapshot the gateways accepted
   * @return the result; {@link BackfillResult#restored()} may name objects outside the excluded
   *     set, and the excluded objects that were not restored are refused with {@link
   *     BackfillRefusal.Reason#NOT_IN_LAST_VALID}
   */
  static BackfillResult apply(ExclusionResult exclusion, CacheStores lastValid) {
    ConfigGraph last = KicEdges.graph(lastValid);
    Set<ObjectRef> excluded = exclusion.excluded().keySet();
    Set<ObjectRef> restoredRefs = new LinkedHashSet<>();
    for (ObjectRef a : excluded) {
      if (last.findExact(a).isPresent()) {
        restoredRefs.addAll(last.dependentsClosure(List.of(a)));
      }
    }
    if (restoredRefs.isEmpty()) {
      return new BackfillResult(
          exclusion, exclusion.fallback(), ImmutableSet.of(), refusedAll(excluded, Set.of()));
    }
    CacheStores.Builder b = exclusion.fallback().toBuilder();
    ImmutableSet.Builder<ObjectRef> restored = ImmutableSet.builder();
    for (ObjectRef o : last.nodes()) {
      if (restoredRefs.contains(o)) {
        lastValid.get(o).ifPresent(b::put);
        restored.add(o);
      }
    }
    return new BackfillResult(
        exclusion, b.build(), restored.build(), refusedAll(excluded, restoredRefs));
  }

  private static ImmutableMap<ObjectRef, BackfillRefusal> refusedAll(
      Set<ObjectRef> excluded, Set<ObjectRef> restored) {
    ImmutableMap.Builder<ObjectRef, BackfillRefusal> out = ImmutableMap.builder();
    for (ObjectRef a : excluded) {
      if (!restored.contains(a)) {
        out.put(a, new BackfillRefusal(a, BackfillRefusal.Reason.NOT_IN_LAST_VALID, null));
      }
    }
    return out.build();
  }
}
