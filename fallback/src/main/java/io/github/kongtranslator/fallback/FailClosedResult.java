package io.github.kongtranslator.fallback;

import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link FailClosedTranslator#translate}: the configuration to serve, every
 * translation failure, and the objects left out because of failures that fail closed, each with its
 * reason path. Immutable.
 */
public final class FailClosedResult {
  private final CacheStores snapshot;
  private final TranslationResult initial;
  private final TranslationResult translation;
  private final @Nullable ExclusionResult exclusion;

  FailClosedResult(
      CacheStores snapshot,
      TranslationResult initial,
      TranslationResult translation,
      @Nullable ExclusionResult exclusion) {
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.initial = Objects.requireNonNull(initial, "initial");
    this.translation = Objects.requireNonNull(translation, "translation");
    this.exclusion = exclusion;
  }

  /** {@return the snapshot given to the translator} */
  public CacheStores input() {
    return snapshot;
  }

  /**
   * The snapshot whose translation is {@link #config()}: the input without the {@link #excluded()}
   * objects.
   *
   * @return the snapshot whose translation is {@link #config()}: the input without the {@link
   *     #excluded()} objects
   */
  public CacheStores snapshot() {
    return exclusion == null || exclusion.excludedNothing() ? snapshot : exclusion.fallback();
  }

  /**
   * The configuration to serve: the translation of {@link #snapshot()}, in which no object lacks a
   * protection it asks for (with {@link TranslationFailurePolicy#FAIL_CLOSED}).
   *
   * @return the configuration to serve: the translation of {@link #snapshot()}, in which no object
   *     lacks a protection it asks for (with {@link TranslationFailurePolicy#FAIL_CLOSED})
   */
  public KongConfig config() {
    return translation.config();
  }

  /**
   * The translation of {@link #snapshot()}, whose failures are those of every translation done: the
   * input's (including the failures that excluded objects) and what was translated again, without
   * repeats, in canonical order.
   *
   * @return the translation of {@link #snapshot()}, whose failures are those of every translation
   *     done: the input's (including the failures that excluded objects) and what was translated
   *     again, without repeats, in canonical order
   */
  public TranslationResult translation() {
    return translation;
  }

  /**
   * The failures of every translation done, without repeats, ordered by blamed objects then reason.
   *
   * @return the failures of every translation done, without repeats, ordered by blamed objects then
   *     reason
   */
  public com.google.common.collect.ImmutableList<TranslationFailure> failures() {
    return translation.failures();
  }

  /**
   * The plain translation of the input: KIC's result, which still holds the entities of the
   * excluded objects (without the protection they ask for). For diagnostics and comparisons; never
   * serve it.
   *
   * @return the plain translation of the input: KIC's result, which still holds the entities of the
   *     excluded objects (without the protection they ask for)
   */
  public TranslationResult unfiltered() {
    return initial;
  }

  /**
   * Every object left out because of a failing-closed failure, with the dependency path to the
   * object a failure blamed and the failures that blamed it ({@link ExclusionReason#failures()}),
   * in snapshot order. Empty when nothing failed closed (always with {@link
   * TranslationFailurePolicy#KIC_COMPATIBLE}).
   *
   * @return every object left out because of a failing-closed failure, with the dependency path to
   *     the object a failure blamed and the failures that blamed it ({@link
   *     ExclusionReason#failures()}), in snapshot order
   */
  public ImmutableMap<ObjectRef, ExclusionReason> excluded() {
    return exclusion == null ? ImmutableMap.of() : exclusion.excluded();
  }

  /**
   * {@return whether some object was left out: the configuration is not everything the snapshot
   * asks for}
   */
  public boolean excludedSomething() {
    return !excluded().isEmpty();
  }

  /** {@return the exclusion step, when a failing-closed failure was found} */
  public Optional<ExclusionResult> exclusion() {
    return Optional.ofNullable(exclusion);
  }

  /** {@code FailClosedResult[excluded=n, failures=m]}; names no data. */
  @Override
  public String toString() {
    return "FailClosedResult[excluded="
        + excluded().size()
        + ", failures="
        + failures().size()
        + "]";
  }
}
