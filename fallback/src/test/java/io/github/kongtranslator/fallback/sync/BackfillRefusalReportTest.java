package io.github.kongtranslator.fallback.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.BackfillRefusal;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.errors.FieldError;
import io.github.kongtranslator.kongmodel.errors.FlattenedError;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backfill refusals reach {@link SyncResult#backfillRefusals()}, the listener and the summary. */
class BackfillRefusalReportTest {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());
  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{port: 80}]}
      """;
  private static final String WEB =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: default}
      spec:
        ingressClassName: kong
        rules:
        - http:
            paths:
            - {path: /web, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}
      """;
  private static final ObjectRef WEB_REF = ObjectRef.of(Kind.INGRESS, "default", "web");

  private static CacheStores cluster(String... docs) {
    return CacheStores.of(
        Manifests.asStored()
            .read(new java.io.StringReader(String.join("---\n", docs)), "t")
            .objects());
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

  @Test
  void refusedBackfill_isReported_inResultListenerAndSummary() {
    ScriptedGateway g = new ScriptedGateway("g", true);
    List<String> events = new ArrayList<>();
    ConfigSynchronizer s =
        ConfigSynchronizer.builder(TRANSLATOR)
            .gateway(g)
            .fallbackMode(FallbackMode.BACKFILL)
            .listener(
                new SyncListener() {
                  @Override
                  public void fallbackGenerated(
                      int broken, int excluded, int backfilled, int refused) {
                    events.add(broken + "/" + excluded + "/" + backfilled + "/" + refused);
                  }
                })
            .build();
    SyncResult first = s.sync(cluster(SERVICE));
    assertThat(first.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(first.backfillRefusals()).isEmpty();

    g.then(blamingWeb()); // web is new: the last valid snapshot has no version of it to restore
    SyncResult r = s.sync(cluster(SERVICE, WEB));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(r.backfilled()).isEmpty();
    assertThat(r.backfillRefusals())
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.object().withoutVersionAndUid())
                  .isEqualTo(WEB_REF.withoutVersionAndUid());
              assertThat(refusal.reason()).isEqualTo(BackfillRefusal.Reason.NOT_IN_LAST_VALID);
            });
    assertThat(events).containsExactly("1/1/0/1");
    assertThat(r.toString()).contains("backfilled=0, refused=1");

    // a later tick with the same snapshot reuses the fallback memo and still reports the refusal
    g.instance = "2";
    SyncResult again = s.sync(cluster(SERVICE, WEB));
    assertThat(again.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(again.backfillRefusals()).isEqualTo(r.backfillRefusals());
  }

  @Test
  void excludeMode_hasNoRefusals_andTheListIsImmutable() {
    ScriptedGateway g = new ScriptedGateway("g", true).then(blamingWeb());
    SyncResult r =
        ConfigSynchronizer.builder(TRANSLATOR).gateway(g).build().sync(cluster(SERVICE, WEB));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(r.backfillRefusals()).isEmpty();
    assertThat(r.toString()).doesNotContain("refused=");
    assertThatThrownBy(() -> r.backfillRefusals().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () ->
                SyncResult.builder(SyncOutcome.FAILED, "h")
                    .backfillRefusals(Arrays.asList((BackfillRefusal) null)))
        .isInstanceOf(NullPointerException.class);
  }
}
