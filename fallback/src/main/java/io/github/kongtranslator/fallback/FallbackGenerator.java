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
 * optionally backfills from the last valid snapshot, and translates the result.
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
  private final Translator translator;
  private final EdgeSet edgeSet;

  private FallbackGenerator(Translator translator, EdgeSet edgeSet) {
    this.translator = Objects.requireNonNull(translator, "translator");
    this.edgeSet = Objects.requireNonNull(edgeSet, "edgeSet");
  }

  /**
   * A generator with the complete edge set ({@link EdgeSet#COMPLETE}, fails closed).
   *
   * @param translator translates the fallback snapshot
   * @return the generator
   */
  public static FallbackGenerator create(Translator translator) {
    return new FallbackGenerator(translator, EdgeSet.COMPLETE);
  }

  /**
   * A generator with a chosen edge set ({@link EdgeSet#KIC} only for differential tests).
   *
   * @param translator translates the fallback snapshot
   * @param edgeSet dependencies to follow
   * @return the generator
   */
  public static FallbackGenerator create(Translator translator, EdgeSet edgeSet) {
    return new FallbackGenerator(translator, edgeSet);
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
