package io.github.kongtranslator.fallback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.fallback.Fixtures;
import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case variant of the shared corpus whose input has broken objects through the fallback
 * ({@link FallbackGoldenRunner}); each must match its golden, with KIC's rules too ({@link
 * KicGoldenRunner}). The translator's own runner covers the other cases.
 */
class FallbackGoldenConformanceTest {

  static List<GoldenCase> brokenCases() {
    return GoldenCorpus.discover(Fixtures.goldenDir()).stream()
        .filter(GoldenCorpus::needsFallback)
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> everyBrokenObjectCase_matchesItsGolden() {
    return brokenCases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.id(),
                    () ->
                        assertThat(FallbackGoldenRunner.check(c))
                            .as("%s differs from its golden", c.id())
                            .isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> everyBrokenObjectCase_matchesItsGolden_withKicRulesToo() {
    return brokenCases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.id() + " [compat]",
                    () ->
                        assertThat(KicGoldenRunner.check(c))
                            .as("%s differs from its golden in compat mode", c.id())
                            .isEmpty()));
  }

  @Test
  void compatMode_identifiesNothingWithoutUids_andPushesTheLastValidConfiguration() {
    GoldenCase gatewayApi =
        brokenCases().stream()
            .filter(c -> c.caseName().equals("fallback-config-gateway-api"))
            .findFirst()
            .orElseThrow();

    KicGoldenRunner.Run run = KicGoldenRunner.run(gatewayApi);

    assertThat(run.broken()).isEmpty();
    assertThat(run.exclusion()).isPresent();
    assertThat(run.fallbackUsed()).isFalse();
  }

  @Test
  void corpus_hasTheTenFallbackVariants() {
    assertThat(brokenCases())
        .extracting(GoldenCase::id)
        .containsExactly(
            "fallback-config-gateway-api/default",
            "fallback-config-ingress/default",
            "fallback-config-ingress-class/default",
            "fallback-config-kong/default",
            "fallback-config-kong/service-facade-on",
            "fallback-config-kong-custom-entities-ee/default",
            "fallback-config-kong-plugin/default",
            "fallback-config-kong-upstream-policy/default",
            "fallback-config-kong-upstream-policy/service-facade-on",
            "fallback-config-secret/default");
  }

  @Test
  void brokenObjects_areDerivedFromTheRejectionBody_includingEntriesWithoutUid() {
    GoldenCase gatewayApi =
        brokenCases().stream()
            .filter(c -> c.caseName().equals("fallback-config-gateway-api"))
            .findFirst()
            .orElseThrow();

    FallbackGoldenRunner.Run run = FallbackGoldenRunner.run(gatewayApi);

    assertThat(run.rejectionBody()).isNotNull();
    assertThat(run.rejectionBody()).contains("\"k8s-uid:\"", "\"k8s-kind:HTTPRoute\"");
    assertThat(run.broken()).hasSize(5).allSatisfy(r -> assertThat(r.uid()).isEmpty());
    assertThat(Objects.requireNonNull(run.fallback()).isUsable()).isTrue();
  }

  @Test
  void withoutFallback_theRejectedConfigurationDiffersFromTheGolden() {
    GoldenCase ingress =
        brokenCases().stream()
            .filter(c -> c.caseName().equals("fallback-config-ingress"))
            .findFirst()
            .orElseThrow();
    var desired =
        io.github.kongtranslator.translator.Translator.create(ingress.options())
            .translate(
                io.github.kongtranslator.core.cache.CacheStores.of(GoldenCorpus.load(ingress)))
            .config();

    assertThat(FallbackGoldenRunner.diff(ingress, desired)).isPresent();
    assertThat(
            Objects.requireNonNull(FallbackGoldenRunner.run(ingress).fallback())
                .excluded()
                .keySet())
        .extracting(Object::toString)
        .containsExactly("Ingress foo-namespace/broken-ingress");
  }
}
