package io.github.kongtranslator.testkit.sync;

import static io.github.kongtranslator.testkit.sync.Fixtures.FOR_AUTH;
import static io.github.kongtranslator.testkit.sync.Fixtures.KEY_AUTH;
import static io.github.kongtranslator.testkit.sync.Fixtures.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.gateway.RetryPolicy;
import io.github.kongtranslator.fallback.sync.FallbackMode;
import io.github.kongtranslator.fallback.sync.PushKind;
import io.github.kongtranslator.fallback.sync.SyncListener;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.testkit.gateway.Fault;
import io.github.kongtranslator.testkit.gateway.HttpFault;
import io.github.kongtranslator.testkit.gateway.KongAdminFake;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regressions for the two seed reports (fallback-spec §5.7–§5.11).
 *
 * <p>Each bug-(a) scenario is a method taking the skip policy. The tests run it with the library's
 * policy ({@link SkipPolicy#TARGET}, D4) and expect it to pass; {@link
 * #everyScenario_failsWithKicShaOnlySkip} runs the same scenarios with KIC's "skip when the SHA
 * equals the last accepted one" policy (and, where the scenario is one of the variants that survive
 * #7380, with KIC's post-#7380 policy) and expects each to fail: the checks really catch a
 * synchronizer that skips by SHA alone.
 *
 * <p>Expected configurations come from the fixtures, not from the loop: the fallback of the seed
 * cluster is the translation of the valid cluster (the same objects without the broken KongPlugin
 * and the Ingress using it).
 */
class SeedBugRegressionTest {

  // ---- bug (a) and its variants -----------------------------------------------------------

  /**
   * Seed 000 (U6): partial gateway; the valid cluster is applied; the broken plugin and the Ingress
   * using it are added; then unrelated resourceVersion bumps. The fallback's SHA equals the last
   * good SHA, yet every tick must leave exactly the fallback, without the {@code /for-auth-users}
   * route.
   */
  static void seed000(SkipPolicy policy) {
    Loop loop = Loop.with(policy);
    SimulatedGateway kong =
        SimulatedGateway.partial("kong-db", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)));
    SyncResult first = loop.tick(Fixtures.valid("1"), kong);
    assertThat(first.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    for (int rv = 1; rv <= 4; rv++) {
      SyncResult r = loop.tick(Fixtures.withBrokenPlugin(String.valueOf(rv)), kong);
      KongConfig fallback = Loop.translate(Fixtures.valid(String.valueOf(rv)));
      assertThat(ConfigSha.of(fallback))
          .as("fallback SHA equals the last good SHA")
          .isEqualTo(ConfigSha.of(Loop.translate(Fixtures.valid("1"))));
      assertThat(r.outcome()).as("tick %s", rv).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
      assertThat(r.excluded().keySet())
          .extracting(ObjectRef::withoutVersionAndUid)
          .containsExactlyInAnyOrder(
              KEY_AUTH.withoutVersionAndUid(), FOR_AUTH.withoutVersionAndUid());
      assertThat(kong.servesEntityOf(FOR_AUTH))
          .as("route /for-auth-users after tick %s", rv)
          .isFalse();
      assertThat(kong.served()).as("tick %s", rv).isEqualTo(SimulatedGateway.entitiesOf(fallback));
      assertThat(kong.servesEntityOf(WORKING)).isTrue();
    }
    // D7: once the fallback is known, the bumps do not re-send the desired configuration to the
    // partial gateway, so the unprotected route is never re-created, not even for a moment
    java.util.Set<ConfigSha> desired = new java.util.HashSet<>();
    for (int rv = 1; rv <= 4; rv++) {
      desired.add(ConfigSha.of(Loop.translate(Fixtures.withBrokenPlugin(String.valueOf(rv)))));
    }
    assertThat(kong.received().stream().filter(desired::contains)).hasSize(1);
  }

  /**
   * V2: the forced fallback push itself fails, and so does the last-valid push; the next tick
   * (cache unchanged) must still remove the residue.
   */
  static void forcedPushFails(SkipPolicy policy) {
    Loop loop = Loop.with(policy);
    SimulatedGateway kong =
        SimulatedGateway.partial("kong-db", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)));
    loop.tick(Fixtures.valid("1"), kong);
    // desired push: partially applied and rejected; fallback and last-valid pushes: 502
    kong.inject(Fault.none()).inject(Fault.failAfter(0)).inject(Fault.failAfter(0));
    SyncResult failed = loop.tick(Fixtures.withBrokenPlugin("1"), kong);
    assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(kong.servesEntityOf(FOR_AUTH)).as("residue after the failed recovery").isTrue();
    SyncResult next = loop.tick(Fixtures.withBrokenPlugin("1"), kong);
    assertThat(next.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
  }

  /**
   * V1 / U7: the broken change fails part-way with every recovery push failing; the user then
   * reverts the cluster to the last good content. The revert's SHA is the last accepted SHA.
   */
  static void userRevert(SkipPolicy policy) {
    Loop loop = Loop.with(policy);
    SimulatedGateway kong =
        SimulatedGateway.partial("kong-db", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)));
    loop.tick(Fixtures.valid("1"), kong);
    kong.inject(Fault.none()).inject(Fault.failAfter(0)).inject(Fault.failAfter(0));
    assertThat(loop.tick(Fixtures.withBrokenPlugin("1"), kong).outcome())
        .isEqualTo(SyncOutcome.FAILED);
    assertThat(kong.servesEntityOf(FOR_AUTH)).as("residue of the partial push").isTrue();
    SyncResult revert = loop.tick(Fixtures.valid("1"), kong);
    assertThat(revert.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
  }

  /**
   * A new gateway instance behind the same id (a restored database holding an old configuration)
   * must be configured even though the loop's last accepted SHA equals the desired one.
   */
  static void newGatewayInstance(SkipPolicy policy) {
    Loop loop = Loop.with(policy);
    SimulatedGateway kong = SimulatedGateway.partial("kong-db", e -> false);
    loop.tick(Fixtures.valid("1"), kong);
    kong.restart();
    KongConfig old = Loop.translate(Fixtures.withBrokenPluginFixed());
    kong.push(old, ConfigSha.of(old)); // another writer restores an old state
    assertThat(kong.servesEntityOf(FOR_AUTH)).isTrue();
    SyncResult r = loop.tick(Fixtures.valid("1"), kong);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
  }

  /**
   * V4: an atomic gateway applies a push whose answer is lost (indeterminate); the user reverts to
   * the previous configuration, whose SHA is the last accepted one.
   */
  static void indeterminateThenRevert(SkipPolicy policy) {
    Loop loop = Loop.with(policy);
    SimulatedGateway kong = SimulatedGateway.atomic("kong-dbless", e -> false);
    loop.tick(Fixtures.valid("1"), kong);
    kong.inject(Fault.timeoutAfterApplying());
    SyncResult lost = loop.tick(Fixtures.withBrokenPluginFixed(), kong);
    assertThat(lost.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(loop.state("kong-dbless")).isEqualTo(GatewayState.unknown());
    SyncResult revert = loop.tick(Fixtures.valid("1"), kong);
    assertThat(revert.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
  }

  /**
   * A DB-less gateway restarts empty after the loop applied a fallback (the cache does not change):
   * the fallback must be pushed again (D6), not skipped.
   */
  static void restartedGatewayGetsFallbackAgain(SkipPolicy policy) {
    Loop loop = Loop.with(policy);
    SimulatedGateway kong =
        SimulatedGateway.atomic("kong-dbless", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)));
    CacheStores broken = Fixtures.withBrokenPlugin("1");
    assertThat(loop.tick(broken, kong).outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    kong.restart();
    SyncResult r = loop.tick(broken, kong);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
  }

  @Test
  void seed000_partialGateway_fallbackWithLastGoodSha_isPushedAndRouteIsGone() {
    seed000(SkipPolicy.TARGET);
  }

  @Test
  void forcedPushFailing_nextTickRemovesResidue() {
    forcedPushFails(SkipPolicy.TARGET);
  }

  @Test
  void userRevertAfterUnrecoveredPartialFailure_isPushed() {
    userRevert(SkipPolicy.TARGET);
  }

  @Test
  void newGatewayInstance_isConfiguredAlthoughShaUnchanged() {
    newGatewayInstance(SkipPolicy.TARGET);
  }

  @Test
  void indeterminateOutcome_thenRevert_isPushed() {
    indeterminateThenRevert(SkipPolicy.TARGET);
  }

  @Test
  void restartedGateway_getsTheFallbackAgain() {
    restartedGatewayGetsFallbackAgain(SkipPolicy.TARGET);
  }

  /** The scenarios above, for the witness test. */
  enum Scenario {
    SEED_000(SeedBugRegressionTest::seed000, false),
    FORCED_PUSH_FAILS(SeedBugRegressionTest::forcedPushFails, false),
    USER_REVERT(SeedBugRegressionTest::userRevert, true),
    NEW_GATEWAY_INSTANCE(SeedBugRegressionTest::newGatewayInstance, true),
    INDETERMINATE_THEN_REVERT(SeedBugRegressionTest::indeterminateThenRevert, true),
    RESTARTED_GATEWAY(SeedBugRegressionTest::restartedGatewayGetsFallbackAgain, true);

    final Consumer<SkipPolicy> run;
    final boolean survivesKic7380;

    Scenario(Consumer<SkipPolicy> run, boolean survivesKic7380) {
      this.run = run;
      this.survivesKic7380 = survivesKic7380;
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyScenario_failsWithKicShaOnlySkip(Scenario s) {
    assertThatThrownBy(() -> s.run.accept(KicSkipPolicies.SHA_ONLY))
        .isInstanceOf(AssertionError.class);
    if (s.survivesKic7380) {
      assertThatThrownBy(() -> s.run.accept(KicSkipPolicies.KIC_7380))
          .isInstanceOf(AssertionError.class);
    }
  }

  // ---- bug (a) on a real Admin API: V5 (several nodes, one database) and drift ---------------
  //
  // These run KongAdminClient against KongAdminFake. The library's protections are the shared
  // database group (one state for the database) and the drift check (the client compares what
  // the database holds under its tags with what it pushed). Each scenario takes the protection;
  // with NONE (no group, drift check effectively off) each must fail, which shows that the
  // protection is what makes it pass.

  /** How a DB-mode client is protected against a database changing behind its back. */
  enum Protection {
    /** Both nodes' clients in one shared-database group. */
    GROUP,
    /** Drift check on every tick. */
    DRIFT_CHECK,
    /** Neither (the witness: the scenario must fail). */
    NONE
  }

  static KongAdminClient dbClient(KongAdminFake node, Protection p) {
    KongAdminClient.Builder b =
        KongAdminClient.builder(node.url())
            .mode(KongAdminClient.Mode.DATABASE)
            .retry(RetryPolicy.defaults().withSleeper(d -> {}))
            .driftCheckInterval(p == Protection.DRIFT_CHECK ? Duration.ZERO : Duration.ofDays(1));
    if (p == Protection.GROUP) {
      b.sharedDatabase("pg-main");
    }
    return b.build();
  }

  /**
   * V5: Kong nodes a and b on one database, both configured by the loop. The valid configuration is
   * applied; then a refuses writes (429) while b applies a new configuration; then b's pod is gone
   * and the user reverts to the valid configuration, whose SHA a's client last had accepted. The
   * database must end with the valid configuration.
   */
  static void sharedDatabase(Protection p) {
    try (KongAdminFake a = KongAdminFake.start(KongAdminFake.Edition.OSS);
        KongAdminFake b = KongAdminFake.node(a.database())) {
      Loop loop = Loop.with(SkipPolicy.TARGET);
      KongAdminClient ca = dbClient(a, p);
      KongAdminClient cb = dbClient(b, p);
      assertThat(loop.tick(Fixtures.valid("1"), ca, cb).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      a.failMatching(w -> !w.startsWith("GET "), HttpFault.status(429), 1000);
      assertThat(loop.tick(Fixtures.withBrokenPluginFixed(), ca, cb).outcome())
          .isEqualTo(SyncOutcome.FAILED);
      a.clearFaults();
      loop.tick(Fixtures.valid("1"), ca);
      assertThat(GatewayContents.ours(a.database()))
          .as("the database after the revert")
          .isEqualTo(GatewayContents.expected(Loop.translate(Fixtures.valid("1"))));
    }
  }

  /**
   * Drift after a fallback: seed 000 on a database Kong; the fallback (without the route of the
   * Ingress whose plugin is broken) is applied; then that unprotected route reappears in the
   * database with our tags (an old controller, a restored backup). The next tick, with the cluster
   * unchanged, must remove it.
   */
  static void driftAfterFallback(Protection p) {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      kong.rejectEntities(
          e ->
              e.path("tags").toString().contains("k8s-kind:KongPlugin")
                  && e.path("tags").toString().contains("k8s-name:key-auth"));
      Loop loop = Loop.with(SkipPolicy.TARGET);
      KongAdminClient c = dbClient(kong, p);
      assertThat(loop.tick(Fixtures.valid("1"), c).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      CacheStores broken = Fixtures.withBrokenPlugin("1");
      assertThat(loop.tick(broken, c).outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
      List<String> fallback = GatewayContents.expected(Loop.translate(Fixtures.valid("1")));
      assertThat(GatewayContents.ours(kong.database())).isEqualTo(fallback);
      ObjectNode route = new ObjectMapper().createObjectNode().put("name", "unprotected");
      route.putArray("paths").add("/for-auth-users");
      route.putObject("service").put("id", kong.database().values("services", "id").get(0));
      route.putArray("tags").add(KongAdminClient.DEFAULT_SELECT_TAG);
      kong.database().insert("routes", route);
      loop.tick(broken, c);
      assertThat(GatewayContents.ours(kong.database()))
          .as("the unprotected route is gone again")
          .isEqualTo(fallback);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Protection.class,
      names = {"GROUP", "DRIFT_CHECK"})
  void v5_twoNodesOneDatabase_revertIsApplied(Protection p) {
    sharedDatabase(p);
  }

  @Test
  void v5_withoutGroupOrDriftCheck_leavesTheDatabaseStale() {
    assertThatThrownBy(() -> sharedDatabase(Protection.NONE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the database after the revert");
  }

  @Test
  void driftAfterFallback_unprotectedRouteReappearing_isRemoved() {
    driftAfterFallback(Protection.DRIFT_CHECK);
  }

  @Test
  void driftAfterFallback_withoutDriftCheck_staysServed() {
    assertThatThrownBy(() -> driftAfterFallback(Protection.NONE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the unprotected route is gone again");
  }

  // ---- bug (b) ------------------------------------------------------------------------------
  //
  // Bug (b) is not a skip-by-SHA bug: KIC crashed because a tick could reach the fallback with
  // an uninitialised snapshot. Here the loop always receives a real CacheStores and keeps the
  // last valid one as an Optional, so the crash has no code path; these tests pin the observable
  // behaviour (no exception, exactly the fallback served) on a cold loop, a gateway that appears
  // late and one that is down at first. With no accepted SHA yet there is nothing for a SHA-only
  // skip to compare, so they do not discriminate that policy; the SHA-sensitive variant of "a
  // gateway comes up after the fallback" is RESTARTED_GATEWAY above, which does.

  /**
   * U8: no gateway while the cache holds a broken object; then a gateway appears and the cache does
   * not change. No exception, and the new gateway gets exactly the fallback.
   */
  @ParameterizedTest
  @EnumSource(
      value = FallbackMode.class,
      names = {"EXCLUDE", "BACKFILL"})
  void gatewayAppearingAfterFirstTick_getsFallback_withoutException(FallbackMode mode) {
    Loop loop = Loop.with(SkipPolicy.TARGET, mode, SyncListener.NONE);
    CacheStores broken = Fixtures.withBrokenPlugin("1");
    SyncResult none = loop.tick(broken);
    assertThat(none.outcome()).isEqualTo(SyncOutcome.IN_SYNC);
    assertThat(none.gateways()).isEmpty();
    SimulatedGateway kong =
        SimulatedGateway.atomic("kong-0", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)));
    SyncResult r = loop.tick(broken, kong);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
    assertThat(loop.loop().lastValidSnapshot().map(CacheStores::hash))
        .contains(Fixtures.valid("1").hash());
  }

  /** A cold synchronizer (no last valid snapshot) on a freshly started gateway, both modes. */
  @ParameterizedTest
  @EnumSource(
      value = FallbackMode.class,
      names = {"EXCLUDE", "BACKFILL"})
  void coldSynchronizer_freshGateway_brokenConfig_pushesFallback(FallbackMode mode) {
    for (boolean atomic : new boolean[] {true, false}) {
      Loop loop = Loop.with(SkipPolicy.TARGET, mode, SyncListener.NONE);
      SimulatedGateway kong =
          atomic
              ? SimulatedGateway.atomic("a", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)))
              : SimulatedGateway.partial("p", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)));
      assertThat(kong.reportsEmptyConfig()).isTrue();
      SyncResult r = loop.tick(Fixtures.withBrokenPlugin("1"), kong);
      assertThat(r.outcome()).as("atomic=%s", atomic).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
      assertThat(r.applied()).contains(PushKind.FALLBACK);
      assertThat(r.brokenObjects())
          .extracting(ObjectRef::withoutVersionAndUid)
          .containsExactly(KEY_AUTH.withoutVersionAndUid());
      assertThat(kong.served())
          .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
    }
  }

  /** A gateway that is down on the first ticks and comes up later gets the fallback. */
  @Test
  void gatewayUpAfterFirstFailures_getsFallback() {
    Loop loop = Loop.with(SkipPolicy.TARGET);
    SimulatedGateway kong =
        SimulatedGateway.atomic("kong-0", SimulatedGateway.taggedByAny(List.of(KEY_AUTH)));
    kong.inject(Fault.timeoutBeforeSending()).inject(Fault.failAfter(0));
    CacheStores broken = Fixtures.withBrokenPlugin("1");
    assertThat(loop.tick(broken, kong).outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(loop.tick(broken, kong).outcome()).isEqualTo(SyncOutcome.FAILED);
    SyncResult r = loop.tick(broken, kong);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(Fixtures.valid("1"))));
  }

  /** An empty cache is a configuration like any other. */
  @Test
  void emptyCache_isPushedWithoutException() {
    Loop loop = Loop.with(SkipPolicy.TARGET);
    SimulatedGateway kong = SimulatedGateway.partial("kong-db", e -> false);
    assertThatCode(() -> loop.tick(CacheStores.empty(), kong)).doesNotThrowAnyException();
    assertThat(loop.tick(CacheStores.empty(), kong).outcome()).isEqualTo(SyncOutcome.IN_SYNC);
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(CacheStores.empty())));
  }
}
