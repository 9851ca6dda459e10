package io.github.kongtranslator.fallback;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.BackfillResult;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.translator.TranslationResult;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A generated fallback configuration with its explanation: which objects were excluded and why,
 * which were restored from the last valid snapshot, and the translation of the result. Immutable.
 *
 * <p>{@link #isUsable()} is false when the broken objects named nothing of the snapshot: the
 * "fallback" would be the rejected configuration again, so there is no configuration to push
 * ({@link #translation()} is empty) and the caller should fall back to the last valid configuration
 * ({@code fallback-spec.md} §3.5).
 */
public final class FallbackResult {
  private final FallbackSnapshot prepared;
  private final @Nullable FailClosedResult translation;

  FallbackResult(FallbackSnapshot prepared, @Nullable FailClosedResult translation) {
    this.prepared = prepared;
    this.translation = translation;
  }

  /** {@return whether a fallback configuration was generated (something was excluded)} */
  public boolean isUsable() {
    return translation != null;
  }

  /** {@return the exclusion step} */
  public ExclusionResult exclusion() {
    return prepared.exclusion();
  }

  /** {@return the backfill step, when a last valid snapshot was given} */
  public Optional<BackfillResult> backfill() {
    return prepared.backfill();
  }

  /**
   * The untranslated fallback: exclusion and backfill ({@link FallbackGenerator#prepare}).
   *
   * @return the step before translation
   */
  public FallbackSnapshot prepared() {
    return prepared;
  }

  /**
   * The snapshot that was (or would be) translated: backfilled if backfill ran, else the
   * exclusion's fallback. The configuration leaves out its {@link #translationExcluded()} objects
   * as well.
   *
   * @return the snapshot that was (or would be) translated: backfilled if backfill ran, else the
   *     exclusion's fallback
   */
  public CacheStores snapshot() {
    return prepared.snapshot();
  }

  /**
   * The translation of {@link #snapshot()} without the objects of its failing-closed translation
   * failures ({@link #translationExcluded()}); empty when {@link #isUsable()} is false. Its
   * failures include those of the objects left out.
   *
   * @return the translation of {@link #snapshot()} without the objects of its failing-closed
   *     translation failures ({@link #translationExcluded()}); empty when {@link #isUsable()} is
   *     false
   */
  public Optional<TranslationResult> translation() {
    return Optional.ofNullable(translation).map(FailClosedResult::translation);
  }

  /**
   * The fail-closed translation of {@link #snapshot()}: its configuration, its failures, the
   * objects it left out and the snapshot it translated without them ({@link
   * FailClosedResult#snapshot()}).
   *
   * @return the translation; empty when {@link #isUsable()} is false
   */
  public Optional<FailClosedResult> failClosedTranslation() {
    return Optional.ofNullable(translation);
  }

  /**
   * The objects of {@link #snapshot()} left out of the configuration because their translation
   * failed closed (e.g. a route whose authentication plugin's Secret is missing), with their reason
   * paths, in snapshot order; empty when nothing failed closed, when the generator is {@link
   * TranslationFailurePolicy#KIC_COMPATIBLE} or when {@link #isUsable()} is false. Not part of
   * {@link #excluded()}, which holds what the gateway's rejection excluded.
   *
   * @return the objects of {@link #snapshot()} left out of the configuration because their
   *     translation failed closed (e.g
   */
  public ImmutableMap<ObjectRef, ExclusionReason> translationExcluded() {
    return translation == null ? ImmutableMap.of() : translation.excluded();
  }

  /** {@return the fallback configuration; empty when {@link #isUsable()} is false} */
  public Optional<KongConfig> config() {
    return translation().map(TranslationResult::config);
  }

  /** {@return the broken refs found in the snapshot} */
  public ImmutableSet<ObjectRef> broken() {
    return prepared.broken();
  }

  /** {@return the broken refs that named nothing of the snapshot} */
  public ImmutableSet<ObjectRef> unknownBroken() {
    return prepared.unknownBroken();
  }

  /**
   * {@return every excluded object with its dependency path to a broken object, in snapshot order}
   */
  public ImmutableMap<ObjectRef, ExclusionReason> excluded() {
    return prepared.excluded();
  }

  /**
   * {@return the excluded objects restored from the last valid snapshot (empty without backfill)}
   */
  public ImmutableSet<ObjectRef> backfilled() {
    return prepared.backfilled();
  }

  /** {@code FallbackResult[usable, excluded=n, backfilled=m]}. */
  @Override
  public String toString() {
    return "FallbackResult["
        + (isUsable() ? "usable" : "nothing excluded")
        + ", excluded="
        + excluded().size()
        + ", backfilled="
        + backfilled().size()
        + (translationExcluded().isEmpty()
            ? ""
            : ", left out for translation failures=" + translationExcluded().size())
        + "]";
  }
}
