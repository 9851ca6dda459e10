package io.github.kongtranslator.fallback.sync.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One call on one gateway client (a push, or the instance and empty-configuration probes), run on
 * the loop's executor. The call touches only its client; the loop reads the value on its own thread
 * and changes the gateway's state there, so no state is shared between threads.
 *
 * <p>A call that has not started when its deadline passes is abandoned and never runs ({@link
 * NotStarted}); one that has started is waited for no longer ({@link StillRunning}) but is not
 * interrupted, and the loop calls that client for nothing else until it has returned ({@link
 * #isRunning()}).
 *
 * @param <T> the value of the call; the body catches the client's runtime exceptions itself
 */
final class ClientCall<T> implements Runnable {
  private static final int PENDING = 0;
  private static final int RUNNING = 1;
  private static final int ABANDONED = 2;
  private static final int DONE = 3;

  /**
   * How waiting for a call ended.
   *
   * @param <T> the value type
   */
  sealed interface Waited<T> permits Done, NotStarted, StillRunning {}

  /**
   * The call returned.
   *
   * @param value its value
   * @param took how long it ran
   * @param <T> the value type
   */
  record Done<T>(T value, Duration took) implements Waited<T> {}

  /**
   * The call never started (deadline passed in the executor's queue, or the executor refused it):
   * the client was not called.
   *
   * @param why a description naming no values
   * @param <T> the value type
   */
  record NotStarted<T>(String why) implements Waited<T> {}

  /**
   * The call started and had not returned at the deadline, or the waiting thread was interrupted.
   *
   * @param why a description naming no values
   * @param waited how long the loop waited
   * @param <T> the value type
   */
  record StillRunning<T>(String why, Duration waited) implements Waited<T> {}

  private final Supplier<T> body;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private final CompletableFuture<Done<T>> done = new CompletableFuture<>();
  private final long submitted = System.nanoTime();
  private boolean refused;

  private ClientCall(Supplier<T> body) {
    this.body = body;
  }

  /**
   * Submits a call to an executor.
   *
   * @param executor the executor
   * @param body the call; should not throw runtime exceptions
   * @param <T> the value type
   * @return the submitted (or refused) call
   */
  static <T> ClientCall<T> submit(Executor executor, Supplier<T> body) {
    ClientCall<T> c = new ClientCall<>(Objects.requireNonNull(body, "body"));
    try {
      executor.execute(c);
    } catch (RejectedExecutionException e) {
      c.state.set(ABANDONED);
      c.refused = true;
    }
    return c;
  }

  @Override
  public void run() {
    if (!state.compareAndSet(PENDING, RUNNING)) {
      return; // abandoned before it started: the client is never called
    }
    long start = System.nanoTime();
    T value;
    try {
      value = body.get();
    } catch (RuntimeException | Error e) {
      state.set(DONE);
      done.completeExceptionally(e);
      throw e;
    }
    state.set(DONE); // before completing: whoever sees the value sees the client released
    done.complete(new Done<>(value, Duration.ofNanos(System.nanoTime() - start)));
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
   * Waits for the call until {@code timeout} after its submission.
   *
   * @param timeout the per-gateway timeout
   * @return how it ended
   * @throws Error when the call threw an {@link Error}
   * @throws RuntimeException when the body threw one (a bug: bodies catch the client's)
   */
  Waited<T> await(Duration timeout) {
    if (refused) {
      return new NotStarted<>("the executor refused the call; nothing was sent");
    }
    long remaining = timeout.toNanos() - (System.nanoTime() - submitted);
    try {
      return done.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return abandon("no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return abandon("the synchronizer was interrupted while waiting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw (RuntimeException) e.getCause();
    }
  }

  private Waited<T> abandon(String why) {
    if (state.compareAndSet(PENDING, ABANDONED)) {
      return new NotStarted<>(why + "; the call had not started, nothing was sent");
    }
    if (done.isDone()) {
      return await(Duration.ofDays(1)); // returned just now
    }
    return new StillRunning<>(why, Duration.ofNanos(System.nanoTime() - submitted));
  }
}
