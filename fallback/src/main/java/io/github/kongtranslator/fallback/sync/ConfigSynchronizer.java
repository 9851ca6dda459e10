package io.github.kongtranslator.fallback.sync;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.status.StatusChange;
import io.github.kongtranslator.fallback.status.StatusReport;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.fallback.sync.internal.PushExecutors;
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;
import io.github.kongtranslator.fallback.sync.internal.SyncLoop;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config update loop (fallback-spec §5.12): give it a snapshot on every tick, it translates
 * (failing closed: {@link FailClosedTranslator}, {@link SyncResult#translationExcluded()}), pushes
 * to every gateway, and on rejection pushes a fallback configuration without the broken objects and
 * their dependents, or else the last valid configuration.
 *
 * <pre>{@code
 * ConfigSynchronizer sync = ConfigSynchronizer.builder(Translator.create(options))
 *     .gateway(KongAdminClient.dbLess(URI.create("http://kong-admin:8001")))
 *     .build();
 * while (running) {
 *   SyncResult r = sync.sync(cache.snapshot());   // never throws for gateway problems
 *   r.excluded().values().forEach(reason -> log.warn("excluded: {}", reason));
 *   Thread.sleep(3000);
 * }
 * }</pre>
 *
 * <p>Per gateway the loop keeps a belief, {@code KNOWN(sha)} or {@code UNKNOWN} ({@link
 * GatewayState}), and skips a push only when the gateway is known to run exactly the SHA being
 * pushed. A gateway is unknown at first, after a rejected push to a partial gateway, after any
 * indeterminate outcome, when its {@link GatewayClient#instance() instance} changes and when it
 * {@link GatewayClient#reportsEmptyConfig() reports an empty configuration}; the next push to it is
 * always sent. When the snapshot is unchanged and every gateway is in sync for it, a tick sends
 * nothing.
 *
 * <p>Within a tick the gateways are asked for their instance and pushed to concurrently
 * (fallback-spec §5.2 step 4) on the builder's {@link Builder#executor executor}, each call bounded
 * by the {@link Builder#pushTimeout push timeout}; the results, listener events and log lines come
 * in the order the gateways were given, whatever order the pushes finish in. Each gateway's state
 * changes only with its own outcome.
 *
 * <p>The last valid snapshot and configuration are those every gateway accepted in one tick
 * (desired or fallback). Thread-safe: ticks run one at a time.
 */
public final class ConfigSynchronizer {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigSynchronizer.class);

  private final SyncLoop loop;
  private final ImmutableList<GatewayClient> gateways;
  private final SyncListener listener;
  private final @Nullable AttachmentOptions statusOptions;
  private @Nullable StatusReport status;

  private ConfigSynchronizer(Builder b) {
    this.loop =
        new SyncLoop(
            FailClosedTranslator.create(b.translator, b.failurePolicy),
            b.mode,
            b.listener,
            SkipPolicy.TARGET,
            b.executor,
            b.pushTimeout);
    this.loop.retryPolicy(b.retryAfter, b.clock);
    this.gateways = ImmutableList.copyOf(b.gateways);
    this.listener = b.listener;
    this.statusOptions = b.statusOptions;
  }

  /**
   * A builder. Defaults: no gateways, {@link FallbackMode#EXCLUDE}, {@link
   * TranslationFailurePolicy#FAIL_CLOSED}, {@link SyncListener#NONE}, pushes on a shared pool of
   * daemon threads, a push timeout of 5 minutes per gateway.
   *
   * @param translator the translator for snapshots and fallback snapshots
   * @return a builder
   */
  public static Builder builder(Translator translator) {
    return new Builder(translator);
  }

  /**
   * Runs one tick against the gateways given to the builder.
   *
   * @param snapshot the current snapshot (e.g. {@link
   *     io.github.kongtranslator.core.cache.ObjectCache#snapshot()})
   * @return what the tick did; never throws for gateway or translation problems
   */
  public SyncResult sync(CacheStores snapshot) {
    return sync(snapshot, gateways);
  }

  /**
   * Runs one tick against the given gateways, for controllers that discover gateways (pods) at run
   * time. A gateway is identified by its {@link GatewayClient#id() id}; a gateway missing from a
   * tick is forgotten and starts unknown when it returns.
   *
   * @param snapshot the current snapshot
   * @param gateways the gateways to configure, in report order
   * @return what the tick did; never throws for gateway or translation problems
   */
  public SyncResult sync(CacheStores snapshot, List<? extends GatewayClient> gateways) {
    SyncResult r =
        loop.sync(Objects.requireNonNull(snapshot, "snapshot"), ImmutableList.copyOf(gateways));
    AttachmentOptions o = statusOptions;
    if (o != null) {
      report(snapshot, r, o);
    }
    return r;
  }

  private synchronized void report(CacheStores snapshot, SyncResult r, AttachmentOptions o) {
    StatusReport now;
    try {
      now = Statuses.of(snapshot, r, o);
    } catch (RuntimeException e) {
      LOG.error("computing object status failed", e);
      return;
    }
    StatusReport before = status == null ? StatusReport.EMPTY : status;
    status = now;
    for (StatusChange c : now.changesSince(before)) {
      try {
        listener.statusChanged(c);
      } catch (RuntimeException e) {
        LOG.warn("a sync listener threw; ignored", e);
      }
    }
  }

  /**
   * The status of every object after the last tick, when the synchronizer computes status ({@link
   * Builder#status}).
   *
   * @return the report, empty before the first tick or when status is not computed
   */
  public synchronized Optional<StatusReport> status() {
    return Optional.ofNullable(status);
  }

  /**
   * Asks the next tick to try the desired configuration again if the gateways run a fallback or the
   * last valid configuration of an unchanged snapshot, e.g. after a plugin was installed on the
   * gateways. Otherwise the desired configuration of an unchanged snapshot is not tried again (as
   * in KIC) unless {@link Builder#retryDesiredAfter} is set. Safe to call from any thread; the
   * retry shows as {@link SyncResult#desiredRetried()}. On a partial (DB-mode) gateway a retry that
   * is rejected again re-creates the excluded objects' entities until the fallback push of the same
   * tick removes them.
   */
  public void retryDesired() {
    loop.retryDesired();
  }

  /**
   * The loop's belief about a gateway.
   *
   * @param gatewayId the gateway's id
   * @return its state; unknown for a gateway not configured in the last tick
   */
  public GatewayState gatewayState(String gatewayId) {
    return loop.state(gatewayId);
  }

  /**
   * The last snapshot every gateway accepted (the tick's snapshot, or the fallback snapshot).
   *
   * @return the snapshot, empty before the first accepted push
   */
  public Optional<CacheStores> lastValidSnapshot() {
    return loop.lastValidSnapshot();
  }

  /**
   * The last configuration every gateway accepted.
   *
   * @return the configuration, empty before the first accepted push
   */
  public Optional<KongConfig> lastValidConfig() {
    return loop.lastValidConfig();
  }

  /** Builds a {@link ConfigSynchronizer}. */
  public static final class Builder {
    private final Translator translator;
    private final List<GatewayClient> gateways = new ArrayList<>();
    private FallbackMode mode = FallbackMode.EXCLUDE;
    private SyncListener listener = SyncListener.NONE;
    private Executor executor = PushExecutors.shared();
    private Duration pushTimeout = PushExecutors.DEFAULT_TIMEOUT;
    private @Nullable Duration retryAfter;
    private @Nullable AttachmentOptions statusOptions;
    private Clock clock = Clock.systemUTC();
    private TranslationFailurePolicy failurePolicy = TranslationFailurePolicy.FAIL_CLOSED;

    private Builder(Translator translator) {
      this.translator = Objects.requireNonNull(translator, "translator");
    }

    /**
     * Adds a gateway for {@link ConfigSynchronizer#sync(CacheStores)}.
     *
     * @param gateway the gateway
     * @return this
     */
    public Builder gateway(GatewayClient gateway) {
      gateways.add(Objects.requireNonNull(gateway, "gateway"));
      return this;
    }

    /**
     * Sets how to recover from rejections naming objects.
     *
     * @param value the mode
     * @return this
     */
    public Builder fallbackMode(FallbackMode value) {
      this.mode = Objects.requireNonNull(value, "mode");
      return this;
    }

    /**
     * Sets what to do with translation failures that fail closed (default {@link
     * TranslationFailurePolicy#FAIL_CLOSED}: the objects they blame and their dependents are left
     * out, {@link SyncResult#translationExcluded()}; {@link
     * TranslationFailurePolicy#KIC_COMPATIBLE}: they are pushed without what failed, as KIC does).
     *
     * @param value the policy
     * @return this
     */
    public Builder translationFailurePolicy(TranslationFailurePolicy value) {
      this.failurePolicy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /**
     * Sets the listener.
     *
     * @param value the listener
     * @return this
     */
    public Builder listener(SyncListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Sets the executor that runs the pushes: within one push step every gateway's push is one
     * task, submitted together, and the tick waits for all of them. Default: a shared cached pool
     * of daemon threads named {@code kong-translator-push-N} (idle threads end after 60 s, so there
     * is nothing to shut down). A bounded executor limits how many gateways are pushed to at once;
     * a direct executor ({@code Runnable::run}) pushes one gateway after the other on the calling
     * thread, and then the push timeout cannot cut a push short. A push the executor refuses is
     * reported as {@code TRANSIENT} (nothing was sent).
     *
     * @param value the executor; the synchronizer never shuts it down
     * @return this
     */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Sets how long a tick waits for one call on one gateway, measured from its submission to the
     * executor (default 5 minutes): each push, and the questions asked before the pushes ({@link
     * GatewayClient#instance()}, {@link GatewayClient#reportsEmptyConfig()}), which also run
     * concurrently on the executor. A push that has not started by then is dropped and reported as
     * {@code TRANSIENT} (nothing was sent); one that has started is reported as {@code
     * INDETERMINATE}, so the gateway becomes {@code UNKNOWN}; an unanswered question makes the
     * gateway {@code UNKNOWN}. A late call is not interrupted: clients keep their own request
     * timeouts (e.g. {@link KongAdminClient.Builder#timeout}). Until it returns the loop calls that
     * gateway's client for nothing else, and reports its pushes as {@code TRANSIENT}.
     *
     * @param value the timeout, positive
     * @return this
     * @throws IllegalArgumentException when the timeout is zero or negative
     */
    public Builder pushTimeout(Duration value) {
      this.pushTimeout = PushExecutors.checkTimeout(value);
      return this;
    }

    /**
     * Tries the desired configuration of an unchanged snapshot again once the gateways have run its
     * fallback (or the last valid configuration) for this long, measured from the tick that applied
     * it (or from the last retry). Off by default, as in KIC, where only a change of the cluster
     * makes the loop try again. See {@link ConfigSynchronizer#retryDesired()}.
     *
     * @param value the interval, zero or positive (zero: every tick retries)
     * @return this
     * @throws IllegalArgumentException when the interval is negative
     */
    public Builder retryDesiredAfter(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("retryDesiredAfter must not be negative: " + value);
      }
      this.retryAfter = value;
      return this;
    }

    /**
     * Sets the clock that measures {@link #retryDesiredAfter} (default: the system UTC clock); for
     * tests.
     *
     * @param value the clock
     * @return this
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Computes the status of every object after each tick ({@link
     * io.github.kongtranslator.fallback.status.Statuses#of}) and calls {@link
     * SyncListener#statusChanged} for each object whose status changed, so that a controller writes
     * only what changed. Off by default.
     *
     * @param options the Gateway controller name and attachment options, e.g. {@code
     *     AttachmentOptions.of(AttachmentOptions.KIC_CONTROLLER_NAME)}
     * @return this
     */
    public Builder status(AttachmentOptions options) {
      this.statusOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the synchronizer.
     *
     * @return the synchronizer
     */
    public ConfigSynchronizer build() {
      return new ConfigSynchronizer(this);
    }
  }
}
