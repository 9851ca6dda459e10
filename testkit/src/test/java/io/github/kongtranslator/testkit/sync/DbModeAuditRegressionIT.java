package io.github.kongtranslator.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.fallback.gateway.RetryPolicy;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.testkit.gateway.HttpFault;
import io.github.kongtranslator.testkit.gateway.KongAdminFake;
import io.github.kongtranslator.testkit.gateway.KongDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of the DB-mode audit (issue 18, items 1–6), each run through the update loop with
 * {@link KongAdminClient} against {@link KongAdminFake}, each checked against the expected final
 * gateway contents: what the pushed configuration asks for ({@link GatewayContents#expected}) under
 * our tag, another team's entities unchanged.
 */
class DbModeAuditRegressionIT {

  private static final String ENDPOINTS =
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: echo-1
        namespace: default
        labels: {kubernetes.io/service-name: echo}
      addressType: IPv4
      endpoints:
      - addresses: [10.0.0.1]
        conditions: {ready: true}
      - addresses: [10.0.0.2]
        conditions: {ready: true}
      ports:
      - {name: "", port: 8080, protocol: TCP}
      """;

  private static final String SERVICE_8080 =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default, uid: 5b6f5a4e-0000-0000-0000-000000000001}
      spec:
        ports: [{port: 80, targetPort: 8080}]
      """;

  private static final String GROUP =
      """
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongConsumerGroup
      metadata: {name: gold, namespace: default, uid: 5b6f5a4e-0000-0000-0000-000000000021,
        annotations: {kubernetes.io/ingress.class: kong}}
      """;

  private final List<Duration> sleeps = new ArrayList<>();

  private KongAdminClient client(KongAdminFake node) {
    return KongAdminClient.builder(node.url())
        .mode(KongAdminClient.Mode.DATABASE)
        .timeout(Duration.ofSeconds(5))
        .retry(RetryPolicy.defaults().withSleeper(sleeps::add))
        .driftCheckInterval(Duration.ZERO)
        .build();
  }

  private static CacheStores withEndpoints(String rv) {
    return Fixtures.load(
        SERVICE_8080, ENDPOINTS, Fixtures.ingress("working-ingress", "/ingress-testing", rv, ""));
  }

  private static List<String> expected(CacheStores snapshot) {
    return GatewayContents.expected(Loop.translate(snapshot));
  }

  // ---- 1. Kong OSS has no /consumer_groups --------------------------------------------------

  @Test
  void oss_withoutConsumerGroups_isConfigured() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      Loop loop = Loop.with(SkipPolicy.TARGET);
      SyncResult r = loop.tick(Fixtures.valid("1"), client(kong));
      assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(kong.requests()).anyMatch(q -> q.startsWith("GET /consumer_groups?"));
      assertThat(GatewayContents.ours(kong.database()))
          .isEqualTo(expected(Fixtures.valid("1")))
          .anyMatch(l -> l.startsWith("route "))
          .anyMatch(l -> l.startsWith("service "));
    }
  }

  @Test
  void oss_aKongConsumerGroup_isExcludedByName_andTheRestIsApplied() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      Loop loop = Loop.with(SkipPolicy.TARGET);
      CacheStores withGroup =
          Fixtures.load(
              Fixtures.SERVICE,
              Fixtures.ingress("working-ingress", "/ingress-testing", "1", ""),
              GROUP);
      assertThat(Loop.translate(withGroup).sections()).containsKey("consumer_groups");
      SyncResult r = loop.tick(withGroup, client(kong));
      assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
      assertThat(r.brokenObjects())
          .extracting(ObjectRef::withoutVersionAndUid)
          .containsExactly(
              ObjectRef.of(Kind.KONG_CONSUMER_GROUP, "default", "gold").withoutVersionAndUid());
      assertThat(GatewayContents.ours(kong.database())).isEqualTo(expected(Fixtures.valid("1")));
    }
  }

  // ---- 2. targets are created with POST ----------------------------------------------------

  @Test
  void targets_areCreatedWithPost_thenLeftAlone_thenDeleted() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      KongAdminClient c = client(kong);
      Loop loop = Loop.with(SkipPolicy.TARGET);
      SyncResult r = loop.tick(withEndpoints("1"), c);
      assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(kong.database().values("targets", "target"))
          .containsExactlyInAnyOrder("10.0.0.1:8080", "10.0.0.2:8080");
      assertThat(GatewayContents.ours(kong.database())).isEqualTo(expected(withEndpoints("1")));
      assertThat(kong.writes())
          .filteredOn(w -> w.contains("/targets"))
          .hasSize(2)
          .allMatch(w -> w.startsWith("POST /upstreams/"));
      kong.clearRequests();
      KongConfig cfg = Loop.translate(withEndpoints("1"));
      assertThat(c.push(cfg, ConfigSha.of(cfg))).isEqualTo(PushOutcome.accepted());
      assertThat(kong.writes()).as("nothing to change").isEmpty();
      CacheStores one =
          Fixtures.load(
              SERVICE_8080,
              ENDPOINTS.replace("- addresses: [10.0.0.2]\n  conditions: {ready: true}\n", ""),
              Fixtures.ingress("working-ingress", "/ingress-testing", "1", ""));
      assertThat(loop.tick(one, c).outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(kong.database().values("targets", "target")).containsExactly("10.0.0.1:8080");
      assertThat(kong.writes())
          .filteredOn(w -> w.contains("/targets"))
          .singleElement()
          .satisfies(w -> assertThat(w).startsWith("DELETE /upstreams/"));
    }
  }

  // ---- 3. another team's entities are kept --------------------------------------------------

  @Test
  void foreignEntities_areNeitherReadNorChangedNorDeleted() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      KongDatabase db = kong.database();
      ObjectNode billing =
          db.insert("services", obj().put("name", "billing").put("host", "billing.svc"));
      db.insert(
          "routes",
          obj()
              .put("name", "billing-api")
              .set("service", obj().put("id", billing.get("id").asText())));
      db.insert(
          "plugins",
          obj()
              .put("name", "rate-limiting")
              .putNull("route")
              .putNull("service")
              .putNull("consumer"));
      ObjectNode partner = db.insert("consumers", obj().put("username", "partner"));
      db.insert(
          "key-auths",
          obj()
              .put("key", "partner-key")
              .set("consumer", obj().put("id", partner.get("id").asText())));
      List<String> theirs = GatewayContents.foreign(db);
      assertThat(theirs).hasSize(5);

      Loop loop = Loop.with(SkipPolicy.TARGET);
      KongAdminClient c = client(kong);
      assertThat(loop.tick(Fixtures.valid("1"), c).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(GatewayContents.ours(db)).isEqualTo(expected(Fixtures.valid("1")));
      assertThat(GatewayContents.foreign(db)).isEqualTo(theirs);
      assertThat(loop.tick(CacheStores.empty(), c).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(GatewayContents.ours(db)).isEqualTo(expected(CacheStores.empty()));
      assertThat(GatewayContents.foreign(db)).isEqualTo(theirs);
      assertThat(kong.requests())
          .filteredOn(q -> q.startsWith("GET /services?"))
          .allMatch(q -> q.contains("tags=managed-by-ingress-controller"));
    }
  }

  // ---- 4. transient errors are never blamed -------------------------------------------------

  @Test
  void one429_thenSuccess_nothingExcluded_desiredApplied() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      kong.failMatching(w -> w.startsWith("PUT /routes/"), HttpFault.status(429), 1);
      SyncResult r = Loop.with(SkipPolicy.TARGET).tick(Fixtures.valid("1"), client(kong));
      assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(r.excluded()).isEmpty();
      assertThat(r.brokenObjects()).isEmpty();
      assertThat(sleeps).containsExactly(Duration.ofMillis(200));
      assertThat(GatewayContents.ours(kong.database())).isEqualTo(expected(Fixtures.valid("1")));
    }
  }

  @Test
  void transientErrorsBeyondTheRetries_failTheTick_unknownState_noExclusion_thenRecover() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      Loop loop = Loop.with(SkipPolicy.TARGET);
      KongAdminClient c = client(kong);
      assertThat(loop.tick(Fixtures.valid("1"), c).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      for (HttpFault f :
          List.of(
              HttpFault.status(503),
              HttpFault.status(429),
              HttpFault.resetAfter(),
              HttpFault.resetBefore())) {
        kong.clearFaults();
        kong.failMatching(
            w -> w.startsWith("PUT /routes/") || w.startsWith("PUT /plugins/"), f, 100);
        SyncResult r = loop.tick(Fixtures.withBrokenPluginFixed(), c);
        assertThat(r.outcome()).as("%s", f).isEqualTo(SyncOutcome.FAILED);
        assertThat(r.brokenObjects()).as("%s", f).isEmpty();
        assertThat(r.excluded()).as("%s", f).isEmpty();
        assertThat(r.gateways().get(0).attempts())
            .as("%s", f)
            .allMatch(a -> !a.outcome().isRejected());
        assertThat(loop.state(c.id()))
            .as("%s: services may have been written", f)
            .isEqualTo(GatewayState.unknown());
      }
      kong.clearFaults();
      SyncResult ok = loop.tick(Fixtures.withBrokenPluginFixed(), c);
      assertThat(ok.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(GatewayContents.ours(kong.database()))
          .isEqualTo(expected(Fixtures.withBrokenPluginFixed()));
    }
  }

  // ---- 5. same name, other id ---------------------------------------------------------------

  @Test
  void sameNameOtherId_fromAnEarlierInstall_isReplaced_notAnOutage() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      KongDatabase db = kong.database();
      KongConfig cfg = Loop.translate(Fixtures.withBrokenPluginFixed());
      // an earlier install: our names and tags, other ids; its routes use its service
      List<String> oldIds = new ArrayList<>();
      cfg.toJson()
          .path("services")
          .forEach(
              s -> {
                ObjectNode svc =
                    db.insert(
                        "services",
                        obj()
                            .put("id", UUID.randomUUID().toString())
                            .put("name", s.path("name").asText())
                            .put("host", "old.svc"));
                svc.putArray("tags").add(GatewayContents.TAG);
                db.insert("services", svc);
                oldIds.add(svc.get("id").asText());
                s.path("routes")
                    .forEach(
                        rt -> {
                          ObjectNode route =
                              obj()
                                  .put("id", UUID.randomUUID().toString())
                                  .put("name", rt.path("name").asText());
                          route.set("service", obj().put("id", svc.get("id").asText()));
                          route.putArray("tags").add(GatewayContents.TAG);
                          oldIds.add(db.insert("routes", route).get("id").asText());
                        });
              });
      assertThat(oldIds).hasSizeGreaterThan(2);
      SyncResult r =
          Loop.with(SkipPolicy.TARGET).tick(Fixtures.withBrokenPluginFixed(), client(kong));
      assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(r.excluded()).isEmpty();
      assertThat(GatewayContents.ours(db)).isEqualTo(expected(Fixtures.withBrokenPluginFixed()));
      assertThat(db.values("services", "id")).doesNotContainAnyElementsOf(oldIds);
      assertThat(db.values("routes", "id")).doesNotContainAnyElementsOf(oldIds).isNotEmpty();
    }
  }

  // ---- 6. drift and two clients on one database ---------------------------------------------

  @Test
  void drift_deletedRoutesAndChangedFields_areRepairedOnTheNextTick() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      Loop loop = Loop.with(SkipPolicy.TARGET);
      KongAdminClient c = client(kong);
      CacheStores snap = Fixtures.withBrokenPluginFixed();
      assertThat(loop.tick(snap, c).outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(loop.tick(snap, c).outcome())
          .as("no drift, nothing to do")
          .isEqualTo(SyncOutcome.IN_SYNC);
      assertThat(kong.database().deleteIf("routes", r -> true)).isPositive();
      SyncResult repaired = loop.tick(snap, c);
      assertThat(repaired.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(GatewayContents.ours(kong.database())).isEqualTo(expected(snap));
      String svc = kong.database().values("services", "id").get(0);
      kong.database().update("services", svc, "host", obj().textNode("evil.example"));
      assertThat(loop.tick(snap, c).outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(kong.database().values("services", "host")).doesNotContain("evil.example");
    }
  }

  @Test
  void drift_isCheckedOncePerInterval() {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      MutableClock clock = new MutableClock();
      KongAdminClient c =
          KongAdminClient.builder(kong.url())
              .mode(KongAdminClient.Mode.DATABASE)
              .retry(RetryPolicy.none())
              .driftCheckInterval(Duration.ofMinutes(1))
              .clock(clock)
              .build();
      Loop loop = Loop.with(SkipPolicy.TARGET);
      CacheStores snap = Fixtures.valid("1");
      assertThat(loop.tick(snap, c).outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      kong.database().deleteIf("routes", r -> true);
      clock.now = clock.now.plusSeconds(30);
      assertThat(loop.tick(snap, c).outcome()).as("not checked yet").isEqualTo(SyncOutcome.IN_SYNC);
      assertThat(kong.database().entities("routes")).isEmpty();
      clock.now = clock.now.plusSeconds(31);
      assertThat(loop.tick(snap, c).outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(GatewayContents.ours(kong.database())).isEqualTo(expected(snap));
    }
  }

  @Test
  void twoNodesOneDatabase_inOneGroup_shareOneStateAndOnePush() {
    try (KongAdminFake a = KongAdminFake.start(KongAdminFake.Edition.OSS);
        KongAdminFake b = KongAdminFake.node(a.database())) {
      KongAdminClient ca =
          KongAdminClient.builder(a.url())
              .mode(KongAdminClient.Mode.DATABASE)
              .sharedDatabase("pg-main")
              .driftCheckInterval(Duration.ZERO)
              .build();
      KongAdminClient cb =
          KongAdminClient.builder(b.url())
              .mode(KongAdminClient.Mode.DATABASE)
              .sharedDatabase("pg-main")
              .driftCheckInterval(Duration.ZERO)
              .build();
      assertThat(ca.id()).isEqualTo(cb.id()).isEqualTo("kong-database:pg-main");
      Loop loop = Loop.with(SkipPolicy.TARGET);
      SyncResult r = loop.tick(Fixtures.valid("1"), ca, cb);
      assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(r.gateways()).hasSize(1);
      assertThat(a.writes()).isNotEmpty();
      assertThat(b.writes()).isEmpty();
      assertThat(GatewayContents.ours(a.database())).isEqualTo(expected(Fixtures.valid("1")));
    }
  }

  @Test
  void twoControllersOneDatabase_eachNoticesTheOthersWrites() {
    try (KongAdminFake a = KongAdminFake.start(KongAdminFake.Edition.OSS);
        KongAdminFake b = KongAdminFake.node(a.database())) {
      Loop first = Loop.with(SkipPolicy.TARGET);
      Loop second = Loop.with(SkipPolicy.TARGET);
      KongAdminClient ca = client(a);
      KongAdminClient cb = client(b);
      assertThat(first.tick(Fixtures.valid("1"), ca).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(second.tick(Fixtures.withBrokenPluginFixed(), cb).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(GatewayContents.ours(a.database()))
          .isEqualTo(expected(Fixtures.withBrokenPluginFixed()));
      SyncResult again = first.tick(Fixtures.valid("1"), ca);
      assertThat(again.outcome())
          .as("the first controller's KNOWN state was stale")
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      assertThat(GatewayContents.ours(a.database())).isEqualTo(expected(Fixtures.valid("1")));
    }
  }

  private static ObjectNode obj() {
    return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-06T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
