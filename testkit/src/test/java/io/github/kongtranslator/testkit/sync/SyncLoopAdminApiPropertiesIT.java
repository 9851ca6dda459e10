package io.github.kongtranslator.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.gateway.RetryPolicy;
import io.github.kongtranslator.fallback.sync.FallbackMode;
import io.github.kongtranslator.fallback.sync.SyncListener;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.testkit.gateway.GatewayGens;
import io.github.kongtranslator.testkit.gateway.HttpFault;
import io.github.kongtranslator.testkit.gateway.KongAdminFake;
import io.github.kongtranslator.testkit.gateway.KongDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The update loop's stateful property against {@link KongAdminFake} through {@link
 * KongAdminClient}, in both modes (database and DB-less), with transient faults (429, 5xx,
 * connection resets) and, in database mode, drift (routes deleted behind the loop's back) in the
 * schedule. The cluster is a subset of {@link SyncLoopPropertiesTest}'s catalogue, whose {@code
 * broken-} objects the gateway rejects; another team's entities sit in the database from the start.
 * After every tick:
 *
 * <ul>
 *   <li>only objects that really are broken are ever named broken (a transient fault never excludes
 *       anything);
 *   <li>after a tick that did not fail, the gateway holds exactly the configuration last applied
 *       (database: the entities under our tag; DB-less: the whole declarative configuration);
 *   <li>another team's entities are untouched.
 * </ul>
 *
 * At the end the faults stop and the loop converges. Each step makes real HTTP calls, so the
 * example count is small (a tenth of {@code QT_EXAMPLES}, at least 8); replay a failure's seed with
 * {@code -DQT_SEED=<seed>}.
 */
class SyncLoopAdminApiPropertiesIT {
  private static final AtomicInteger TICKS = new AtomicInteger();
  private static final int CATALOGUE_MASK = (1 << 9) - 1;

  sealed interface Command permits SetCluster, Tick, FaultNext, FaultWrites, Drift {}

  record SetCluster(int mask) implements Command {}

  record Tick() implements Command {}

  /** The k-th request from now fails once. */
  record FaultNext(int k, HttpFault fault) implements Command {}

  /** The next n writes fail (beyond the client's retries when n >= 4). */
  record FaultWrites(int n, HttpFault fault) implements Command {}

  /** A route of ours disappears from the database (database mode only). */
  record Drift() implements Command {}

  static Gen<Command> commands() {
    Gen<Command> set = integers().between(0, CATALOGUE_MASK).map(SetCluster::new);
    Gen<Command> next =
        integers().between(1, 40).zip(GatewayGens.transientHttpFaults(), FaultNext::new);
    // enough failing writes to outlast the client's 4 attempts most of the time
    Gen<Command> writes =
        integers().between(3, 8).zip(GatewayGens.transientHttpFaults(), FaultWrites::new);
    return Generate.frequency(
        List.of(
            Pair.of(3, set),
            Pair.of(5, Generate.constant(new Tick())),
            Pair.of(2, next),
            Pair.of(3, writes),
            Pair.of(1, Generate.constant(new Drift()))));
  }

  private static int examples() {
    return Math.max(8, Integer.getInteger("QT_EXAMPLES", 200) / 10);
  }

  /** One sequence against a fresh gateway. */
  static final class Run implements AutoCloseable {
    final boolean database;
    final KongAdminFake kong;
    final KongAdminClient client;
    final Loop loop = Loop.with(SkipPolicy.TARGET, FallbackMode.EXCLUDE, SyncListener.NONE);
    final List<String> foreign;
    int mask;

    Run(boolean database) {
      this.database = database;
      this.kong =
          database ? KongAdminFake.start(KongAdminFake.Edition.OSS) : KongAdminFake.dbLess();
      kong.rejectEntities(e -> e.path("tags").toString().contains("k8s-name:broken-"));
      KongAdminClient.Builder b =
          KongAdminClient.builder(kong.url())
              .timeout(Duration.ofSeconds(5))
              .retry(RetryPolicy.defaults().withSleeper(d -> {}));
      this.client =
          database
              ? b.mode(KongAdminClient.Mode.DATABASE).driftCheckInterval(Duration.ZERO).build()
              : b.build();
      if (database) {
        KongDatabase db = kong.database();
        ObjectMapper m = new ObjectMapper();
        ObjectNode svc =
            db.insert(
                "services", m.createObjectNode().put("name", "billing").put("host", "billing.svc"));
        ObjectNode route = m.createObjectNode().put("name", "billing");
        route.putObject("service").put("id", svc.get("id").asText());
        db.insert("routes", route);
        db.insert("plugins", m.createObjectNode().put("name", "rate-limiting"));
      }
      this.foreign = database ? GatewayContents.foreign(kong.database()) : List.of();
    }

