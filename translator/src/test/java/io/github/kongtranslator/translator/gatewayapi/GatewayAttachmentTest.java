package io.github.kongtranslator.translator.gatewayapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attachment and status, one test per condition reason, each written from a scenario of the Gateway
 * API conformance suite (v1.3.0 {@code conformance/tests/*.yaml}, {@code
 * conformance/base/manifests.yaml}) or of KIC's tests ({@code
 * internal/controllers/gateway/*_test.go}).
 */
class GatewayAttachmentTest {
  static final String CONTROLLER = AttachmentOptions.KIC_CONTROLLER_NAME;
  static final String INFRA = "gateway-conformance-infra";
  static final String WEB = "gateway-conformance-web-backend";

  static final String CLASS =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: kong}
      spec: {controllerName: konghq.com/kic-gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: other}
      spec: {controllerName: example.com/other}
      """;

  /** conformance/base/manifests.yaml: same-namespace and all-namespaces. */
  static final String BASE =
      CLASS
          + """
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: same-namespace, namespace: gateway-conformance-infra, generation: 3}
      spec:
        gatewayClassName: kong
        listeners:
        - name: http
          port: 80
          protocol: HTTP
          allowedRoutes: {namespaces: {from: Same}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: all-namespaces, namespace: gateway-conformance-infra}
      spec:
        gatewayClassName: kong
        listeners:
        - name: http
          port: 80
          protocol: HTTP
          allowedRoutes: {namespaces: {from: All}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: infra-backend-v1, namespace: gateway-conformance-infra}
      spec: {ports: [{port: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web-backend, namespace: gateway-conformance-web-backend}
      spec: {ports: [{port: 8080}]}
      """;

  static final String CERT =
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: %s, namespace: %s}
      type: kubernetes.io/tls
      stringData:
        tls.crt: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
        tls.key: "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n"
      """;

  static CacheStores load(String... docs) {
    return CacheStores.of(Manifests.parse(String.join("\n---\n", docs), "test").objects());
  }

  static GatewayAttachment attach(String... docs) {
    return GatewayAttachment.compute(load(docs), AttachmentOptions.of(CONTROLLER));
  }

  static ObjectRef route(String ns, String name) {
    return ObjectRef.of(Kind.HTTP_ROUTE, ns, name).withoutVersionAndUid();
  }

  static ObjectRef gateway(String ns, String name) {
    return ObjectRef.of(Kind.GATEWAY, ns, name).withoutVersionAndUid();
  }

  static String httpRoute(String ns, String name, String parentRefs, String extra, String backend) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: %s, generation: 2}
        spec:
          parentRefs: %s
          %s
          rules:
          - backendRefs: [%s]
        """
        .formatted(name, ns, parentRefs, extra, backend);
  }

  static Condition cond(GatewayAttachment a, ObjectRef route, int parent, String type) {
    return a.route(route).orElseThrow().parents().get(parent).condition(type).orElseThrow();
  }

  static void assertCondition(Condition c, String status, String reason) {
    assertThat(c.status()).as("%s", c).isEqualTo(status);
    assertThat(c.reason()).as("%s", c).isEqualTo(reason);
  }

  static ListenerStatus listener(GatewayAttachment a, String ns, String gw, int i) {
    return a.gateway(gateway(ns, gw)).orElseThrow().listeners().get(i);
  }

  static Condition listenerCondition(ListenerStatus l, String type) {
    return l.conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
  }

  // ---- route Accepted --------------------------------------------------------------------

  /** httproute-simple-same-namespace. */
  @Test
  void accepted_sameNamespace() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "gateway-conformance-infra-test",
                "[{name: same-namespace}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    ParentStatus p =
        a.route(route(INFRA, "gateway-conformance-infra-test")).orElseThrow().parents().get(0);
    assertCondition(p.condition("Accepted").orElseThrow(), "True", "Accepted");
    assertThat(p.condition("Accepted").orElseThrow().observedGeneration()).isEqualTo(2);
    assertThat(p.parentRef().group()).isEqualTo("gateway.networking.k8s.io");
    assertThat(p.parentRef().kind()).isEqualTo("Gateway");
    assertThat(p.parentRef().namespace()).isNull(); // as written
    assertThat(p.controllerName()).isEqualTo(CONTROLLER);
    assertThat(p.acceptingListeners()).containsExactly("http");
    assertThat(listener(a, INFRA, "same-namespace", 0).attachedRoutes()).isEqualTo(1);
  }

  /** httproute-invalid-cross-namespace-parent-ref: listener allows routes from Same only. */
  @Test
  void notAllowedByListeners_crossNamespaceParentRef() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                WEB,
                "invalid-cross-namespace-parent-ref",
                "[{name: same-namespace, namespace: gateway-conformance-infra}]",
                "",
                "{name: web-backend, port: 8080}"));
    assertCondition(
        cond(a, route(WEB, "invalid-cross-namespace-parent-ref"), 0, "Accepted"),
        "False",
        "NotAllowedByListeners");
    assertThat(listener(a, INFRA, "same-namespace", 0).attachedRoutes()).isZero();
    // the same route to the all-namespaces Gateway is accepted (httproute-cross-namespace)
    GatewayAttachment b =
        attach(
            BASE,
            httpRoute(
                WEB,
                "cross-namespace",
                "[{name: all-namespaces, namespace: gateway-conformance-infra}]",
                "",
                "{name: web-backend, port: 8080}"));
    assertCondition(cond(b, route(WEB, "cross-namespace"), 0, "Accepted"), "True", "Accepted");
  }

  /** httproute-disallowed-kind: the listener allows only another kind. */
  @Test
  void notAllowedByListeners_disallowedKind() {
    GatewayAttachment a =
        attach(
            BASE,
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: tlsroutes-only, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - name: tls
            port: 443
            protocol: TLS
            tls: {mode: Passthrough}
            allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}
        """,
            httpRoute(
                INFRA,
                "disallowed-kind",
                "[{name: tlsroutes-only}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    assertCondition(
        cond(a, route(INFRA, "disallowed-kind"), 0, "Accepted"), "False", "NotAllowedByListeners");
  }

  /** httproute-hostname-intersection: no route hostname intersects a listener hostname. */
  @Test
  void noMatchingListenerHostname() {
    String gw =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: httproute-hostname-intersection, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - {name: listener-1, port: 80, protocol: HTTP, hostname: very.specific.com, allowedRoutes: {namespaces: {from: Same}}}
          - {name: listener-2, port: 80, protocol: HTTP, hostname: "*.wildcard.io", allowedRoutes: {namespaces: {from: Same}}}
          - {name: listener-3, port: 80, protocol: HTTP, hostname: "*.anotherwildcard.io", allowedRoutes: {namespaces: {from: Same}}}
        """;
    GatewayAttachment a =
        attach(
            BASE,
            gw,
            httpRoute(
                INFRA,
                "no-intersecting-hosts",
                "[{name: httproute-hostname-intersection}]",
                "hostnames: [specific.but.wrong.com, wildcard.io]",
                "{name: infra-backend-v1, port: 8080}"),
            httpRoute(
                INFRA,
                "wildcard-host-matches-listener-wildcard-host",
                "[{name: httproute-hostname-intersection}]",
                "hostnames: [\"*.wildcard.io\", \"*.anotherwildcard.io\"]",
                "{name: infra-backend-v1, port: 8080}"));
    assertCondition(
        cond(a, route(INFRA, "no-intersecting-hosts"), 0, "Accepted"),
        "False",
        "NoMatchingListenerHostname");
    ParentStatus ok =
        a.route(route(INFRA, "wildcard-host-matches-listener-wildcard-host"))
            .orElseThrow()
            .parents()
            .get(0);
    assertThat(ok.accepted()).isTrue();
    assertThat(ok.acceptingListeners()).containsExactly("listener-2", "listener-3");
    assertThat(
            a.gateway(gateway(INFRA, "httproute-hostname-intersection")).orElseThrow().listeners())
        .extracting(ListenerStatus::attachedRoutes)
        .containsExactly(0, 1, 1);
  }

  /** httproute-invalid-parentref-not-matching-section-name. */
  @Test
  void noMatchingParent_sectionName() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "httproute-listener-not-matching-section-name",
                "[{name: same-namespace, sectionName: unknown-section}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    assertCondition(
        cond(a, route(INFRA, "httproute-listener-not-matching-section-name"), 0, "Accepted"),
        "False",
        "NoMatchingParent");
  }

  /** httproute-invalid-parentref-not-matching-listener-port. */
  @Test
  void noMatchingParent_port() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "httproute-listener-not-matching-route-port",
                "[{name: same-namespace, namespace: gateway-conformance-infra, port: 81}]",
                "",
                "{name: infra-backend-v1, kind: Service, port: 8080}"));
    assertCondition(
        cond(a, route(INFRA, "httproute-listener-not-matching-route-port"), 0, "Accepted"),
        "False",
        "NoMatchingParent");
    // httproute-listener-port-matching: the right port is accepted
    GatewayAttachment b =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "port-80",
                "[{name: same-namespace, port: 80}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    assertThat(b.route(route(INFRA, "port-80")).orElseThrow().accepted()).isTrue();
  }

  @Test
  void noMatchingParent_gatewayNotFound() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "missing",
                "[{name: no-such-gateway}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    assertCondition(cond(a, route(INFRA, "missing"), 0, "Accepted"), "False", "NoMatchingParent");
  }

  /** KIC route_utils_test: a parentRef that is not a Gateway. */
  @Test
  void unsupportedValue_parentKind() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "svc-parent",
                "[{group: \"\", kind: Service, name: infra-backend-v1}, {name: same-namespace}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    RouteStatus r = a.route(route(INFRA, "svc-parent")).orElseThrow();
    assertCondition(
        r.parents().get(0).condition("Accepted").orElseThrow(), "False", "UnsupportedValue");
    assertThat(r.parents().get(0).parentRef().kind()).isEqualTo("Service");
    assertThat(r.parents().get(1).accepted()).isTrue();
    assertThat(r.accepted()).isTrue();
  }

  @Test
  void gatewayOfAnotherController_isNotReported() {
    GatewayAttachment a =
        attach(
            BASE,
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: theirs, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: other
          listeners: [{name: http, port: 80, protocol: HTTP}]
        """,
            httpRoute(
                INFRA,
                "two-parents",
                "[{name: theirs}, {name: same-namespace}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    assertThat(a.gateway(gateway(INFRA, "theirs"))).isEmpty();
    assertThat(a.route(route(INFRA, "two-parents")).orElseThrow().parents())
        .extracting(p -> p.parentRef().name())
        .containsExactly("same-namespace");
  }

  // ---- route ResolvedRefs ----------------------------------------------------------------

  /** httproute-invalid-cross-namespace-backend-ref, then httproute-reference-grant. */
  @Test
  void refNotPermitted_thenGranted() {
    String r =
        httpRoute(
            INFRA,
            "invalid-cross-namespace-backend-ref",
            "[{name: same-namespace}]",
            "",
            "{name: web-backend, namespace: gateway-conformance-web-backend, port: 8080}");
    GatewayAttachment a = attach(BASE, r);
    Condition c = cond(a, route(INFRA, "invalid-cross-namespace-backend-ref"), 0, "ResolvedRefs");
    assertCondition(c, "False", "RefNotPermitted");
    assertThat(c.message()).contains("gateway-conformance-web-backend/web-backend");
    assertThat(cond(a, route(INFRA, "invalid-cross-namespace-backend-ref"), 0, "Accepted").isTrue())
        .isTrue();
    GatewayAttachment b =
        attach(
            BASE,
            r,
            """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: reference-grant, namespace: gateway-conformance-web-backend}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: gateway-conformance-infra}]
          to: [{group: "", kind: Service, name: web-backend}]
        """);
    assertCondition(
        cond(b, route(INFRA, "invalid-cross-namespace-backend-ref"), 0, "ResolvedRefs"),
        "True",
        "ResolvedRefs");
    // httproute-invalid-reference-grant: a grant for another Service does not help
    GatewayAttachment c2 =
        attach(
            BASE,
            r,
            """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: reference-grant-wrong-name, namespace: gateway-conformance-web-backend}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: gateway-conformance-infra}]
          to: [{group: "", kind: Service, name: not-web-backend}]
        """);
    assertCondition(
        cond(c2, route(INFRA, "invalid-cross-namespace-backend-ref"), 0, "ResolvedRefs"),
        "False",
        "RefNotPermitted");
  }

  /** httproute-invalid-backendref-unknown-kind. */
  @Test
  void invalidKind() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "invalid-backend-ref-unknown-kind",
                "[{name: same-namespace}]",
                "",
                "{group: unknownkind.example.com, kind: NonExistent, name: infra-backend-v1, port: 8080}"));
    assertCondition(
        cond(a, route(INFRA, "invalid-backend-ref-unknown-kind"), 0, "ResolvedRefs"),
        "False",
        "InvalidKind");
    assertCondition(
        cond(a, route(INFRA, "invalid-backend-ref-unknown-kind"), 0, "Accepted"),
        "True",
        "Accepted");
  }

  /** httproute-invalid-nonexistent-backendref. */
  @Test
  void backendNotFound() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "invalid-nonexistent-backend-ref",
                "[{name: same-namespace}]",
                "",
                "{name: nonexistent, port: 8080}"));
    assertCondition(
        cond(a, route(INFRA, "invalid-nonexistent-backend-ref"), 0, "ResolvedRefs"),
        "False",
        "BackendNotFound");
  }

  /** Gateway API RouteReasonUnsupportedProtocol: a backend port's appProtocol Kong cannot serve. */
  @Test
  void unsupportedProtocol() {
    GatewayAttachment a =
        attach(
            BASE,
            """
        apiVersion: v1
        kind: Service
        metadata: {name: sctp-backend, namespace: gateway-conformance-infra}
        spec: {ports: [{port: 8080, appProtocol: example.com/sctp}]}
        """,
            httpRoute(
                INFRA,
                "odd-protocol",
                "[{name: same-namespace}]",
                "",
                "{name: sctp-backend, port: 8080}"));
    assertCondition(
        cond(a, route(INFRA, "odd-protocol"), 0, "ResolvedRefs"), "False", "UnsupportedProtocol");
  }

  @Test
  void resolvedRefs_sameNamespaceService() {
    GatewayAttachment a =
        attach(
            BASE,
            httpRoute(
                INFRA,
                "ok",
                "[{name: same-namespace}]",
                "",
                "{name: infra-backend-v1, port: 8080}"));
    assertCondition(cond(a, route(INFRA, "ok"), 0, "ResolvedRefs"), "True", "ResolvedRefs");
  }

  // ---- listener status -------------------------------------------------------------------

  /** gateway-invalid-route-kind. */
  @Test
  void listener_invalidRouteKinds_supportedKinds() {
    GatewayAttachment a =
        attach(
            CLASS,
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gateway-only-invalid-route-kind, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: InvalidRoute}]}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gateway-supported-and-invalid-route-kind, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: InvalidRoute}, {kind: HTTPRoute}]}}
        """);
    ListenerStatus only = listener(a, INFRA, "gateway-only-invalid-route-kind", 0);
    assertThat(only.supportedKinds()).isEmpty();
    assertCondition(listenerCondition(only, "ResolvedRefs"), "False", "InvalidRouteKinds");
    assertCondition(listenerCondition(only, "Programmed"), "False", "Invalid");
    ListenerStatus both = listener(a, INFRA, "gateway-supported-and-invalid-route-kind", 0);
    assertThat(both.supportedKinds())
        .containsExactly(new RouteGroupKind("gateway.networking.k8s.io", "HTTPRoute"));
    assertCondition(listenerCondition(both, "ResolvedRefs"), "False", "InvalidRouteKinds");
  }

  /** KIC gateway_utils_test: default supported kinds by protocol, and a healthy listener. */
  @Test
  void listener_defaults_andHealthyConditions() {
    GatewayAttachment a = attach(BASE);
    ListenerStatus l = listener(a, INFRA, "same-namespace", 0);
    assertThat(l.supportedKinds())
        .containsExactly(
            new RouteGroupKind("gateway.networking.k8s.io", "HTTPRoute"),
            new RouteGroupKind("gateway.networking.k8s.io", "GRPCRoute"));
    assertThat(l.conditions())
        .extracting(Condition::type, Condition::status, Condition::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Accepted", "True", "Accepted"),
            org.assertj.core.groups.Tuple.tuple("Conflicted", "False", "NoConflicts"),
            org.assertj.core.groups.Tuple.tuple("Programmed", "True", "Programmed"),
            org.assertj.core.groups.Tuple.tuple("ResolvedRefs", "True", "ResolvedRefs"));
    assertThat(l.conditions()).allMatch(c -> c.observedGeneration() == 3);
    GatewayStatus g = a.gateway(gateway(INFRA, "same-namespace")).orElseThrow();
    assertThat(g.conditions())
        .extracting(Condition::type, Condition::status, Condition::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Accepted", "True", "Accepted"),
            org.assertj.core.groups.Tuple.tuple("Programmed", "True", "Programmed"));
  }

  /** gateway-with-attached-routes, including the unresolved listener. */
  @Test
  void listener_attachedRoutes_andInvalidCertificateRef() {
    String selector =
        "allowedRoutes: {kinds: [{kind: HTTPRoute}], namespaces: {from: Selector, selector: "
            + "{matchLabels: {kubernetes.io/metadata.name: gateway-conformance-infra}}}}";
    String gw =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: %s, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - name: %s
            port: %d
            protocol: %s
            %s
            %s
        """;
    GatewayAttachment a =
        attach(
            BASE,
            gw.formatted("gateway-with-one-attached-route", "http", 80, "HTTP", selector, ""),
            gw.formatted("gateway-with-two-attached-routes", "http", 80, "HTTP", selector, ""),
            gw.formatted(
                "unresolved-gateway-with-one-attached-unresolved-route",
                "tls",
                443,
                "HTTPS",
                selector,
                "tls: {mode: Terminate, certificateRefs: [{group: \"\", kind: Secret, name: does-not-exist}]}"),
            httpRoute(
                INFRA,
                "http-route-1",
                "[{kind: Gateway, name: gateway-with-one-attached-route, namespace: gateway-conformance-infra}]",
                "",
                "{name: infra-backend-v1, port: 8080}"),
            httpRoute(
                INFRA,
                "http-route-2",
                "[{kind: Gateway, name: gateway-with-two-attached-routes, namespace: gateway-conformance-infra}]",
                "",
                "{name: infra-backend-v1, port: 8080}"),
            httpRoute(
                INFRA,
                "http-route-3",
                "[{kind: Gateway, name: gateway-with-two-attached-routes, namespace: gateway-conformance-infra}]",
                "",
                "{name: infra-backend-v1, port: 8080}"),
            httpRoute(
                INFRA,
                "http-route-4",
                "[{kind: Gateway, name: unresolved-gateway-with-one-attached-unresolved-route, namespace: gateway-conformance-infra, sectionName: tls}]",
                "",
                "{name: does-not-exist, port: 8080}"),
            httpRoute(
                WEB,
                "other-namespace",
                "[{kind: Gateway, name: gateway-with-one-attached-route, namespace: gateway-conformance-infra}]",
                "",
                "{name: web-backend, port: 8080}"));
    assertThat(listener(a, INFRA, "gateway-with-one-attached-route", 0).attachedRoutes())
        .isEqualTo(1);
    assertThat(listener(a, INFRA, "gateway-with-two-attached-routes", 0).attachedRoutes())
        .isEqualTo(2);
    ListenerStatus unresolved =
        listener(a, INFRA, "unresolved-gateway-with-one-attached-unresolved-route", 0);
    assertThat(unresolved.attachedRoutes()).isEqualTo(1);
    assertCondition(
        listenerCondition(unresolved, "ResolvedRefs"), "False", "InvalidCertificateRef");
    assertCondition(listenerCondition(unresolved, "Programmed"), "False", "Invalid");
    // a listener that is not programmed does not accept the route; with a sectionName KIC's
    // reason switch reports NoMatchingParent (the listener-name check comes after readiness)
    assertCondition(
        cond(a, route(INFRA, "http-route-4"), 0, "Accepted"), "False", "NoMatchingParent");
    assertCondition(
        cond(a, route(WEB, "other-namespace"), 0, "Accepted"), "False", "NotAllowedByListeners");
  }

  /** gateway-secret-missing-reference-grant, then gateway-secret-reference-grant-specific. */
  @Test
  void listener_refNotPermitted_thenGranted() {
    String gw =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gateway-secret-missing-reference-grant, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - name: https
            port: 443
            protocol: HTTPS
            allowedRoutes: {namespaces: {from: All}}
            tls:
              certificateRefs: [{group: "", kind: Secret, name: certificate, namespace: gateway-conformance-web-backend}]
        """;
    String secret = CERT.formatted("certificate", WEB);
    ListenerStatus l =
        listener(attach(CLASS, gw, secret), INFRA, "gateway-secret-missing-reference-grant", 0);
    assertCondition(listenerCondition(l, "ResolvedRefs"), "False", "RefNotPermitted");
    assertCondition(listenerCondition(l, "Programmed"), "False", "Invalid");
    ListenerStatus granted =
        listener(
            attach(
                CLASS,
                gw,
                secret,
                """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: reference-grant, namespace: gateway-conformance-web-backend}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: gateway-conformance-infra}]
          to: [{group: "", kind: Secret, name: certificate}]
        """),
            INFRA,
            "gateway-secret-missing-reference-grant",
            0);
    assertCondition(listenerCondition(granted, "ResolvedRefs"), "True", "ResolvedRefs");
    assertCondition(listenerCondition(granted, "Programmed"), "True", "Programmed");
  }

  /** gateway-invalid-tls-configuration: a certificateRef to something that is not a Secret. */
  @Test
  void listener_invalidCertificateRef_wrongKind() {
    ListenerStatus l =
        listener(
            attach(
                CLASS,
                """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gateway-certificate-unsupported-group, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - name: https
            port: 443
            protocol: HTTPS
            tls: {certificateRefs: [{group: wrong.group.company.io, kind: Secret, name: tls-validity-checks-certificate}]}
        """),
            INFRA,
            "gateway-certificate-unsupported-group",
            0);
    assertCondition(listenerCondition(l, "ResolvedRefs"), "False", "InvalidCertificateRef");
  }

  /** KIC gateway_utils_test TestGetListenerStatus: protocol and hostname conflicts on a port. */
  @Test
  void listener_conflicted() {
    // The API server refuses this Gateway (gateway.networking.k8s.io_gateways.yaml, v1.3.0:
    // "Combination
    // of port, protocol and hostname must be unique for each listener"), so it is taken as stored:
    // KIC's status code still handles it (a Gateway admitted before the rule existed).
    String gw =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: conflicts, namespace: default}
        spec:
          gatewayClassName: kong
          listeners:
          - {name: http, port: 80, protocol: HTTP}
          - {name: tcp, port: 80, protocol: TCP}
          - {name: a, port: 8000, protocol: HTTP, hostname: a.example.com}
          - {name: a-again, port: 8000, protocol: HTTP, hostname: a.example.com}
          - {name: b, port: 8000, protocol: HTTP, hostname: b.example.com}
        """;
    assertThat(Manifests.parse(CLASS + "\n---\n" + gw, "test").rejected())
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("must be unique for each listener"));
    GatewayAttachment a =
        GatewayAttachment.compute(
            CacheStores.of(
                Manifests.asStored().readString(CLASS + "\n---\n" + gw, "test").objects()),
            AttachmentOptions.of(CONTROLLER));
    GatewayStatus g = a.gateway(gateway("default", "conflicts")).orElseThrow();
    assertCondition(
        listenerCondition(g.listeners().get(0), "Conflicted"), "True", "ProtocolConflict");
    assertCondition(
        listenerCondition(g.listeners().get(1), "Conflicted"), "True", "ProtocolConflict");
    assertCondition(listenerCondition(g.listeners().get(0), "Programmed"), "False", "Invalid");
    assertCondition(
        listenerCondition(g.listeners().get(2), "Conflicted"), "True", "HostnameConflict");
    assertCondition(
        listenerCondition(g.listeners().get(3), "Conflicted"), "True", "HostnameConflict");
    assertCondition(listenerCondition(g.listeners().get(4), "Conflicted"), "False", "NoConflicts");
    assertCondition(listenerCondition(g.listeners().get(4), "Programmed"), "True", "Programmed");
  }

  /** KIC gateway_utils_test: a listener Kong does not listen for is not accepted. */
  @Test
  void listener_notAccepted_withoutAKongListen() {
    CacheStores s =
        load(
            CLASS,
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: listens, namespace: default}
        spec:
          gatewayClassName: kong
          listeners:
          - {name: http, port: 80, protocol: HTTP}
          - {name: http-8080, port: 8080, protocol: HTTP}
          - {name: udp, port: 53, protocol: UDP}
        """);
    GatewayAttachment a =
        GatewayAttachment.compute(
            s,
            AttachmentOptions.of(CONTROLLER)
                .withKongListens(List.of(new AttachmentOptions.KongListen("HTTP", 80))));
    GatewayStatus g = a.gateway(gateway("default", "listens")).orElseThrow();
    assertCondition(listenerCondition(g.listeners().get(0), "Accepted"), "True", "Accepted");
    assertCondition(
        listenerCondition(g.listeners().get(1), "Accepted"), "False", "PortUnavailable");
    assertCondition(
        listenerCondition(g.listeners().get(2), "Accepted"), "False", "UnsupportedProtocol");
    assertCondition(listenerCondition(g.listeners().get(2), "Programmed"), "False", "Invalid");
  }

  // ---- other route kinds -----------------------------------------------------------------

  /** tlsroute-simple-same-namespace and a TCPRoute on an HTTP listener. */
  @Test
  void tlsRoute_passthrough_andTcpRouteOnHttpListener() {
    GatewayAttachment a =
        attach(
            BASE,
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gateway-tlsroute, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - {name: https, port: 443, protocol: TLS, hostname: "*.example.com", tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}}
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: gateway-conformance-infra-test, namespace: gateway-conformance-infra}
        spec:
          parentRefs: [{name: gateway-tlsroute}]
          hostnames: [abc.example.com]
          rules: [{backendRefs: [{name: infra-backend-v1, port: 443}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: tcp, namespace: gateway-conformance-infra}
        spec:
          parentRefs: [{name: same-namespace}]
          rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
        """);
    ObjectRef tls =
        ObjectRef.of(Kind.TLS_ROUTE, INFRA, "gateway-conformance-infra-test")
            .withoutVersionAndUid();
    assertThat(a.route(tls).orElseThrow().accepted()).isTrue();
    ObjectRef tcp = ObjectRef.of(Kind.TCP_ROUTE, INFRA, "tcp").withoutVersionAndUid();
    assertCondition(
        a.route(tcp).orElseThrow().parents().get(0).condition("Accepted").orElseThrow(),
        "False",
        "NotAllowedByListeners");
  }

  // ---- the snapshot KIC would translate --------------------------------------------------

  /** KIC route_utils_test TestFilterHostnames and the removal of routes no listener accepts. */
  @Test
  void acceptedRoutesOnly_removesUnacceptedRoutes_andNarrowsHostnames() {
    CacheStores s =
        load(
            BASE,
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: hosts, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - {name: wildcard, port: 80, protocol: HTTP, hostname: "*.example.com"}
          - {name: specific, port: 80, protocol: HTTP, hostname: api.example.org}
        """,
            httpRoute(
                INFRA,
                "narrowed",
                "[{name: hosts}]",
                "hostnames: [\"*.example.org\", foo.example.com, other.net]",
                "{name: infra-backend-v1, port: 8080}"),
            httpRoute(
                INFRA,
                "no-hostnames",
                "[{name: hosts, sectionName: specific}]",
                "",
                "{name: infra-backend-v1, port: 8080}"),
            httpRoute(
                INFRA,
                "any-host",
                "[{name: same-namespace}]",
                "",
                "{name: infra-backend-v1, port: 8080}"),
            httpRoute(
                WEB,
                "rejected",
                "[{name: same-namespace, namespace: gateway-conformance-infra}]",
                "",
                "{name: web-backend, port: 8080}"));
    assertThat(GatewayAttachment.compute(s, AttachmentOptions.of(CONTROLLER)).unacceptedRoutes())
        .containsExactly(route(WEB, "rejected"));
    CacheStores r = GatewayAttachment.restrictToAcceptedRoutes(s, CONTROLLER);
    assertThat(
            r.get(Kind.HTTP_ROUTE, INFRA, "narrowed", HttpRoute.class)
                .orElseThrow()
                .spec()
                .hostnames())
        .containsExactly("api.example.org", "foo.example.com");
    assertThat(
            r.get(Kind.HTTP_ROUTE, INFRA, "no-hostnames", HttpRoute.class)
                .orElseThrow()
                .spec()
                .hostnames())
        .containsExactly("api.example.org");
    assertThat(
            r.get(Kind.HTTP_ROUTE, INFRA, "any-host", HttpRoute.class)
                .orElseThrow()
                .spec()
                .hostnames())
        .isEmpty();
    assertThat(r.get(Kind.HTTP_ROUTE, WEB, "rejected")).isEmpty();
    assertThat(r.list(Kind.SERVICE)).isEqualTo(s.list(Kind.SERVICE));
    // the translator itself never filters (gateway-api-spec §1.3)
    Translator t = Translator.create(TranslatorOptions.defaults());
    assertThat(t.translate(s).config()).isNotEqualTo(t.translate(r).config());
    assertThat(t.translate(s).config().toString()).isEqualTo(t.translate(s).config().toString());
  }

  @Test
  void noControllerName_managesNothing() {
    GatewayAttachment a =
        GatewayAttachment.compute(
            load(
                BASE,
                httpRoute(
                    INFRA,
                    "x",
                    "[{name: same-namespace}]",
                    "",
                    "{name: infra-backend-v1, port: 8080}")),
            AttachmentOptions.of(""));
    assertThat(a.gateways()).isEmpty();
    assertThat(a.route(route(INFRA, "x")).orElseThrow().parents()).isEmpty();
  }

  @Test
  void selector_withExtraNamespaceLabels() {
    String gw =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: by-label, namespace: gateway-conformance-infra}
        spec:
          gatewayClassName: kong
          listeners:
          - name: http
            port: 80
            protocol: HTTP
            allowedRoutes: {namespaces: {from: Selector, selector: {matchExpressions: [{key: team, operator: In, values: [web]}]}}}
        """;
    CacheStores s =
        load(
            BASE,
            gw,
            httpRoute(
                WEB,
                "r",
                "[{name: by-label, namespace: gateway-conformance-infra}]",
                "",
                "{name: web-backend, port: 8080}"));
    ObjectRef r = route(WEB, "r");
    assertThat(
            GatewayAttachment.compute(s, AttachmentOptions.of(CONTROLLER))
                .route(r)
                .orElseThrow()
                .accepted())
        .isFalse();
    assertThat(
            GatewayAttachment.compute(
                    s,
                    AttachmentOptions.of(CONTROLLER)
                        .withNamespaceLabels(Map.of(WEB, Map.of("team", "web"))))
                .route(r)
                .orElseThrow()
                .accepted())
        .isTrue();
  }
}
