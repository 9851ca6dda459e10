package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.translator.incremental.IncrementalTranslator;
import org.junit.jupiter.api.Test;

/** Kong's own validation of the translated configuration (issue 21). */
class KongValidationTest {
  private static final String YAML =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {ports: [{port: 80, name: http}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: catch-all, namespace: shop}
      spec:
        rules:
        - backendRefs: [{name: web, kind: Service, port: 80}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: fine, namespace: shop}
      spec:
        rules:
        - matches: [{path: {type: PathPrefix, value: /a}}]
          backendRefs: [{name: web, kind: Service, port: 80}]
      """;

  private static CacheStores stores() {
    return CacheStores.of(Manifests.asStored().readString(YAML, "kong-invalid.yaml").objects());
  }

  @Test
  void anEntityKongRejects_isAKongInvalidFailure_namingObjectEntityAndRule() {
    TranslationResult r = Translator.create(TranslatorOptions.defaults()).translate(stores());
    assertThat(r.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.effect()).isEqualTo(TranslationFailure.Effect.KONG_INVALID);
              assertThat(f.causingObjects())
                  .extracting(Object::toString)
                  .containsExactly("HTTPRoute shop/catch-all");
              assertThat(f.reason())
                  .isEqualTo(
                      "Kong would reject routes httproute.shop.catch-all.0.0: @entity: must set one of"
                          + " 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'https'"
                          + " (kong/db/schema/entities/routes_subschemas.lua)");
            });
  }

  @Test
  void theCheckOff_isKicsBehaviour_andTheOutputIsTheSame() {
    TranslationResult on = Translator.create(TranslatorOptions.defaults()).translate(stores());
    TranslationResult off =
        Translator.create(TranslatorOptions.builder().kongValidation(false).build())
            .translate(stores());
    assertThat(off.failures()).isEmpty();
    assertThat(off.config()).isEqualTo(on.config());
    assertThat(TranslatorOptions.defaults().kongValidation()).isTrue();
    assertThat(
            TranslatorOptions.builder().kongValidation(false).build().toBuilder()
                .build()
                .kongValidation())
        .isFalse();
  }

  @Test
  void incrementalTranslation_reportsTheSameFailures() {
    IncrementalTranslator inc = IncrementalTranslator.create(TranslatorOptions.defaults());
    assertThat(inc.translate(stores()).failures())
        .isEqualTo(Translator.create(TranslatorOptions.defaults()).translate(stores()).failures());
  }

  @Test
  void expressionRoutes_areCheckedWithTheExpressionsFlavor() {
    TranslationResult r =
        Translator.create(
                TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, true).build())
            .translate(stores());
    assertThat(r.failures())
        .noneMatch(
            f ->
                f.effect() == TranslationFailure.Effect.KONG_INVALID
                    && f.reason().contains("unknown field"));
  }
}
