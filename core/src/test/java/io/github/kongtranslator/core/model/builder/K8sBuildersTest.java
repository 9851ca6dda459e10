package io.github.kongtranslator.core.model.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.IntOrString;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.KongPlugin;
import io.github.kongtranslator.core.model.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Built objects equal the same objects loaded from YAML (the loader is the oracle). */
class K8sBuildersTest {

  private static K8sObject load(String yaml) {
    // built objects are taken as given (no API-server admission), like objects read as stored
    return Manifests.asStored().readString(yaml, "test.yaml").objects().get(0);
  }

  @Test
  void service_equalsTheLoadedManifest() {
    K8sObject built =
        K8sBuilders.service()
            .namespace("default")
            .name("echo")
            .label("app", "echo")
            .port("http", 80, IntOrString.of(8080))
            .selector("app", "echo")
            .build();

    assertThat(built)
        .isEqualTo(
            load(
                """
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: default, labels: {app: echo}}
        spec:
          ports: [{name: http, protocol: TCP, port: 80, targetPort: 8080}]
          selector: {app: echo}
        """));
  }

  @Test
  void endpointSlice_equalsTheLoadedManifest() {
    K8sObject built =
        K8sBuilders.endpointSlice()
            .namespace("default")
            .name("echo-1")
            .serviceName("echo")
            .addressType("IPv4")
            .endpoint(true, "10.0.0.1")
            .port("http", 8080)
            .build();

    assertThat(built)
        .isEqualTo(
            load(
                """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: echo-1, namespace: default, labels: {kubernetes.io/service-name: echo}}
        addressType: IPv4
        endpoints: [{addresses: [10.0.0.1], conditions: {ready: true}}]
        ports: [{name: http, port: 8080, protocol: TCP}]
        """));
  }

