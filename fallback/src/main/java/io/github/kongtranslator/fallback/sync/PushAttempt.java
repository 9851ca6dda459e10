package io.github.kongtranslator.fallback.sync;

import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.time.Duration;
import java.util.Objects;

/**
 * One push of a configuration to one gateway during a tick, sent or skipped.
 *
 * @param kind which configuration was pushed
 * @param sha its SHA
 * @param sent whether a request was made; false when the push was skipped because the gateway was
 *     known to run this SHA (then {@code outcome} is accepted)
 * @param outcome the classified outcome
 * @param duration the time the push took (zero when skipped)
 */
public record PushAttempt(
    PushKind kind, ConfigSha sha, boolean sent, PushOutcome outcome, Duration duration) {
  /**
   * Validates the components.
   *
   * @param kind which configuration was pushed
   * @param sha its SHA
   * @param sent whether a request was made; false when the push was skipped because the gateway was
   *     known to run this SHA (then {@code outcome} is accepted)
   * @param outcome the classified outcome
   * @param duration the time the push took (zero when skipped)
   */
  public PushAttempt {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sha, "sha");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
    if (!sent && !outcome.isAccepted()) {
      throw new IllegalArgumentException(
          "a skipped push is an accepted one, not " + outcome.kind());
    }
  }
}
