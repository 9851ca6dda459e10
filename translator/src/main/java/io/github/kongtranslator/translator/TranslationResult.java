package io.github.kongtranslator.translator;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import java.util.List;
import java.util.Objects;

/**
 * The result of one translation: the Kong declarative configuration (DB-less form, as KIC pushes
 * it) and the translation failures. Immutable; never holds nulls.
 *
 * <p><b>This configuration does not fail closed.</b> Like KIC, it still holds the entities of
 * objects whose protection could not be translated: a route whose authentication plugin is missing
 * or invalid is in {@link #config()} without that plugin. Such failures have the effect {@link
 * TranslationFailure.Effect#UNPROTECTED} ({@link #hasUnprotected()}). To leave those objects and
 * everything that depends on them out, translate with the fallback module's {@code
 * FailClosedTranslator} (used by default by {@code ConfigSynchronizer}, {@code FallbackGenerator}
 * and the CLI).
 */
public final class TranslationResult {
  private final KongConfig config;
  private final ImmutableList<TranslationFailure> failures;

  /**
   * A result.
   *
   * @param config the configuration
   * @param failures the failures (the translator gives them without repeats, ordered by blamed
   *     objects, then reason)
   */
  public TranslationResult(KongConfig config, List<TranslationFailure> failures) {
    this.config = Objects.requireNonNull(config, "config");
    this.failures = ImmutableList.copyOf(failures);
  }

  /**
   * The configuration. Every list is in KIC's output order (translator-spec §15.2); an empty
   * translation yields the stub upstream {@code kong}.
   *
   * @return the configuration
   */
  public KongConfig config() {
    return config;
  }

  /**
   * {@return the failures, without repeats, ordered by blamed objects then reason; empty when every
   * object translated}
   */
  public ImmutableList<TranslationFailure> failures() {
    return failures;
  }

  /** {@return whether some object failed to translate} */
  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /**
   * Whether some object's entities are in {@link #config()} without a protection they ask for (a
   * failure with effect {@link TranslationFailure.Effect#UNPROTECTED}): do not serve this
   * configuration as is; fail closed instead.
   *
   * @return whether some object's entities are in {@link #config()} without a protection they ask
   *     for (a failure with effect {@link TranslationFailure.Effect#UNPROTECTED}): do not serve
   *     this configuration as is; fail closed instead
   */
  public boolean hasUnprotected() {
    return failures.stream().anyMatch(f -> f.effect() == TranslationFailure.Effect.UNPROTECTED);
  }

  /**
   * The failures whose blamed objects must be left out to fail closed ({@link
   * TranslationFailure#failsClosed()}), in {@link #failures()} order.
   *
   * @return the failures whose blamed objects must be left out to fail closed ({@link
   *     TranslationFailure#failsClosed()}), in {@link #failures()} order
   */
  public ImmutableList<TranslationFailure> failClosedFailures() {
    return failures.stream()
        .filter(TranslationFailure::failsClosed)
        .collect(ImmutableList.toImmutableList());
  }

  /** Shows counts only: the configuration may hold credentials and keys. */
  @Override
  public String toString() {
    return "TranslationResult["
        + config.sections().size()
        + " sections, "
        + failures.size()
        + " failures]";
  }
}