  @Test
  void secret_equalsTheLoadedManifest_andHidesValues() {
    Secret built =
        K8sBuilders.secret()
            .namespace("default")
            .name("creds")
            .stringData("key", "s3cr3t-value")
            .build();

    assertThat((K8sObject) built)
        .isEqualTo(
            load(
                """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: default}
        type: Opaque
        stringData: {key: s3cr3t-value}
        """));
    assertThat(built.toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void ingress_equalsTheLoadedManifest() {
    K8sObject built =
        K8sBuilders.ingress()
            .namespace("default")
            .name("web")
            .annotation("konghq.com/plugins", "auth")
            .ingressClassName("kong")
            .rule("example.com", "/", "Prefix", "echo", 80)
            .tls("cert", "example.com")
            .build();

    assertThat(built)
        .isEqualTo(
            load(
                """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: default, annotations: {konghq.com/plugins: auth}}
        spec:
          ingressClassName: kong
          rules:
          - host: example.com
            http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]
          tls: [{hosts: [example.com], secretName: cert}]
        """));
  }

  @Test
  void kongPlugins_andConsumer_equalTheLoadedManifests() {
    assertThat(
            (K8sObject)
                K8sBuilders.kongPlugin()
                    .namespace("default")
                    .name("rl")
                    .plugin("rate-limiting")
                    .config(Map.of("minute", 5))
                    .build())
        .isEqualTo(
            load(
                """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: rl, namespace: default}
        plugin: rate-limiting
        config: {minute: 5}
        """));
    assertThat(
            (K8sObject)
                K8sBuilders.kongClusterPlugin()
                    .name("global-cors")
                    .label("global", "true")
                    .plugin("cors")
                    .build())
        .isEqualTo(
            load(
                """
        apiVersion: configuration.konghq.com/v1
        kind: KongClusterPlugin
        metadata: {name: global-cors, labels: {global: "true"}}
        plugin: cors
        """));
    assertThat(
            (K8sObject)
                K8sBuilders.kongConsumer()
                    .namespace("default")
                    .name("alice")
                    .username("alice")
                    .credentials("alice-key")
                    .build())
        .isEqualTo(
            load(
                """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: alice, namespace: default}
        username: alice
        credentials: [alice-key]
        """));
  }

  @Test
  void gatewayAndHttpRoute_equalTheLoadedManifests() {
    assertThat(
            (K8sObject)
                K8sBuilders.gateway()
                    .namespace("default")
                    .name("kong")
                    .gatewayClassName("kong")
                    .listener("http", 80, "HTTP")
                    .build())
        .isEqualTo(
            load(
                """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: kong, namespace: default}
        spec:
          gatewayClassName: kong
          listeners: [{name: http, port: 80, protocol: HTTP}]
        """));
    HttpRoute route =
        K8sBuilders.httpRoute()
            .apiVersion("gateway.networking.k8s.io/v1beta1")
            .namespace("default")
            .name("r")
            .parentGateway("kong")
            .hostnames("example.com")
            .rule("/api", "echo", 80)
            .build();
    assertThat((K8sObject) route)
        .isEqualTo(
            load(
                """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: HTTPRoute
        metadata: {name: r, namespace: default}
        spec:
          parentRefs: [{name: kong}]
          hostnames: [example.com]
          rules:
          - matches: [{path: {type: PathPrefix, value: /api}}]
            backendRefs: [{name: echo, port: 80}]
        """));
    assertThat(route.ref().version()).isEqualTo("v1beta1");
  }

  @Test
  void build_rejectsAnApiVersionOfAnotherKind_namingTheObject() {
    assertThatThrownBy(
            () ->
                K8sBuilders.kongPlugin()
                    .apiVersion("v1")
                    .namespace("ns")
                    .name("p")
                    .plugin("cors")
                    .build())
        .isInstanceOf(ObjectBuildException.class)
        .hasMessage(
            "KongPlugin ns/p: apiVersion v1 does not serve kind KongPlugin"
                + " (served: configuration.konghq.com/v1)");
    assertThatThrownBy(
            () ->
                K8sBuilders.httpRoute()
                    .apiVersion("gateway.networking.k8s.io/v2")
                    .namespace("ns")
                    .name("r")
                    .build())
        .isInstanceOf(ObjectBuildException.class)
        .hasMessageContaining(
            "HTTPRoute ns/r: apiVersion gateway.networking.k8s.io/v2 does not serve")
        .hasMessageContaining("gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1beta1");
  }

  @Test
  void build_listsEveryMissingRequiredField_withoutANullPointerException() {
    assertThatThrownBy(() -> K8sBuilders.kongPlugin().build())
        .isInstanceOf(ObjectBuildException.class)
        .hasMessage(
            "KongPlugin <no name>: metadata.name is required; metadata.namespace is required"
                + " for namespaced kind KongPlugin; plugin (the Kong plugin name) is required")
        .satisfies(e -> assertThat(((ObjectBuildException) e).problems()).hasSize(3));
  }

  @Test
  void build_checksKindSpecificRules() {
    assertThatThrownBy(() -> K8sBuilders.kongConsumer().namespace("ns").name("c").build())
        .hasMessage("KongConsumer ns/c: username or custom_id is required");
    assertThatThrownBy(
            () ->
                K8sBuilders.kongClusterPlugin()
                    .namespace("ns")
                    .name("g")
                    .plugin("x")
                    .configFrom("", "conf", "k")
                    .build())
        .hasMessage(
            "KongClusterPlugin ns/g: metadata.namespace must be empty: KongClusterPlugin is"
                + " cluster-scoped; configFrom.secretKeyRef.namespace is required on a KongClusterPlugin");
    assertThatThrownBy(
            () ->
                K8sBuilders.kongPlugin()
                    .namespace("ns")
                    .name("p")
                    .plugin("x")
                    .config(Map.of("a", 1))
                    .configFrom("s", "k")
                    .build())
        .hasMessage("KongPlugin ns/p: config and configFrom cannot both be set");
    assertThatThrownBy(
            () ->
                K8sBuilders.gateway()
                    .namespace("ns")
                    .name("g")
                    .listener("a", 0, "HTTP")
                    .listener("a", 443, "")
                    .build())
        .hasMessage(
            "Gateway ns/g: spec.gatewayClassName is required; spec.listeners[0].port must be"
                + " in 1..65535, found 0; spec.listeners[1].name a is used by an earlier listener;"
                + " spec.listeners[1].protocol is required");
    assertThatThrownBy(
            () ->
                K8sBuilders.ingress()
                    .namespace("ns")
                    .name("i")
                    .rule("", "/", "Regex", "svc", 80)
                    .build())
        .hasMessage(
            "Ingress ns/i: spec.rules[0].http.paths[0].pathType must be Exact, Prefix or"
                + " ImplementationSpecific, found Regex");
    assertThatThrownBy(() -> K8sBuilders.endpointSlice().namespace("ns").name("e").build())
        .hasMessage("EndpointSlice ns/e: addressType is required (IPv4, IPv6 or FQDN)");
    assertThatThrownBy(
            () -> K8sBuilders.httpRoute().namespace("ns").name("r").rule("/", "svc", 70000).build())
        .hasMessage(
            "HTTPRoute ns/r: spec.rules[0].backendRefs[0].port must be in 1..65535, found 70000");
  }

  @Test
  void secretProblems_neverShowValues() {
    assertThatThrownBy(
            () ->
                K8sBuilders.secret()
                    .namespace("ns")
                    .name("tls")
                    .type("kubernetes.io/tls")
                    .stringData("tls.crt", "CERT-BYTES-VALUE")
                    .build())
        .isInstanceOf(ObjectBuildException.class)
        .hasMessage("Secret ns/tls: a kubernetes.io/tls Secret needs the keys tls.crt and tls.key")
        .hasMessageNotContaining("CERT-BYTES-VALUE");
  }

  @Test
  void build_canBeCalledAgain_andReturnsEqualValues() {
    KongPluginBuilder b = K8sBuilders.kongPlugin().namespace("ns").name("p").plugin("cors");
    KongPlugin first = b.build();
    assertThat(b.build()).isEqualTo(first).isNotSameAs(first);
  }
}
