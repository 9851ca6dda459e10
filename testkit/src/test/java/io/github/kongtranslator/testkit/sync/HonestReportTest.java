package io.github.kongtranslator.testkit.sync;

import static io.github.kongtranslator.testkit.sync.Fixtures.FOR_AUTH;
import static io.github.kongtranslator.testkit.sync.Fixtures.KEY_AUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.FallbackMode;
import io.github.kongtranslator.fallback.sync.GatewayReport;
import io.github.kongtranslator.fallback.sync.PushKind;
import io.github.kongtranslator.fallback.sync.RunningConfig;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.testkit.gateway.Fault;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: a result never claims success while the gateways run a fallback, every tick's result
 * tells what runs, and the desired configuration can be retried while on a fallback.
 */
class HonestReportTest {

  /** A clock the test moves by hand (no timed tests). */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static SimulatedGateway gateway(boolean atomic, Set<ObjectRef> invalid) {
    return atomic
        ? SimulatedGateway.atomic("kong-a", SimulatedGateway.taggedByAny(invalid))
        : SimulatedGateway.partial("kong-p", SimulatedGateway.taggedByAny(invalid));
  }

  private static void assertRunsEverywhere(SyncResult r, RunningConfig running) {
    assertThat(r.gateways()).extracting(GatewayReport::running).containsOnly(running);
  }

