package io.github.kongtranslator.fallback;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.BackfillRefusal;
import io.github.kongtranslator.fallback.backfill.BackfillResult;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The first step of a fallback ({@link FallbackGenerator#prepare}): the snapshot without the broken
 * objects and their dependents, backfilled from the last valid snapshot when one was given, not yet
 * translated. {@link FallbackGenerator#translate(FallbackSnapshot)} turns it into a {@link
 * FallbackResult}. Immutable.
 *
 * <p>When the broken objects named nothing of the snapshot ({@link #excludedNothing()}) there is
 * nothing to translate: the fallback would be the rejected configuration again ({@code
 * fallback-spec.md} §3.5), and backfill does not run.
 */
public final class FallbackSnapshot {
  private final ExclusionResult exclusion;
  private final @Nullable BackfillResult backfill;

  FallbackSnapshot(ExclusionResult exclusion, @Nullable BackfillResult backfill) {
    this.exclusion = Objects.requireNonNull(exclusion, "exclusion");
    this.backfill = backfill;
  }

  /**
   * The exclusion step.
   *
   * @return what was excluded and why
   */
  public ExclusionResult exclusion() {
    return exclusion;
  }

  /**
   * The backfill step.
   *
   * @return the backfill, empty when no last valid snapshot was given or nothing was excluded
   */
  public Optional<BackfillResult> backfill() {
    return Optional.ofNullable(backfill);
  }

  /**
   * Whether the broken objects named nothing of the snapshot, so that there is no fallback.
   *
   * @return true when nothing was excluded
   */
  public boolean excludedNothing() {
    return exclusion.excludedNothing();
  }

  /**
   * The snapshot to translate: backfilled if backfill ran, else the exclusion's fallback.
   *
   * @return the fallback snapshot
   */
  public CacheStores snapshot() {
    return backfill != null ? backfill.snapshot() : exclusion.fallback();
  }

  /**
   * The broken refs found in the snapshot.
   *
   * @return full refs
   */
  public ImmutableSet<ObjectRef> broken() {
    return exclusion.broken();
  }

  /**
   * The broken refs that named nothing of the snapshot.
   *
   * @return the refs as given
   */
  public ImmutableSet<ObjectRef> unknownBroken() {
    return exclusion.unknownBroken();
  }

  /**
   * Every excluded object with its dependency path to a broken object, in snapshot order.
   *
   * @return the excluded objects and their reasons
   */
  public ImmutableMap<ObjectRef, ExclusionReason> excluded() {
    return exclusion.excluded();
  }

  /**
   * The excluded objects restored from the last valid snapshot.
   *
   * @return the restored refs; empty without backfill
   */
  public ImmutableSet<ObjectRef> backfilled() {
    return backfill != null ? backfill.restored() : ImmutableSet.of();
  }

  /**
   * The excluded objects backfill refused to restore, with the reason, in exclusion order.
   *
   * @return the refusals; empty without backfill
   */
  public ImmutableMap<ObjectRef, BackfillRefusal> backfillRefusals() {
    return backfill != null ? backfill.refused() : ImmutableMap.of();
  }

  /** {@code FallbackSnapshot[excluded=n, backfilled=m]}; names no data. */
  @Override
  public String toString() {
    return "FallbackSnapshot["
        + (excludedNothing() ? "nothing excluded" : "excluded=" + excluded().size())
        + ", backfilled="
        + backfilled().size()
        + "]";
  }
}
