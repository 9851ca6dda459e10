package io.github.kongtranslator.fallback.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;
import io.github.kongtranslator.fallback.sync.internal.SyncLoop;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.errors.FieldError;
import io.github.kongtranslator.kongmodel.errors.FlattenedError;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigSynchronizerTest {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{port: 80}]}
      """;
  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: default, annotations: {%s}}
      spec:
        ingressClassName: kong
        rules:
        - http:
            paths:
            - {path: /%s, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}
      """;
  private static final ObjectRef WEB = ObjectRef.of(Kind.INGRESS, "default", "web");

  /** The objects as a controller's informers hold them (as stored); error bodies carry no uid. */
  private static CacheStores cluster(String path) {
    return CacheStores.of(
        Manifests.asStored()
            .read(new java.io.StringReader(SERVICE + "---\n" + INGRESS.formatted("", path)), "t")
            .objects());
  }

  private static ConfigSha shaOf(CacheStores s) {
    return ConfigSha.of(TRANSLATOR.translate(s).config());
  }

  private static PushOutcome blamingWeb() {
    return PushOutcome.rejected(
        List.of(
            FlattenedError.of(
                "route",
                "web",
                "",
                List.of(
                    "k8s-name:web",
                    "k8s-namespace:default",
                    "k8s-kind:Ingress",
                    "k8s-group:networking.k8s.io",
                    "k8s-version:v1"),
                List.of(FieldError.of("field", "paths", "invalid", List.of())))));
  }

  private static ConfigSynchronizer sync(ScriptedGateway... gateways) {
    ConfigSynchronizer.Builder b = ConfigSynchronizer.builder(TRANSLATOR);
    for (ScriptedGateway g : gateways) {
      b.gateway(g);
    }
    return b.build();
  }

  @Test
  void firstSync_pushesDesired_andGatewayBecomesKnown() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    ConfigSynchronizer s = sync(g);
    assertThat(s.gatewayState("g")).isEqualTo(GatewayState.unknown());
    assertThat(s.lastValidSnapshot()).isEmpty();
    SyncResult r = s.sync(cluster("a"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(r.applied()).contains(PushKind.DESIRED);
    assertThat(r.desiredSha()).contains(shaOf(cluster("a")));
    assertThat(r.appliedSha()).isEqualTo(r.desiredSha());
    assertThat(s.gatewayState("g")).isEqualTo(GatewayState.known(shaOf(cluster("a"))));
    assertThat(s.lastValidConfig()).contains(TRANSLATOR.translate(cluster("a")).config());
    assertThat(r.brokenObjects()).isEmpty();
    assertThat(r.excluded()).isEmpty();
    assertThat(r.gateways())
        .singleElement()
        .satisfies(
            rep -> {
              assertThat(rep.gatewayId()).isEqualTo("g");
              assertThat(rep.sentCount()).isEqualTo(1);
            });
  }

  @Test
  void unchangedSnapshot_sendsNothing() {
    ScriptedGateway g = new ScriptedGateway("g", false);
    ConfigSynchronizer s = sync(g);
    s.sync(cluster("a"));
    SyncResult r = s.sync(cluster("a"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.IN_SYNC);
    assertThat(r.sentCount()).isZero();
    assertThat(g.pushes).hasSize(1);
  }

  @Test
  void changedSnapshotWithSameConfig_isSkippedOnlyBecauseKnown() {
    ScriptedGateway g = new ScriptedGateway("g", false);
    ConfigSynchronizer s = sync(g);
    s.sync(cluster("a"));
    CacheStores sameConfig =
        CacheStores.of(
            Manifests.asStored()
                .read(
                    new java.io.StringReader(
                        SERVICE
                            + "---\n"
                            + INGRESS.formatted("", "a")
                            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: default}\ndata: {k: v}\n"),
                    "t")
                .objects());
    SyncResult r = s.sync(sameConfig);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(r.gateways().get(0).attempts())
        .singleElement()
        .satisfies(a -> assertThat(a.sent()).isFalse());
    assertThat(g.pushes).hasSize(1);
  }

  /** fallback-spec §5.9 D3, every row and column. */
  @ParameterizedTest(name = "{0} on atomic={1} -> {2}")
  @CsvSource({
    "ACCEPTED, true, KNOWN_NEW",
    "ACCEPTED, false, KNOWN_NEW",
    "REJECTED_ENTITIES, true, UNCHANGED",
    "REJECTED_ENTITIES, false, UNKNOWN",
    "REJECTED_UNPARSEABLE, true, UNCHANGED",
    "REJECTED_UNPARSEABLE, false, UNKNOWN",
    "TRANSIENT, true, UNCHANGED",
    "TRANSIENT, false, UNCHANGED",
    "INDETERMINATE, true, UNKNOWN",
    "INDETERMINATE, false, UNKNOWN",
  })
  void stateTransitions_followTheD3Table(PushOutcome.Kind kind, boolean atomic, String expected) {
    ScriptedGateway g = new ScriptedGateway("g", atomic);
    ConfigSynchronizer s =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g)
            .fallbackMode(FallbackMode.DISABLED)
            .build();
    s.sync(cluster("a"));
    GatewayState before = s.gatewayState("g");
    PushOutcome o =
        switch (kind) {
          case ACCEPTED -> PushOutcome.accepted();
          case REJECTED_ENTITIES -> PushOutcome.rejected(List.of());
          case REJECTED_UNPARSEABLE -> PushOutcome.rejectedUnparseable("not json");
          case TRANSIENT -> PushOutcome.transientFailure("refused");
          case INDETERMINATE -> PushOutcome.indeterminate("timeout");
        };
    g.then(o).then(PushOutcome.transientFailure("keep the last-valid push from changing anything"));
    SyncResult r = s.sync(cluster("b"));
    // a second (last-valid) push, if any, is scripted TRANSIENT and leaves the state as the first
    // left it
    GatewayState after = r.gateways().get(0).stateAfter();
    switch (expected) {
      case "KNOWN_NEW" -> assertThat(after).isEqualTo(GatewayState.known(shaOf(cluster("b"))));
      case "UNCHANGED" -> assertThat(after).isEqualTo(before);
      default -> assertThat(after).isEqualTo(GatewayState.unknown());
    }
    assertThat(s.gatewayState("g")).isEqualTo(after);
  }

  @Test
  void unknownGateway_isPushedEvenWithTheKnownSha() {
    ScriptedGateway g = new ScriptedGateway("g", false);
    ConfigSynchronizer s = sync(g);
    s.sync(cluster("a"));
    g.then(PushOutcome.indeterminate("timeout"));
    s.sync(cluster("b"));
    assertThat(s.gatewayState("g")).isEqualTo(GatewayState.unknown());
    SyncResult r = s.sync(cluster("a"));
    assertThat(r.sentCount()).isEqualTo(1);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
  }

  @Test
  void newInstance_orEmptyReport_forgetsTheKnownState() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    ConfigSynchronizer s = sync(g);
    s.sync(cluster("a"));
    g.instance = "2";
    assertThat(s.sync(cluster("a")).sentCount()).isEqualTo(1);
    g.empty = true;
    assertThat(s.sync(cluster("a")).sentCount()).isEqualTo(1);
    g.empty = false;
    assertThat(s.sync(cluster("a")).sentCount()).isZero();
  }

  @Test
  void rejection_naming_anObject_pushesFallbackWithReasons() {
    ScriptedGateway g = new ScriptedGateway("g", true).then(blamingWeb());
    ConfigSynchronizer s = sync(g);
    SyncResult r = s.sync(cluster("a"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(r.outcome().isSuccess()).isFalse();
    assertThat(r.brokenObjects())
        .extracting(ObjectRef::withoutVersionAndUid)
        .containsExactly(WEB.withoutVersionAndUid());
    assertThat(r.excluded().values())
        .singleElement()
        .satisfies(reason -> assertThat(reason.isBroken()).isTrue());
    KongConfig expected =
        TRANSLATOR
            .translate(
                CacheStores.of(
                    Manifests.asStored().read(new java.io.StringReader(SERVICE), "t").objects()))
            .config();
    assertThat(r.appliedSha()).contains(ConfigSha.of(expected));
    assertThat(s.lastValidConfig()).contains(expected);
    assertThat(g.pushes).hasSize(2);
  }

  @Test
  void rejectionNamingNothing_goesToLastValid() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    ConfigSynchronizer s = sync(g);
    s.sync(cluster("a"));
    g.then(PushOutcome.rejectedUnparseable("html"));
    SyncResult r = s.sync(cluster("b"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.LAST_VALID_APPLIED);
    assertThat(r.appliedSha()).contains(shaOf(cluster("a")));
  }

  @Test
  void transientOnly_generatesNoFallback_andRetriesNextTick() {
    ScriptedGateway g =
        new ScriptedGateway("g", true).then(PushOutcome.transientFailure("refused"));
    ConfigSynchronizer s = sync(g);
    SyncResult r = s.sync(cluster("a"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(r.gateways().get(0).attempts()).singleElement();
    assertThat(s.sync(cluster("a")).outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
  }

  @Test
  void throwingClientAndListener_neverEscape() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    g.throwOnPush = new IllegalStateException("boom");
    List<String> events = new ArrayList<>();
    ConfigSynchronizer s =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g)
            .listener(
                new SyncListener() {
                  @Override
                  public void pushSent(PushEvent e) {
                    events.add(e.outcome().kind() + "");
                    throw new IllegalStateException("listener bug");
                  }
                })
            .build();
    SyncResult r = s.sync(cluster("a"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(events).containsExactly("INDETERMINATE");
    assertThat(s.gatewayState("g")).isEqualTo(GatewayState.unknown());
  }

  @Test
  void listener_receivesPushSkipFallbackAndCompletion() {
    ScriptedGateway g = new ScriptedGateway("g", true).then(blamingWeb());
    List<String> events = new ArrayList<>();
    ConfigSynchronizer s =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g)
            .listener(
                new SyncListener() {
                  @Override
                  public void pushSent(PushEvent e) {
                    events.add("sent " + e.kind() + " " + e.outcome().kind());
                    assertThat(e.entities()).isPositive();
                  }

                  @Override
                  public void pushSkipped(PushEvent e) {
                    events.add("skipped " + e.kind());
                  }

                  @Override
                  public void fallbackGenerated(
                      int broken, int excluded, int backfilled, int refused) {
                    events.add("fallback " + broken + "/" + excluded + "/" + backfilled);
                  }

                  @Override
                  public void translated(PushKind kind, int failures, int entities, Duration d) {
                    events.add("translated " + kind);
                  }

                  @Override
                  public void syncCompleted(SyncResult r) {
                    events.add("done " + r.outcome());
                  }
                })
            .build();
    s.sync(cluster("a"));
    s.sync(cluster("a"));
    assertThat(events)
        .containsExactly(
            "translated DESIRED",
            "sent DESIRED REJECTED_ENTITIES",
            "fallback 1/1/0",
            "translated FALLBACK",
            "sent FALLBACK ACCEPTED",
            "done FALLBACK_APPLIED",
            "done FALLBACK_APPLIED");
  }

  @Test
  void translatorThrowing_isReportedNotThrown() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    SyncLoop loop =
        new SyncLoop(
            snap -> {
              throw new IllegalStateException("translator bug");
            },
            FallbackMode.EXCLUDE,
            SyncListener.NONE,
            SkipPolicy.TARGET);
    SyncResult r = loop.sync(cluster("a"), List.of(g));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(r.problems()).singleElement().asString().contains("IllegalStateException");
    assertThat(g.pushes).isEmpty();
  }

  @Test
  void removedGateway_isForgotten_andStartsUnknownWhenBack() {
    ScriptedGateway a = new ScriptedGateway("a", true);
    ScriptedGateway b = new ScriptedGateway("b", true);
    ConfigSynchronizer s = sync(a, b);
    s.sync(cluster("a"));
    s.sync(cluster("a"), List.of(a));
    assertThat(s.gatewayState("b")).isEqualTo(GatewayState.unknown());
    SyncResult r = s.sync(cluster("a"), List.of(a, b));
    assertThat(r.sentCount()).isEqualTo(1);
    assertThat(b.pushes).hasSize(2);
  }

  @Test
  void reports_neverRenderWhatTheGatewaySaidAboutValues() {
    String secret = "sk_live_do_not_log_me";
    PushOutcome rejection =
        PushOutcome.rejected(
            List.of(
                FlattenedError.of(
                    "route",
                    "web",
                    "",
                    List.of(
                        "k8s-name:web",
                        "k8s-namespace:default",
                        "k8s-kind:Ingress",
                        "k8s-group:networking.k8s.io",
                        "k8s-version:v1"),
                    List.of(
                        FieldError.of(
                            "field",
                            "paths",
                            "invalid value '" + secret + "'",
                            List.of(secret))))));
    ScriptedGateway g = new ScriptedGateway("g", false).then(rejection);
    SyncResult r = sync(g).sync(cluster("a"));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(r.toString()).doesNotContain(secret);
    assertThat(r.gateways().toString()).doesNotContain(secret);
    assertThat(r.excluded().toString()).doesNotContain(secret);
  }
}
