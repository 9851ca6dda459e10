package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gateway API behaviour (gateway-api-spec §2–§6) checked on small constructed inputs. */
class GatewayApiBehaviourTest {
  private static final TranslatorOptions TRADITIONAL = TranslatorOptions.defaults();
  private static final TranslatorOptions EXPRESSIONS =
      TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, true).build();

  private static final String WEB =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {ports: [{port: 80, name: http}]}
      ---
      """;

  static TranslationResult run(String yaml, TranslatorOptions options) {
    return Translator.create(options)
        .translate(CacheStores.of(Manifests.asStored().readString(yaml, "test.yaml").objects()));
  }

  static JsonNode config(String yaml, TranslatorOptions options) {
    return run(yaml, options).config().toJson();
  }

  static JsonNode service(JsonNode config, String name) {
    for (JsonNode s : config.path("services")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no service " + name + " in " + config);
  }

  static JsonNode upstream(JsonNode config, String name) {
    for (JsonNode u : config.path("upstreams")) {
      if (u.path("name").asText().equals(name)) {
        return u;
      }
    }
    throw new AssertionError("no upstream " + name + " in " + config);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
    return out;
  }

  private static final String ROUTE_TO_WEB =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: r, namespace: shop}
      spec:
        rules:
        - backendRefs: [{name: web, kind: Service, port: 80}]
      """;

  private static String backendTlsPolicy(String name, String targets) {
    return """
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha3
        kind: BackendTLSPolicy
        metadata: {name: %s, namespace: shop}
        spec:
          targetRefs: %s
          validation: {hostname: web.internal}
        """
        .formatted(name, targets);
  }

  @Test
  void rulesWithTheSameBackendsInAnyOrder_shareAService_anyDifferentValueSplits() {
    String yaml =
        WEB
            + """
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {ports: [{port: 80, name: http}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /a}}]
            backendRefs: [{name: web, port: 80, weight: 1}, {name: api, port: 80}]
          - matches: [{path: {type: PathPrefix, value: /b}}]
            backendRefs: [{name: api, port: 80}, {name: web, port: 80, weight: 1}]
          - matches: [{path: {type: PathPrefix, value: /c}}]
            backendRefs: [{name: web, port: 80, weight: 2}, {name: api, port: 80}]
        """;
    JsonNode config = config(yaml, TRADITIONAL);

    List<String> names = new ArrayList<>();
    config.path("services").forEach(s -> names.add(s.path("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("httproute.shop.r.0", "httproute.shop.r.2");
    assertThat(service(config, "httproute.shop.r.0").path("routes")).isNotEmpty();
  }

  @Test
  void backendTlsPolicy_targetingTheServiceTwice_appliesOnce() {
    String yaml =
        WEB
            + ROUTE_TO_WEB
            + backendTlsPolicy(
                "tls",
                "[{group: '', kind: Service, name: web}, {group: core, kind: Service, name: web},"
                    + " {group: '', kind: Service, name: other}]")
            + backendTlsPolicy("elsewhere", "[{group: '', kind: Service, name: other}]");
    TranslationResult r = run(yaml, TRADITIONAL);
    // the rule without matches gives a route without matcher, which Kong 3.9.1 rejects
    // (routes_subschemas.lua); that is the only failure
    assertThat(r.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.effect()).isEqualTo(TranslationFailure.Effect.KONG_INVALID);
              assertThat(f.reason())
                  .contains("routes httproute.shop.r.0.0: @entity: must set one of");
            });
    JsonNode svc = service(r.config().toJson(), "httproute.shop.r.0");
    assertThat(svc.path("protocol").asText()).isEqualTo("https");
    assertThat(svc.path("tls_verify").asBoolean()).isTrue();
  }

  @Test
  void backendTlsPolicy_twoPoliciesOnOneService_fail() {
    String yaml =
        WEB
            + ROUTE_TO_WEB
            + backendTlsPolicy("a", "[{group: '', kind: Service, name: web}]")
            + backendTlsPolicy("b", "[{kind: Service, name: web}]")
            + backendTlsPolicy("not-a-service", "[{group: '', kind: ConfigMap, name: web}]");
    TranslationResult r = run(yaml, TRADITIONAL);
    assertThat(r.failures())
        .extracting(f -> f.reason())
        .contains("Multiple BackendTLSPolicies attached to service shop/web");
    assertThat(service(r.config().toJson(), "httproute.shop.r.0").path("protocol").asText())
        .isEqualTo("http");
  }

  @Test
  void matches_becomePathsMethodsAndHeadersOfTheFirstMatch() {
    String yaml =
        WEB
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          hostnames: ["*.shop.example.com"]
          rules:
          - matches:
            - path: {type: PathPrefix, value: /api/}
              method: GET
              headers: [{name: X-Env, value: prod}, {name: Hash, type: RegularExpression, value: "[0-9a-f]+"}]
            - path: {type: Exact, value: /cart}
              method: GET
              headers: [{name: x-env, value: prod}, {name: Hash, type: RegularExpression, value: "[0-9a-f]+"}]
            - path: {type: RegularExpression, value: "/items/[0-9]+"}
            backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    JsonNode routes = service(config(yaml, TRADITIONAL), "httproute.shop.r.0").get("routes");
    assertThat(routes).hasSize(2);
    JsonNode regex = routes.get(0);
    assertThat(regex.get("name").asText()).isEqualTo("httproute.shop.r.0.2");
    assertThat(texts(regex.get("paths"))).containsExactly("~/items/[0-9]+");
    JsonNode merged = routes.get(1);
    assertThat(merged.get("name").asText()).isEqualTo("httproute.shop.r.0.0");
    assertThat(texts(merged.get("paths"))).containsExactly("~/api/$", "/api/", "~/cart$");
    assertThat(texts(merged.get("methods"))).containsExactly("GET");
    assertThat(texts(merged.get("hosts"))).containsExactly("*.shop.example.com");
    assertThat(merged.get("headers")).hasSize(2);
    assertThat(texts(merged.at("/headers/Hash"))).containsExactly("~*[0-9a-f]+");
    assertThat(texts(merged.at("/headers/X-Env"))).containsExactly("prod");
    assertThat(merged.get("preserve_host").asBoolean()).isTrue();
    assertThat(merged.get("strip_path").asBoolean()).isFalse();
  }

  @Test
  void rulesSharingBackends_shareOneServiceNamedAfterTheFirstRule() {
    String yaml =
        WEB
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - name: echo
            matches: [{path: {type: PathPrefix, value: /echo}}]
            backendRefs: [{name: web, kind: Service, port: 80}]
          - name: content
            matches: [{path: {type: PathPrefix, value: /content}}]
            backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    JsonNode c = config(yaml, TRADITIONAL);
    assertThat(c.get("services")).hasSize(1);
    JsonNode route = service(c, "httproute.shop.r.0").get("routes").get(0);
    assertThat(texts(route.get("paths")))
        .containsExactly("~/echo$", "/echo/", "~/content$", "/content/");
    assertThat(texts(route.get("tags")))
        .endsWith("k8s-named-route-rule:echo", "k8s-named-route-rule:content");
  }

  @Test
  void backendWeights_areSplitOverTheBackendsTargets() {
    String yaml =
        WEB
            + """
        apiVersion: v1
        kind: Service
        metadata: {name: web2, namespace: shop}
        spec: {ports: [{port: 8080, name: http}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-a, namespace: shop, labels: {kubernetes.io/service-name: web}}
        addressType: IPv4
        ports: [{name: http, port: 8000, protocol: TCP}]
        endpoints: [{addresses: [10.0.0.1]}, {addresses: [10.0.0.2]}, {addresses: [10.0.0.3]}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web2-a, namespace: shop, labels: {kubernetes.io/service-name: web2}}
        addressType: IPv4
        ports: [{name: http, port: 9000, protocol: TCP}]
        endpoints: [{addresses: [10.0.1.1]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /}}]
            backendRefs:
            - {name: web, kind: Service, port: 80, weight: 75}
            - {name: web2, kind: Service, port: 8080, weight: 0}
        """;
    JsonNode c = config(yaml, TRADITIONAL);
    JsonNode svc = service(c, "httproute.shop.r.0");
    assertThat(svc.get("port").asInt()).isEqualTo(8080);
    assertThat(texts(svc.get("tags"))).contains("k8s-kind:HTTPRoute");
    assertThat(texts(upstream(c, "httproute.shop.r.0").get("targets")))
        .containsExactly(
            "{\"target\":\"10.0.1.1:9000\",\"weight\":0}",
            "{\"target\":\"10.0.0.3:8000\",\"weight\":25}",
            "{\"target\":\"10.0.0.2:8000\",\"weight\":25}",
            "{\"target\":\"10.0.0.1:8000\",\"weight\":25}");
  }

  @Test
  void kindlessOrUngrantedBackendRefs_leaveAPlaceholderServiceWithRequestTermination() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: catalog, namespace: db}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /a}}]
            backendRefs: [{name: catalog, namespace: db, port: 80}]
          - matches: [{path: {type: PathPrefix, value: /b}}]
            backendRefs: [{name: catalog, namespace: db, kind: Service, port: 80}]
        """;
    JsonNode c = config(yaml, TRADITIONAL);
    for (String name : List.of("httproute.shop.r.0", "httproute.shop.r.1")) {
      JsonNode svc = service(c, name);
      assertThat(svc.has("port")).isFalse();
      assertThat(texts(svc.get("tags"))).contains("k8s-name:UNKNOWN", "k8s-group:core");
      assertThat(svc.get("plugins").get(0).toString())
          .isEqualTo(
              "{\"config\":{\"message\":"
                  + "\"no existing backendRef provided\",\"status_code\":500},\"name\":\"request-termination\"}");
    }
    String granted =
        yaml
            + """
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: g, namespace: db}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
          to: [{group: "", kind: Service, name: catalog}]
        """;
    JsonNode svc = service(config(granted, TRADITIONAL), "httproute.shop.r.1");
    assertThat(svc.get("port").asInt()).isEqualTo(80);
    assertThat(svc.has("plugins")).isFalse();
    assertThat(texts(svc.get("tags"))).contains("k8s-name:catalog", "k8s-namespace:db");
  }

  @Test
  void extensionRef_bindsTheKongPluginToTheRoute_andAMissingOneIsAFailure() {
    String yaml =
        WEB
            + """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: limit, namespace: shop}
        plugin: rate-limiting
        config: {minute: 5}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /a}}]
            filters:
            - {type: ExtensionRef, extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: limit}}
            - {type: ExtensionRef, extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: gone}}
            backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    TranslationResult r = run(yaml, TRADITIONAL);
    JsonNode plugins = r.config().toJson().get("plugins");
    assertThat(plugins).hasSize(1);
    assertThat(plugins.get(0).get("name").asText()).isEqualTo("rate-limiting");
    assertThat(plugins.get(0).get("route").asText()).isEqualTo("httproute.shop.r.0.0");
    assertThat(r.failures())
        .anySatisfy(
            f -> {
              assertThat(f.reason()).contains("gone");
              assertThat(f.causingObjects().get(0).toString()).isEqualTo("HTTPRoute shop/r");
            });
  }

  @Test
  void headerModifierAndRewrite_mergeIntoOneRequestTransformer() {
    String yaml =
        WEB
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /old/}}]
            filters:
            - type: RequestHeaderModifier
              requestHeaderModifier: {set: [{name: X-A, value: "1"}], add: [{name: X-Empty, value: ""}], remove: [X-B]}
            - type: URLRewrite
              urlRewrite: {hostname: new.example.com, path: {type: ReplacePrefixMatch, replacePrefixMatch: /new/}}
            backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    JsonNode route = service(config(yaml, TRADITIONAL), "httproute.shop.r.0").get("routes").get(0);
    assertThat(texts(route.get("paths"))).containsExactly("~/old$", "~/old(/.*)");
    assertThat(route.get("plugins")).hasSize(1);
    JsonNode cfg = route.get("plugins").get(0).get("config");
    assertThat(texts(cfg.at("/replace/headers"))).containsExactly("X-A:1", "host:new.example.com");
    assertThat(cfg.at("/replace/uri").asText()).isEqualTo("/new$(uri_captures[1])");
    assertThat(texts(cfg.at("/add/headers"))).containsExactly("X-A:1", "host:new.example.com");
    assertThat(texts(cfg.at("/append/headers"))).containsExactly("X-Empty");
    assertThat(texts(cfg.at("/remove/headers"))).containsExactly("X-B");
  }

  @Test
  void expressionRouter_httpRouteWithHeadersQueryAndWildcardHost() {
    String yaml =
        WEB
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          hostnames: ["*.example.com"]
          rules:
          - matches:
            - path: {type: RegularExpression, value: "/v[0-9]+/items"}
              headers: [{name: X-Foo, value: Bar}, {name: Hash, type: RegularExpression, value: "[0-9a-f]+"}]
              queryParams: [{name: b, value: "2"}, {name: a, type: RegularExpression, value: "x.*"}]
            backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    JsonNode route = service(config(yaml, EXPRESSIONS), "httproute.shop.r.0").get("routes").get(0);
    assertThat(route.get("name").asText()).isEqualTo("httproute.shop.r._.example.com.0.0");
    assertThat(route.get("expression").asText())
        .isEqualTo(
            "(http.host =^ \".example.com\") && ((http.path ~ \"^/v[0-9]+/items\")"
                + " && ((http.headers.hash ~ \"[0-9a-f]+\") && (http.headers.x_foo == \"Bar\"))"
                + " && ((http.queries.a ~ \"x.*\") && (http.queries.b == \"2\")))");
    long expected =
        (2L << 44) + (13L << 35) + (1L << 33) + (13L << 23) + (2L << 17) + (2L << 12) + 4095;
    assertThat(route.get("priority").asLong()).isEqualTo(expected);
    assertThat(route.has("path_handling")).isFalse();
  }

  @Test
  void expressionRouter_equalBasePrioritiesAreOrderedByCreationTime() {
    String route =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: shop, creationTimestamp: "%s"}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /same}}]
            backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    String yaml =
        WEB
            + route.formatted("young", "2024-02-01T00:00:00Z")
            + "---\n"
            + route.formatted("old", "2024-01-01T00:00:00Z");
    JsonNode c = config(yaml, EXPRESSIONS);
    long base = (2L << 44) + (4L << 23);
    assertThat(service(c, "httproute.shop.old.0").at("/routes/0/priority").asLong())
        .isEqualTo(base + 4095);
    assertThat(service(c, "httproute.shop.young.0").at("/routes/0/priority").asLong())
        .isEqualTo(base + 4094);
  }

  @Test
  void expressionRouter_grpcRouteConstructedExample() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: inv, namespace: shop}
        spec:
          hostnames: ["*.grpc.example.org"]
          rules:
          - matches:
            - method: {service: shop.Inventory}
              headers: [{name: X-Tenant, value: blue}]
            backendRefs: [{name: inv, kind: Service, port: 9000}]
        """;
    JsonNode svc = service(config(yaml, EXPRESSIONS), "grpcroute.shop.inv._.grpc.example.org.0");
    JsonNode route = svc.get("routes").get(0);
    assertThat(route.get("expression").asText())
        .isEqualTo(
            "(http.path ^= \"/shop.Inventory/\")"
                + " && (http.headers.x_tenant == \"blue\") && (http.host =^ \".grpc.example.org\")");
    assertThat(route.get("priority").asLong()).isEqualTo(18210896216575L);
    assertThat(svc.get("protocol").asText()).isEqualTo("grpcs");
  }

  @Test
  void grpcRouteTraditional_pathsFromMethodMatchesAndListenerHostnames() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          listeners: [{name: web, protocol: HTTP, port: 80, hostname: grpc.example.com}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: inv, namespace: shop}
        spec:
          parentRefs: [{name: edge, namespace: infra}]
          rules:
          - matches:
            - method: {service: shop.Inventory}
            - method: {type: RegularExpression, method: Get}
            - headers: [{name: x-tenant, type: RegularExpression, value: blue}, {name: x-tenant, value: red}]
            backendRefs: [{name: inv, kind: Service, port: 9000}]
        """;
    JsonNode svc = service(config(yaml, TRADITIONAL), "grpcroute.shop.inv.0");
    assertThat(svc.get("protocol").asText()).isEqualTo("grpc");
    JsonNode routes = svc.get("routes");
    assertThat(texts(routes.get(2).get("paths"))).containsExactly("~/shop.Inventory/");
    assertThat(texts(routes.get(1).get("paths"))).containsExactly("~/.+/Get");
    assertThat(routes.get(0).has("paths")).isFalse();
    assertThat(routes.get(0).get("headers").toString())
        .isEqualTo("{\"x-tenant\":[\"blue\",\"red\"]}");
    for (JsonNode r : routes) {
      assertThat(texts(r.get("hosts"))).containsExactly("grpc.example.com");
      assertThat(texts(r.get("protocols"))).containsExactly("grpc", "grpcs");
      assertThat(r.has("strip_path")).isFalse();
    }
  }

  @Test
  void tlsRoute_isPassthroughOnlyWhenItsStatusNamesAPassthroughListener() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          listeners:
          - {name: pass, protocol: TLS, port: 8443, tls: {mode: Passthrough}}
          - {name: term, protocol: TLS, port: 9443, tls: {mode: Terminate}}
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: pass, namespace: data}
        spec:
          hostnames: [pass.example.com]
          rules: [{backendRefs: [{name: db, kind: Service, port: 5432}]}]
        status:
          parents: [{parentRef: {name: edge, namespace: infra, sectionName: pass}}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: term, namespace: data}
        spec:
          parentRefs: [{name: edge, namespace: infra, sectionName: pass}]
          hostnames: [term.example.com]
          rules: [{backendRefs: [{name: db, kind: Service, port: 5432}]}]
        status:
          parents: [{parentRef: {name: edge, namespace: infra, sectionName: term}}]
        """;
    JsonNode c = config(yaml, TRADITIONAL);
    JsonNode pass = service(c, "tlsroute.data.pass.0").get("routes").get(0);
    assertThat(texts(pass.get("protocols"))).containsExactly("tls_passthrough");
    assertThat(texts(pass.get("snis"))).containsExactly("pass.example.com");
    JsonNode term = service(c, "tlsroute.data.term.0").get("routes").get(0);
    assertThat(texts(term.get("protocols"))).containsExactly("tls");
    assertThat(service(c, "tlsroute.data.term.0").get("protocol").asText()).isEqualTo("tcp");
  }

  @Test
  void l4Routes_inExpressionMode_matchSnisAndPortsWithPriorityOne() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          listeners: [{name: a, protocol: UDP, port: 53}, {name: b, protocol: UDP, port: 5353}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: UDPRoute
        metadata: {name: dns, namespace: data}
        spec:
          parentRefs: [{name: edge, namespace: infra}]
          rules: [{backendRefs: [{name: dns, kind: Service, port: 53}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: t, namespace: data}
        spec:
          hostnames: [a.example.com, "*.wild.example.com"]
          rules: [{backendRefs: [{name: db, kind: Service, port: 5432}]}]
        """;
    JsonNode c = config(yaml, EXPRESSIONS);
    JsonNode udp = service(c, "udproute.data.dns.0").get("routes").get(0);
    assertThat(udp.get("expression").asText())
        .isEqualTo("(net.dst.port == 53) || (net.dst.port == 5353)");
    assertThat(udp.get("priority").asLong()).isEqualTo(1);
    assertThat(udp.has("destinations")).isFalse();
    JsonNode tls = service(c, "tlsroute.data.t.0").get("routes").get(0);
    assertThat(tls.get("expression").asText()).isEqualTo("tls.sni == \"a.example.com\"");
    assertThat(tls.has("snis")).isFalse();
  }

  @Test
  void badObjects_failAloneWhileTheOthersAreTranslated() {
    String yaml =
        WEB
            + """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: UDPRoute
        metadata: {name: empty, namespace: shop}
        spec:
          rules: [{backendRefs: []}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: query, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: Exact, value: /q}, queryParams: [{name: a, value: "1"}]}]
            backendRefs: [{name: web, kind: Service, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: good, namespace: shop}
        spec:
          rules:
          - backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    TranslationResult r = run(yaml, TRADITIONAL);
    assertThat(r.failures())
        .filteredOn(f -> f.effect() != TranslationFailure.Effect.KONG_INVALID)
        .extracting(f -> f.causingObjects().get(0).toString())
        .containsExactlyInAnyOrder("UDPRoute shop/empty", "HTTPRoute shop/query");
    // the catch-all route has no matcher: translated as KIC does, and Kong 3.9.1 would reject it
    assertThat(r.failures())
        .filteredOn(f -> f.effect() == TranslationFailure.Effect.KONG_INVALID)
        .extracting(f -> f.causingObjects().get(0).toString())
        .containsExactly("HTTPRoute shop/good");
    JsonNode c = r.config().toJson();
    assertThat(c.get("services")).hasSize(1);
    JsonNode catchAll = service(c, "httproute.shop.good.0").get("routes").get(0);
    assertThat(catchAll.get("name").asText()).isEqualTo("httproute.shop.good.0.0");
    assertThat(catchAll.has("paths")).isFalse();
    assertThat(run(yaml, EXPRESSIONS).failures())
        .extracting(f -> f.causingObjects().get(0).toString())
        .containsExactly("UDPRoute shop/empty");
  }

  @Test
  void inconsistentServiceAnnotations_dropTheKongServiceButKeepABareUpstream() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: a, namespace: shop, annotations: {konghq.com/protocol: http}}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, namespace: shop, annotations: {konghq.com/protocol: https}}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - backendRefs: [{name: a, kind: Service, port: 80}, {name: b, kind: Service, port: 80}]
        """;
    TranslationResult r = run(yaml, TRADITIONAL);
    JsonNode c = r.config().toJson();
    assertThat(c.has("services")).isFalse();
    assertThat(upstream(c, "httproute.shop.r.0").toString())
        .isEqualTo("{\"algorithm\":\"round-robin\",\"name\":\"httproute.shop.r.0\"}");
    assertThat(r.failures())
        .flatExtracting(f -> f.causingObjects().stream().map(Object::toString).toList())
        .contains("Service shop/a", "Service shop/b");
  }

  @Test
  void grpcRuleWithoutMatches_isACatchAllRoute_withRootPathWhenNoHostnameResolves() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: g, namespace: shop}
        spec:
          parentRefs: [{name: missing}]
          rules:
          - backendRefs: [{name: inv, kind: Service, port: 9000}]
        """;
    JsonNode route = service(config(yaml, TRADITIONAL), "grpcroute.shop.g.0").get("routes").get(0);
    assertThat(route.get("name").asText()).isEqualTo("grpcroute.shop.g.0.0");
    assertThat(texts(route.get("paths"))).containsExactly("/");
    assertThat(route.has("hosts")).isFalse();
    JsonNode expr = service(config(yaml, EXPRESSIONS), "grpcroute.shop.g._.0").get("routes").get(0);
    assertThat(expr.get("expression").asText())
        .isEqualTo("(net.protocol == \"http\") || (net.protocol == \"https\")");
    assertThat(expr.get("priority").asLong()).isEqualTo((1L << 44) + 255);
  }

  @Test
  void backendRequestTimeout_setsAllThreeServiceTimeouts() {
    String yaml =
        WEB
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /slow}}]
            backendRefs: [{name: web, kind: Service, port: 80}]
            timeouts: {request: 10s, backendRequest: 1m30s}
        """;
    JsonNode svc = service(config(yaml, TRADITIONAL), "httproute.shop.r.0");
    assertThat(svc.get("connect_timeout").asInt()).isEqualTo(90000);
    assertThat(svc.get("read_timeout").asInt()).isEqualTo(90000);
    assertThat(svc.get("write_timeout").asInt()).isEqualTo(90000);
  }

  @Test
  void redirectWithSupportRedirectPlugin_usesTheRedirectPlugin() {
    String yaml =
        WEB
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /login}}]
            filters:
            - type: RequestRedirect
              requestRedirect: {scheme: https, hostname: sso.example.com, port: 8443, statusCode: 301}
            backendRefs: [{name: web, kind: Service, port: 80}]
        """;
    TranslatorOptions o =
        TranslatorOptions.builder().flag(FeatureFlag.SUPPORT_REDIRECT_PLUGIN, true).build();
    JsonNode plugins = service(config(yaml, o), "httproute.shop.r.0").at("/routes/0/plugins");
    assertThat(plugins).hasSize(1);
    assertThat(plugins.get(0).get("name").asText()).isEqualTo("redirect");
    JsonNode cfg = plugins.get(0).get("config");
    assertThat(cfg).hasSize(3);
    assertThat(cfg.get("status_code").asInt()).isEqualTo(301);
    assertThat(cfg.get("location").asText()).isEqualTo("https://sso.example.com:8443");
    assertThat(cfg.get("keep_incoming_path").asBoolean()).isTrue();
    // field order as the node-built plugin had it before issue 21's typed Plugin.Builder
    assertThat(plugins.get(0).fieldNames()).toIterable().containsExactly("name", "config", "tags");
    assertThat(cfg.fieldNames())
        .toIterable()
        .containsExactly("status_code", "location", "keep_incoming_path");
  }

  @Test
  void grpcServiceWithSeveralBackends_hasNoTagsInTraditionalMode_andRouteTagsInExpressionMode() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: a, namespace: shop}
        spec: {ports: [{port: 9000}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, namespace: shop}
        spec: {ports: [{port: 9000}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: g, namespace: shop}
        spec:
          rules:
          - matches: [{method: {service: s, method: m}}]
            backendRefs: [{name: a, kind: Service, port: 9000}, {name: b, kind: Service, port: 9000}]
        """;
    JsonNode c = config(yaml, TRADITIONAL);
    assertThat(service(c, "grpcroute.shop.g.0").has("tags")).isFalse();
    assertThat(upstream(c, "grpcroute.shop.g.0").has("tags")).isFalse();
    JsonNode e = config(yaml, EXPRESSIONS);
    assertThat(texts(service(e, "grpcroute.shop.g._.0").get("tags")))
        .contains("k8s-kind:GRPCRoute");
  }
}
