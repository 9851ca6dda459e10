package io.github.kongtranslator.fallback.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link KongAdminClient} retries a request that failed for a reason that says nothing about
 * the entity sent: HTTP 429 (rate limited), any 5xx, a refused or reset connection, a timeout. Such
 * failures are never blamed on an object; when the attempts run out the push is {@code TRANSIENT}
 * (nothing was written yet) or {@code INDETERMINATE} (something was), so the gateway's state
 * becomes {@code UNKNOWN} and no object is excluded.
 *
 * <p>The {@code n}-th retry waits {@code min(maxBackoff, initialBackoff * 2^(n-1))} through the
 * {@link Sleeper}, which tests replace so that they never sleep.
 *
 * @param maxAttempts attempts per request, at least 1 (1 = no retry)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two attempts
 * @param sleeper how to wait
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {

  /** Waits; {@link Thread#sleep(long)} outside tests. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits for a while.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted (the request is then not retried)
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real sleeper.
     *
     * @return a sleeper that calls {@link Thread#sleep(long)}
     */
    static Sleeper system() {
      return d -> Thread.sleep(d.toMillis());
    }
  }

  /**
   * Validates the values.
   *
   * @param maxAttempts attempts per request, at least 1 (1 = no retry)
   * @param initialBackoff the wait before the first retry
   * @param maxBackoff the longest wait between two attempts
   * @param sleeper how to wait
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(sleeper, "sleeper");
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative");
    }
  }

  /**
   * The default: 4 attempts, waiting 200 ms, 400 ms and 800 ms (at most 5 s), with the real
   * sleeper.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Sleeper.system());
  }

  /**
   * No retries.
   *
   * @return a policy of one attempt
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Sleeper.system());
  }

  /**
   * This policy with another sleeper (tests: one that records and returns at once).
   *
   * @param value the sleeper
   * @return the policy
   */
  public RetryPolicy withSleeper(Sleeper value) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, value);
  }

  /**
   * The wait before retry number {@code retry} (1-based).
   *
   * @param retry the retry number
   * @return the wait
   */
  public Duration backoff(int retry) {
    Duration d = initialBackoff;
    for (int i = 1; i < retry && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
