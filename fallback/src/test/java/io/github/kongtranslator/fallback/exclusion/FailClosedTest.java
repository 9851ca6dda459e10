package io.github.kongtranslator.fallback.exclusion;

import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An object never survives the exclusion of something it needs for its security (architecture
 * principle 4). Each case breaks only the security dependency.
 */
class FailClosedTest {

  @Test
  void exclude_crossNamespaceAuthPluginBroken_dropsTheRouteThatUsesIt() {
    CacheStores s =
        snapshot(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: api, namespace: shop, annotations: {konghq.com/plugins: "security:key-auth"}}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: key-auth, namespace: security, uid: u-ka}
        plugin: key-auth
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: allow-shop, namespace: security}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
          to: [{group: configuration.konghq.com, kind: KongPlugin}]
        """);

    ExclusionResult byPlugin =
        Exclusion.exclude(s, List.of(ref(s, "KongPlugin security/key-auth")));
    ExclusionResult byGrant =
        Exclusion.exclude(s, List.of(ref(s, "ReferenceGrant security/allow-shop")));

    assertThat(byPlugin.isExcluded(ref(s, "HTTPRoute shop/api"))).isTrue();
    assertThat(byGrant.isExcluded(ref(s, "HTTPRoute shop/api"))).isTrue();
  }

  @Test
  void exclude_extensionRefAuthPluginBroken_dropsTheHttpRoute() {
    CacheStores s =
        snapshot(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: api, namespace: shop}
        spec:
          rules:
          - filters:
            - type: ExtensionRef
              extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: key-auth}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: key-auth, namespace: shop}
        plugin: key-auth
        """);

    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "KongPlugin shop/key-auth")));

    assertThat(r.isExcluded(ref(s, "HTTPRoute shop/api"))).isTrue();
  }

  @Test
  void exclude_consumerGroupGone_dropsItsConsumers() {
    CacheStores s =
        snapshot(
            """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: free-user, namespace: shop}
        username: free-user
        consumerGroups: [free-tier]
        ---
        apiVersion: configuration.konghq.com/v1beta1
        kind: KongConsumerGroup
        metadata: {name: free-tier, namespace: shop, annotations: {konghq.com/plugins: tight-limit}}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: tight-limit, namespace: shop}
        plugin: rate-limiting
        """);

    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "KongPlugin shop/tight-limit")));

    assertThat(r.isExcluded(ref(s, "KongConsumerGroup shop/free-tier"))).isTrue();
    assertThat(r.isExcluded(ref(s, "KongConsumer shop/free-user"))).isTrue();
  }

  @Test
  void exclude_listenerTlsSecretBroken_dropsTheGatewayAndItsRoutes() {
    CacheStores s =
        snapshot(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: kong, namespace: infra}
        spec:
          gatewayClassName: kong
          listeners:
          - name: https
            port: 443
            protocol: HTTPS
            tls: {certificateRefs: [{kind: Secret, name: wildcard}]}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: wildcard, namespace: infra}
        type: kubernetes.io/tls
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: api, namespace: shop}
        spec:
          parentRefs: [{name: kong, namespace: infra}]
        """);

    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "Secret infra/wildcard")));

    assertThat(r.isExcluded(ref(s, "Gateway infra/kong"))).isTrue();
    assertThat(r.isExcluded(ref(s, "HTTPRoute shop/api"))).isTrue();
  }

  @Test
  void exclude_ingressTlsSecretBroken_dropsTheIngress() {
    CacheStores s =
        snapshot(
            """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: shop}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-tls, namespace: shop}
        type: kubernetes.io/tls
        """);

    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "Secret shop/shop-tls")));

    assertThat(r.isExcluded(ref(s, "Ingress shop/web"))).isTrue();
  }

  @Test
  void exclude_serviceCaGone_dropsTheService_directlyAndThroughItsBackendTlsPolicy() {
    CacheStores s =
        snapshot(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: payments, namespace: shop, annotations: {konghq.com/ca-certificates-secrets: payments-ca}}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: payments-ca, namespace: shop, labels: {konghq.com/ca-cert: "true"}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ledger, namespace: shop}
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha3
        kind: BackendTLSPolicy
        metadata: {name: ledger-tls, namespace: shop}
        spec:
          targetRefs: [{group: "", kind: Service, name: ledger}]
          validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: ledger-ca}], hostname: ledger}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ledger-ca, namespace: shop}
        """);

    ExclusionResult r =
        Exclusion.exclude(
            s, List.of(ref(s, "Secret shop/payments-ca"), ref(s, "ConfigMap shop/ledger-ca")));

    assertThat(r.isExcluded(ref(s, "Service shop/payments"))).isTrue();
    assertThat(r.isExcluded(ref(s, "BackendTLSPolicy shop/ledger-tls"))).isTrue();
    assertThat(r.isExcluded(ref(s, "Service shop/ledger"))).isTrue();
  }
}
