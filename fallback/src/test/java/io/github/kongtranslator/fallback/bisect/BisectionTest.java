package io.github.kongtranslator.fallback.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BisectionTest {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());

  /** n Services, each with an Ingress; plugins named "bad-*" are rejected by the "gateway". */
  private static CacheStores cluster(int n, int... badAt) {
    StringBuilder y = new StringBuilder();
    for (int i = 0; i < n; i++) {
      boolean bad = false;
      for (int b : badAt) {
        bad |= b == i;
      }
      y.append(
          """
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: s%1$d, namespace: n}
          spec: {ports: [{port: 80}]}
          ---
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: i%1$d, namespace: n, annotations: {konghq.com/plugins: p%1$d}}
          spec:
            ingressClassName: kong
            rules: [{host: h%1$d.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: s%1$d, port: {number: 80}}}}]}}]
          ---
          apiVersion: configuration.konghq.com/v1
          kind: KongPlugin
          metadata: {name: p%1$d, namespace: n}
          plugin: %2$s
          """
              .formatted(i, bad ? "bad-plugin" : "rate-limiting"));
    }
    return CacheStores.of(Manifests.parse(y.toString(), "bisect.yaml").objects());
  }

  private static final Predicate<KongConfig> REJECTS_BAD_PLUGINS =
      c -> c.plugins().stream().map(Plugin::name).noneMatch(n -> n.orElse("").startsWith("bad-"));

  @Test
  void find_oneBrokenPlugin_findsItInLogarithmicCalls() {
    CacheStores s = cluster(100, 42);
    BisectionResult r = Bisection.of(TRANSLATOR, REJECTS_BAD_PLUGINS).find(s);
    // the gateway cannot tell the broken plugin from the Service whose exclusion also drops the
    // route using it (same accepted configuration): either is a sufficient answer
    assertThat(r.broken()).singleElement().extracting(ObjectRef::name).isIn("p42", "s42", "i42");
    assertThat(r.accepted()).isNotNull();
    assertThat(Objects.requireNonNull(r.accepted()).services()).hasSize(99);
    // 300 objects: 2 + ceil(log2 300) search calls + at most 8 refinement calls + final check
    assertThat(r.validations()).isLessThanOrEqualTo(2 + 9 + 8 + 1);
    assertThat(Objects.requireNonNull(r.exclusion()).excluded().keySet())
        .extracting(ObjectRef::name)
        .contains("i42")
        .doesNotContain("i41", "p41", "s41");
  }

  @Test
  void find_threeBrokenPlugins_findsAllOfThem() {
    BisectionResult r = Bisection.of(TRANSLATOR, REJECTS_BAD_PLUGINS).find(cluster(50, 3, 20, 49));
    assertThat(r.broken())
        .extracting(ref -> ref.name().substring(1))
        .containsExactlyInAnyOrder("3", "20", "49");
    assertThat(Objects.requireNonNull(r.accepted()).services()).hasSize(47);
    assertThat(r.validations()).isLessThanOrEqualTo(2 + 3 * (8 + 8 + 1));
  }

  @Test
  void find_acceptedConfiguration_costsOneCallAndFindsNothing() {
    BisectionResult r = Bisection.of(TRANSLATOR, REJECTS_BAD_PLUGINS).find(cluster(10));
    assertThat(r.broken()).isEmpty();
    assertThat(r.validations()).isEqualTo(1);
  }

  @Test
  void find_gatewayRejectingEverything_guessesNothing() {
    BisectionResult r = Bisection.of(TRANSLATOR, c -> false).find(cluster(10, 1));
    assertThat(r.broken()).isEmpty();
    assertThat(r.accepted()).isNull();
    assertThat(r.validations()).isEqualTo(2);
  }

  @Test
  void find_callbackThrowing_countsAsRejection() {
    BisectionResult r =
        Bisection.of(
                TRANSLATOR,
                c -> {
                  throw new IllegalStateException("gateway down");
                })
            .find(cluster(5, 1));
    assertThat(r.accepted()).isNull();
  }
}
