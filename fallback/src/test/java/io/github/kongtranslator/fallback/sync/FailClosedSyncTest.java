package io.github.kongtranslator.fallback.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.FallbackGenerator;
import io.github.kongtranslator.fallback.FallbackResult;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.errors.FieldError;
import io.github.kongtranslator.kongmodel.errors.FlattenedError;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sync loop and the fallback generator fail closed on translation failures (issue 18): an
 * Ingress whose authentication plugin's configuration Secret is missing is never pushed, the report
 * says what was left out and why, and the tick is not a success.
 */
class FailClosedSyncTest {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());
  private static final ObjectRef SECURE = ObjectRef.of(Kind.INGRESS, "default", "secure");
  private static final ObjectRef OPEN = ObjectRef.of(Kind.INGRESS, "default", "open");

  private static CacheStores cluster() {
    return CacheStores.of(
        Manifests.asStored()
            .readString(
                """
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: default}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: secure, namespace: default, annotations: {konghq.com/plugins: auth}}
        spec:
          ingressClassName: kong
          rules: [{http: {paths: [{path: /admin, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: open, namespace: default}
        spec:
          ingressClassName: kong
          rules: [{http: {paths: [{path: /public, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}}]
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: auth, namespace: default}
        plugin: key-auth
        configFrom: {secretKeyRef: {name: auth-conf, key: conf}}
        """,
                "t")
            .objects());
  }

  @Test
  void sync_leavesOutTheUnprotectedIngress_reportsWhy_andIsNotASuccess() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    ConfigSynchronizer s = ConfigSynchronizer.builder(TRANSLATOR).gateway(g).build();

    SyncResult r = s.sync(cluster());

    ConfigSha pushed =
        ConfigSha.of(FailClosedTranslator.create(TRANSLATOR).translate(cluster()).config());
    assertThat(g.pushes).containsExactly(pushed);
    assertThat(pushed).isNotEqualTo(ConfigSha.of(TRANSLATOR.translate(cluster()).config()));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(r.outcome().isSuccess()).isFalse();
    assertThat(r.appliedSha()).contains(pushed);
    assertThat(r.translationExcluded()).containsKey(SECURE).doesNotContainKey(OPEN);
    assertThat(r.translationExcluded().values())
        .anySatisfy(
            why ->
                assertThat(why)
                    .asString()
                    .isEqualTo(
                        "Ingress default/secure -[P]-> KongPlugin default/auth (broken: invalid configuration"
                            + " of KongPlugin default/auth: Secret default/auth-conf not found)"));
    assertThat(r.toString()).contains("leftOutForTranslationFailures");
    assertThat(s.lastValidSnapshot().orElseThrow().get(SECURE)).isEmpty();
  }

  @Test
  void sync_kicCompatible_pushesTheIngressWithoutThePlugin_asKic() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    ConfigSynchronizer s =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g)
            .translationFailurePolicy(TranslationFailurePolicy.KIC_COMPATIBLE)
            .build();

    SyncResult r = s.sync(cluster());

    assertThat(g.pushes).containsExactly(ConfigSha.of(TRANSLATOR.translate(cluster()).config()));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(r.translationExcluded()).isEmpty();
    assertThat(r.translationFailures()).isNotEmpty();
  }

  @Test
  void fallbackAfterRejection_alsoFailsClosed_andReportsBothKindsOfExclusion() {
    ScriptedGateway g =
        new ScriptedGateway("g", true)
            .then(
                PushOutcome.rejected(
                    List.of(
                        FlattenedError.of(
                            "route",
                            "open",
                            "",
                            List.of(
                                "k8s-name:open",
                                "k8s-namespace:default",
                                "k8s-kind:Ingress",
                                "k8s-group:networking.k8s.io",
                                "k8s-version:v1"),
                            List.of(FieldError.of("field", "paths", "invalid", List.of()))))));
    ConfigSynchronizer s = ConfigSynchronizer.builder(TRANSLATOR).gateway(g).build();

    SyncResult r = s.sync(cluster());

    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(r.excluded()).containsOnlyKeys(OPEN);
    assertThat(r.translationExcluded()).containsKey(SECURE);
    assertThat(r.applied()).contains(PushKind.FALLBACK);
  }

  @Test
  void fallbackGenerator_failsClosedOnTheFallbackSnapshot_unlessKicCompatible() {
    CacheStores c = cluster();
    List<ObjectRef> broken = List.of(c.get(OPEN).orElseThrow().ref());

    FallbackResult closed = FallbackGenerator.create(TRANSLATOR).generate(c, broken);
    FallbackResult open =
        FallbackGenerator.create(TRANSLATOR, TranslationFailurePolicy.KIC_COMPATIBLE)
            .generate(c, broken);

    assertThat(closed.excluded()).containsOnlyKeys(OPEN);
    assertThat(closed.translationExcluded()).containsKey(SECURE);
    assertThat(closed.config().orElseThrow().services()).isEmpty();
    assertThat(open.translationExcluded()).isEmpty();
    assertThat(open.config().orElseThrow())
        .isEqualTo(TRANSLATOR.translate(closed.snapshot()).config());
    assertThat(open.config().orElseThrow().services()).isNotEmpty();
  }
}
