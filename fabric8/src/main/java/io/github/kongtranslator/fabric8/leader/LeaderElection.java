package io.github.kongtranslator.fabric8.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Leader election among controller replicas with fabric8's {@link LeaderElector} on a Kubernetes
 * {@code Lease} (coordination.k8s.io/v1): no home-made lock. Every replica keeps its informers and
 * cache warm; only the leader pushes and writes status.
 *
 * <pre>{@code
 * LeaderElection election = LeaderElection.builder(client, "kong", "kong-translator-leader", podName)
 *     .onStartLeading(gated::startLeading)
 *     .onStopLeading(gated::stopLeading)
 *     .build();
 * election.start();
 * }</pre>
 *
 * <p>Defaults: lease 15 s, renew deadline 10 s, retry period 2 s (those of Kubernetes'
 * controllers). Callbacks run on fabric8's elector thread.
 */
public final class LeaderElection implements AutoCloseable {
  private final LeaderElector elector;
  private final AtomicBoolean leading = new AtomicBoolean();
  private volatile CompletableFuture<?> running = CompletableFuture.completedFuture(null);

  private LeaderElection(Builder b) {
    Runnable start = b.onStart;
    Runnable stop = b.onStop;
    Consumer<String> newLeader = b.onNewLeader;
    LeaderCallbacks callbacks =
        new LeaderCallbacks(
            () -> {
              leading.set(true);
              start.run();
            },
            () -> {
              leading.set(false);
              stop.run();
            },
            newLeader);
    this.elector =
        new LeaderElector(
            b.client,
            new LeaderElectionConfigBuilder()
                .withName(b.leaseName)
                .withLock(new LeaseLock(b.leaseNamespace, b.leaseName, b.identity))
                .withLeaseDuration(b.leaseDuration)
                .withRenewDeadline(b.renewDeadline)
                .withRetryPeriod(b.retryPeriod)
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(callbacks)
                .build(),
            b.executor);
  }

  /**
   * A builder.
   *
   * @param client the client
   * @param leaseNamespace the Lease's namespace
   * @param leaseName the Lease's name (shared by every replica)
   * @param identity this replica's identity (e.g. the Pod name), unique among replicas
   * @return a builder
   */
  public static Builder builder(
      KubernetesClient client, String leaseNamespace, String leaseName, String identity) {
    return new Builder(client, leaseNamespace, leaseName, identity);
  }

  /**
   * Starts taking part in the election (returns at once). After losing the lease the replica stops
   * leading; call {@code start()} again to stand again.
   *
   * @return this election
   */
  public synchronized LeaderElection start() {
    if (running.isDone()) {
      running = elector.start();
    }
    return this;
  }

  /** {@return whether this replica leads now} */
  public boolean isLeader() {
    return leading.get();
  }

  /** Leaves the election and releases the Lease if held. */
  @Override
  public synchronized void close() {
    running.cancel(true);
    elector.release();
  }

  /** Builds a {@link LeaderElection}. */
  public static final class Builder {
    private final KubernetesClient client;
    private final String leaseNamespace;
    private final String leaseName;
    private final String identity;
    private Duration leaseDuration = Duration.ofSeconds(15);
    private Duration renewDeadline = Duration.ofSeconds(10);
    private Duration retryPeriod = Duration.ofSeconds(2);
    private Runnable onStart = () -> {};
    private Runnable onStop = () -> {};
    private Consumer<String> onNewLeader = id -> {};
    private Executor executor = ForkJoinPool.commonPool();

    private Builder(
        KubernetesClient client, String leaseNamespace, String leaseName, String identity) {
      this.client = Objects.requireNonNull(client, "client");
      if (leaseNamespace.isEmpty() || leaseName.isEmpty() || identity.isEmpty()) {
        throw new IllegalArgumentException(
            "leader election needs a Lease namespace, a Lease name and an identity");
      }
      this.leaseNamespace = leaseNamespace;
      this.leaseName = leaseName;
      this.identity = identity;
    }

    /**
     * The lease timings (renew deadline shorter than the lease, retry period shorter than both).
     *
     * @param lease how long a lease is valid
     * @param renewDeadline how long the leader tries to renew before giving up
     * @param retryPeriod how often candidates try
     * @return this builder
     */
    public Builder timings(Duration lease, Duration renewDeadline, Duration retryPeriod) {
      if (renewDeadline.compareTo(lease) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
        throw new IllegalArgumentException("need retryPeriod < renewDeadline < leaseDuration");
      }
      this.leaseDuration = lease;
      this.renewDeadline = renewDeadline;
      this.retryPeriod = retryPeriod;
      return this;
    }

    /**
     * Runs when this replica starts leading.
     *
     * @param value the callback
     * @return this builder
     */
    public Builder onStartLeading(Runnable value) {
      this.onStart = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Runs when this replica stops leading (lost lease or {@link LeaderElection#close()}).
     *
     * @param value the callback
     * @return this builder
     */
    public Builder onStopLeading(Runnable value) {
      this.onStop = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Runs when any replica becomes leader, with its identity.
     *
     * @param value the callback
     * @return this builder
     */
    public Builder onNewLeader(Consumer<String> value) {
      this.onNewLeader = Objects.requireNonNull(value);
      return this;
    }

    /**
     * The executor the elector runs on; the common pool by default.
     *
     * @param value the executor
     * @return this builder
     */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value);
      return this;
    }

    /** {@return builds the election (not started)} */
    public LeaderElection build() {
      return new LeaderElection(this);
    }
  }
}
