package io.github.kongtranslator.fallback.sync.internal;

import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal safe backfill (fallback-spec §3.4) used by the loop until the {@code backfill}
 * package offers one: restores an excluded object from the last valid snapshot only when its
 * exact ref is in both snapshots and every dependency it had there is either restored too or
 * kept unchanged in the fallback. Never adds an object absent from the current snapshot and
 * never touches an object that was not excluded.
 */
public final class SafeBackfill {
  private SafeBackfill() {}

  /**
   * The result of a backfill.
   *
   * @param snapshot the backfilled fallback snapshot
   * @param restored the restored objects
   */
  public record Result(CacheStores snapshot, ImmutableSet<ObjectRef> restored) {}

  /**
   * Backfills an exclusion.
   *
   * @param exclusion the exclusion of the current snapshot
   * @param lastValid the last valid snapshot
   * @return the backfilled snapshot and the restored objects
   */
  public static Result backfill(ExclusionResult exclusion, CacheStores lastValid) {
    Set<ObjectRef> affected = exclusion.excluded().keySet();
    CacheStores f0 = exclusion.fallback();
    ConfigGraph gl = ConfigGraph.of(lastValid);
    Set<ObjectRef> keep = new LinkedHashSet<>();
    for (ObjectRef a : affected) {
      Optional<K8sObject> old = lastValid.get(a);
      if (old.isPresent() && old.get().ref().equals(a) && gl.contains(a)) {
        keep.add(a);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ObjectRef x : Set.copyOf(keep)) {
        for (ObjectRef d : gl.dependencies(x)) {
          boolean ok = keep.contains(d)
              || (!affected.contains(d) && sameIn(f0, lastValid, d));
          if (!ok) {
            keep.remove(x);
            changed = true;
            break;
          }
        }
      }
    }
    if (keep.isEmpty()) {
      return new Result(f0, ImmutableSet.of());
    }
    CacheStores.Builder b = f0.toBuilder();
    ImmutableSet.Builder<ObjectRef> restored = ImmutableSet.builder();
    for (K8sObject o : lastValid.all()) {
      if (keep.contains(o.ref())) {
        b.put(o);
        restored.add(o.ref());
      }
    }
    return new Result(b.build(), restored.build());
  }

  private static boolean sameIn(CacheStores current, CacheStores last, ObjectRef d) {
    Optional<K8sObject> now = current.get(d);
    Optional<K8sObject> then = last.get(d);
    return now.isPresent() && then.isPresent() && now.get().equals(then.get());
  }
}
