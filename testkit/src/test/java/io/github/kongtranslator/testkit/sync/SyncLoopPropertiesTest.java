package io.github.kongtranslator.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.kongtranslator.core.cache.CacheStores;
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
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.kongmodel.sha.EntityKey;
import io.github.kongtranslator.testkit.gateway.Fault;
import io.github.kongtranslator.testkit.gateway.GatewayGens;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Stateful property test of the update loop against two simulated gateways, one atomic and one
 * partial (fallback-spec §6.6; shape of QuickTheories' {@code StatefulTest}): random sequences of
 * commands — change the cluster, tick, inject a fault, restart a gateway, add or remove a gateway —
 * are run against a fresh loop, and the invariants are checked after every step.
 *
 * <p>The cluster is a subset of a fixed catalogue in which every object whose name starts with
 * {@code broken-} is rejected by both gateways; subsets make references dangle and objects appear
 * and disappear.
 */
class SyncLoopPropertiesTest {

  private static final AtomicInteger SEQUENCES = new AtomicInteger();
  private static final AtomicInteger TICKS = new AtomicInteger();

  private static final String[] CATALOGUE = {
    Fixtures.SERVICE,
    """
    apiVersion: v1
    kind: Service
    metadata: {name: other, namespace: default}
    spec: {ports: [{port: 8080}]}
    """,
    ingress("web", "/web", "echo", 80, ""),
    ingress("api", "/api", "other", 8080, "auth"),
    ingress("broken-ing", "/broken", "echo", 80, ""),
    ingress("secure", "/secure", "echo", 80, "broken-auth"),
    """
    apiVersion: configuration.konghq.com/v1
    kind: KongPlugin
    metadata: {name: auth, namespace: default}
    plugin: correlation-id
    config: {header_name: x-id}
    """,
    """
    apiVersion: configuration.konghq.com/v1
    kind: KongPlugin
    metadata: {name: broken-auth, namespace: default}
    plugin: key-auth
    config: {key_names: [apikey]}
    """,
    """
    apiVersion: configuration.konghq.com/v1
    kind: KongPlugin
    metadata: {name: marker, namespace: default}
    plugin: correlation-id
    """,
  };
  private static final int MARKER = 1 << (CATALOGUE.length - 1);
  private static final Map<Integer, CacheStores> SNAPSHOTS = new ConcurrentHashMap<>();

  private static String ingress(
      String name, String path, String service, int port, String plugins) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: %s
          namespace: default
          annotations: {%s}
        spec:
          ingressClassName: kong
          rules:
          - http:
              paths:
              - {path: %s, pathType: Prefix, backend: {service: {name: %s, port: {number: %d}}}}
        """
        .formatted(
            name, plugins.isEmpty() ? "" : "konghq.com/plugins: " + plugins, path, service, port);
  }

  static CacheStores snapshot(int mask) {
    return SNAPSHOTS.computeIfAbsent(
        mask,
        m -> {
          List<String> docs = new ArrayList<>();
          for (int i = 0; i < CATALOGUE.length; i++) {
            if ((m & (1 << i)) != 0) {
              docs.add(CATALOGUE[i]);
            }
          }
          return docs.isEmpty() ? CacheStores.empty() : Fixtures.load(docs.toArray(String[]::new));
        });
  }

  // ---- commands ---------------------------------------------------------------------------

  sealed interface Command permits SetCluster, Tick, Inject, Restart, Toggle {}

  record SetCluster(int mask) implements Command {}

  record Tick() implements Command {}

  record Inject(int gateway, Fault fault) implements Command {}

  record Restart(int gateway) implements Command {}

  record Toggle(int gateway) implements Command {}

  static Gen<Command> commands() {
    Gen<Integer> gateway = integers().between(0, 1);
    Gen<Command> set = integers().between(0, (1 << CATALOGUE.length) - 1).map(SetCluster::new);
    Gen<Command> tick = Generate.constant(new Tick());
    Gen<Command> inject = gateway.zip(GatewayGens.faults(4), Inject::new);
    Gen<Command> restart = gateway.map(Restart::new);
    Gen<Command> toggle = gateway.map(Toggle::new);
    return Generate.frequency(
        List.of(
            org.quicktheories.api.Pair.of(3, set),
            org.quicktheories.api.Pair.of(5, tick),
            org.quicktheories.api.Pair.of(3, inject),
            org.quicktheories.api.Pair.of(1, restart),
            org.quicktheories.api.Pair.of(1, toggle)));
  }

  // ---- the system under test and its checks -----------------------------------------------

  /** Runs a command sequence, checking the invariants after every step. */
  static final class Run {
    final SimulatedGateway[] sims = {
      SimulatedGateway.atomic("atomic", SimulatedGateway.taggedByNamePrefix("broken-")),
      SimulatedGateway.partial("partial", SimulatedGateway.taggedByNamePrefix("broken-")),
    };
    final boolean[] present = {true, true};
    final Map<ConfigSha, KongConfig> pushed = new HashMap<>();
    final Set<ConfigSha> acceptedEverywhere = new HashSet<>();
    final Loop loop;
    int mask = 0;
    int lastTicked = 0;
    // U12/U13 bookkeeping
    boolean quiet;
    Optional<PushKind> quietKind = Optional.empty();
    int expectSingleSendTo = -1;

    Run(FallbackMode mode, SkipPolicy policy) {
      this.loop =
          Loop.with(
              policy,
              mode,
              new SyncListener() {
                @Override
                public void pushSkipped(PushEvent e) {
                  // U2: never skipped while the belief is UNKNOWN (or KNOWN for another SHA)
                  // (not checked for the KIC policies: their witness must fail on what the gateways
                  // serve)
                  if (policy == SkipPolicy.TARGET) {
                    assertThat(loop.state(e.gatewayId()))
                        .as("U2: state at skip")
                        .isEqualTo(GatewayState.known(e.sha()));
                  }
                  // U3: a push is skipped only when the gateway really runs that configuration
                  KongConfig c = pushed.get(e.sha());
                  assertThat(c).as("skipped SHA was pushed before").isNotNull();
                  assertThat(sim(e.gatewayId()).served())
                      .as("U2: skipped push to %s", e.gatewayId())
                      .isEqualTo(SimulatedGateway.entitiesOf(c));
                }
              });
    }

    SimulatedGateway sim(String id) {
      return id.equals("atomic") ? sims[0] : sims[1];
    }

    /** Wraps a simulated gateway: records pushed configurations, checks U5 per push. */
    GatewayClient client(SimulatedGateway sim) {
      return new GatewayClient() {
        @Override
        public String id() {
          return sim.id();
        }

        @Override
        public boolean isAtomic() {
          return sim.isAtomic();
        }

        @Override
        public String instance() {
          return sim.instance();
        }

        @Override
        public boolean reportsEmptyConfig() {
          return sim.reportsEmptyConfig();
        }

        @Override
        public PushOutcome push(KongConfig config, ConfigSha sha) {
          pushed.put(sha, config);
          Map<EntityKey, String> before = sim.served();
          PushOutcome o = sim.push(config, sha);
          if (sim.isAtomic() && o.isRejected()) {
            assertThat(sim.served()).as("U5: atomic 400 changes nothing").isEqualTo(before);
          }
          if (o.kind() == PushOutcome.Kind.TRANSIENT) {
            assertThat(sim.served()).as("TRANSIENT changes nothing").isEqualTo(before);
          }
          return o;
        }
      };
    }

    void apply(Command c) {
      if (c instanceof SetCluster s) {
        if (s.mask() != mask) {
          quiet = false;
          expectSingleSendTo = -1;
        }
        mask = s.mask();
      } else if (c instanceof Inject i) {
        sims[i.gateway()].inject(i.fault());
        quiet = false;
        expectSingleSendTo = -1;
      } else if (c instanceof Restart r) {
        sims[r.gateway()].restart();
        quiet = false;
        expectSingleSendTo = -1;
      } else if (c instanceof Toggle t) {
        boolean adding = !present[t.gateway()];
        present[t.gateway()] = adding;
        boolean u13 =
            adding
                && quiet
                && quietKind.isPresent()
                && quietKind.get() != PushKind.LAST_VALID
                && sims[t.gateway()].pendingFaults() == 0;
        expectSingleSendTo = u13 ? t.gateway() : -1;
        quiet = false;
      } else {
        tick();
      }
    }

    List<GatewayClient> targets() {
      List<GatewayClient> out = new ArrayList<>();
      for (int i = 0; i < sims.length; i++) {
        if (present[i]) {
          out.add(client(sims[i]));
        }
      }
      return out;
    }

    SyncResult tick() {
      TICKS.incrementAndGet();
      lastTicked = mask;
      boolean wasQuiet = quiet;
      int single = expectSingleSendTo;
      expectSingleSendTo = -1;
      Map<String, GatewayState> before = new HashMap<>();
      for (SimulatedGateway s : sims) {
        before.put(s.id(), loop.state(s.id()));
      }
      SyncResult r =
          loop.tick(snapshot(mask), targets().toArray(GatewayClient[]::new)); // U9: no throw
      check(r, wasQuiet, single);
      boolean noFaults = sims[0].pendingFaults() == 0 && sims[1].pendingFaults() == 0;
      // a tick without gateways settles nothing: the snapshot was not processed
      quiet = noFaults && r.outcome() != SyncOutcome.FAILED && !r.gateways().isEmpty();
      quietKind = r.applied();
      return r;
    }

    void check(SyncResult r, boolean wasQuiet, int single) {
      // U12: nothing changed since a settled tick: nothing is sent
      if (wasQuiet) {
        assertThat(r.sentCount()).as("U12 %s", r).isZero();
        // issue 19: a tick that sends nothing still says what runs (no IN_SYNC on a fallback)
        assertThat(r.applied()).as("U12 %s", r).isEqualTo(quietKind);
        assertThat(r.outcome())
            .isEqualTo(
                quietKind.orElseThrow() == PushKind.DESIRED
                    ? SyncOutcome.IN_SYNC
                    : quietKind.get() == PushKind.FALLBACK
                        ? SyncOutcome.FALLBACK_APPLIED
                        : SyncOutcome.LAST_VALID_APPLIED);
      }
      // U16 (issue 19): a result reports success only if every gateway serves the desired
      // configuration of the tick's snapshot, which is what the simulated gateway really serves
      if (r.isSuccess() || r.outcome().isSuccess()) {
        KongConfig desired = Loop.translate(snapshot(lastTicked));
        for (GatewayReport g : r.gateways()) {
          assertThat(g.running()).as("U16 %s", r).isEqualTo(RunningConfig.DESIRED);
          assertThat(sim(g.gatewayId()).served())
              .as("U16 %s serves the desired config: %s", g.gatewayId(), r)
              .isEqualTo(SimulatedGateway.entitiesOf(desired));
        }
      }
      // U17: the running kind of each report is what the gateway serves
      for (GatewayReport g : r.gateways()) {
        if (g.running() == RunningConfig.FALLBACK || g.running() == RunningConfig.DESIRED) {
          assertThat(g.stateAfter()).isInstanceOf(GatewayState.Known.class);
        }
        if (g.running() == RunningConfig.FALLBACK) {
          assertThat(r.outcome().isSuccess()).as("U17 %s", r).isFalse();
        }
      }
      // U13: a gateway added to a settled loop gets exactly one push
      if (single >= 0) {
        assertThat(r.sentCount()).as("U13 %s", r).isEqualTo(1);
        assertThat(
                r.gateways().stream().filter(g -> g.sentCount() == 1).map(GatewayReport::gatewayId))
            .containsExactly(sims[single].id());
      }
      for (GatewayReport g : r.gateways()) {
        SimulatedGateway sim = sim(g.gatewayId());
        // U3: KNOWN(s) means the gateway runs exactly the configuration s
        if (g.stateAfter() instanceof GatewayState.Known k) {
          assertThat(pushed).containsKey(k.value());
          assertThat(sim.served())
              .as("U3 %s %s", g, r)
              .isEqualTo(SimulatedGateway.entitiesOf(pushed.get(k.value())));
        }
        Optional<PushAttempt> last = g.lastAttempt();
        if (last.isPresent()) {
          PushAttempt a = last.get();
          // U1: after an accepted push the gateway serves exactly that configuration
          if (a.outcome().isAccepted()) {
            assertThat(g.stateAfter()).as("U1 %s", g).isEqualTo(GatewayState.known(a.sha()));
          }
          // U4: failed push to a partial gateway, or any indeterminate outcome: UNKNOWN
          if (a.outcome().kind() == PushOutcome.Kind.INDETERMINATE
              || (!g.atomic() && a.outcome().isRejected())) {
            assertThat(g.stateAfter()).as("U4 %s", g).isEqualTo(GatewayState.unknown());
          }
        }
        // U14: transient/indeterminate only: no fallback generated after the desired push
        // (re-pushing the remembered fallback of the same snapshot before it is D6, not generation)
        boolean anyRejected =
            r.gateways().stream()
                .flatMap(x -> x.attempts().stream())
                .anyMatch(x -> x.kind() == PushKind.DESIRED && x.outcome().isRejected());
        if (!anyRejected && !r.desiredWithheld()) {
          boolean desiredSeen = false;
          for (PushAttempt a : g.attempts()) {
            desiredSeen |= a.kind() == PushKind.DESIRED;
            assertThat(desiredSeen && a.kind() != PushKind.DESIRED).as("U14 %s", g).isFalse();
          }
        }
      }
      // U10 and U1 at tick level: what the tick says is applied is served by every gateway
      if (r.appliedSha().isPresent()) {
        ConfigSha s = r.appliedSha().get();
        acceptedEverywhere.add(s);
        for (GatewayReport g : r.gateways()) {
          assertThat(sim(g.gatewayId()).served())
              .as("U10 %s", r)
              .isEqualTo(SimulatedGateway.entitiesOf(pushed.get(s)));
        }
      }
      // U15: success iff the desired configuration was accepted by every gateway
      if (r.outcome() == SyncOutcome.DESIRED_APPLIED) {
        for (GatewayReport g : r.gateways()) {
          assertThat(g.attempts())
              .as("U15 %s", g)
              .anyMatch(a -> a.kind() == PushKind.DESIRED && a.outcome().isAccepted());
        }
      }
      if (r.gateways().stream()
          .flatMap(g -> g.attempts().stream())
          .anyMatch(a -> a.kind() == PushKind.DESIRED && !a.outcome().isAccepted())) {
        assertThat(r.outcome().isSuccess()).as("U15 %s", r).isFalse();
      }
      // U11: the last valid configuration was accepted by every gateway of some tick
      loop.loop()
          .lastValidConfig()
          .ifPresent(c -> assertThat(acceptedEverywhere).as("U11").contains(ConfigSha.of(c)));
    }

    /** Clears faults, brings every gateway in, changes the cluster's hash, ticks: must converge. */
    void settle() {
      for (int i = 0; i < sims.length; i++) {
        sims[i].clearFaults();
        present[i] = true;
      }
      quiet = false;
      expectSingleSendTo = -1;
      mask = lastTicked ^ MARKER;
      SyncResult r = tick();
      assertThat(r.outcome())
          .as("converges: %s", r)
          .isIn(SyncOutcome.DESIRED_APPLIED, SyncOutcome.FALLBACK_APPLIED);
      KongConfig applied = pushed.get(r.appliedSha().orElseThrow());
      for (SimulatedGateway s : sims) {
        assertThat(s.served())
            .as("no residual entities on %s", s.id())
            .isEqualTo(SimulatedGateway.entitiesOf(applied));
        assertThat(s.served().values())
            .as("nothing from a broken object on %s", s.id())
            .noneMatch(json -> json.contains("k8s-name:broken-"));
      }
      assertThat(tick().sentCount()).as("U12 after settling").isZero();
    }
  }

  private static void run(FallbackMode mode, List<Command> commands) {
    run(mode, SkipPolicy.TARGET, commands);
  }

  private static void run(FallbackMode mode, SkipPolicy policy, List<Command> commands) {
    if (policy == SkipPolicy.TARGET) {
      SEQUENCES.incrementAndGet();
    }
    Run run = new Run(mode, policy);
    for (Command c : commands) {
      run.apply(c);
    }
    run.settle();
  }

  @Test
  void marker_changesSnapshotHash() {
    assertThat(snapshot(MARKER).hash()).isNotEqualTo(snapshot(0).hash());
    assertThat(snapshot(MARKER | 1).hash()).isNotEqualTo(snapshot(1).hash());
  }

  @Test
  void randomSnapshotsAndFaults_excludeMode_keepEveryLoopInvariant() {
    qt().forAll(lists().of(commands()).ofSizeBetween(1, 40))
        .checkAssert(commands -> run(FallbackMode.EXCLUDE, commands));
  }

  @Test
  void randomSnapshotsAndFaults_backfillMode_keepEveryLoopInvariant() {
    qt().forAll(lists().of(commands()).ofSizeBetween(1, 40))
        .checkAssert(commands -> run(FallbackMode.BACKFILL, commands));
  }

  /** The same property finds the bug in a loop that skips pushes by SHA alone (KIC's rule). */
  @Test
  void shaOnlySkip_isFalsified() {
    assertThatThrownBy(
            () ->
                qt().withExamples(500)
                    .forAll(lists().of(commands()).ofSizeBetween(1, 40))
                    .checkAssert(
                        commands -> run(FallbackMode.EXCLUDE, KicSkipPolicies.SHA_ONLY, commands)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Property falsified");
  }

  @AfterAll
  static void report() {
    System.out.println(
        "SyncLoopPropertiesTest: "
            + SEQUENCES.get()
            + " command sequences with the target policy, "
            + TICKS.get()
            + " ticks (all policies)");
  }
}
