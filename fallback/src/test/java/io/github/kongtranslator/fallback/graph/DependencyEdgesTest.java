package io.github.kongtranslator.fallback.graph;

import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per dependency rule of {@code fallback-spec.md} §2.2 (KIC) and §2.4 (M1–M16): only the
 * dependency is broken, and the dependent must be excluded with a reason whose first step is that
 * rule. With KIC's edge set ({@link KicEdges}) the dependent survives exactly for the rules KIC
 * misses.
 */
class DependencyEdgesTest {

  /**
   * @param rule the rule under test
   * @param yaml the objects
   * @param broken the only broken object
   * @param dependent the object that must be excluded through {@code rule}
   * @param alsoExcluded further objects excluded on the way (e.g. the policy of M7)
   */
  record EdgeCase(
      DependencyRule rule,
      String description,
      String yaml,
      String broken,
      String dependent,
      List<String> alsoExcluded) {
    @Override
    public String toString() {
      return rule.id() + " " + description;
    }
  }

  static final String SVC =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: default, uid: u-svc}
      spec: {ports: [{port: 80}]}
      """;

  static Stream<EdgeCase> cases() {
    return Stream.of(
        // ---------------------------------------------------------------- KIC, §2.2
        new EdgeCase(
            DependencyRule.PLUGINS_ANNOTATION,
            "Service -> KongPlugin",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: default, annotations: {konghq.com/plugins: "a, auth"}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: auth, namespace: default, uid: u-auth}
            plugin: key-auth
            """,
            "KongPlugin default/auth",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.PLUGINS_ANNOTATION,
            "Service -> KongClusterPlugin (no KongPlugin)",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: default, annotations: {konghq.com/plugins: auth}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata: {name: auth, uid: u-auth}
            plugin: key-auth
            """,
            "KongClusterPlugin auth",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.UPSTREAM_POLICY,
            "Service -> KongUpstreamPolicy",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: default, annotations: {konghq.com/upstream-policy: pol}}
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongUpstreamPolicy
            metadata: {name: pol, namespace: default}
            spec: {algorithm: round-robin}
            """,
            "KongUpstreamPolicy default/pol",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_CLASS,
            "Ingress -> IngressClass (ingressClassName)",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default}
            spec: {ingressClassName: kong}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: kong}
            spec: {controller: ingress-controllers.konghq.com/kong}
            """,
            "IngressClass kong",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_CLASS,
            "Ingress -> IngressClass (annotation)",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: kong}
            """,
            "IngressClass kong",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_BACKEND,
            "Ingress -> Service",
            SVC
                + """
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default}
            spec:
              rules:
              - http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}
            """,
            "Service default/svc",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_BACKEND,
            "Ingress -> KongServiceFacade",
            """
            apiVersion: incubator.ingress-controller.konghq.com/v1alpha1
            kind: KongServiceFacade
            metadata: {name: facade, namespace: default}
            spec: {backendRef: {name: nowhere, port: 80}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default}
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {resource: {apiGroup: incubator.ingress-controller.konghq.com, kind: KongServiceFacade, name: facade}}
            """,
            "KongServiceFacade default/facade",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.UPSTREAM_POLICY,
            "Ingress -> KongUpstreamPolicy (X1)",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default, annotations: {konghq.com/upstream-policy: pol}}
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongUpstreamPolicy
            metadata: {name: pol, namespace: default}
            """,
            "KongUpstreamPolicy default/pol",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.PLUGINS_ANNOTATION,
            "Ingress -> KongPlugin",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default, annotations: {konghq.com/plugins: auth}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: auth, namespace: default}
            plugin: key-auth
            """,
            "KongPlugin default/auth",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.ROUTE_BACKEND,
            "HTTPRoute -> Service (ref namespace)",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: other}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - backendRefs: [{kind: Service, name: svc, namespace: other, port: 80}]
            """,
            "Service other/svc",
            "HTTPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.ROUTE_BACKEND,
            "GRPCRoute -> Service",
            SVC
                + """
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - backendRefs: [{group: "", kind: Service, name: svc, port: 80}]
            """,
            "Service default/svc",
            "GRPCRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.ROUTE_BACKEND,
            "TCPRoute -> Service",
            SVC
                + """
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - backendRefs: [{kind: Service, name: svc, port: 80}]
            """,
            "Service default/svc",
            "TCPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.ROUTE_BACKEND,
            "UDPRoute -> Service",
            SVC
                + """
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: UDPRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - backendRefs: [{kind: Service, name: svc, port: 80}]
            """,
            "Service default/svc",
            "UDPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.ROUTE_BACKEND,
            "TLSRoute -> Service",
            SVC
                + """
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - backendRefs: [{kind: Service, name: svc, port: 80}]
            """,
            "Service default/svc",
            "TLSRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.PLUGINS_ANNOTATION,
            "TLSRoute -> KongPlugin",
            """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: {name: route, namespace: default, annotations: {konghq.com/plugins: p}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: p, namespace: default}
            plugin: key-auth
            """,
            "KongPlugin default/p",
            "TLSRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.PLUGIN_CONFIG_SECRET,
            "KongPlugin -> Secret (configFrom)",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: conf, namespace: default}
            stringData: {config: "{}"}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: p, namespace: default}
            plugin: key-auth
            configFrom: {secretKeyRef: {name: conf, key: config}}
            """,
            "Secret default/conf",
            "KongPlugin default/p",
            List.of()),
        new EdgeCase(
            DependencyRule.PLUGIN_CONFIG_SECRET,
            "KongPlugin -> Secret (configPatches)",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: conf, namespace: default}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: p, namespace: default}
            plugin: key-auth
            configPatches: [{path: /key, valueFrom: {secretKeyRef: {name: conf, key: k}}}]
            """,
            "Secret default/conf",
            "KongPlugin default/p",
            List.of()),
        new EdgeCase(
            DependencyRule.PLUGIN_CONFIG_SECRET,
            "KongClusterPlugin -> Secret",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: conf, namespace: kong}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata: {name: p}
            plugin: key-auth
            configFrom: {secretKeyRef: {name: conf, namespace: kong, key: config}}
            """,
            "Secret kong/conf",
            "KongClusterPlugin p",
            List.of()),
        new EdgeCase(
            DependencyRule.CONSUMER_CREDENTIAL,
            "KongConsumer -> credential Secret",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: cred, namespace: default}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongConsumer
            metadata: {name: alice, namespace: default}
            username: alice
            credentials: [cred]
            """,
            "Secret default/cred",
            "KongConsumer default/alice",
            List.of()),
        new EdgeCase(
            DependencyRule.PLUGINS_ANNOTATION,
            "KongConsumerGroup -> KongPlugin",
            """
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongConsumerGroup
            metadata: {name: gold, namespace: default, annotations: {konghq.com/plugins: rl}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: rl, namespace: default}
            plugin: rate-limiting
            """,
            "KongPlugin default/rl",
            "KongConsumerGroup default/gold",
            List.of()),
        new EdgeCase(
            DependencyRule.L4_INGRESS_BACKEND,
            "TCPIngress -> Service",
            SVC
                + """
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: TCPIngress
            metadata: {name: tcp, namespace: default}
            spec:
              rules: [{port: 9000, backend: {serviceName: svc, servicePort: 80}}]
            """,
            "Service default/svc",
            "TCPIngress default/tcp",
            List.of()),
        new EdgeCase(
            DependencyRule.L4_INGRESS_BACKEND,
            "UDPIngress -> Service",
            SVC
                + """
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: UDPIngress
            metadata: {name: udp, namespace: default}
            spec:
              rules: [{port: 9000, backend: {serviceName: svc, servicePort: 80}}]
            """,
            "Service default/svc",
            "UDPIngress default/udp",
            List.of()),
        new EdgeCase(
            DependencyRule.UPSTREAM_POLICY,
            "KongServiceFacade -> KongUpstreamPolicy",
            """
            apiVersion: incubator.ingress-controller.konghq.com/v1alpha1
            kind: KongServiceFacade
            metadata: {name: facade, namespace: default, annotations: {konghq.com/upstream-policy: pol}}
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongUpstreamPolicy
            metadata: {name: pol, namespace: default}
            """,
            "KongUpstreamPolicy default/pol",
            "KongServiceFacade default/facade",
            List.of()),
        new EdgeCase(
            DependencyRule.CUSTOM_ENTITY_PARENT,
            "KongCustomEntity -> KongPlugin",
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: p, namespace: default}
            plugin: degraphql
            ---
            apiVersion: configuration.konghq.com/v1alpha1
            kind: KongCustomEntity
            metadata: {name: ce, namespace: default}
            spec:
              type: degraphql_routes
              parentRef: {group: configuration.konghq.com, kind: KongPlugin, name: p}
            """,
            "KongPlugin default/p",
            "KongCustomEntity default/ce",
            List.of()),
        new EdgeCase(
            DependencyRule.CUSTOM_ENTITY_PARENT,
            "KongCustomEntity -> KongClusterPlugin",
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata: {name: p}
            plugin: degraphql
            ---
            apiVersion: configuration.konghq.com/v1alpha1
            kind: KongCustomEntity
            metadata: {name: ce, namespace: default}
            spec:
              type: degraphql_routes
              parentRef: {group: configuration.konghq.com, kind: KongClusterPlugin, name: p}
            """,
            "KongClusterPlugin p",
            "KongCustomEntity default/ce",
            List.of()),
        // ---------------------------------------------------------------- missed by KIC, §2.4
        new EdgeCase(
            DependencyRule.REMOTE_PLUGIN,
            "HTTPRoute -> KongPlugin in another namespace (ns:name)",
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: route, namespace: default, annotations: {konghq.com/plugins: "security:auth"}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: auth, namespace: security}
            plugin: key-auth
            ---
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata: {name: grant, namespace: security}
            spec:
              from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default}]
              to: [{group: configuration.konghq.com, kind: KongPlugin}]
            """,
            "KongPlugin security/auth",
            "HTTPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.EXTENSION_REF_PLUGIN,
            "HTTPRoute -> KongPlugin (ExtensionRef filter)",
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - filters:
                - type: ExtensionRef
                  extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: auth}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: auth, namespace: default}
            plugin: key-auth
            """,
            "KongPlugin default/auth",
            "HTTPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.EXTENSION_REF_PLUGIN,
            "HTTPRoute -> KongClusterPlugin (ExtensionRef, P fallback)",
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - backendRefs:
                - name: svc
                  filters:
                  - type: ExtensionRef
                    extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: auth}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata: {name: auth}
            plugin: key-auth
            """,
            "KongClusterPlugin auth",
            "HTTPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.CONSUMER_GROUP,
            "KongConsumer -> KongConsumerGroup",
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongConsumer
            metadata: {name: alice, namespace: default}
            username: alice
            consumerGroups: [gold]
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongConsumerGroup
            metadata: {name: gold, namespace: default}
            """,
            "KongConsumerGroup default/gold",
            "KongConsumer default/alice",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_TLS_SECRET,
            "Ingress -> TLS Secret",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default}
            spec:
              tls: [{hosts: [example.com], secretName: cert}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cert, namespace: default}
            type: kubernetes.io/tls
            """,
            "Secret default/cert",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_TLS_SECRET,
            "TCPIngress -> TLS Secret",
            """
            apiVersion: configuration.konghq.com/v1beta1
            kind: TCPIngress
            metadata: {name: tcp, namespace: default}
            spec:
              tls: [{hosts: [example.com], secretName: cert}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cert, namespace: default}
            """,
            "Secret default/cert",
            "TCPIngress default/tcp",
            List.of()),
        new EdgeCase(
            DependencyRule.CLIENT_CERTIFICATE,
            "Service -> client certificate Secret",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: default, annotations: {konghq.com/client-cert: cc}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cc, namespace: default}
            """,
            "Secret default/cc",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.CA_CERTIFICATES,
            "Service -> CA Secret",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: default, annotations: {konghq.com/ca-certificates-secrets: "x, ca"}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: ca, namespace: default, labels: {konghq.com/ca-cert: "true"}}
            """,
            "Secret default/ca",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.CA_CERTIFICATES,
            "Service -> CA ConfigMap",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: default, annotations: {konghq.com/ca-certificates-configmaps: ca}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ca, namespace: default, labels: {konghq.com/ca-cert: "true"}}
            """,
            "ConfigMap default/ca",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.BACKEND_TLS_POLICY,
            "Service -> BackendTLSPolicy -> CA ConfigMap",
            SVC
                + """
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha3
            kind: BackendTLSPolicy
            metadata: {name: tls, namespace: default}
            spec:
              targetRefs: [{group: "", kind: Service, name: svc}]
              validation:
                caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]
                hostname: svc.example.com
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ca, namespace: default}
            """,
            "ConfigMap default/ca",
            "Service default/svc",
            List.of("BackendTLSPolicy default/tls")),
        new EdgeCase(
            DependencyRule.FACADE_BACKEND,
            "KongServiceFacade -> Service",
            SVC
                + """
            ---
            apiVersion: incubator.ingress-controller.konghq.com/v1alpha1
            kind: KongServiceFacade
            metadata: {name: facade, namespace: default}
            spec: {backendRef: {name: svc, port: 80}}
            """,
            "Service default/svc",
            "KongServiceFacade default/facade",
            List.of()),
        new EdgeCase(
            DependencyRule.DEFAULT_BACKEND,
            "Ingress -> default backend Service",
            SVC
                + """
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default}
            spec:
              defaultBackend: {service: {name: svc, port: {number: 80}}}
            """,
            "Service default/svc",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.DEFAULT_BACKEND,
            "Ingress -> default backend KongServiceFacade",
            """
            apiVersion: incubator.ingress-controller.konghq.com/v1alpha1
            kind: KongServiceFacade
            metadata: {name: facade, namespace: default}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default}
            spec:
              defaultBackend: {resource: {apiGroup: incubator.ingress-controller.konghq.com, kind: KongServiceFacade, name: facade}}
            """,
            "KongServiceFacade default/facade",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.GATEWAY,
            "HTTPRoute -> Gateway (parentRef)",
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: route, namespace: default}
            spec:
              parentRefs: [{name: kong}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: kong, namespace: default}
            spec: {gatewayClassName: kong, listeners: [{name: http, port: 80, protocol: HTTP}]}
            """,
            "Gateway default/kong",
            "HTTPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.GATEWAY,
            "Gateway -> GatewayClass",
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: kong, namespace: default}
            spec: {gatewayClassName: kong}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: kong}
            spec: {controllerName: konghq.com/kic-gateway-controller}
            """,
            "GatewayClass kong",
            "Gateway default/kong",
            List.of()),
        new EdgeCase(
            DependencyRule.GATEWAY,
            "listener TLS Secret -> Gateway -> TCPRoute",
            """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: {name: route, namespace: default}
            spec:
              parentRefs: [{name: kong, namespace: infra}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: kong, namespace: infra}
            spec:
              gatewayClassName: kong
              listeners:
              - name: tls
                port: 443
                protocol: TLS
                tls: {mode: Terminate, certificateRefs: [{name: cert}]}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cert, namespace: infra}
            """,
            "Secret infra/cert",
            "TCPRoute default/route",
            List.of("Gateway infra/kong")),
        new EdgeCase(
            DependencyRule.REFERENCE_GRANT,
            "HTTPRoute -> ReferenceGrant of a cross-namespace backend",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: other}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: route, namespace: default}
            spec:
              rules:
              - backendRefs: [{kind: Service, name: svc, namespace: other}]
            ---
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata: {name: grant, namespace: other}
            spec:
              from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default}]
              to: [{group: "", kind: Service, name: svc}]
            """,
            "ReferenceGrant other/grant",
            "HTTPRoute default/route",
            List.of()),
        new EdgeCase(
            DependencyRule.REFERENCE_GRANT,
            "Gateway -> ReferenceGrant of a cross-namespace listener certificate",
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: kong, namespace: infra}
            spec:
              listeners:
              - name: https
                port: 443
                protocol: HTTPS
                tls: {certificateRefs: [{kind: Secret, name: cert, namespace: certs}]}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cert, namespace: certs}
            ---
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata: {name: grant, namespace: certs}
            spec:
              from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}]
              to: [{group: "", kind: Secret}]
            """,
            "ReferenceGrant certs/grant",
            "Gateway infra/kong",
            List.of()),
        new EdgeCase(
            DependencyRule.REFERENCE_GRANT,
            "KongCustomEntity -> ReferenceGrant of its remote parent",
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: p, namespace: plugins}
            plugin: degraphql
            ---
            apiVersion: configuration.konghq.com/v1alpha1
            kind: KongCustomEntity
            metadata: {name: ce, namespace: default}
            spec:
              type: degraphql_routes
              parentRef: {group: configuration.konghq.com, kind: KongPlugin, name: p, namespace: plugins}
            ---
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata: {name: grant, namespace: plugins}
            spec:
              from: [{group: configuration.konghq.com, kind: KongCustomEntity, namespace: default}]
              to: [{group: configuration.konghq.com, kind: KongPlugin, name: p}]
            """,
            "ReferenceGrant plugins/grant",
            "KongCustomEntity default/ce",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_CLASS_COMPLETE,
            "Ingress -> annotation IngressClass beside ingressClassName (X4)",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default, annotations: {kubernetes.io/ingress.class: legacy}}
            spec: {ingressClassName: kong}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: legacy}
            """,
            "IngressClass legacy",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.CUSTOM_ENTITY_REMOTE_PARENT,
            "KongCustomEntity -> KongPlugin in another namespace",
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: p, namespace: plugins}
            plugin: degraphql
            ---
            apiVersion: configuration.konghq.com/v1alpha1
            kind: KongCustomEntity
            metadata: {name: ce, namespace: default}
            spec:
              type: degraphql_routes
              parentRef: {group: configuration.konghq.com, kind: KongPlugin, name: p, namespace: plugins}
            """,
            "KongPlugin plugins/p",
            "KongCustomEntity default/ce",
            List.of()),
        new EdgeCase(
            DependencyRule.KONG_INGRESS_OVERRIDE,
            "Service -> KongIngress (override)",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: default, annotations: {konghq.com/override: ki}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongIngress
            metadata: {name: ki, namespace: default}
            """,
            "KongIngress default/ki",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_CLASS_COMPLETE,
            "class-less Ingress -> default IngressClass",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing, namespace: default}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: kong, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}
            """,
            "IngressClass kong",
            "Ingress default/ing",
            List.of()),
        new EdgeCase(
            DependencyRule.INGRESS_CLASS_COMPLETE,
            "IngressClass -> IngressClassParameters",
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: kong}
            spec:
              controller: ingress-controllers.konghq.com/kong
              parameters: {apiGroup: configuration.konghq.com, kind: IngressClassParameters, name: params, namespace: kong, scope: Namespace}
            ---
            apiVersion: configuration.konghq.com/v1alpha1
            kind: IngressClassParameters
            metadata: {name: params, namespace: kong}
            """,
            "IngressClassParameters kong/params",
            "IngressClass kong",
            List.of()),
        new EdgeCase(
            DependencyRule.ENDPOINT_SLICE,
            "Service -> EndpointSlice",
            SVC
                + """
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: svc-abc, namespace: default, labels: {kubernetes.io/service-name: svc}}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.1]}]
            """,
            "EndpointSlice default/svc-abc",
            "Service default/svc",
            List.of()),
        new EdgeCase(
            DependencyRule.VAULT,
            "KongPlugin -> KongVault ({vault://prefix/...})",
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: p, namespace: default}
            plugin: key-auth
            config: {headers: ["{vault://env/api-key}"]}
            ---
            apiVersion: configuration.konghq.com/v1alpha1
            kind: KongVault
            metadata: {name: env-vault}
            spec: {backend: env, prefix: env}
            """,
            "KongVault env-vault",
            "KongPlugin default/p",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exclude_onlyDependencyBroken_excludesDependentThroughRule(EdgeCase c) {
    CacheStores s = snapshot(c.yaml());
    ObjectRef broken = ref(s, c.broken());
    ObjectRef dependent = ref(s, c.dependent());

    ExclusionResult r = Exclusion.exclude(s, List.of(broken));

    assertThat(r.excluded()).containsKey(dependent);
    ExclusionReason reason = r.excluded().get(dependent);
    assertThat(reason.cause()).isEqualTo(broken);
    assertThat(reason.path()).isNotEmpty();
    assertThat(reason.path().get(0).rule()).isEqualTo(c.rule());
    assertThat(r.fallback().get(dependent)).isEmpty();
    for (String other : c.alsoExcluded()) {
      assertThat(r.excluded()).containsKey(ref(s, other));
    }
    assertThat(r.excluded()).hasSize(2 + c.alsoExcluded().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kicEdgeSet_keepsDependentExactlyWhenKicMissesTheRule(EdgeCase c) {
    CacheStores s = snapshot(c.yaml());
    ObjectRef broken = ref(s, c.broken());
    ObjectRef dependent = ref(s, c.dependent());

    ExclusionResult r = Exclusion.exclude(KicEdges.graph(s), List.of(broken));

    assertThat(r.isExcluded(dependent)).isEqualTo(c.rule().inKic());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void brokenDependent_neverExcludesItsDependency(EdgeCase c) {
    CacheStores s = snapshot(c.yaml());
    ObjectRef broken = ref(s, c.broken());
    ObjectRef dependent = ref(s, c.dependent());

    ExclusionResult r = Exclusion.exclude(s, List.of(dependent));

    assertThat(r.isExcluded(broken)).isFalse();
    assertThat(r.excluded().keySet()).containsExactly(dependent);
  }
}
