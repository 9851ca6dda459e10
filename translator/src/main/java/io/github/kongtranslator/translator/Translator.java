package io.github.kongtranslator.translator;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.translator.internal.assembly.KongChecks;
import io.github.kongtranslator.translator.internal.assembly.TranslationRun;
import java.util.Objects;

/**
 * Translates an immutable snapshot of Kubernetes objects into Kong declarative configuration, as
 * Kong's Kubernetes Ingress Controller does, plus per-object translation failures.
 *
 * <p>A translator is stateless and thread-safe: one instance may translate many snapshots
 * concurrently. Translation never throws for bad input; each problem becomes a {@link
 * TranslationFailure} and the remaining objects are still translated. Unless {@link
 * TranslatorOptions#kongValidation()} is off, the configuration is also checked against Kong's own
 * schema rules, and each entity Kong would reject becomes a failure with effect {@link
 * TranslationFailure.Effect#KONG_INVALID} naming the object, the entity and Kong's rule.
 *
 * <pre>{@code
 * Translator translator = Translator.create(TranslatorOptions.defaults());
 * TranslationResult result = translator.translate(CacheStores.of(objects));
 * KongConfig config = result.config();
 * result.failures().forEach(f -> log.warn("{}", f));
 * }</pre>
 */
public final class Translator {
  private final TranslatorOptions options;

  private Translator(TranslatorOptions options) {
    this.options = options;
  }

  /**
   * A translator with the given options.
   *
   * @param options the options
   * @return the translator
   */
  public static Translator create(TranslatorOptions options) {
    return new Translator(Objects.requireNonNull(options, "options"));
  }

  /** {@return this translator's options} */
  public TranslatorOptions options() {
    return options;
  }

  /**
   * Translates a snapshot, as KIC does: an object whose plugin (or credential, or consumer group)
   * cannot be translated is still emitted without it, with an {@link
   * TranslationFailure.Effect#UNPROTECTED} failure ({@link TranslationResult#hasUnprotected()}).
   * Serve the result of the fallback module's {@code FailClosedTranslator} instead, which leaves
   * such objects and their dependents out.
   *
   * @param stores the snapshot
   * @return the configuration and the failures
   */
  public TranslationResult translate(CacheStores stores) {
    TranslationRun.Output out = TranslationRun.run(stores, options);
    return new TranslationResult(
        out.config(), KongChecks.withKongFailures(out.config(), out.failures(), options));
  }
}
