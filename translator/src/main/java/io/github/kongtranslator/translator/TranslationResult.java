package io.github.kongtranslator.translator;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import java.util.List;
import java.util.Objects;

/**
 * The result of one translation: the Kong declarative configuration (DB-less form, as KIC
 * pushes it) and the translation failures. Immutable; never holds nulls.
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
   */
  public KongConfig config() {
    return config;
  }

  /** The failures, without repeats, ordered by blamed objects then reason; empty when every object translated. */
  public ImmutableList<TranslationFailure> failures() {
    return failures;
  }

  /** Whether some object failed to translate. */
  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /** Shows counts only: the configuration may hold credentials and keys. */
  @Override
  public String toString() {
    return "TranslationResult[" + config.sections().size() + " sections, " + failures.size()
        + " failures]";
  }
}