    void apply(Command c) {
      if (c instanceof SetCluster s) {
        mask = s.mask();
      } else if (c instanceof FaultNext f) {
        kong.failRequest(kong.requestCount() + f.k(), f.fault());
      } else if (c instanceof FaultWrites f) {
        kong.failMatching(w -> !w.startsWith("GET "), f.fault(), f.n());
      } else if (c instanceof Drift) {
        if (database) {
          List<ObjectNode> ours = kong.database().tagged("routes", GatewayContents.TAG);
          if (!ours.isEmpty()) {
            kong.database().delete("routes", ours.get(0).get("id").asText());
          }
        }
      } else {
        tick();
      }
    }

    SyncResult tick() {
      TICKS.incrementAndGet();
      SyncResult r = loop.tick(SyncLoopPropertiesTest.snapshot(mask), client);
      for (ObjectRef b : r.brokenObjects()) {
        assertThat(b.name()).as("only broken objects are blamed: %s", r).startsWith("broken-");
      }
      if (r.outcome() != SyncOutcome.FAILED) {
        KongConfig applied = loop.loop().lastValidConfig().orElseThrow();
        assertHolds(applied, r);
      }
      if (database) {
        assertThat(GatewayContents.foreign(kong.database()))
            .as("another team's entities")
            .isEqualTo(foreign);
      }
      return r;
    }

    void assertHolds(KongConfig config, SyncResult r) {
      if (database) {
        assertThat(GatewayContents.ours(kong.database()))
            .as("tagged entities after %s", r)
            .isEqualTo(GatewayContents.expected(config));
      } else {
        assertThat(kong.declarativeConfig())
            .as("declarative configuration after %s", r)
            .isEqualTo(config.toJson());
      }
    }

    void settle() {
      kong.clearFaults();
      SyncResult r = tick();
      if (r.outcome() == SyncOutcome.FAILED) {
        r = tick();
      }
      assertThat(r.outcome())
          .as("converges without faults: %s", r)
          .isNotEqualTo(SyncOutcome.FAILED);
      boolean anyBroken =
          (mask & ((1 << 4) | (1 << 7))) != 0; // broken-ing, broken-auth in the catalogue
      if (r.outcome() == SyncOutcome.DESIRED_APPLIED) {
        assertHolds(Loop.translate(SyncLoopPropertiesTest.snapshot(mask)), r);
      }
      assertThat(
              anyBroken
                  || r.outcome() == SyncOutcome.DESIRED_APPLIED
                  || r.outcome() == SyncOutcome.IN_SYNC)
          .as("a cluster without broken objects is applied as desired: %s", r)
          .isTrue();
    }

    @Override
    public void close() {
      kong.close();
    }
  }

  private static void run(boolean database, List<Command> commands) {
    try (Run run = new Run(database)) {
      for (Command c : commands) {
        run.apply(c);
      }
      run.settle();
    }
  }

  @Test
  void
      databaseMode_transientFaultsAndDrift_neverBlameObjects_andTaggedEntitiesEqualThePushedConfig() {
    qt().withExamples(examples())
        .withShrinkCycles(20)
        .forAll(lists().of(commands()).ofSizeBetween(1, 16))
        .checkAssert(commands -> run(true, commands));
  }

  @Test
  void dbLessMode_transientFaults_neverBlameObjects_andTheGatewayHoldsThePushedConfig() {
    qt().withExamples(examples())
        .withShrinkCycles(20)
        .forAll(lists().of(commands()).ofSizeBetween(1, 16))
        .checkAssert(commands -> run(false, commands));
  }

  @AfterAll
  static void report() {
    System.out.println("SyncLoopAdminApiPropertiesIT: " + TICKS.get() + " ticks");
  }
}
