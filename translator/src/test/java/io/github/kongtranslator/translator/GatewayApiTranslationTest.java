package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import org.junit.jupiter.api.Test;

class GatewayApiTranslationTest {
  private static final String ROUTE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: r, namespace: shop}
      spec:
        rules:
        - matches: [{path: {type: PathPrefix, value: %s}}]
          filters:
      %s
          backendRefs: [{name: web, kind: Service, port: 80}]
      """;

  static ObjectNode translate(String yaml, TranslatorOptions options) {
    return Translator.create(options)
        .translate(CacheStores.of(Manifests.asStored().readString(yaml, "test.yaml").objects()))
        .config()
        .toJson();
  }

  static JsonNode route(String path, String filters) {
    return translate(ROUTE.formatted(path, filters), TranslatorOptions.defaults())
        .get("services")
        .get(0)
        .get("routes")
        .get(0);
  }

  @Test
  void requestHeaderModifier_becomesRequestTransformerWithRouteTags() {
    JsonNode r =
        route(
            "/a",
            """
            - type: RequestHeaderModifier
              requestHeaderModifier:
                set: [{name: X-Env, value: prod}]
                add: [{name: X-Trace, value: "1"}]
                remove: [X-Debug]
        """);
    JsonNode p = r.get("plugins").get(0);
    assertThat(p.get("name").asText()).isEqualTo("request-transformer");
    assertThat(p.get("config").toString())
        .isEqualTo(
            "{\"replace\":{\"headers\":[\"X-Env:prod\"]},"
                + "\"add\":{\"headers\":[\"X-Env:prod\"]},\"append\":{\"headers\":[\"X-Trace:1\"]},"
                + "\"remove\":{\"headers\":[\"X-Debug\"]}}");
    assertThat(p.get("tags")).isEqualTo(r.get("tags"));
    assertThat(r.get("paths").toString()).isEqualTo("[\"~/a$\",\"/a/\"]");
  }

  @Test
  void requestRedirect_becomesTerminationAndLocationHeader() {
    JsonNode r =
        route(
            "/login",
            """
            - type: RequestRedirect
              requestRedirect: {scheme: https, hostname: sso.example.com, statusCode: 301}
        """);
    JsonNode plugins = r.get("plugins");
    assertThat(plugins).hasSize(2);
    assertThat(plugins.get(0).get("name").asText()).isEqualTo("response-transformer");
    assertThat(plugins.get(0).get("config").toString())
        .isEqualTo("{\"add\":{\"headers\":[\"Location:https://sso.example.com/login\"]}}");
    assertThat(plugins.get(1).get("name").asText()).isEqualTo("request-termination");
    assertThat(plugins.get(1).get("config").get("status_code").asInt()).isEqualTo(301);
  }

  @Test
  void urlRewritePrefix_replacesPathsAndUri() {
    JsonNode r =
        route(
            "/old/",
            """
            - type: URLRewrite
              urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new/}}
        """);
    assertThat(r.get("paths").toString()).isEqualTo("[\"~/old$\",\"~/old(/.*)\"]");
    assertThat(r.get("plugins").get(0).get("config").get("replace").get("uri").asText())
        .isEqualTo("/new$(uri_captures[1])");
  }

  @Test
  void unsupportedFilter_dropsTheServiceGroupWithAFailure() {
    String yaml =
        ROUTE.formatted(
            "/a",
            """
            - type: RequestMirror
              requestMirror: {backendRef: {name: web, port: 80}}
        """);
    TranslationResult res =
        Translator.create(TranslatorOptions.defaults())
            .translate(CacheStores.of(Manifests.asStored().readString(yaml, "t.yaml").objects()));
    assertThat(res.config().toJson().has("services")).isFalse();
    assertThat(res.failures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.reason())
                    .startsWith("HTTPRoute can't be routed: ")
                    .contains("RequestMirror"));
  }

  @Test
  void expressionRouter_priorityOfConstructedExample() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          hostnames: [shop.example.net]
          rules:
          - matches: [{path: {type: Exact, value: /cart}, method: POST}]
          - matches: [{path: {type: PathPrefix, value: /items/}, method: POST}]
        """;
    TranslatorOptions o =
        TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, true).build();
    JsonNode services = translate(yaml, o).get("services");
    assertThat(services).hasSize(1);
    JsonNode routes = services.get(0).get("routes");
    assertThat(routes.get(0).get("name").asText())
        .isEqualTo("httproute.shop.r.shop.example.net.1.0");
    assertThat(routes.get(0).get("priority").asLong()).isEqualTo(44530275454975L);
    assertThat(routes.get(1).get("priority").asLong()).isEqualTo(44547438546943L);
    assertThat(routes.get(1).get("expression").asText())
        .isEqualTo(
            "(http.host == \"shop.example.net\") && ((http.path == \"/cart\") && (http.method == \"POST\"))");
  }

  @Test
  void tcpRouteDestinations_comeFromMatchingListeners() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          listeners:
          - {name: db, protocol: TCP, port: 5432}
          - {name: cache, protocol: TCP, port: 6379}
          - {name: web, protocol: HTTP, port: 80}
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: pg, namespace: data}
        spec:
          parentRefs: [{name: edge, namespace: infra}]
          rules: [{name: primary, backendRefs: [{name: postgres, kind: Service, port: 5432}]}]
        """;
    JsonNode svc = translate(yaml, TranslatorOptions.defaults()).get("services").get(0);
    assertThat(svc.get("name").asText()).isEqualTo("tcproute.data.pg.0");
    JsonNode route = svc.get("routes").get(0);
    assertThat(route.get("name").asText()).isEqualTo("tcproute.data.pg.0.0");
    assertThat(route.get("destinations").toString()).isEqualTo("[{\"port\":5432},{\"port\":6379}]");
    assertThat(route.get("tags").toString()).contains("k8s-named-route-rule:primary");
  }

  @Test
  void combinedServices_groupRulesOfDifferentHttpRoutesByBackends() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: a, namespace: shop}
        spec:
          rules: [{matches: [{path: {type: Exact, value: /a}}], backendRefs: [{name: web, kind: Service, port: 80}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: b, namespace: shop}
        spec:
          rules: [{matches: [{path: {type: Exact, value: /b}}], backendRefs: [{name: web, kind: Service, port: 80}]}]
        """;
    TranslatorOptions o =
        TranslatorOptions.builder()
            .flag(FeatureFlag.COMBINED_SERVICES_FROM_DIFFERENT_HTTP_ROUTES, true)
            .build();
    JsonNode services = translate(yaml, o).get("services");
    assertThat(services).hasSize(1);
    assertThat(services.get(0).get("name").asText()).isEqualTo("httproute.shop.svc.shop.web.80");
    assertThat(services.get(0).get("routes")).hasSize(2);
    assertThat(services.get(0).get("routes").get(0).get("name").asText())
        .isEqualTo("httproute.shop.b.0.0");
    assertThat(services.get(0).get("tags").toString()).contains("k8s-name:web");
  }
}
