package io.github.kongtranslator.fallback.exclusion;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import java.util.Optional;

/**
 * The outcome of {@link Exclusion#exclude}: the fallback snapshot and, for every excluded object,
 * why it was excluded. Immutable.
 *
 * <p>When {@link #excludedNothing()} holds, the gateway named nothing this snapshot contains: the
 * fallback snapshot equals the input, its configuration is the rejected one, and callers should not
 * push it but fall back to the last valid configuration ({@code fallback-spec.md} §3.5).
 */
public final class ExclusionResult {
  private final ConfigGraph graph;
  private final ImmutableList<ObjectRef> requested;
  private final ImmutableSet<ObjectRef> broken;
  private final ImmutableSet<ObjectRef> unknown;
  private final ImmutableMap<ObjectRef, ExclusionReason> excluded;
  private final CacheStores fallback;

  ExclusionResult(
      ConfigGraph graph,
      ImmutableList<ObjectRef> requested,
      ImmutableSet<ObjectRef> broken,
      ImmutableSet<ObjectRef> unknown,
      ImmutableMap<ObjectRef, ExclusionReason> excluded,
      CacheStores fallback) {
    this.graph = graph;
    this.requested = requested;
    this.broken = broken;
    this.unknown = unknown;
    this.excluded = excluded;
    this.fallback = fallback;
  }

  /** {@return the input snapshot (unchanged)} */
  public CacheStores snapshot() {
    return graph.snapshot();
  }

  /** {@return the dependency graph of the input snapshot} */
  public ConfigGraph graph() {
    return graph;
  }

  /** {@return the broken refs exactly as given, duplicates and order kept} */
  public ImmutableList<ObjectRef> requestedBroken() {
    return requested;
  }

  /**
   * {@return the broken objects found in the snapshot (full refs, first-given order, no
   * duplicates)}
   */
  public ImmutableSet<ObjectRef> broken() {
    return broken;
  }

  /**
   * The broken refs that name no object of the snapshot (absent, or present with another uid), in
   * first-given order without duplicates. They have no effect on the fallback.
   *
   * @return the broken refs that name no object of the snapshot (absent, or present with another
   *     uid), in first-given order without duplicates
   */
  public ImmutableSet<ObjectRef> unknownBroken() {
    return unknown;
  }

  /**
   * Every excluded object with its reason, in snapshot order (store order, then key order).
   *
   * @return every excluded object with its reason, in snapshot order (store order, then key order)
   */
  public ImmutableMap<ObjectRef, ExclusionReason> excluded() {
    return excluded;
  }

  /**
   * Why an object was excluded.
   *
   * @param ref any ref to the object (version and uid ignored)
   * @return the reason, or empty when the object was kept or is not in the snapshot
   */
  public Optional<ExclusionReason> reason(ObjectRef ref) {
    return graph.find(ref).map(excluded::get);
  }

  /**
   * Whether an object was excluded.
   *
   * @param ref any ref to the object (version and uid ignored)
   * @return whether it is in {@link #excluded()}
   */
  public boolean isExcluded(ObjectRef ref) {
    return reason(ref).isPresent();
  }

  /** {@return the fallback snapshot: the input without the excluded objects} */
  public CacheStores fallback() {
    return fallback;
  }

  /**
   * Whether nothing was excluded (no broken ref named an object of the snapshot), in which case a
   * fallback push would repeat the rejected configuration and must be skipped.
   *
   * @return whether nothing was excluded (no broken ref named an object of the snapshot), in which
   *     case a fallback push would repeat the rejected configuration and must be skipped
   */
  public boolean excludedNothing() {
    return excluded.isEmpty();
  }

  /** {@code ExclusionResult[broken=…, unknown=…, excluded=n of m]}. */
  @Override
  public String toString() {
    return "ExclusionResult[broken="
        + broken
        + ", unknown="
        + unknown
        + ", excluded="
        + excluded.size()
        + " of "
        + graph.size()
        + "]";
  }
}
