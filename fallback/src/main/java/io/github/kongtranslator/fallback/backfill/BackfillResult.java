package io.github.kongtranslator.fallback.backfill;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;

/**
 * The outcome of {@link Backfill#apply}: the fallback snapshot with the restored objects, what was
 * restored, and why the other excluded objects were not. Immutable.
 */
public final class BackfillResult {
  private final ExclusionResult exclusion;
  private final CacheStores snapshot;
  private final ImmutableSet<ObjectRef> restored;
  private final ImmutableMap<ObjectRef, BackfillRefusal> refused;

  BackfillResult(
      ExclusionResult exclusion,
      CacheStores snapshot,
      ImmutableSet<ObjectRef> restored,
      ImmutableMap<ObjectRef, BackfillRefusal> refused) {
    this.exclusion = exclusion;
    this.snapshot = snapshot;
    this.restored = restored;
    this.refused = refused;
  }

  /** {@return the exclusion this backfill started from} */
  public ExclusionResult exclusion() {
    return exclusion;
  }

  /**
   * The backfilled fallback snapshot: {@link ExclusionResult#fallback()} plus the last valid
   * version of every restored object.
   *
   * @return the backfilled fallback snapshot: {@link ExclusionResult#fallback()} plus the last
   *     valid version of every restored object
   */
  public CacheStores snapshot() {
    return snapshot;
  }

  /**
   * The objects replaced by their last valid version, in snapshot order (excluded objects only, for
   * {@link Backfill#apply}).
   *
   * @return the restored objects
   */
  public ImmutableSet<ObjectRef> restored() {
    return restored;
  }

  /** {@return every excluded object that was not restored, with the reason, in snapshot order} */
  public ImmutableMap<ObjectRef, BackfillRefusal> refused() {
    return refused;
  }

  /** {@code BackfillResult[restored=n, refused=m]}. */
  @Override
  public String toString() {
    return "BackfillResult[restored=" + restored.size() + ", refused=" + refused.size() + "]";
  }
}
