package io.github.kongtranslator.fallback.sync.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.FailClosedResult;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.FallbackGenerator;
import io.github.kongtranslator.fallback.FallbackSnapshot;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.fallback.backfill.BackfillRefusal;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.fallback.sync.FallbackMode;
import io.github.kongtranslator.fallback.sync.GatewayReport;
import io.github.kongtranslator.fallback.sync.PushAttempt;
import io.github.kongtranslator.fallback.sync.PushKind;
import io.github.kongtranslator.fallback.sync.RunningConfig;
import io.github.kongtranslator.fallback.sync.SyncListener;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.errors.TagIdentity;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The update loop of fallback-spec §5.12 with the per-gateway belief of §5.9 (D1–D6). One instance
 * per controller; {@link #sync} runs one tick at a time.
 */
public final class SyncLoop {
  private static final Logger LOG =
      LoggerFactory.getLogger("io.github.kongtranslator.fallback.sync.ConfigSynchronizer");

  private final FailClosedTranslator translator;

  /** Builds fallbacks with the same translator (the one fallback pipeline). */
  private final FallbackGenerator generator;

  private final FallbackMode mode;
  private final SyncListener listener;
  private final SkipPolicy skipPolicy;
  private final Executor executor;
  private final Duration pushTimeout;

  private final Map<String, Target> targets = new LinkedHashMap<>();

  /**
   * Calls still running after their deadline, by gateway id: that client is not called again yet.
   */
  private final Map<String, ClientCall<?>> stillRunning = new LinkedHashMap<>();

  private @Nullable CacheStores lastValidSnapshot;
  private @Nullable KongConfig lastValidConfig;
  private @Nullable ConfigSha lastValidSha;
  private @Nullable Memo memo;

  /** What the last tick that pushed reported, for the ticks that push nothing (honest reports). */
  private @Nullable Held held;

  private @Nullable Duration retryAfter;
  private Clock clock = Clock.systemUTC();
  private final AtomicBoolean retryRequested = new AtomicBoolean();

  /**
   * Creates a loop that translates with a plain function (no fail-closed exclusion: {@link
   * TranslationFailurePolicy#KIC_COMPATIBLE}).
   *
   * @param translator translates a snapshot; may report failures, should not throw
   * @param mode the fallback mode
   * @param listener the listener
   * @param skipPolicy the skip rule ({@link SkipPolicy#TARGET} outside tests)
   */
  public SyncLoop(
      Function<CacheStores, TranslationResult> translator,
      FallbackMode mode,
      SyncListener listener,
      SkipPolicy skipPolicy) {
    this(
        translator,
        mode,
        listener,
        skipPolicy,
        PushExecutors.shared(),
        PushExecutors.DEFAULT_TIMEOUT);
  }

  /**
   * Creates a loop that translates with a plain function (no fail-closed exclusion: {@link
   * TranslationFailurePolicy#KIC_COMPATIBLE}) and pushes to its gateways concurrently on an
   * executor.
   *
   * @param translator translates a snapshot; may report failures, should not throw
   * @param mode the fallback mode
   * @param listener the listener
   * @param skipPolicy the skip rule ({@link SkipPolicy#TARGET} outside tests)
   * @param executor runs the calls on gateways (probes, pushes), one task per gateway and step
   * @param pushTimeout how long to wait for one call on one gateway, from its submission
   * @throws IllegalArgumentException when the timeout is not positive
   */
  public SyncLoop(
      Function<CacheStores, TranslationResult> translator,
      FallbackMode mode,
      SyncListener listener,
      SkipPolicy skipPolicy,
      Executor executor,
      Duration pushTimeout) {
    this(
        FailClosedTranslator.of(translator, TranslationFailurePolicy.KIC_COMPATIBLE),
        mode,
        listener,
        skipPolicy,
        executor,
        pushTimeout);
  }

  /**
   * Creates a loop that translates with a {@link FailClosedTranslator} (objects left out for
   * failing-closed translation failures are reported in {@link SyncResult#translationExcluded()})
   * and pushes to its gateways concurrently on an executor.
   *
   * @param translator translates a snapshot; may report failures, should not throw
   * @param mode the fallback mode
   * @param listener the listener
   * @param skipPolicy the skip rule ({@link SkipPolicy#TARGET} outside tests)
   * @param executor runs the calls on gateways (probes, pushes), one task per gateway and step
   * @param pushTimeout how long to wait for one call on one gateway, from its submission
   * @throws IllegalArgumentException when the timeout is not positive
   */
  public SyncLoop(
      FailClosedTranslator translator,
      FallbackMode mode,
      SyncListener listener,
      SkipPolicy skipPolicy,
      Executor executor,
      Duration pushTimeout) {
    this.translator = Objects.requireNonNull(translator, "translator");
    this.generator = FallbackGenerator.of(translator);
    this.mode = Objects.requireNonNull(mode, "mode");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.skipPolicy = Objects.requireNonNull(skipPolicy, "skipPolicy");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.pushTimeout = PushExecutors.checkTimeout(pushTimeout);
  }

  /**
   * Per-gateway state (D1) plus what KIC would remember (the last accepted SHA), for skip policies.
   */
  private static final class Target {
    GatewayClient client;
    final String id;
    final boolean atomic;
    GatewayState state = GatewayState.unknown();
    String instance;
    @Nullable String syncedHash;
    boolean knownEmpty;
    boolean emptyDoubt;
    @Nullable ConfigSha lastAccepted;

    /**
     * Which configuration the gateway accepted last (pushed or skipped), and for which snapshot.
     */
    @Nullable PushKind servedKind;

    @Nullable String servedHash;
    final List<PushAttempt> attempts = new ArrayList<>();

    Target(GatewayClient client, String instance) {
      this.client = client;
      this.id = client.id();
      this.atomic = client.isAtomic();
      this.instance = instance;
    }

    void forget() {
      state = GatewayState.unknown();
      syncedHash = null;
      knownEmpty = false;
      servedKind = null;
      servedHash = null;
    }

    void served(PushKind kind, String h) {
      servedKind = kind;
      servedHash = h;
    }
  }

  /** D6: the last fallback every gateway accepted, for the snapshot hash it was built from. */
  private record Memo(
      String hash,
      KongConfig config,
      ConfigSha sha,
      ImmutableList<ObjectRef> broken,
      ImmutableSet<ObjectRef> unknown,
      ImmutableMap<ObjectRef, ExclusionReason> excluded,
      ImmutableSet<ObjectRef> backfilled,
      ImmutableList<BackfillRefusal> refusals,
      ImmutableMap<ObjectRef, K8sObject> brokenContent,
      @Nullable ConfigSha desiredSha,
      ImmutableList<TranslationFailure> translationFailures,
      ImmutableList<TranslationFailure> fallbackTranslationFailures,
      ImmutableSet<ObjectRef> configured,
      ImmutableMap<ObjectRef, ExclusionReason> translationExcluded) {}

  /**
   * The report of the last tick that settled a snapshot (every gateway accepted one configuration
   * for it), re-emitted by the ticks that push nothing so that their results tell what runs.
   */
  private record Held(String hash, SyncOutcome outcome, SyncResult report, Instant since) {}

  /**
   * Sets how long the gateways may run a fallback or the last valid configuration of an unchanged
   * snapshot before a tick tries the desired configuration again.
   *
   * @param value the interval, null to never retry on a timer (the default)
   * @param time the clock that measures it
   */
  public synchronized void retryPolicy(@Nullable Duration value, Clock time) {
    if (value != null && value.isNegative()) {
      throw new IllegalArgumentException("retry interval is negative: " + value);
    }
    this.retryAfter = value;
    this.clock = Objects.requireNonNull(time, "clock");
  }

  /**
   * Asks the next tick to try the desired configuration again if the gateways run a fallback or the
   * last valid configuration of the tick's snapshot. Safe to call from any thread.
   */
  public void retryDesired() {
    retryRequested.set(true);
  }

  /** Whether every broken object of the last fallback is in the snapshot, unchanged. */
  private static boolean unchanged(
      ImmutableMap<ObjectRef, K8sObject> brokenContent, CacheStores snap) {
    for (Map.Entry<ObjectRef, K8sObject> e : brokenContent.entrySet()) {
      Optional<K8sObject> now = snap.get(e.getKey());
      if (now.isEmpty() || !now.get().ref().equals(e.getKey()) || !now.get().equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The belief about a gateway.
   *
   * @param gatewayId the gateway id
   * @return its state; unknown for a gateway never seen or no longer configured
   */
  public synchronized GatewayState state(String gatewayId) {
    Target t = targets.get(gatewayId);
    return t == null ? GatewayState.unknown() : t.state;
  }

  /**
   * The last snapshot whose configuration every gateway accepted.
   *
   * @return the snapshot, empty before the first success
   */
  public synchronized Optional<CacheStores> lastValidSnapshot() {
    return Optional.ofNullable(lastValidSnapshot);
  }

  /**
   * The last configuration every gateway accepted.
   *
   * @return the configuration, empty before the first success
   */
  public synchronized Optional<KongConfig> lastValidConfig() {
    return Optional.ofNullable(lastValidConfig);
  }

  /**
   * Runs one tick.
   *
   * @param snapshot the tick's snapshot
   * @param clients the gateways to configure in this tick
   * @return the report; never throws for gateway or translation problems
   */
  public synchronized SyncResult sync(CacheStores snapshot, List<? extends GatewayClient> clients) {
    long start = System.nanoTime();
    String h = snapshot.hash();
    List<Target> ts = resolve(clients);
    SyncResult.Builder result = SyncResult.builder(SyncOutcome.FAILED, h);
    boolean pushed = !ts.isEmpty();
    SyncOutcome outcome = tick(snapshot, h, ts, result);
    result.outcome(outcome);
    ImmutableList.Builder<GatewayReport> reports = ImmutableList.builder();
    for (Target t : ts) {
      reports.add(
          new GatewayReport(
              t.id, t.atomic, ImmutableList.copyOf(t.attempts), t.state, running(t, h)));
    }
    SyncResult r =
        result
            .gateways(reports.build())
            .duration(Duration.ofNanos(System.nanoTime() - start))
            .build();
    if (pushed && outcome != SyncOutcome.FAILED && skippedOrSent(ts) > 0) {
      Held before = held;
      held =
          new Held(
              h,
              outcome,
              r,
              before != null
                      && before.hash().equals(h)
                      && before.outcome() == outcome
                      && !r.desiredRetried()
                  ? before.since()
                  : clock.instant());
    }
    log(r);
    fire(() -> listener.syncCompleted(r));
    return r;
  }

  /** Which configuration a target runs, relative to the snapshot {@code h}. */
  private RunningConfig running(Target t, String h) {
    if (!(t.state instanceof GatewayState.Known k)) {
      return RunningConfig.UNKNOWN;
    }
    if (h.equals(t.servedHash) && t.servedKind != null) {
      return switch (t.servedKind) {
        case DESIRED -> RunningConfig.DESIRED;
        case FALLBACK -> RunningConfig.FALLBACK;
        case LAST_VALID -> RunningConfig.LAST_VALID;
      };
    }
    return k.value().equals(lastValidSha) ? RunningConfig.LAST_VALID : RunningConfig.EARLIER;
  }

  private static int skippedOrSent(List<Target> ts) {
    int n = 0;
    for (Target t : ts) {
      n += t.attempts.size();
    }
    return n;
  }

  private SyncOutcome tick(CacheStores snap, String h, List<Target> ts, SyncResult.Builder result) {
    boolean retryAsked = retryRequested.getAndSet(false);
    Held hd = held;
    boolean onFallback =
        hd != null
            && hd.hash().equals(h)
            && (hd.outcome() == SyncOutcome.FALLBACK_APPLIED
                || hd.outcome() == SyncOutcome.LAST_VALID_APPLIED);
    Duration after = retryAfter;
    boolean retry =
        hd != null
            && onFallback
            && !ts.isEmpty()
            && (retryAsked || (after != null && !clock.instant().isBefore(hd.since().plus(after))));
    result.desiredRetried(retry);
    List<Target> needs = new ArrayList<>();
    for (Target t : ts) {
      if (!h.equals(t.syncedHash)) {
        needs.add(t);
      }
    }
    if (needs.isEmpty() && !retry) {
      if (ts.isEmpty()) {
        result.addProblem("no gateways to configure");
        return SyncOutcome.IN_SYNC;
      }
      return settled(h, ts, result);
    }
    if (retry) {
      LOG.info(
          "trying the desired configuration again while the gateways run the {}",
          Objects.requireNonNull(hd, "a retry is of a held fallback").outcome()
                  == SyncOutcome.FALLBACK_APPLIED
              ? "fallback"
              : "last valid configuration");
    }

    Memo m = memo;
    if (!retry && m != null && m.hash().equals(h)) {
      if (pushAll(m.config(), m.sha(), needs, PushKind.FALLBACK, h)) {
        record(result, m);
        result.appliedSha(m.sha());
        return SyncOutcome.FALLBACK_APPLIED;
      }
    }

    Optional<FailClosedResult> desired =
        translate(() -> translator.translate(snap), PushKind.DESIRED, result);
    if (desired.isEmpty()) {
      return SyncOutcome.FAILED;
    }
    KongConfig cfg = desired.get().config();
    ConfigSha sha = ConfigSha.of(cfg);
    result
        .desiredSha(sha)
        .translationFailures(desired.get().failures())
        .translationExcluded(desired.get().excluded());
    // D7: while the objects behind the last fallback are unchanged, partial gateways do not get
    // the desired configuration (it would re-create their unprotected entities until the fallback
    // push of this tick removes them); atomic gateways still try it, harmlessly.
    boolean withhold =
        !retry
            && m != null
            && !m.brokenContent().isEmpty()
            && unchanged(m.brokenContent(), snap)
            && ts.stream().anyMatch(t -> !t.atomic);
    List<Target> atomics = ts.stream().filter(t -> t.atomic).toList();
    List<Target> partials = ts.stream().filter(t -> !t.atomic).toList();
    boolean accepted;
    if (withhold) {
      accepted = !atomics.isEmpty() && pushAll(cfg, sha, atomics, PushKind.DESIRED, h);
      if (accepted) {
        withhold = false; // the gateways accept it now: give it to the partial ones too
        accepted = pushAll(cfg, sha, partials, PushKind.DESIRED, h);
      }
    } else {
      accepted = pushAll(cfg, sha, ts, PushKind.DESIRED, h);
    }
    if (accepted) {
      lastValidSnapshot = desired.get().snapshot(); // without objects left out for failures
      lastValidConfig = cfg;
      lastValidSha = sha;
      memo = null;
      result.appliedSha(sha).configuredObjects(objectsOf(cfg));
      // issue 18: objects left out because their translation failed closed: not a success
      return desired.get().excludedSomething()
          ? SyncOutcome.FALLBACK_APPLIED
          : SyncOutcome.DESIRED_APPLIED;
    }
    result.desiredWithheld(withhold);

    boolean rejected = withhold;
    Set<ObjectRef> broken = new LinkedHashSet<>();
    if (withhold) {
      broken.addAll(
          Objects.requireNonNull(m, "withholding needs the memo of a rejection").broken());
    }
    for (Target t : ts) {
      Optional<PushAttempt> last = lastOf(t, PushKind.DESIRED);
      if (last.isPresent() && last.get().outcome().isRejected()) {
        rejected = true;
        if (last.get().outcome() instanceof PushOutcome.RejectedEntities re) {
          broken.addAll(re.brokenObjects());
        }
      }
    }
    if (!rejected) {
      return SyncOutcome.FAILED; // U14: transient or indeterminate only: retry next tick
    }
    result.brokenObjects(ImmutableList.copyOf(broken));

    if (mode != FallbackMode.DISABLED && !broken.isEmpty()) {
      Optional<SyncOutcome> fb = fallback(snap, h, ts, ImmutableList.copyOf(broken), result);
      if (fb.isPresent()) {
        return fb.get();
      }
    }

    KongConfig lv = lastValidConfig;
    ConfigSha lvSha = lastValidSha;
    if (lv != null && lvSha != null && pushAll(lv, lvSha, ts, PushKind.LAST_VALID, h)) {
      result.appliedSha(lvSha).configuredObjects(objectsOf(lv));
      return SyncOutcome.LAST_VALID_APPLIED;
    }
    return SyncOutcome.FAILED;
  }

  /**
   * Builds, pushes and remembers the fallback (fallback-spec §5.12 {@code fallback}). The pipeline
   * is {@link FallbackGenerator}'s, step by step so that the report, the log and the listener see
   * the fallback snapshot before its translation.
   */
  private Optional<SyncOutcome> fallback(
      CacheStores snap,
      String h,
      List<Target> ts,
      ImmutableList<ObjectRef> broken,
      SyncResult.Builder result) {
    FallbackSnapshot prepared;
    try {
      CacheStores lvs = lastValidSnapshot;
      prepared =
          mode == FallbackMode.BACKFILL && lvs != null
              ? generator.prepare(snap, broken, lvs)
              : generator.prepare(snap, broken);
    } catch (RuntimeException e) {
      LOG.error("building the fallback configuration failed; trying the last valid one", e);
      result.addProblem(
          "building the fallback configuration failed: " + e.getClass().getSimpleName());
      return Optional.empty();
    }
    ExclusionResult excl = prepared.exclusion();
    ImmutableSet<ObjectRef> backfilled = prepared.backfilled();
    ImmutableList<BackfillRefusal> refusals =
        ImmutableList.copyOf(prepared.backfillRefusals().values());
    result
        .unknownBrokenObjects(excl.unknownBroken())
        .excluded(excl.excluded())
        .backfilled(backfilled)
        .backfillRefusals(refusals);
    int excludedCount = excl.excluded().size();
    int backfilledCount = backfilled.size();
    int refusedCount = refusals.size();
    LOG.info(
        "fallback generated: {} broken, {} excluded, {} backfilled, {} refused backfill",
        broken.size(),
        excludedCount,
        backfilledCount,
        refusedCount);
    fire(
        () ->
            listener.fallbackGenerated(
                broken.size(), excludedCount, backfilledCount, refusedCount));
    if (prepared.excludedNothing()) {
      return Optional.empty(); // §3.5: the fallback would repeat the rejected configuration
    }
    Optional<FailClosedResult> tr =
        translate(
            () -> generator.translate(prepared).failClosedTranslation().orElseThrow(),
            PushKind.FALLBACK,
            result);
    if (tr.isEmpty()) {
      return Optional.empty();
    }
    KongConfig cfg = tr.get().config();
    ConfigSha sha = ConfigSha.of(cfg);
    result.fallbackTranslationFailures(tr.get().failures());
    Map<ObjectRef, ExclusionReason> leftOut = new LinkedHashMap<>(result.translationExcluded());
    tr.get().excluded().forEach(leftOut::putIfAbsent);
    ImmutableMap<ObjectRef, ExclusionReason> translationExcluded = ImmutableMap.copyOf(leftOut);
    result.translationExcluded(translationExcluded);
    if (!pushAll(cfg, sha, ts, PushKind.FALLBACK, h)) {
      return Optional.empty();
    }
    lastValidSnapshot = tr.get().snapshot();
    lastValidConfig = cfg;
    lastValidSha = sha;
    ImmutableMap.Builder<ObjectRef, K8sObject> content = ImmutableMap.builder();
    for (ObjectRef b : excl.broken()) {
      snap.get(b).ifPresent(o -> content.put(b, o));
    }
    ImmutableSet<ObjectRef> configured = objectsOf(cfg);
    SyncResult partial = result.build();
    memo =
        new Memo(
            h,
            cfg,
            sha,
            broken,
            excl.unknownBroken(),
            excl.excluded(),
            backfilled,
            refusals,
            content.buildKeepingLast(),
            partial.desiredSha().orElse(null),
            partial.translationFailures(),
            tr.get().failures(),
            configured,
            translationExcluded);
    result.appliedSha(sha).configuredObjects(configured);
    return Optional.of(SyncOutcome.FALLBACK_APPLIED);
  }

  private static void record(SyncResult.Builder result, Memo m) {
    result
        .brokenObjects(m.broken())
        .unknownBrokenObjects(m.unknown())
        .excluded(m.excluded())
        .backfilled(m.backfilled())
        .backfillRefusals(m.refusals())
        .translationFailures(m.translationFailures())
        .fallbackTranslationFailures(m.fallbackTranslationFailures())
        .configuredObjects(m.configured())
        .translationExcluded(m.translationExcluded());
    if (m.desiredSha() != null) {
      result.desiredSha(m.desiredSha());
    }
  }

  /**
   * A tick that pushes nothing: every gateway accepted a configuration for this snapshot before.
   * The result repeats what the tick that settled the snapshot reported, so that it tells which
   * configuration runs (fallback-spec §5.12; issue 19: a tick after a fallback is not a success).
   */
  private SyncOutcome settled(String h, List<Target> ts, SyncResult.Builder result) {
    Set<PushKind> kinds = new HashSet<>();
    for (Target t : ts) {
      kinds.add(
          h.equals(t.servedHash) && t.servedKind != null ? t.servedKind : PushKind.LAST_VALID);
    }
    SyncOutcome outcome;
    Held hd = held;
    boolean leftOut =
        hd != null && hd.hash().equals(h) && !hd.report().translationExcluded().isEmpty();
    if (kinds.equals(Set.of(PushKind.DESIRED))) {
      // issue 18: a desired configuration that left out objects failing closed is not in sync
      outcome = leftOut ? SyncOutcome.FALLBACK_APPLIED : SyncOutcome.IN_SYNC;
    } else if (kinds.equals(Set.of(PushKind.FALLBACK))) {
      outcome = SyncOutcome.FALLBACK_APPLIED;
    } else if (kinds.equals(Set.of(PushKind.LAST_VALID))) {
      outcome = SyncOutcome.LAST_VALID_APPLIED;
    } else {
      outcome = SyncOutcome.FAILED; // the gateways run different configurations
    }
    if (hd != null && hd.hash().equals(h)) {
      SyncResult p = hd.report();
      p.desiredSha().ifPresent(result::desiredSha);
      if (outcome != SyncOutcome.FAILED) {
        p.appliedSha().ifPresent(result::appliedSha);
        result.configuredObjects(p.configuredObjects());
      }
      result
          .translationFailures(p.translationFailures())
          .fallbackTranslationFailures(p.fallbackTranslationFailures())
          .brokenObjects(p.brokenObjects())
          .unknownBrokenObjects(p.unknownBrokenObjects())
          .excluded(p.excluded())
          .backfilled(p.backfilled())
          .backfillRefusals(p.backfillRefusals())
          .desiredWithheld(p.desiredWithheld())
          .translationExcluded(p.translationExcluded());
    }
    return outcome;
  }

  /**
   * The objects named by the {@code k8s-*} tags of a configuration's entities, nested ones included
   * (fallback-spec §4.10 target rules).
   *
   * @param config the configuration
   * @return the refs without version and uid, in entity order
   */
  public static ImmutableSet<ObjectRef> objectsOf(KongConfig config) {
    Set<ObjectRef> out = new LinkedHashSet<>();
    for (ImmutableList<KongEntity> section : config.sections().values()) {
      collect(section, out);
    }
    return ImmutableSet.copyOf(out);
  }

  private static void collect(List<KongEntity> entities, Set<ObjectRef> out) {
    for (KongEntity e : entities) {
      List<String> tags = new ArrayList<>();
      e.field("tags").ifPresent(n -> n.forEach(t -> tags.add(t.asText())));
      if (!tags.isEmpty()) {
        TagIdentity.fromTags(tags).targetRef().ifPresent(r -> out.add(r.withoutVersionAndUid()));
      }
      for (ImmutableList<KongEntity> nested : e.nested().values()) {
        collect(nested, out);
      }
    }
  }

  private static Optional<PushAttempt> lastOf(Target t, PushKind kind) {
    for (int i = t.attempts.size() - 1; i >= 0; i--) {
      if (t.attempts.get(i).kind() == kind) {
        return Optional.of(t.attempts.get(i));
      }
    }
    return Optional.empty();
  }

  /** Translates on this thread, timed and reported to the listener; a throw becomes a problem. */
  private Optional<FailClosedResult> translate(
      Supplier<FailClosedResult> translation, PushKind kind, SyncResult.Builder result) {
    long start = System.nanoTime();
    try {
      FailClosedResult tr = translation.get();
      Duration d = Duration.ofNanos(System.nanoTime() - start);
      int entities = countEntities(tr.config());
      fire(() -> listener.translated(kind, tr.failures().size(), entities, d));
      return Optional.of(tr);
    } catch (RuntimeException e) {
      LOG.error(
          "translating the {} snapshot failed", kind.name().toLowerCase(java.util.Locale.ROOT), e);
      result.addProblem(
          "translating the "
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " snapshot failed: "
              + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * Pushes to every target concurrently (fallback-spec §5.12 {@code push}); true iff every one
   * accepted (sent or skipped). Only the client calls run on the executor; skip decisions, state
   * transitions (D3), listener events and log lines happen on this thread, in the targets' order,
   * so reports and events are deterministic whatever order the pushes finish in.
   */
  private boolean pushAll(
      KongConfig config, ConfigSha sha, List<Target> ts, PushKind kind, String h) {
    int entities = countEntities(config);
    boolean empty = config.isContentEmpty();
    Map<Target, ClientCall<PushResult>> calls = new LinkedHashMap<>();
    for (Target t : ts) {
      if (!skipPolicy.skip(t.state, t.lastAccepted, t.atomic, t.emptyDoubt, sha, kind)
          && !stillRunning.containsKey(t.id)) {
        GatewayClient client = t.client;
        calls.put(t, ClientCall.submit(executor, () -> pushOnce(client, config, sha)));
      }
    }
    boolean all = true;
    for (Target t : ts) {
      ClientCall<PushResult> call = calls.get(t);
      PushOutcome o;
      Duration d;
      if (call == null && !stillRunning.containsKey(t.id)) {
        PushAttempt a = new PushAttempt(kind, sha, false, PushOutcome.accepted(), Duration.ZERO);
        t.attempts.add(a);
        t.syncedHash = h;
        t.served(kind, h);
        fire(
            () ->
                listener.pushSkipped(
                    new SyncListener.PushEvent(
                        t.id, kind, sha, entities, false, a.outcome(), Duration.ZERO)));
        continue;
      } else if (call == null) {
        o =
            PushOutcome.transientFailure(
                "an earlier call to this gateway is still running; nothing was sent");
        d = Duration.ZERO;
      } else {
        ClientCall.Waited<PushResult> w = call.await(pushTimeout);
        if (w instanceof ClientCall.Done<PushResult> done) {
          RuntimeException thrown = done.value().thrown();
          if (thrown != null) {
            LOG.warn("push to {} threw; treating the outcome as indeterminate", t.id, thrown);
          }
          o = done.value().outcome();
          d = done.took();
        } else if (w instanceof ClientCall.NotStarted<PushResult> ns) {
          o = PushOutcome.transientFailure(ns.why());
          d = Duration.ZERO;
        } else {
          ClientCall.StillRunning<PushResult> sr = (ClientCall.StillRunning<PushResult>) w;
          stillRunning.put(t.id, call);
          o = PushOutcome.indeterminate(sr.why() + "; the push may have been applied");
          d = sr.waited();
        }
      }
      apply(t, o, sha, h, empty, kind);
      PushAttempt a = new PushAttempt(kind, sha, true, o, d);
      t.attempts.add(a);
      PushOutcome fo = o;
      fire(
          () ->
              listener.pushSent(
                  new SyncListener.PushEvent(t.id, kind, sha, entities, true, fo, d)));
      if (!o.isAccepted()) {
        all = false;
        LOG.warn("{} push {} to {}: {}; state now {}", kind, sha.hex(), t.id, o, t.state);
      }
    }
    return all;
  }

  /**
   * What a push returned.
   *
   * @param outcome the outcome; indeterminate when the client threw or returned nothing
   * @param thrown what the client threw, for the log; null when it returned
   */
  private record PushResult(PushOutcome outcome, @Nullable RuntimeException thrown) {}

  /** Runs on the executor: one push, the client's runtime exceptions caught. */
  private static PushResult pushOnce(GatewayClient client, KongConfig config, ConfigSha sha) {
    try {
      PushOutcome o = client.push(config, sha);
      return new PushResult(
          o == null ? PushOutcome.indeterminate("the client returned no outcome") : o, null);
    } catch (RuntimeException e) {
      return new PushResult(
          PushOutcome.indeterminate("the client threw " + e.getClass().getSimpleName()), e);
    }
  }

  /** D3. */
  private static void apply(
      Target t, PushOutcome o, ConfigSha sha, String h, boolean empty, PushKind kind) {
    switch (o.kind()) {
      case ACCEPTED -> {
        t.state = GatewayState.known(sha);
        t.served(kind, h);
        t.syncedHash = h;
        t.knownEmpty = empty;
        t.emptyDoubt = false;
        t.lastAccepted = sha;
      }
      case REJECTED_ENTITIES, REJECTED_UNPARSEABLE -> {
        if (!t.atomic) {
          t.forget();
        }
      }
      case TRANSIENT -> {
        // the request never reached the gateway: nothing changed
      }
      case INDETERMINATE -> t.forget();
    }
  }

  /**
   * The tick's targets, in the given order, after asking every gateway concurrently (on the
   * executor, within the timeout) for its instance and, where the loop believes it configured,
   * whether it reports an empty configuration.
   */
  private List<Target> resolve(List<? extends GatewayClient> clients) {
    stillRunning.values().removeIf(call -> !call.isRunning());
    List<GatewayClient> unique = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (GatewayClient c : clients) {
      if (seen.add(c.id())) {
        unique.add(c); // the same target listed twice is configured once
      }
    }
    Map<String, ClientCall<Probe>> probes = new LinkedHashMap<>();
    for (GatewayClient c : unique) {
      String id = c.id();
      if (stillRunning.containsKey(id)) {
        continue;
      }
      Target known = targets.get(id);
      boolean same = known != null && known.atomic == c.isAtomic();
      String previous = known != null && same ? known.instance : "";
      boolean askEmpty =
          known != null && same && known.state instanceof GatewayState.Known && !known.knownEmpty;
      probes.put(id, ClientCall.submit(executor, () -> probe(c, same, previous, askEmpty)));
    }
    List<Target> ts = new ArrayList<>();
    for (GatewayClient c : unique) {
      String id = c.id();
      ClientCall<Probe> call = probes.get(id);
      if (call == null) {
        // an abandoned call is still using this client: ask it nothing; it is unknown already
        Target known = targets.get(id);
        if (known == null || known.atomic != c.isAtomic()) {
          known = new Target(c, "busy:" + System.nanoTime());
          targets.put(id, known);
        }
        known.client = c;
        known.attempts.clear();
        known.emptyDoubt = false;
        ts.add(known);
        continue;
      }
      Probe p;
      ClientCall.Waited<Probe> w = call.await(pushTimeout);
      if (w instanceof ClientCall.Done<Probe> done) {
        p = done.value();
      } else {
        if (w instanceof ClientCall.StillRunning<Probe>) {
          stillRunning.put(id, call);
        }
        String why =
            w instanceof ClientCall.NotStarted<Probe> ns
                ? ns.why()
                : ((ClientCall.StillRunning<Probe>) w).why();
        LOG.warn(
            "asking gateway {} for its instance failed ({}); its configuration is unknown",
            id,
            why);
        p = new Probe("unanswered:" + System.nanoTime(), false, null, null);
      }
      RuntimeException instanceError = p.instanceError();
      if (instanceError != null) {
        LOG.warn(
            "reading the instance of {} failed; its configuration is unknown", id, instanceError);
      }
      RuntimeException emptyError = p.emptyError();
      if (emptyError != null) {
        LOG.warn(
            "asking {} whether it runs an empty configuration failed; assuming it does",
            id,
            emptyError);
      }
      Target t = targets.get(id);
      if (t == null || t.atomic != c.isAtomic()) {
        t = new Target(c, p.instance());
        targets.put(id, t);
      } else {
        t.client = c;
        if (!t.instance.equals(p.instance())) {
          LOG.info("gateway {} is a new instance; its configuration is unknown", id);
          t.instance = p.instance();
          t.forget();
        }
      }
      t.attempts.clear();
      t.emptyDoubt = false;
      if (t.state instanceof GatewayState.Known && !t.knownEmpty && p.reportsEmpty()) {
        LOG.info("gateway {} reports an empty configuration; its configuration is unknown", id);
        t.emptyDoubt = true;
        t.forget();
      }
      ts.add(t);
    }
    targets.keySet().retainAll(seen); // a removed gateway that comes back starts unknown
    return ts;
  }

  /**
   * What a gateway said before the pushes.
   *
   * @param instance its instance token (a fresh unique one when it could not be read)
   * @param reportsEmpty whether it reports an empty configuration (asked only when the loop
   *     believes it configured and the instance is unchanged; true when asking failed)
   * @param instanceError what reading the instance threw, for the log; null when it did not
   * @param emptyError what asking for an empty configuration threw, for the log; null when it did
   *     not or was not asked
   */
  private record Probe(
      String instance,
      boolean reportsEmpty,
      @Nullable RuntimeException instanceError,
      @Nullable RuntimeException emptyError) {}

  /** Runs on the executor: the instance, then (if still the same instance) the empty check. */
  private static Probe probe(GatewayClient c, boolean known, String previous, boolean askEmpty) {
    String instance;
    RuntimeException instanceError = null;
    try {
      instance = Objects.requireNonNullElse(c.instance(), "");
    } catch (RuntimeException e) {
      instance = "unreadable:" + System.nanoTime();
      instanceError = e;
    }
    boolean empty = false;
    RuntimeException emptyError = null;
    if (askEmpty && known && instance.equals(previous)) {
      try {
        empty = c.reportsEmptyConfig() || c.configurationDrifted(); // restarted, wiped or drifted
      } catch (RuntimeException e) {
        empty = true; // doubt means push
        emptyError = e;
      }
    }
    return new Probe(instance, empty, instanceError, emptyError);
  }

  private void fire(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("a sync listener threw; ignored", e);
    }
  }

  private static void log(SyncResult r) {
    switch (r.outcome()) {
      case IN_SYNC -> LOG.debug("{}", r);
      case DESIRED_APPLIED -> LOG.info("{}", r);
      case FALLBACK_APPLIED, LAST_VALID_APPLIED, FAILED -> LOG.warn("{}", r);
    }
    r.excluded().values().forEach(reason -> LOG.info("excluded: {}", reason));
    r.translationExcluded()
        .values()
        .forEach(reason -> LOG.warn("left out (translation failed closed): {}", reason));
    r.backfillRefusals().forEach(refusal -> LOG.info("backfill refused: {}", refusal));
    r.translationFailures().forEach(f -> LOG.debug("translation failure: {}", f));
  }

  static int countEntities(KongConfig config) {
    int n = 0;
    for (ImmutableList<KongEntity> section : config.sections().values()) {
      n += count(section);
    }
    return n;
  }

  private static int count(List<KongEntity> entities) {
    int n = entities.size();
    for (KongEntity e : entities) {
      for (ImmutableList<KongEntity> nested : e.nested().values()) {
        n += count(nested);
      }
    }
    return n;
  }
}
