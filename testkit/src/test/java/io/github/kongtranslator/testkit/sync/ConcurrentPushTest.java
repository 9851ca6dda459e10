package io.github.kongtranslator.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.GatewayReport;
import io.github.kongtranslator.fallback.sync.PushAttempt;
import io.github.kongtranslator.fallback.sync.SyncListener;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.testkit.gateway.Fault;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ConfigSynchronizer} asks its gateways for their instance and pushes to them concurrently
 * (fallback-spec §5.2 step 4), bounded by the per-gateway timeout, and still reports in the
 * gateways' order with each gateway's state following only its own outcome. Gateways are {@link
 * SimulatedGateway}s held on latches.
 */
@Timeout(60)
class ConcurrentPushTest {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());
  private static final Duration LONG = Duration.ofSeconds(30);

  private final ExecutorService caller = Executors.newSingleThreadExecutor();
  private final List<CountDownLatch> toRelease = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void releaseAndStop() {
    toRelease.forEach(CountDownLatch::countDown);
    caller.shutdownNow();
  }

  private CountDownLatch latch(int n) {
    CountDownLatch l = new CountDownLatch(n);
    toRelease.add(l);
    return l;
  }

  private static void await(CountDownLatch l) {
    try {
      if (!l.await(LONG.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static KongConfig translate(CacheStores s) {
    return TRANSLATOR.translate(s).config();
  }

  @Test
  void threeGateways_arePushedAtOnce_andReportedInTheirOrder() throws Exception {
    CountDownLatch arrived = latch(3);
    CountDownLatch release = latch(1);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<SimulatedGateway> gateways =
        List.of(
            SimulatedGateway.atomic("g1", e -> false),
            SimulatedGateway.partial("g2", e -> false),
            SimulatedGateway.atomic("g3", e -> false));
    for (SimulatedGateway g : gateways) {
      g.beforePush(
          () -> {
            threads.add(Thread.currentThread().getName());
            arrived.countDown();
            await(release);
          });
    }
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    String callerThread = caller.submit(() -> Thread.currentThread().getName()).get();
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(gateways.get(0))
            .gateway(gateways.get(1))
            .gateway(gateways.get(2))
            .listener(
                new SyncListener() {
                  @Override
                  public void pushSent(PushEvent e) {
                    events.add(
                        e.gatewayId()
                            + " "
                            + e.outcome().kind()
                            + " on caller "
                            + Thread.currentThread().getName().equals(callerThread));
                  }
                })
            .build();
    CacheStores snapshot = Fixtures.valid("1");

    Future<SyncResult> tick = caller.submit(() -> sync.sync(snapshot));
    assertThat(arrived.await(LONG.toSeconds(), TimeUnit.SECONDS))
        .as("all three pushes are in progress at the same time")
        .isTrue();
    assertThat(tick).isNotDone();
    release.countDown();
    SyncResult r = tick.get(LONG.toSeconds(), TimeUnit.SECONDS);

    assertThat(threads)
        .hasSize(3)
        .noneMatch(callerThread::equals)
        .allMatch(n -> n.startsWith("kong-translator-push-"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(r.gateways()).extracting(GatewayReport::gatewayId).containsExactly("g1", "g2", "g3");
    assertThat(events)
        .containsExactly(
            "g1 ACCEPTED on caller true",
            "g2 ACCEPTED on caller true",
            "g3 ACCEPTED on caller true");
    KongConfig expected = translate(snapshot);
    for (SimulatedGateway g : gateways) {
      assertThat(g.serves(expected)).as(g.id()).isTrue();
      assertThat(sync.gatewayState(g.id()))
          .isEqualTo(GatewayState.known(r.appliedSha().orElseThrow()));
    }
  }

  @Test
  void reportsKeepTheConfiguredOrder_whenPushesFinishInReverse() throws Exception {
    // g3 finishes first, then g2, then g1
    CountDownLatch g3done = latch(1);
    CountDownLatch g2done = latch(1);
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    SimulatedGateway g1 =
        SimulatedGateway.atomic("g1", e -> false)
            .beforePush(
                () -> {
                  await(g2done);
                  finished.add("g1");
                });
    SimulatedGateway g2 =
        SimulatedGateway.atomic("g2", e -> false)
            .beforePush(
                () -> {
                  await(g3done);
                  finished.add("g2");
                  g2done.countDown();
                });
    SimulatedGateway g3 =
        SimulatedGateway.atomic("g3", e -> false)
            .beforePush(
                () -> {
                  finished.add("g3");
                  g3done.countDown();
                });
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g1)
            .gateway(g2)
            .gateway(g3)
            .listener(
                new SyncListener() {
                  @Override
                  public void pushSent(PushEvent e) {
                    events.add(e.gatewayId());
                  }
                })
            .build();
    SyncResult r =
        caller.submit(() -> sync.sync(Fixtures.valid("1"))).get(LONG.toSeconds(), TimeUnit.SECONDS);
    assertThat(finished).containsExactly("g3", "g2", "g1");
    assertThat(events).containsExactly("g1", "g2", "g3");
    assertThat(r.gateways()).extracting(GatewayReport::gatewayId).containsExactly("g1", "g2", "g3");
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
  }

  @Test
  void eachGatewayState_followsOnlyItsOwnOutcome_inOneConcurrentStep() throws Exception {
    CountDownLatch arrived = latch(3);
    SimulatedGateway ok = SimulatedGateway.atomic("ok", e -> false);
    SimulatedGateway lost =
        SimulatedGateway.atomic("lost", e -> false).inject(Fault.timeoutAfterApplying());
    SimulatedGateway partial =
        SimulatedGateway.partial("partial", e -> false).inject(Fault.failAfter(1));
    for (SimulatedGateway g : List.of(ok, lost, partial)) {
      g.beforePush(
          () -> {
            arrived.countDown();
            await(arrived); // every push waits until all three run: they overlap
          });
    }
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(TRANSLATOR).gateway(ok).gateway(lost).gateway(partial).build();
    SyncResult r =
        caller.submit(() -> sync.sync(Fixtures.valid("1"))).get(LONG.toSeconds(), TimeUnit.SECONDS);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(r.gateways())
        .extracting(g -> g.lastAttempt().orElseThrow().outcome().kind())
        .containsExactly(
            PushOutcome.Kind.ACCEPTED,
            PushOutcome.Kind.INDETERMINATE,
            PushOutcome.Kind.INDETERMINATE);
    assertThat(sync.gatewayState("ok")).isEqualTo(GatewayState.known(r.desiredSha().orElseThrow()));
    assertThat(sync.gatewayState("lost")).isEqualTo(GatewayState.unknown());
    assertThat(sync.gatewayState("partial")).isEqualTo(GatewayState.unknown());

    // next tick: only the unknown gateways are pushed to, and every one ends serving the config
    ok.beforePush(() -> {});
    lost.beforePush(() -> {});
    partial.beforePush(() -> {});
    SyncResult next =
        caller.submit(() -> sync.sync(Fixtures.valid("1"))).get(LONG.toSeconds(), TimeUnit.SECONDS);
    assertThat(next.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(next.gateways()).extracting(GatewayReport::sentCount).containsExactly(0, 1, 1);
    KongConfig expected = translate(Fixtures.valid("1"));
    assertThat(List.of(ok, lost, partial)).allMatch(g -> g.serves(expected));
  }

  @Test
  void aPushOverTheTimeout_isIndeterminate_andItsClientIsLeftAloneUntilItReturns()
      throws Exception {
    CountDownLatch release = latch(1);
    SimulatedGateway slow =
        SimulatedGateway.partial("slow", e -> false).beforePush(() -> await(release));
    SimulatedGateway fast = SimulatedGateway.atomic("fast", e -> false);
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(slow)
            .gateway(fast)
            .pushTimeout(Duration.ofMillis(300))
            .build();

    long start = System.nanoTime();
    SyncResult r =
        caller.submit(() -> sync.sync(Fixtures.valid("1"))).get(LONG.toSeconds(), TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FAILED);
    PushAttempt slowAttempt = r.gateways().get(0).lastAttempt().orElseThrow();
    assertThat(slowAttempt.outcome().kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
    assertThat(slowAttempt.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(sync.gatewayState("slow")).isEqualTo(GatewayState.unknown());
    assertThat(sync.gatewayState("fast"))
        .isEqualTo(GatewayState.known(r.desiredSha().orElseThrow()));

    // the abandoned push is still running: the next tick does not call that client at all
    SyncResult busy =
        caller.submit(() -> sync.sync(Fixtures.valid("2"))).get(LONG.toSeconds(), TimeUnit.SECONDS);
    assertThat(busy.gateways().get(0).lastAttempt().orElseThrow().outcome().kind())
        .isEqualTo(PushOutcome.Kind.TRANSIENT);
    assertThat(slow.received()).isEmpty();
    assertThat(sync.gatewayState("slow")).isEqualTo(GatewayState.unknown());

    // once it returned, the gateway is pushed to again (it is unknown, so never skipped)
    release.countDown();
    SyncResult after = busy;
    for (int i = 0; i < 250 && after.outcome() != SyncOutcome.DESIRED_APPLIED; i++) {
      Thread.sleep(20); // until the abandoned push has returned
      after =
          caller
              .submit(() -> sync.sync(Fixtures.valid("2")))
              .get(LONG.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(after.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(slow.received()).hasSize(2); // the abandoned push, then this one
    assertThat(slow.serves(translate(Fixtures.valid("2")))).isTrue();
    assertThat(sync.gatewayState("slow"))
        .isEqualTo(GatewayState.known(after.desiredSha().orElseThrow()));
  }

  @Test
  void aPushTheExecutorNeverStartsOrRefuses_isTransient_andNothingIsSent() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    SimulatedGateway g = SimulatedGateway.atomic("g", e -> false);
    ConfigSynchronizer starved =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g)
            .executor(queued::add)
            .pushTimeout(Duration.ofMillis(100))
            .build();
    SyncResult r = starved.sync(Fixtures.valid("1"));
    assertThat(r.gateways().get(0).lastAttempt().orElseThrow().outcome().kind())
        .isEqualTo(PushOutcome.Kind.TRANSIENT);
    queued.forEach(Runnable::run); // starting it late does nothing
    assertThat(g.received()).isEmpty();

    ConfigSynchronizer refusing =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g)
            .executor(
                task -> {
                  throw new RejectedExecutionException("full");
                })
            .build();
    SyncResult refused = refusing.sync(Fixtures.valid("1"));
    assertThat(refused.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(refused.gateways().get(0).lastAttempt().orElseThrow().outcome().kind())
        .isEqualTo(PushOutcome.Kind.TRANSIENT);
    assertThat(g.received()).isEmpty();

    ConfigSynchronizer direct =
        ConfigSynchronizer.builder(TRANSLATOR).gateway(g).executor(Runnable::run).build();
    assertThat(direct.sync(Fixtures.valid("1")).outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(g.received()).hasSize(1);
  }

  /** A simulated gateway whose {@link GatewayClient#instance()} first runs a hook. */
  private static GatewayClient askedFirst(SimulatedGateway g, Runnable onInstance) {
    return new GatewayClient() {
      @Override
      public String id() {
        return g.id();
      }

      @Override
      public boolean isAtomic() {
        return g.isAtomic();
      }

      @Override
      public PushOutcome push(KongConfig config, ConfigSha sha) {
        return g.push(config, sha);
      }

      @Override
      public boolean reportsEmptyConfig() {
        return g.reportsEmptyConfig();
      }

      @Override
      public String instance() {
        onInstance.run();
        return g.instance();
      }
    };
  }

  @Test
  void instanceQuestions_areAskedConcurrently_andAnUnansweredOneMakesTheGatewayUnknown()
      throws Exception {
    CountDownLatch arrived = latch(2);
    List<Boolean> overlapped = Collections.synchronizedList(new ArrayList<>());
    Runnable meet =
        () -> {
          arrived.countDown();
          try {
            overlapped.add(arrived.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    SimulatedGateway a = SimulatedGateway.atomic("a", e -> false);
    SimulatedGateway b = SimulatedGateway.partial("b", e -> false);
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(askedFirst(a, meet))
            .gateway(askedFirst(b, meet))
            .build();
    SyncResult r =
        caller.submit(() -> sync.sync(Fixtures.valid("1"))).get(LONG.toSeconds(), TimeUnit.SECONDS);
    assertThat(overlapped).containsExactly(true, true);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);

    // b's instance question hangs: the tick does not wait past the timeout, b is unknown, a is fine
    CountDownLatch release = latch(1);
    ConfigSynchronizer hanging =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(askedFirst(a, () -> {}))
            .gateway(askedFirst(b, () -> await(release)))
            .pushTimeout(Duration.ofMillis(300))
            .build();
    SyncResult h =
        caller
            .submit(() -> hanging.sync(Fixtures.valid("2")))
            .get(LONG.toSeconds(), TimeUnit.SECONDS);
    assertThat(h.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(h.gateways().get(0).lastAttempt().orElseThrow().outcome().kind())
        .isEqualTo(PushOutcome.Kind.ACCEPTED);
    assertThat(h.gateways().get(1).lastAttempt().orElseThrow().outcome().kind())
        .isEqualTo(PushOutcome.Kind.TRANSIENT);
    assertThat(hanging.gatewayState("b")).isEqualTo(GatewayState.unknown());
    release.countDown();
    SyncResult after = h;
    for (int i = 0; i < 250 && after.outcome() != SyncOutcome.DESIRED_APPLIED; i++) {
      Thread.sleep(20); // until the abandoned question has returned
      after =
          caller
              .submit(() -> hanging.sync(Fixtures.valid("2")))
              .get(LONG.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(after.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(hanging.gatewayState("b"))
        .isEqualTo(GatewayState.known(after.desiredSha().orElseThrow()));
  }

  @Test
  void pushTimeout_mustBePositive() {
    ConfigSynchronizer.Builder b = ConfigSynchronizer.builder(TRANSLATOR);
    assertThatThrownBy(() -> b.pushTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> b.pushTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
