package io.github.kongtranslator.fallback.sync.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The default executor and timeout for pushes to gateways. */
public final class PushExecutors {
  /** The default per-gateway push timeout: 5 minutes (a DB-mode sync makes many requests). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private PushExecutors() {}

  /** Lazily created, shared by every synchronizer that does not bring its own executor. */
  private static final class Holder {
    static final Executor SHARED = create();

    private static Executor create() {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory threads =
          r -> {
            Thread t = new Thread(r, "kong-translator-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      // no core threads, idle threads end after 60 s: nothing to shut down, never blocks exit
      return new ThreadPoolExecutor(
          0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
  }

  /**
   * The default executor: a cached pool of daemon threads named {@code kong-translator-push-N}, one
   * thread per concurrent push, idle threads ending after 60 s.
   *
   * @return the shared executor
   */
  public static Executor shared() {
    return Holder.SHARED;
  }

  /**
   * Checks a push timeout.
   *
   * @param timeout the timeout
   * @return the timeout
   * @throws IllegalArgumentException when it is zero or negative
   */
  public static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "pushTimeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("the push timeout must be positive, not " + timeout);
    }
    return timeout;
  }
}
