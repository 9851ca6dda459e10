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
    assertThat(
            GatewayApiBehaviourTest.texts(
                GatewayApiBehaviourTest.upstream(c, "httproute.shop.store.0").get("targets")))
        .containsExactly(
            "{\"target\":\"10.0.2.21:8080\",\"weight\":20}",
            "{\"target\":\"10.0.1.12:8080\",\"weight\":40}",
            "{\"target\":\"10.0.1.11:8080\",\"weight\":40}");
    JsonNode route = split.get("routes").get(0);
    assertThat(GatewayApiBehaviourTest.texts(route.get("paths")))
        .containsExactly("~/store$", "/store/");
    assertThat(GatewayApiBehaviourTest.texts(route.get("protocols")))
        .containsExactly("http", "https");
    assertThat(GatewayApiBehaviourTest.texts(route.get("hosts")))
        .containsExactly("shop.example.com");
    assertThat(GatewayApiBehaviourTest.texts(route.at("/headers/X-Tenant")))
        .containsExactly("blue");
    assertThat(route.get("plugins"))
        .extracting(p -> p.get("name").asText())
        .containsExactly("response-transformer", "request-transformer");
    assertThat(GatewayApiBehaviourTest.texts(route.at("/plugins/1/config/replace/headers")))
        .containsExactly("X-Forwarded-Prefix:/store");
  }

  @Test
  void example_rewriteRuleGetsTheBackendService_redirectRuleOneWithoutBackends() {
    // The API server refuses a RequestRedirect rule with backendRefs (HTTPRoute CRD v1.3.0
    // x-kubernetes-validations), so the example's redirect rule has none: it gets a Kong service
    // of its own with the placeholder tags and no plugin (gateway-api-spec §2.4, §2.5).
    JsonNode c = translate(TranslatorOptions.defaults()).config().toJson();
    JsonNode backend = GatewayApiBehaviourTest.service(c, "httproute.shop.store.1");
    assertThat(GatewayApiBehaviourTest.texts(backend.get("tags"))).contains("k8s-kind:Service");
    JsonNode legacy = backend.get("routes").get(0);
    assertThat(backend.get("routes"))
        .extracting(x -> x.get("name").asText())
        .containsExactly("httproute.shop.store.1.0");
    assertThat(GatewayApiBehaviourTest.texts(legacy.get("paths")))
        .containsExactly("~/legacy$", "~/legacy(/.*)");
    assertThat(legacy.at("/plugins/0/config/replace/uri").asText())
        .isEqualTo("/v2$(uri_captures[1])");
    JsonNode redirect = GatewayApiBehaviourTest.service(c, "httproute.shop.store.2");
    assertThat(GatewayApiBehaviourTest.texts(redirect.get("tags"))).contains("k8s-name:UNKNOWN");
    assertThat(redirect.has("plugins")).isFalse();
    JsonNode login = redirect.get("routes").get(0);
    assertThat(login.get("name").asText()).isEqualTo("httproute.shop.store.2.0");
    assertThat(login.get("plugins"))
        .extracting(p -> p.get("config").toString())
        .containsExactly(
            "{\"add\":{\"headers\":[\"Location:https://sso.example.com/login\"]}}",
            "{\"status_code\":302}");
  }

  @Test
  void example_withExpressionRoutes_hasOneRoutePerHostnameRuleAndMatch() {
    TranslatorOptions o =
        TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, true).build();
    JsonNode c = translate(o).config().toJson();
    JsonNode route =
        GatewayApiBehaviourTest.service(c, "httproute.shop.store.0").get("routes").get(0);
    assertThat(route.get("name").asText()).isEqualTo("httproute.shop.store.shop.example.com.0.0");
    assertThat(route.get("expression").asText())
        .isEqualTo(
            "(http.host == \"shop.example.com\")"
                + " && (((http.path == \"/store\") || (http.path ^= \"/store/\"))"
                + " && (http.headers.x_tenant == \"blue\"))");
    long base = (2L << 44) + (1L << 43) + (16L << 35) + (5L << 23) + (1L << 17);
    assertThat(route.get("priority").asLong()).isEqualTo(base + 4095);
    JsonNode legacy =
        GatewayApiBehaviourTest.service(c, "httproute.shop.store.1").get("routes").get(0);
    assertThat(legacy.get("name").asText()).isEqualTo("httproute.shop.store.shop.example.com.1.0");
    assertThat(legacy.get("expression").asText())
        .isEqualTo(
            "(http.host == \"shop.example.com\")"
                + " && ((http.path == \"/legacy\") || (http.path ~ \"^/legacy(/.*)\"))");
  }

  @Test
  void grpcAndL4Example_translatesEveryRouteKind() {
    LoadResult loaded = Manifests.load(Path.of("../examples/gateway-api-grpc-l4.yaml"));
    assertThat(loaded.warnings()).isEmpty();
    TranslationResult r =
        Translator.create(TranslatorOptions.defaults()).translate(CacheStores.of(loaded.objects()));
    assertThat(r.failures()).isEmpty();
    JsonNode c = r.config().toJson();
    JsonNode grpc = GatewayApiBehaviourTest.service(c, "grpcroute.shop.inventory.0");
    assertThat(grpc.get("protocol").asText()).isEqualTo("grpcs");
    assertThat(grpc.get("port").asInt()).isEqualTo(9000);
    assertThat(grpc.get("routes"))
        .extracting(x -> x.at("/paths/0").asText())
        .containsExactly("~/shop.Inventory/List", "~/shop.Inventory/Get");
    assertThat(GatewayApiBehaviourTest.texts(grpc.at("/routes/0/hosts")))
        .containsExactly("grpc.example.com");
    assertThat(
            GatewayApiBehaviourTest.texts(
                GatewayApiBehaviourTest.upstream(c, "grpcroute.shop.inventory.0").get("targets")))
        .containsExactly("{\"target\":\"10.0.3.31:9000\",\"weight\":1}"); // CRD default weight 1
    JsonNode tcp = GatewayApiBehaviourTest.service(c, "tcproute.infra.postgres.0");
    assertThat(tcp.get("port").asInt()).isEqualTo(5432);
    assertThat(tcp.at("/routes/0/destinations").toString()).isEqualTo("[{\"port\":5432}]");
    JsonNode udp = GatewayApiBehaviourTest.service(c, "udproute.infra.dns.0");
    assertThat(udp.get("protocol").asText()).isEqualTo("udp");
    assertThat(udp.at("/routes/0/destinations").toString()).isEqualTo("[{\"port\":53}]");
    JsonNode tls = GatewayApiBehaviourTest.service(c, "tlsroute.secure.vault.0").at("/routes/0");
    assertThat(GatewayApiBehaviourTest.texts(tls.get("protocols")))
        .containsExactly("tls_passthrough");
    assertThat(GatewayApiBehaviourTest.texts(tls.get("snis")))
        .containsExactly("vault.secure.example.com");

    JsonNode e =
        Translator.create(
                TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, true).build())
            .translate(CacheStores.of(loaded.objects()))
            .config()
            .toJson();
    JsonNode list =
        GatewayApiBehaviourTest.service(e, "grpcroute.shop.inventory._.0").at("/routes/0");
    assertThat(list.get("expression").asText())
        .isEqualTo(
            "(http.path == \"/shop.Inventory/List\") && (http.headers.x_tenant == \"blue\")");
    assertThat(GatewayApiBehaviourTest.texts(list.get("protocols"))).containsExactly("grpcs");
    assertThat(
            GatewayApiBehaviourTest.service(e, "tlsroute.secure.vault.0")
                .at("/routes/0/expression")
                .asText())
        .isEqualTo("tls.sni == \"vault.secure.example.com\"");
  }
}
