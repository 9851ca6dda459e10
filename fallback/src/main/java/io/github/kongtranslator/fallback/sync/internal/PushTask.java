package io.github.kongtranslator.fallback.sync.internal;

import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One push to one gateway, run on the loop's executor. The task touches only its client and
 * itself; the loop reads the outcome on its own thread and applies the state transition there,
 * so no gateway state is shared between threads.
 *
 * <p>A task that has not started when its deadline passes is abandoned and never calls the
 * client ({@code TRANSIENT}: nothing was sent); one that has started is waited for no longer
 * ({@code INDETERMINATE}: it may be applying) but is not interrupted, and the loop does not call
 * that client again until it has returned ({@link #isRunning()}).
 */
final class PushTask implements Runnable {
  private static final int PENDING = 0;
  private static final int RUNNING = 1;
  private static final int ABANDONED = 2;
  private static final int DONE = 3;

  /**
   * What the client said.
   *
   * @param outcome the outcome; indeterminate when the client threw or returned nothing
   * @param duration the time the push took (to the deadline when it was abandoned)
   * @param thrown the exception the client threw, for the log, if any
   */
  record Result(PushOutcome outcome, Duration duration, Optional<RuntimeException> thrown) {}

  private final GatewayClient client;
  private final KongConfig config;
  private final ConfigSha sha;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private final CompletableFuture<Result> done = new CompletableFuture<>();
  private final long submitted;

  PushTask(GatewayClient client, KongConfig config, ConfigSha sha) {
    this.client = client;
    this.config = config;
    this.sha = sha;
    this.submitted = System.nanoTime();
  }

  /**
   * Submits the task.
   *
   * @param executor the executor
   * @return false when the executor refused it (then the client was not called)
   */
  boolean submit(Executor executor) {
    try {
      executor.execute(this);
      return true;
    } catch (RejectedExecutionException e) {
      state.set(ABANDONED);
      return false;
    }
  }

  @Override
  public void run() {
    if (!state.compareAndSet(PENDING, RUNNING)) {
      return; // abandoned before it started: the client is never called
    }
    long start = System.nanoTime();
    Result result;
    try {
      PushOutcome o = client.push(config, sha);
      result = new Result(o == null ? PushOutcome.indeterminate("the client returned no outcome") : o,
          Duration.ofNanos(System.nanoTime() - start), Optional.empty());
    } catch (RuntimeException e) {
      result = new Result(PushOutcome.indeterminate("the client threw " + e.getClass().getSimpleName()),
          Duration.ofNanos(System.nanoTime() - start), Optional.of(e));
    } catch (Error e) {
      state.set(DONE);
      done.completeExceptionally(e);
      throw e;
    }
    state.set(DONE); // before completing: whoever sees the result sees the client released
    done.complete(result);
  }

  /**
   * Whether the client is still being called (started and not returned).
   *
   * @return true while running
   */
  boolean isRunning() {
    return state.get() == RUNNING;
  }

  /**
   * Waits for the outcome until {@code timeout} after submission.
   *
   * @param timeout the per-gateway timeout, measured from submission
   * @return the outcome; {@code TRANSIENT} when the task never started, {@code INDETERMINATE}
   *     when it started and did not finish in time or the waiting thread was interrupted
   * @throws Error when the client threw an {@link Error}
   */
  Result await(Duration timeout) {
    long remaining = timeout.toNanos() - (System.nanoTime() - submitted);
    try {
      return done.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return abandon("no outcome within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return abandon("the synchronizer was interrupted while waiting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      return new Result(PushOutcome.indeterminate("the push failed: " + e.getCause().getClass().getSimpleName()),
          Duration.ofNanos(System.nanoTime() - submitted), Optional.empty());
    }
  }

  /**
   * The result when the task was refused by the executor.
   *
   * @return a {@code TRANSIENT} result
   */
  static Result refused() {
    return new Result(PushOutcome.transientFailure("the push executor refused the push; nothing was sent"),
        Duration.ZERO, Optional.empty());
  }

  private Result abandon(String why) {
    Duration waited = Duration.ofNanos(System.nanoTime() - submitted);
    if (state.compareAndSet(PENDING, ABANDONED)) {
      return new Result(PushOutcome.transientFailure(why + "; the push had not started, nothing was sent"),
          waited, Optional.empty());
    }
    Result r = done.getNow(null);
    if (r != null) {
      return r; // finished just now
    }
    return new Result(PushOutcome.indeterminate(why + "; the push may have been applied"), waited,
        Optional.empty());
  }
}
