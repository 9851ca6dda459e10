package io.github.kongtranslator.fallback;

import static io.github.kongtranslator.fallback.Fixtures.parse;
import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.errors.GatewayRejection;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackGeneratorTest {

  static final String CLUSTER =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: default, uid: u-svc}
      spec: {ports: [{port: 80, protocol: TCP}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: good, namespace: default, uid: u-good, annotations: {kubernetes.io/ingress.class: kong}}
      spec:
        rules:
        - http:
            paths:
            - {path: /good, pathType: Exact, backend: {service: {name: svc, port: {number: 80}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: bad, namespace: default, uid: u-bad, annotations: {kubernetes.io/ingress.class: kong}}
      spec:
        rules:
        - http:
            paths:
            - {path: /bad, pathType: Exact, backend: {service: {name: svc, port: {number: 80}}}}
      """;

  private final Translator translator = Translator.create(TranslatorOptions.defaults());
  private final CacheStores s = snapshot(CLUSTER);

  @Test
  void generate_brokenIngress_translatesTheRestWithoutIt() {
    FallbackResult r =
        FallbackGenerator.create(translator).generate(s, List.of(ref(s, "Ingress default/bad")));

    assertThat(r.isUsable()).isTrue();
    assertThat(r.excluded().keySet()).containsExactly(ref(s, "Ingress default/bad"));
    String yaml = KongConfigWriter.yaml().write(r.config().orElseThrow());
    assertThat(yaml).contains("default.good.").doesNotContain("default.bad.");
    assertThat(r.config()).contains(translator.translate(r.snapshot()).config());
  }

  @Test
  void generate_nothingNamedInTheSnapshot_isNotUsable_andTranslatesNothing() {
    FallbackResult r =
        FallbackGenerator.create(translator).generate(s, List.of(parse("Ingress default/bad")));

    assertThat(r.isUsable()).isFalse();
    assertThat(r.config()).isEmpty();
    assertThat(r.unknownBroken()).containsExactly(parse("Ingress default/bad"));
    assertThat(r).hasToString("FallbackResult[nothing excluded, excluded=0, backfilled=0]");
  }

  @Test
  void generate_withLastValid_backfillsTheOldVersion() {
    CacheStores now = snapshot(CLUSTER.replace("path: /bad", "path: /bad-edited"));

    FallbackResult r =
        FallbackGenerator.create(translator)
            .generate(now, List.of(ref(now, "Ingress default/bad")), s);

    assertThat(r.backfilled()).containsExactly(ref(now, "Ingress default/bad"));
    String yaml = KongConfigWriter.yaml().write(r.config().orElseThrow());
    assertThat(yaml).contains("/bad").doesNotContain("/bad-edited");
  }

  @Test
  void readmeExample_fromARejectionBodyToAFallbackConfiguration() {
    String body =
        """
        {"flattened_errors": [{"errors": [{"messages": ["broken object"]}],
          "entity_tags": ["k8s-name:bad", "k8s-namespace:default", "k8s-kind:Ingress",
            "k8s-group:networking.k8s.io", "k8s-version:v1", "k8s-uid:u-bad"]}]}
        """;
    CacheStores snapshot = s;

    List<ObjectRef> broken =
        FlattenedErrors.parse(body)
            .rejection()
            .map(GatewayRejection::targetBrokenObjects)
            .orElse(ImmutableList.of());
    FallbackResult fallback = FallbackGenerator.create(translator).generate(snapshot, broken);

    assertThat(fallback.isUsable()).isTrue();
    assertThat(fallback.excluded().values())
        .extracting(Object::toString)
        .containsExactly("Ingress default/bad (broken)");
  }
}
