package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Translates {@code examples/gateway-api-httproute.yaml} and checks the key parts. */
class GatewayApiExampleTest {
  private static final Path EXAMPLE = Path.of("../examples/gateway-api-httproute.yaml");

  private static TranslationResult translate(TranslatorOptions options) {
    LoadResult loaded = Manifests.load(EXAMPLE);
    assertThat(loaded.warnings()).isEmpty();
    return Translator.create(options).translate(CacheStores.of(loaded.objects()));
  }

  @Test
  void example_weightedRuleGetsItsOwnServiceWithSplitTargets() {
    TranslationResult r = translate(TranslatorOptions.defaults());
    assertThat(r.failures()).isEmpty();
    JsonNode c = r.config().toJson();
    JsonNode split = GatewayApiBehaviourTest.service(c, "httproute.shop.store.0");
    assertThat(split.get("port").asInt()).isEqualTo(8080);
    assertThat(GatewayApiBehaviourTest.texts(split.get("tags"))).contains("k8s-kind:HTTPRoute");
    assertThat(GatewayApiBehaviourTest.texts(
        GatewayApiBehaviourTest.upstream(c, "httproute.shop.store.0").get("targets")))
        .containsExactly("{\"target\":\"10.0.2.21:8080\",\"weight\":20}",
            "{\"target\":\"10.0.1.12:8080\",\"weight\":40}",
            "{\"target\":\"10.0.1.11:8080\",\"weight\":40}");
    JsonNode route = split.get("routes").get(0);
    assertThat(GatewayApiBehaviourTest.texts(route.get("paths"))).containsExactly("~/store$", "/store/");
    assertThat(GatewayApiBehaviourTest.texts(route.get("protocols"))).containsExactly("http", "https");
    assertThat(GatewayApiBehaviourTest.texts(route.get("hosts"))).containsExactly("shop.example.com");
    assertThat(GatewayApiBehaviourTest.texts(route.at("/headers/X-Tenant"))).containsExactly("blue");
    assertThat(route.get("plugins")).extracting(p -> p.get("name").asText())
        .containsExactly("response-transformer", "request-transformer");
    assertThat(GatewayApiBehaviourTest.texts(route.at("/plugins/1/config/replace/headers")))
        .containsExactly("X-Forwarded-Prefix:/store");
  }

  @Test
  void example_rewriteAndRedirectRulesShareTheSingleBackendService() {
    JsonNode c = translate(TranslatorOptions.defaults()).config().toJson();
    JsonNode shared = GatewayApiBehaviourTest.service(c, "httproute.shop.store.1");
    assertThat(GatewayApiBehaviourTest.texts(shared.get("tags"))).contains("k8s-kind:Service");
    JsonNode routes = shared.get("routes");
    assertThat(routes).extracting(x -> x.get("name").asText())
        .containsExactly("httproute.shop.store.2.0", "httproute.shop.store.1.0");
    JsonNode login = routes.get(0);
    assertThat(login.get("plugins")).extracting(p -> p.get("config").toString()).containsExactly(
        "{\"add\":{\"headers\":[\"Location:https://sso.example.com/login\"]}}",
        "{\"status_code\":302}");
    JsonNode legacy = routes.get(1);
    assertThat(GatewayApiBehaviourTest.texts(legacy.get("paths")))
        .containsExactly("~/legacy$", "~/legacy(/.*)");
    assertThat(legacy.at("/plugins/0/config/replace/uri").asText())
        .isEqualTo("/v2$(uri_captures[1])");
  }

  @Test
  void example_withExpressionRoutes_hasOneRoutePerHostnameRuleAndMatch() {
    TranslatorOptions o = TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, true).build();
    JsonNode c = translate(o).config().toJson();
    JsonNode route = GatewayApiBehaviourTest.service(c, "httproute.shop.store.0").get("routes").get(0);
    assertThat(route.get("name").asText()).isEqualTo("httproute.shop.store.shop.example.com.0.0");
    assertThat(route.get("expression").asText()).isEqualTo("(http.host == \"shop.example.com\")"
        + " && (((http.path == \"/store\") || (http.path ^= \"/store/\"))"
        + " && (http.headers.x_tenant == \"blue\"))");
    long base = (2L << 44) + (1L << 43) + (16L << 35) + (5L << 23) + (1L << 17);
    assertThat(route.get("priority").asLong()).isEqualTo(base + 4095);
    JsonNode legacy = GatewayApiBehaviourTest.service(c, "httproute.shop.store.1").get("routes")
        .get(1);
    assertThat(legacy.get("name").asText()).isEqualTo("httproute.shop.store.shop.example.com.1.0");
    assertThat(legacy.get("expression").asText()).isEqualTo("(http.host == \"shop.example.com\")"
        + " && ((http.path == \"/legacy\") || (http.path ~ \"^/legacy(/.*)\"))");
  }
}
