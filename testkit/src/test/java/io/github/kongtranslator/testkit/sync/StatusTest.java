package io.github.kongtranslator.testkit.sync;

import static io.github.kongtranslator.testkit.sync.Fixtures.FOR_AUTH;
import static io.github.kongtranslator.testkit.sync.Fixtures.KEY_AUTH;
import static io.github.kongtranslator.testkit.sync.Fixtures.WORKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.status.ConfigurationStatus;
import io.github.kongtranslator.fallback.status.ObjectStatus;
import io.github.kongtranslator.fallback.status.StatusReport;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.FallbackMode;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.testkit.gateway.Fault;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import io.github.kongtranslator.translator.gatewayapi.Condition;
import io.github.kongtranslator.translator.gatewayapi.ParentStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Per-object configuration status after real ticks against simulated gateways (issue 19), and KIC's
 * {@code Programmed} condition (internal/controllers/utils/conditions.go).
 */
class StatusTest {
  static final AttachmentOptions OPTIONS =
      AttachmentOptions.of(AttachmentOptions.KIC_CONTROLLER_NAME);

  static final String CONSUMER =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongConsumer
      metadata:
        name: alice
        namespace: default
        generation: 4
        annotations: {kubernetes.io/ingress.class: kong}
      username: alice
      """;
  static final String NAMELESS_CONSUMER =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongConsumer
      metadata:
        name: nobody
        namespace: default
        generation: 2
        annotations: {kubernetes.io/ingress.class: kong}
      """;
  static final String UNUSED_PLUGIN =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: unused, namespace: default}
      plugin: correlation-id
      """;
  static final String GATEWAY_API =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: kong}
      spec: {controllerName: konghq.com/kic-gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: kong, namespace: default}
      spec:
        gatewayClassName: kong
        listeners: [{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: accepted, namespace: default, generation: 5}
      spec:
        parentRefs: [{name: kong}]
        hostnames: [a.example.com]
        rules: [{backendRefs: [{name: echo, port: 80}]}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: wrong-host, namespace: default, generation: 1}
      spec:
        parentRefs: [{name: kong}]
        hostnames: [a.example.org]
        rules: [{backendRefs: [{name: echo, port: 80}]}]
      """;

  static final ObjectRef ALICE = ObjectRef.of(Kind.KONG_CONSUMER, "default", "alice");
  static final ObjectRef NOBODY = ObjectRef.of(Kind.KONG_CONSUMER, "default", "nobody");

  static CacheStores brokenCluster() {
    return Fixtures.load(
        Fixtures.SERVICE,
        Fixtures.ingress("working-ingress", "/ingress-testing", "1", ""),
        Fixtures.ingress("for-auth", "/for-auth-users", "1", "key-auth"),
        Fixtures.KEY_AUTH_PLUGIN,
        CONSUMER,
        NAMELESS_CONSUMER,
        UNUSED_PLUGIN);
  }

  static ObjectStatus status(StatusReport r, ObjectRef ref) {
    return r.get(ref).orElseThrow(() -> new AssertionError("no status for " + ref));
  }

  static void assertStatus(StatusReport r, ObjectRef ref, ConfigurationStatus cs, String reason) {
    ObjectStatus s = status(r, ref);
    assertThat(s.configuration()).as("%s", s).isEqualTo(cs);
    assertThat(s.reason()).as("%s", s).isEqualTo(reason);
  }

  @Test
  void afterFallback_everyObjectSaysWhetherItIsLive() {
    SimulatedGateway kong =
        SimulatedGateway.partial("kong", SimulatedGateway.taggedByAny(Set.of(KEY_AUTH)));
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    CacheStores snapshot = brokenCluster();
    SyncResult first = sync.sync(snapshot);
    for (SyncResult r :
        new SyncResult[] {first, sync.sync(snapshot)}) { // also the tick that sends nothing
      StatusReport s = Statuses.of(snapshot, r, OPTIONS);
      assertStatus(s, WORKING, ConfigurationStatus.SUCCEEDED, "Programmed");
      assertStatus(
          s,
          ObjectRef.of(Kind.SERVICE, "default", "echo"),
          ConfigurationStatus.SUCCEEDED,
          "Programmed");
      assertStatus(s, KEY_AUTH, ConfigurationStatus.FAILED, "Rejected");
      assertStatus(s, FOR_AUTH, ConfigurationStatus.FAILED, "Excluded");
      assertThat(status(s, FOR_AUTH).message())
          .contains("Ingress default/for-auth")
          .contains("KongPlugin default/key-auth");
      assertStatus(s, NOBODY, ConfigurationStatus.FAILED, "TranslationError");
      assertThat(status(s, NOBODY).message()).contains("no username or custom_id");
      assertStatus(s, ALICE, ConfigurationStatus.SUCCEEDED, "Programmed");
      assertStatus(
          s,
          ObjectRef.of(Kind.KONG_PLUGIN, "default", "unused"),
          ConfigurationStatus.UNKNOWN,
          "Pending");
      // KIC's Programmed condition, on the kinds KIC writes it on
      assertThat(status(s, ALICE).programmed())
          .contains(
              new Condition(
                  "Programmed",
                  "True",
                  "Programmed",
                  "Object was successfully configured in Kong.",
                  4));
      assertThat(status(s, NOBODY).programmed())
          .contains(
              new Condition(
                  "Programmed",
                  "False",
                  "Invalid",
                  "Object failed to be configured in Kong - see its attached Events for more information.",
                  2));
      assertThat(status(s, WORKING).programmed()).isEmpty();
    }
  }

  @Test
  void unknownGateway_makesEveryStatusUnknown_butFailuresStayFailed() {
    SimulatedGateway kong = SimulatedGateway.partial("kong", e -> false);
    kong.inject(Fault.timeoutAfterApplying());
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    CacheStores snapshot =
        Fixtures.load(
            Fixtures.SERVICE,
            Fixtures.ingress("working-ingress", "/x", "1", ""),
            CONSUMER,
            NAMELESS_CONSUMER);
    StatusReport s = Statuses.of(snapshot, sync.sync(snapshot), OPTIONS);
    assertStatus(s, WORKING, ConfigurationStatus.UNKNOWN, "Pending");
    assertThat(status(s, ALICE).programmed())
        .contains(
            new Condition(
                "Programmed", "False", "Pending", "Object is pending configuration in Kong.", 4));
    assertStatus(s, NOBODY, ConfigurationStatus.FAILED, "TranslationError");
  }

  @Test
  void lastValid_rejectedObjectFailed_othersUnknown() {
    SimulatedGateway kong =
        SimulatedGateway.atomic("kong", SimulatedGateway.taggedByAny(Set.of(KEY_AUTH)));
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Loop.TRANSLATOR)
            .gateway(kong)
            .fallbackMode(FallbackMode.DISABLED)
            .build();
    sync.sync(Fixtures.valid("1"));
    CacheStores broken = Fixtures.withBrokenPlugin("1");
    sync.sync(broken);
    StatusReport s = Statuses.of(broken, sync.sync(broken), OPTIONS);
    assertStatus(s, KEY_AUTH, ConfigurationStatus.FAILED, "Rejected");
    assertStatus(s, WORKING, ConfigurationStatus.UNKNOWN, "Pending");
    assertThat(status(s, WORKING).message()).contains("last valid");
  }

  @Test
  void resultOfAnotherSnapshot_isPending() {
    SimulatedGateway kong = SimulatedGateway.atomic("kong", e -> false);
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    SyncResult r = sync.sync(Fixtures.valid("1"));
    StatusReport s = Statuses.of(Fixtures.valid("2"), r, OPTIONS);
    assertStatus(s, WORKING, ConfigurationStatus.UNKNOWN, "Pending");
  }

  @Test
  void translationAlone_withoutGateway() {
    CacheStores snapshot =
        Fixtures.load(
            Fixtures.SERVICE,
            Fixtures.ingress("working-ingress", "/x", "1", ""),
            NAMELESS_CONSUMER,
            UNUSED_PLUGIN);
    StatusReport s = Statuses.ofTranslation(snapshot, Loop.TRANSLATOR.translate(snapshot), OPTIONS);
    assertStatus(s, WORKING, ConfigurationStatus.SUCCEEDED, "Programmed");
    assertStatus(s, NOBODY, ConfigurationStatus.FAILED, "TranslationError");
    assertStatus(
        s,
        ObjectRef.of(Kind.KONG_PLUGIN, "default", "unused"),
        ConfigurationStatus.UNKNOWN,
        "Pending");
  }

  @Test
  void routes_getProgrammedPerParent_asKicRouteControllers() {
    SimulatedGateway kong = SimulatedGateway.atomic("kong", e -> false);
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    CacheStores snapshot = Fixtures.load(Fixtures.SERVICE, GATEWAY_API);
    StatusReport s = Statuses.of(snapshot, sync.sync(snapshot), OPTIONS);
    ParentStatus accepted =
        status(s, ObjectRef.of(Kind.HTTP_ROUTE, "default", "accepted")).parents().get(0);
    assertThat(accepted.conditions())
        .extracting(Condition::type, Condition::status, Condition::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Accepted", "True", "Accepted"),
            org.assertj.core.groups.Tuple.tuple("ResolvedRefs", "True", "ResolvedRefs"),
            org.assertj.core.groups.Tuple.tuple("Programmed", "True", "ConfiguredInGateway"));
    assertThat(accepted.conditions()).allMatch(c -> c.observedGeneration() == 5);
    ObjectStatus wrong = status(s, ObjectRef.of(Kind.HTTP_ROUTE, "default", "wrong-host"));
    assertThat(wrong.parents().get(0).conditions())
        .extracting(Condition::type, Condition::status, Condition::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Accepted", "False", "NoMatchingListenerHostname"),
            org.assertj.core.groups.Tuple.tuple("ResolvedRefs", "True", "ResolvedRefs"),
            org.assertj.core.groups.Tuple.tuple("Programmed", "Unknown", "Unknown"));
    ObjectStatus gw = status(s, ObjectRef.of(Kind.GATEWAY, "default", "kong"));
    assertThat(gw.listeners())
        .singleElement()
        .satisfies(l -> assertThat(l.attachedRoutes()).isEqualTo(1));
    assertThat(gw.conditions())
        .extracting(Condition::type)
        .containsExactly("Accepted", "Programmed");
  }

  @Test
  void changesSince_listsOnlyWhatChanged() {
    Set<ObjectRef> invalid = new java.util.HashSet<>(Set.of(KEY_AUTH));
    SimulatedGateway kong = SimulatedGateway.atomic("kong", SimulatedGateway.taggedByAny(invalid));
    ConfigSynchronizer sync = ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build();
    CacheStores snapshot = Fixtures.withBrokenPlugin("1");
    StatusReport first = Statuses.of(snapshot, sync.sync(snapshot), OPTIONS);
    StatusReport same = Statuses.of(snapshot, sync.sync(snapshot), OPTIONS);
    assertThat(same.changesSince(first)).isEmpty();
    invalid.clear();
    sync.retryDesired();
    StatusReport fixed = Statuses.of(snapshot, sync.sync(snapshot), OPTIONS);
    assertThat(fixed.changesSince(first))
        .extracting(c -> c.after().orElseThrow().object())
        .containsExactlyInAnyOrder(
            FOR_AUTH.withoutVersionAndUid(), KEY_AUTH.withoutVersionAndUid());
    assertThat(StatusReport.EMPTY.changesSince(fixed)).hasSize(fixed.objects().size());
  }

  @Test
  void listener_getsOneEventPerStatusChange() {
    Set<ObjectRef> invalid = new java.util.HashSet<>(Set.of(KEY_AUTH));
    SimulatedGateway kong = SimulatedGateway.partial("kong", SimulatedGateway.taggedByAny(invalid));
    java.util.List<io.github.kongtranslator.fallback.status.StatusChange> events =
        new java.util.ArrayList<>();
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Loop.TRANSLATOR)
            .gateway(kong)
            .status(OPTIONS)
            .listener(
                new io.github.kongtranslator.fallback.sync.SyncListener() {
                  @Override
                  public void statusChanged(
                      io.github.kongtranslator.fallback.status.StatusChange change) {
                    events.add(change);
                  }
                })
            .build();
    assertThat(sync.status()).isEmpty();
    CacheStores snapshot = Fixtures.withBrokenPlugin("1");
    sync.sync(snapshot);
    assertThat(events).hasSize(snapshot.size()).allMatch(c -> c.before().isEmpty());
    assertThat(sync.status().orElseThrow().get(FOR_AUTH).orElseThrow().configuration())
        .isEqualTo(ConfigurationStatus.FAILED);
    events.clear();
    sync.sync(snapshot);
    assertThat(events).as("nothing changed: nothing to write").isEmpty();
    invalid.clear();
    sync.retryDesired();
    sync.sync(snapshot);
    assertThat(events)
        .extracting(c -> c.after().orElseThrow().object())
        .containsExactlyInAnyOrder(
            FOR_AUTH.withoutVersionAndUid(), KEY_AUTH.withoutVersionAndUid());
    assertThat(events)
        .allMatch(
            c ->
                c.after().orElseThrow().configuration() == ConfigurationStatus.SUCCEEDED
                    && c.before().orElseThrow().configuration() == ConfigurationStatus.FAILED);
    events.clear();
    sync.sync(Fixtures.valid("1")); // for-auth and key-auth leave the cluster
    assertThat(events)
        .filteredOn(c -> c.after().isEmpty())
        .extracting(c -> c.before().orElseThrow().object())
        .containsExactlyInAnyOrder(
            FOR_AUTH.withoutVersionAndUid(), KEY_AUTH.withoutVersionAndUid());
  }
}
