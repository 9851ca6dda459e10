package io.github.kongtranslator.fallback;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.Backfill;
import io.github.kongtranslator.fallback.backfill.BackfillResult;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.EdgeSet;
import io.github.kongtranslator.translator.Translator;
import java.util.Collection;
import java.util.Objects;

/**
 * Generates fallback configurations: excludes the broken objects and their dependents,
 * optionally backfills from the last valid snapshot, and translates the result, failing closed
 * on its translation failures ({@link FailClosedTranslator}; {@link
 * FallbackResult#translationExcluded()}).
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
  private final EdgeSet edgeSet;
  private final FailClosedTranslator translator;

  private FallbackGenerator(Translator translator, EdgeSet edgeSet, TranslationFailurePolicy policy) {
    Objects.requireNonNull(translator, "translator");
    this.edgeSet = Objects.requireNonNull(edgeSet, "edgeSet");
    this.translator = FailClosedTranslator.of(translator::translate, edgeSet, policy);
  }

  /**
   * A generator with the complete edge set ({@link EdgeSet#COMPLETE}, fails closed) that also
   * fails closed on translation failures of the fallback snapshot ({@link
   * TranslationFailurePolicy#FAIL_CLOSED}, {@link FailClosedTranslator}).
   *
   * @param translator translates the fallback snapshot
   * @return the generator
   */
  public static FallbackGenerator create(Translator translator) {
    return new FallbackGenerator(translator, EdgeSet.COMPLETE, TranslationFailurePolicy.FAIL_CLOSED);
  }

  /**
   * A generator with a chosen edge set ({@link EdgeSet#KIC} only for differential tests).
   *
   * @param translator translates the fallback snapshot
   * @param edgeSet dependencies to follow
   * @return the generator
   */
  public static FallbackGenerator create(Translator translator, EdgeSet edgeSet) {
    return new FallbackGenerator(translator, edgeSet, TranslationFailurePolicy.FAIL_CLOSED);
  }

  /**
   * A generator with a chosen edge set and translation failure policy ({@link
   * TranslationFailurePolicy#KIC_COMPATIBLE}: the fallback snapshot is translated as KIC does,
   * with routes whose plugin cannot be translated emitted without it).
   *
   * @param translator translates the fallback snapshot
   * @param edgeSet dependencies to follow
   * @param policy what to do with failing-closed translation failures of the fallback snapshot
   * @return the generator
   */
  public static FallbackGenerator create(Translator translator, EdgeSet edgeSet,
      TranslationFailurePolicy policy) {
    return new FallbackGenerator(translator, edgeSet, policy);
  }

  /**
   * Excludes and translates (no backfill).
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed
   * @return the result; not usable when nothing was excluded
   */
  public FallbackResult generate(CacheStores snapshot, Collection<ObjectRef> broken) {
    ExclusionResult ex = Exclusion.exclude(ConfigGraph.of(snapshot, edgeSet), broken);
    if (ex.excludedNothing()) {
      return new FallbackResult(ex, null, null);
    }
    return new FallbackResult(ex, null, translator.translate(ex.fallback()));
  }

  /**
   * Excludes, backfills from the last valid snapshot, and translates.
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed
   * @param lastValid the last snapshot every gateway accepted
   * @return the result; not usable when nothing was excluded
   */
  public FallbackResult generate(CacheStores snapshot, Collection<ObjectRef> broken,
      CacheStores lastValid) {
    ExclusionResult ex = Exclusion.exclude(ConfigGraph.of(snapshot, edgeSet), broken);
    if (ex.excludedNothing()) {
      return new FallbackResult(ex, null, null);
    }
    BackfillResult filled = Backfill.apply(ex, lastValid);
    return new FallbackResult(ex, filled, translator.translate(filled.snapshot()));
  }
}
