package io.github.kongtranslator.fallback;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.Backfill;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.translator.Translator;
import java.util.Collection;
import java.util.Objects;

/**
 * Generates fallback configurations: excludes the broken objects and their dependents, optionally
 * backfills from the last valid snapshot, and translates the result, failing closed on its
 * translation failures ({@link FailClosedTranslator}; {@link
 * FallbackResult#translationExcluded()}). The one fallback pipeline: the update loop ({@link
 * io.github.kongtranslator.fallback.sync.ConfigSynchronizer}) and the CLI use it too, the loop step
 * by step ({@link #prepare}, then {@link #translate(FallbackSnapshot)}).
 *
 * <pre>{@code
 * FallbackGenerator generator = FallbackGenerator.create(Translator.create(options));
 * FallbackResult fallback = generator.generate(snapshot, rejection.targetBrokenObjects());
 * if (fallback.isUsable()) {
 *   push(fallback.config().orElseThrow());
 * } else {
 *   push(lastValidConfig);
 * }
 * }</pre>
 *
 * <p>Thread-safe when the translator is.
 */
public final class FallbackGenerator {
  private final FailClosedTranslator translator;

  private FallbackGenerator(FailClosedTranslator translator) {
    this.translator = Objects.requireNonNull(translator, "translator");
  }

  /**
   * A generator that excludes with every dependency ({@link ConfigGraph#of(CacheStores)}, fails
   * closed) and also fails closed on translation failures of the fallback snapshot ({@link
   * TranslationFailurePolicy#FAIL_CLOSED}, {@link FailClosedTranslator}).
   *
   * @param translator translates the fallback snapshot
   * @return the generator
   */
  public static FallbackGenerator create(Translator translator) {
    return create(translator, TranslationFailurePolicy.FAIL_CLOSED);
  }

  /**
   * A generator with a chosen translation failure policy ({@link
   * TranslationFailurePolicy#KIC_COMPATIBLE}: the fallback snapshot is translated as KIC does, with
   * routes whose plugin cannot be translated emitted without it). Exclusion follows every
   * dependency either way.
   *
   * @param translator translates the fallback snapshot
   * @param policy what to do with failing-closed translation failures of the fallback snapshot
   * @return the generator
   */
  public static FallbackGenerator create(Translator translator, TranslationFailurePolicy policy) {
    return of(FailClosedTranslator.create(translator, policy));
  }

  /**
   * A generator that translates with a given fail-closed translator (its translation function and
   * {@link TranslationFailurePolicy}) and excludes with every dependency: the update loop's, which
   * translates the desired and the fallback snapshot alike.
   *
   * @param translator translates the fallback snapshot
   * @return the generator
   */
  public static FallbackGenerator of(FailClosedTranslator translator) {
    return new FallbackGenerator(translator);
  }

  /**
   * The first step without translating: excludes the broken objects and their dependents (no
   * backfill). {@link #generate(CacheStores, Collection)} is this step followed by {@link
   * #translate(FallbackSnapshot)}; callers that report or time the steps apart call them one by
   * one.
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed
   * @return the fallback snapshot; {@link FallbackSnapshot#excludedNothing()} when the broken
   *     objects name nothing of the snapshot
   */
  public FallbackSnapshot prepare(CacheStores snapshot, Collection<ObjectRef> broken) {
    return new FallbackSnapshot(exclude(snapshot, broken), null);
  }

  /**
   * The first step without translating: excludes the broken objects and their dependents, then
   * backfills from the last valid snapshot ({@link Backfill#apply}) unless nothing was excluded.
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed
   * @param lastValid the last snapshot every gateway accepted
   * @return the fallback snapshot; {@link FallbackSnapshot#excludedNothing()} (and not backfilled)
   *     when the broken objects name nothing of the snapshot
   */
  public FallbackSnapshot prepare(
      CacheStores snapshot, Collection<ObjectRef> broken, CacheStores lastValid) {
    ExclusionResult ex = exclude(snapshot, broken);
    return new FallbackSnapshot(ex, ex.excludedNothing() ? null : Backfill.apply(ex, lastValid));
  }

  /**
   * The second step: translates a fallback snapshot, failing closed as this generator's translator
   * does.
   *
   * @param prepared the result of {@link #prepare}
   * @return the result; not usable (nothing translated) when nothing was excluded
   * @throws RuntimeException whatever the translation function throws
   */
  public FallbackResult translate(FallbackSnapshot prepared) {
    if (prepared.excludedNothing()) {
      return new FallbackResult(prepared, null);
    }
    return new FallbackResult(prepared, translator.translate(prepared.snapshot()));
  }

  /**
   * Excludes and translates (no backfill): {@link #prepare(CacheStores, Collection)}, then {@link
   * #translate(FallbackSnapshot)}.
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed
   * @return the result; not usable when nothing was excluded
   */
  public FallbackResult generate(CacheStores snapshot, Collection<ObjectRef> broken) {
    return translate(prepare(snapshot, broken));
  }

  /**
   * Excludes, backfills from the last valid snapshot, and translates: {@link #prepare(CacheStores,
   * Collection, CacheStores)}, then {@link #translate(FallbackSnapshot)}.
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed
   * @param lastValid the last snapshot every gateway accepted
   * @return the result; not usable when nothing was excluded
   */
  public FallbackResult generate(
      CacheStores snapshot, Collection<ObjectRef> broken, CacheStores lastValid) {
    return translate(prepare(snapshot, broken, lastValid));
  }

  private ExclusionResult exclude(CacheStores snapshot, Collection<ObjectRef> broken) {
    return Exclusion.exclude(ConfigGraph.of(snapshot), broken);
  }
}