  /** The reported bug: the tick after a fallback said IN_SYNC, success, nothing excluded. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void tickAfterFallback_sameSnapshot_reportsTheFallbackNotSuccess(boolean atomic) {
    SimulatedGateway kong = gateway(atomic, Set.of(KEY_AUTH));
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    CacheStores snapshot = Fixtures.withBrokenPlugin("1");
    SyncResult first = sync.sync(snapshot);
    assertThat(first.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(first.isSuccess()).isFalse();
    assertRunsEverywhere(first, RunningConfig.FALLBACK);

    SyncResult second = sync.sync(snapshot);
    assertThat(second.sentCount()).isZero();
    assertThat(second.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(second.outcome().isSuccess()).isFalse();
    assertThat(second.isSuccess()).isFalse();
    assertThat(second.applied()).contains(PushKind.FALLBACK);
    assertThat(second.appliedSha()).isEqualTo(first.appliedSha());
    assertThat(second.desiredSha()).isEqualTo(first.desiredSha());
    assertThat(second.excluded()).isNotEmpty().isEqualTo(first.excluded());
    assertThat(second.excluded().keySet())
        .extracting(ObjectRef::withoutVersionAndUid)
        .contains(FOR_AUTH.withoutVersionAndUid(), KEY_AUTH.withoutVersionAndUid());
    assertThat(second.brokenObjects()).isEqualTo(first.brokenObjects());
    assertThat(second.configuredObjects())
        .isEqualTo(first.configuredObjects())
        .doesNotContain(FOR_AUTH.withoutVersionAndUid())
        .contains(Fixtures.WORKING.withoutVersionAndUid());
    assertRunsEverywhere(second, RunningConfig.FALLBACK);
    assertThat(kong.servesEntityOf(FOR_AUTH)).isFalse();
  }

  @Test
  void tickAfterLastValid_sameSnapshot_reportsLastValidAndTheBrokenObjects() {
    SimulatedGateway kong = gateway(true, Set.of(KEY_AUTH));
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Loop.TRANSLATOR)
            .gateway(kong)
            .fallbackMode(FallbackMode.DISABLED)
            .build();
    assertThat(sync.sync(Fixtures.valid("1")).isSuccess()).isTrue();
    CacheStores broken = Fixtures.withBrokenPlugin("1");
    SyncResult first = sync.sync(broken);
    assertThat(first.outcome()).isEqualTo(SyncOutcome.LAST_VALID_APPLIED);
    SyncResult second = sync.sync(broken);
    assertThat(second.sentCount()).isZero();
    assertThat(second.outcome()).isEqualTo(SyncOutcome.LAST_VALID_APPLIED);
    assertThat(second.isSuccess()).isFalse();
    assertThat(second.brokenObjects()).isNotEmpty().isEqualTo(first.brokenObjects());
    assertRunsEverywhere(second, RunningConfig.LAST_VALID);
  }

  @Test
  void tickAfterDesired_sameSnapshot_isInSyncAndASuccess() {
    SimulatedGateway kong = gateway(false, Set.of());
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    SyncResult first = sync.sync(Fixtures.valid("1"));
    SyncResult second = sync.sync(Fixtures.valid("1"));
    assertThat(second.outcome()).isEqualTo(SyncOutcome.IN_SYNC);
    assertThat(second.isSuccess()).isTrue();
    assertThat(second.applied()).contains(PushKind.DESIRED);
    assertThat(second.appliedSha()).isEqualTo(first.appliedSha());
    assertThat(second.configuredObjects()).contains(Fixtures.WORKING.withoutVersionAndUid());
    assertRunsEverywhere(second, RunningConfig.DESIRED);
  }

  @Test
  void gatewayInUnknownState_isNeverASuccess() {
    SimulatedGateway ok = gateway(true, Set.of());
    SimulatedGateway down = SimulatedGateway.partial("down", e -> false);
    down.inject(Fault.timeoutAfterApplying());
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(ok).gateway(down).build();
    SyncResult r = sync.sync(Fixtures.valid("1"));
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.gateways())
        .extracting(GatewayReport::running)
        .containsExactly(RunningConfig.DESIRED, RunningConfig.UNKNOWN);
  }

  /**
   * Without a retry policy the desired configuration of an unchanged snapshot is not tried again.
   */
  @Test
  void fixedGateway_withoutRetry_keepsServingTheFallback() {
    Set<ObjectRef> invalid = new HashSet<>(List.of(KEY_AUTH));
    SimulatedGateway kong = gateway(false, invalid);
    ManualClock clock = new ManualClock();
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).clock(clock).build();
    CacheStores snapshot = Fixtures.withBrokenPlugin("1");
    sync.sync(snapshot);
    invalid.clear(); // e.g. the plugin was installed on the gateway
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofDays(1));
      SyncResult r = sync.sync(snapshot);
      assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
      assertThat(r.desiredRetried()).isFalse();
      assertThat(r.sentCount()).isZero();
    }
    assertThat(kong.servesEntityOf(FOR_AUTH)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void retryDesired_afterTheGatewayWasFixed_appliesTheDesiredConfiguration(boolean atomic) {
    Set<ObjectRef> invalid = new HashSet<>(List.of(KEY_AUTH));
    SimulatedGateway kong = gateway(atomic, invalid);
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    CacheStores snapshot = Fixtures.withBrokenPlugin("1");
    assertThat(sync.sync(snapshot).outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    invalid.clear();
    sync.retryDesired();
    SyncResult r = sync.sync(snapshot);
    assertThat(r.desiredRetried()).isTrue();
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.excluded()).isEmpty();
    assertThat(kong.servesEntityOf(FOR_AUTH)).isTrue();
    assertThat(kong.served()).isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(snapshot)));
    SyncResult after = sync.sync(snapshot);
    assertThat(after.outcome()).isEqualTo(SyncOutcome.IN_SYNC);
    assertThat(after.desiredRetried()).isFalse();
  }

  @Test
  void retryDesired_stillRejected_fallsBackAgain_andReportsIt() {
    SimulatedGateway kong = gateway(false, Set.of(KEY_AUTH));
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    CacheStores snapshot = Fixtures.withBrokenPlugin("1");
    SyncResult first = sync.sync(snapshot);
    sync.retryDesired();
    SyncResult r = sync.sync(snapshot);
    assertThat(r.desiredRetried()).isTrue();
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(r.gateways().get(0).attempts())
        .extracting(a -> a.kind())
        .containsExactly(PushKind.DESIRED, PushKind.FALLBACK);
    assertThat(r.excluded()).isEqualTo(first.excluded());
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
    // the request is used up
    assertThat(sync.sync(snapshot).sentCount()).isZero();
  }

  @Test
  void retryDesiredAfter_retriesOncePerInterval_measuredFromTheLastAttempt() {
    Set<ObjectRef> invalid = new HashSet<>(List.of(KEY_AUTH));
    SimulatedGateway kong = gateway(true, invalid);
    ManualClock clock = new ManualClock();
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Loop.TRANSLATOR)
            .gateway(kong)
            .retryDesiredAfter(Duration.ofMinutes(5))
            .clock(clock)
            .build();
    CacheStores snapshot = Fixtures.withBrokenPlugin("1");
    assertThat(sync.sync(snapshot).outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    clock.advance(Duration.ofMinutes(4));
    assertThat(sync.sync(snapshot).desiredRetried()).isFalse();
    clock.advance(Duration.ofMinutes(1));
    SyncResult retried = sync.sync(snapshot); // still broken: falls back again
    assertThat(retried.desiredRetried()).isTrue();
    assertThat(retried.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    clock.advance(Duration.ofMinutes(4));
    assertThat(sync.sync(snapshot).desiredRetried()).as("interval restarts at the retry").isFalse();
    invalid.clear();
    clock.advance(Duration.ofMinutes(1));
    SyncResult fixed = sync.sync(snapshot);
    assertThat(fixed.desiredRetried()).isTrue();
    assertThat(fixed.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(kong.servesEntityOf(FOR_AUTH)).isTrue();
  }

  @Test
  void retryDesiredAfter_rejectsNegative() {
    assertThatThrownBy(
            () ->
                ConfigSynchronizer.builder(Loop.TRANSLATOR)
                    .retryDesiredAfter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryDesired_whenDesiredRuns_doesNothing() {
    SimulatedGateway kong = gateway(true, Set.of());
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    sync.sync(Fixtures.valid("1"));
    sync.retryDesired();
    SyncResult r = sync.sync(Fixtures.valid("1"));
    assertThat(r.desiredRetried()).isFalse();
    assertThat(r.sentCount()).isZero();
    assertThat(r.outcome()).isEqualTo(SyncOutcome.IN_SYNC);
  }

  /** Each gateway report says what that gateway runs, also when the gateways differ. */
  @Test
  void perGatewayRunning_desiredLastValidAndEarlier() {
    SimulatedGateway a = SimulatedGateway.atomic("a", e -> false);
    SimulatedGateway b = SimulatedGateway.atomic("b", e -> false);
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(a).gateway(b).build();
    CacheStores s1 =
        Fixtures.load(Fixtures.SERVICE, Fixtures.ingress("working-ingress", "/one", "1", ""));
    CacheStores s2 =
        Fixtures.load(Fixtures.SERVICE, Fixtures.ingress("working-ingress", "/two", "2", ""));
    CacheStores s3 =
        Fixtures.load(Fixtures.SERVICE, Fixtures.ingress("working-ingress", "/three", "3", ""));
    assertRunsEverywhere(sync.sync(s1), RunningConfig.DESIRED);
    b.inject(Fault.timeoutBeforeSending());
    SyncResult r2 = sync.sync(s2);
    assertThat(r2.isSuccess()).isFalse();
    assertThat(r2.gateways())
        .extracting(GatewayReport::running)
        .containsExactly(RunningConfig.DESIRED, RunningConfig.LAST_VALID);
    a.inject(Fault.timeoutBeforeSending());
    SyncResult r3 = sync.sync(s3);
    assertThat(r3.isSuccess()).isFalse();
    assertThat(r3.gateways())
        .extracting(GatewayReport::running)
        .containsExactly(RunningConfig.EARLIER, RunningConfig.DESIRED);
    assertThat(sync.sync(s3).isSuccess()).isTrue();
  }
}
