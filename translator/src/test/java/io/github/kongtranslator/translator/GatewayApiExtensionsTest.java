package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Kong extension kinds behind Gateway API routes: KongUpstreamPolicy (gateway-api-spec §8) and
 * KongCustomEntity bound through an ExtensionRef plugin (§9).
 */
class GatewayApiExtensionsTest {
  private static final String SERVICES =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: a, namespace: shop, annotations: {konghq.com/upstream-policy: %s}}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: b, namespace: shop, annotations: {konghq.com/upstream-policy: %s}}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongUpstreamPolicy
      metadata: {name: hash, namespace: shop}
      spec:
        algorithm: consistent-hashing
        hashOn: {cookie: session, cookiePath: /}
        hashOnFallback: {input: ip}
      ---
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongUpstreamPolicy
      metadata: {name: sticky, namespace: shop}
      spec:
        algorithm: sticky-sessions
        hashOn: {input: none}
        stickySessions: {cookie: s, cookiePath: /}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: r, namespace: shop}
      spec:
        rules:
        - matches: [{path: {type: PathPrefix, value: /ab}}]
          backendRefs: [{name: a, kind: Service, port: 80, weight: 1}, {name: b, kind: Service, port: 80, weight: 1}]
      """;

  @Test
  void sharedPolicy_appliesToTheMultiBackendUpstream() {
    JsonNode up =
        GatewayApiBehaviourTest.upstream(
            GatewayApiBehaviourTest.config(
                SERVICES.formatted("hash", "hash"), TranslatorOptions.defaults()),
            "httproute.shop.r.0");
    assertThat(up.get("algorithm").asText()).isEqualTo("consistent-hashing");
    assertThat(up.get("hash_on").asText()).isEqualTo("cookie");
    assertThat(up.get("hash_on_cookie").asText()).isEqualTo("session");
    assertThat(up.get("hash_on_cookie_path").asText()).isEqualTo("/");
    assertThat(up.get("hash_fallback").asText()).isEqualTo("ip");
  }

  @Test
  void missingPolicy_isAFailureOnEveryServiceAndNoPolicyIsApplied() {
    TranslationResult r =
        GatewayApiBehaviourTest.run(
            SERVICES.formatted("gone", "gone"), TranslatorOptions.defaults());
    JsonNode up = GatewayApiBehaviourTest.upstream(r.config().toJson(), "httproute.shop.r.0");
    assertThat(up.get("algorithm").asText()).isEqualTo("round-robin");
    assertThat(r.failures())
        .anySatisfy(
            f -> {
              assertThat(f.reason()).contains("KongUpstreamPolicy");
              assertThat(f.causingObjects())
                  .extracting(Object::toString)
                  .containsExactlyInAnyOrder("Service shop/a", "Service shop/b");
            });
  }

  @Test
  void stickySessions_needKong311() {
    String yaml = SERVICES.formatted("sticky", "sticky");
    TranslationResult old = GatewayApiBehaviourTest.run(yaml, TranslatorOptions.defaults());
    assertThat(
            GatewayApiBehaviourTest.upstream(old.config().toJson(), "httproute.shop.r.0")
                .has("sticky_sessions_cookie"))
        .isFalse();
    assertThat(old.failures()).anySatisfy(f -> assertThat(f.reason()).contains("sticky"));
    JsonNode up =
        GatewayApiBehaviourTest.upstream(
            GatewayApiBehaviourTest.config(
                yaml, TranslatorOptions.builder().kongVersion("3.11.0").build()),
            "httproute.shop.r.0");
    assertThat(up.get("algorithm").asText()).isEqualTo("sticky-sessions");
    assertThat(up.get("sticky_sessions_cookie").asText()).isEqualTo("s");
  }

  @Test
  void customEntity_ofAnExtensionRefPlugin_referencesTheHttpRoutesKongService() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: gql, namespace: shop}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: degraphql, namespace: shop}
        plugin: degraphql
        config: {graphql_server_path: /v1/graphql}
        ---
        apiVersion: configuration.konghq.com/v1alpha1
        kind: KongCustomEntity
        metadata: {name: ce, namespace: shop}
        spec:
          controllerName: kong
          type: degraphql_routes
          parentRef: {group: configuration.konghq.com, kind: KongPlugin, name: degraphql}
          fields: {uri: /contacts, query: "query { contacts { name } }"}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          rules:
          - matches: [{path: {type: PathPrefix, value: /graphql}}]
            filters:
            - {type: ExtensionRef, extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: degraphql}}
            backendRefs: [{name: gql, kind: Service, port: 80}]
        """;
    TranslatorOptions o =
        TranslatorOptions.builder()
            .customEntityForeignField("degraphql_routes", "service", "services")
            .build();
    JsonNode c = GatewayApiBehaviourTest.config(yaml, o);
    String serviceId = GatewayApiBehaviourTest.service(c, "httproute.shop.r.0").get("id").asText();
    JsonNode entities = c.get("degraphql_routes");
    assertThat(entities).hasSize(1);
    assertThat(entities.get(0).get("uri").asText()).isEqualTo("/contacts");
    assertThat(entities.get(0).at("/service/id").asText()).isEqualTo(serviceId);
    assertThat(c.get("plugins").get(0).get("route").asText()).isEqualTo("httproute.shop.r.0.0");
  }
}
