package io.github.kongtranslator.translator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.translator.FeatureFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenCorpusTest {

  @Test
  void discover_findsEveryVariantWithItsFlags() {
    List<GoldenCase> cases = GoldenCorpus.discover(GoldenConformanceTest.corpus());
    assertThat(cases)
        .extracting(GoldenCase::id)
        .contains(
            "kong-service-facade/default",
            "kong-service-facade/feature-flag-on",
            "kong-service-facade/expression-routes-on",
            "credentials/default");
    GoldenCase both =
        cases.stream()
            .filter(c -> c.id().equals("kong-service-facade/expression-routes-on"))
            .findFirst()
            .orElseThrow();
    assertThat(both.options().isEnabled(FeatureFlag.EXPRESSION_ROUTES)).isTrue();
    assertThat(both.options().isEnabled(FeatureFlag.KONG_SERVICE_FACADE)).isTrue();
    assertThat(both.options().isEnabled(FeatureFlag.FILL_IDS)).isTrue();
  }

  @Test
  void needsFallback_detectsBrokenAnnotations() {
    List<GoldenCase> cases = GoldenCorpus.discover(GoldenConformanceTest.corpus());
    assertThat(
            cases.stream().filter(GoldenCorpus::needsFallback).map(GoldenCase::caseName).distinct())
        .allMatch(n -> n.startsWith("fallback-config-"));
  }
}
