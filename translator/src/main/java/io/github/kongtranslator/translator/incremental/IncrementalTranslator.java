package io.github.kongtranslator.translator.incremental;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.assembly.KongChecks;
import io.github.kongtranslator.translator.internal.incremental.IncrementalEngine;
import java.util.Objects;

/**
 * A translator that remembers its last translation and, for the next snapshot, translates again
 * only what the changed objects touch. The result is always equal to {@link Translator#translate}
 * of the same snapshot: the same configuration, entity for entity (so the same config SHA), and the
 * same failures.
 *
 * <p>Objects are grouped into units whose output merges (an Ingress with its Services and their
 * EndpointSlices, a KongConsumer with its credential Secrets, ...); each unit is translated with
 * the objects it reads (KongPlugins, KongIngresses, Gateways, ...), and the configuration is the
 * ordered merge of the units' entities. A changed object re-translates its unit and every unit that
 * reads it; a change to IngressClass, IngressClassParameters, GatewayClass, ReferenceGrant,
 * KongVault, BackendTLSPolicy or KongClusterPlugin re-translates everything.
 *
 * <p>Feed it the snapshots of one {@link io.github.kongtranslator.core.cache.ObjectCache}: kinds
 * that did not change share their stores between snapshots, so finding the changes costs time
 * proportional to the changed kinds only. Any snapshot works, though; unrelated snapshots just cost
 * a comparison. Instances are thread-safe (calls are serialised) and hold, for reuse, the entities
 * of the last configuration plus an index of the objects of the last snapshot.
 *
 * <pre>{@code
 * IncrementalTranslator translator = IncrementalTranslator.create(TranslatorOptions.defaults());
 * TranslationResult first = translator.translate(cache.snapshot());   // full
 * cache.upsert(changedSlice);
 * TranslationResult next = translator.translate(cache.snapshot());    // only the touched units
 * }</pre>
 */
public final class IncrementalTranslator {
  private final TranslatorOptions options;
  private final IncrementalEngine engine;

  private IncrementalTranslator(TranslatorOptions options) {
    this.options = options;
    this.engine = new IncrementalEngine(options);
  }

  /**
   * An incremental translator with the given options.
   *
   * @param options the options
   * @return the translator, holding nothing yet
   */
  public static IncrementalTranslator create(TranslatorOptions options) {
    return new IncrementalTranslator(Objects.requireNonNull(options, "options"));
  }

  /** {@return this translator's options} */
  public TranslatorOptions options() {
    return options;
  }

  /**
   * Translates a snapshot, reusing the work done for the previous one.
   *
   * @param snapshot the snapshot
   * @return the configuration and failures, equal to a full translation of {@code snapshot}
   */
  public synchronized TranslationResult translate(CacheStores snapshot) {
    TranslationResult r = engine.translate(Objects.requireNonNull(snapshot, "snapshot"));
    ImmutableList<TranslationFailure> failures =
        KongChecks.withKongFailures(r.config(), r.failures(), options());
    return failures.equals(r.failures()) ? r : new TranslationResult(r.config(), failures);
  }

  /** {@return what the last {@link #translate} call did; all zero before the first} */
  public synchronized IncrementalStats lastStats() {
    IncrementalEngine.Stats s = engine.stats();
    return new IncrementalStats(
        s.objects(),
        s.units(),
        s.unitsTranslated(),
        s.objectsTranslated(),
        s.rebuilt(),
        s.fullTranslation());
  }
}
