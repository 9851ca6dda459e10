package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.EndpointSlice;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.Service;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One test per default and validation rule the API server applies to the core kinds this library
 * reads; each names its upstream source in kubernetes/kubernetes. The list is in {@code
 * core/docs/api-server-defaults.md}.
 */
class ApiServerDefaultsTest {

  private static LoadResult load(String yaml) {
    return Manifests.parse(yaml, "t.yaml");
  }

  private static Service service(String spec) {
    return (Service)
        load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n" + spec).objects().get(0);
  }

  private static JsonNode serviceTree(String spec) {
    return ModelJson.toTree(service(spec));
  }

  /** pkg/apis/core/v1/defaults.go SetDefaults_Service: Spec.Type "" becomes ClusterIP. */
  @Test
  void service_type_defaultsToClusterIp() {
    assertThat(service("spec: {}").spec().type()).isEqualTo("ClusterIP");
    assertThat(service("spec: {type: NodePort}").spec().type()).isEqualTo("NodePort");
  }

  /** SetDefaults_Service: a port's Protocol "" becomes TCP. */
  @Test
  void servicePort_protocol_defaultsToTcp() {
    Service s = service("spec: {ports: [{port: 80}, {port: 53, protocol: UDP}]}");
    assertThat(s.spec().ports())
        .extracting(Service.ServicePort::protocol)
        .containsExactly("TCP", "UDP");
  }

  /** SetDefaults_Service: TargetPort 0 or "" becomes Port. */
  @Test
  void servicePort_targetPort_defaultsToPort() {
    Service s =
        service(
            "spec: {ports: [{port: 80}, {port: 81, targetPort: 0}, {port: 82, targetPort: http}]}");
    assertThat(s.spec().ports().get(0).targetPort().number()).contains(80);
    assertThat(s.spec().ports().get(1).targetPort().number()).contains(81);
    assertThat(s.spec().ports().get(2).targetPort().string()).contains("http");
  }

  /** SetDefaults_Service: SessionAffinity "" becomes None. */
  @Test
  void service_sessionAffinity_defaultsToNone() {
    LoadResult r = load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n");
    assertThat(r.defaulted().get(0).fields()).contains("spec.sessionAffinity");
  }

  /** SetDefaults_Service: ClientIP affinity without a timeout gets 10800 s. */
  @Test
  void service_clientIpAffinity_getsTimeout10800() {
    LoadResult r =
        load(
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {sessionAffinity: ClientIP}\n");
    assertThat(r.defaulted().get(0).fields())
        .contains("spec.sessionAffinityConfig.clientIP.timeoutSeconds");
  }

  /** SetDefaults_Service: ExternalTrafficPolicy Cluster for NodePort and LoadBalancer. */
  @Test
  void service_externalTrafficPolicy_defaultsToClusterWhenExternallyAccessible() {
    LoadResult nodePort =
        load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort}\n");
    LoadResult clusterIp = load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n");
    assertThat(nodePort.defaulted().get(0).fields()).contains("spec.externalTrafficPolicy");
    assertThat(clusterIp.defaulted().get(0).fields()).doesNotContain("spec.externalTrafficPolicy");
  }

  /** SetDefaults_Service: InternalTrafficPolicy Cluster unless ExternalName. */
  @Test
  void service_internalTrafficPolicy_defaultsToClusterExceptExternalName() {
    LoadResult clusterIp = load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n");
    LoadResult external =
        load(
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
                + "spec: {type: ExternalName, externalName: example.com}\n");
    assertThat(clusterIp.defaulted().get(0).fields()).contains("spec.internalTrafficPolicy");
    assertThat(external.defaulted().get(0).fields()).doesNotContain("spec.internalTrafficPolicy");
  }

  /** SetDefaults_Service: AllocateLoadBalancerNodePorts true for LoadBalancer. */
  @Test
  void loadBalancerService_allocatesNodePortsByDefault() {
    LoadResult r =
        load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer}\n");
    assertThat(r.defaulted().get(0).fields()).contains("spec.allocateLoadBalancerNodePorts");
  }

  /** SetDefaults_Secret: Type "" becomes Opaque. */
  @Test
  void secret_type_defaultsToOpaque() {
    Secret s =
        (Secret) load("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n").objects().get(0);
    assertThat(s.type()).isEqualTo("Opaque");
  }

  /**
   * pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret: "StringData overwrites Data";
   * stringData is not stored.
   */
  @Test
  void secret_stringData_mergedIntoData_winningOnEqualKeys() {
    LoadResult r =
        load(
            """
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data: {a: b25l, b: dHdv}
        stringData: {b: override, c: three}
        """);
    Secret s = (Secret) r.objects().get(0);
    assertThat(s.data().keySet()).containsExactly("a", "b", "c");
    assertThat(s.value("a").orElseThrow().utf8()).isEqualTo("one");
    assertThat(s.value("b").orElseThrow().utf8()).isEqualTo("override");
    assertThat(s.value("c").orElseThrow().bytes())
        .isEqualTo("three".getBytes(StandardCharsets.UTF_8));
    JsonNode tree = ModelJson.toTree(s);
    assertThat(tree.has("stringData")).isFalse();
    assertThat(tree.path("data").path("c").asText()).isEqualTo("dGhyZWU=");
  }

  /** SetDefaults_ConfigMap: a nil Data becomes an empty map. */
  @Test
  void configMap_data_defaultsToEmpty() {
    LoadResult r = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    assertThat(r.defaulted().get(0).fields()).contains("data");
  }

  /** pkg/apis/discovery/v1/defaults.go SetDefaults_EndpointPort: name "" and protocol TCP. */
  @Test
  void endpointSlicePort_nameAndProtocol_default() {
    EndpointSlice es =
        (EndpointSlice)
            load("""
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: e, labels: {kubernetes.io/service-name: s}}
        addressType: IPv4
        endpoints: [{addresses: [10.0.0.1]}]
        ports: [{port: 8080}]
        """)
                .objects()
                .get(0);
    assertThat(es.ports().get(0).name()).isEmpty();
    assertThat(es.ports().get(0).protocol()).isEqualTo("TCP");
    // no default for conditions: nil ready stays unknown (k8s.io/api/discovery/v1/types.go)
    assertThat(es.endpoints().get(0).conditions()).isNull();
  }

  /** pkg/apis/networking/v1/defaults.go SetDefaults_IngressClass: parameters.scope Cluster. */
  @Test
  void ingressClassParameters_scope_defaultsToCluster() {
    LoadResult r =
        load(
            """
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: kong}
        spec:
          controller: ingress-controllers.konghq.com/kong
          parameters: {apiGroup: configuration.konghq.com, kind: IngressClassParameters, name: p}
        """);
    assertThat(r.defaulted().get(0).fields())
        .containsExactly("spec.parameters.scope", "metadata.uid");
  }

  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web}
      spec:
        rules:
        - http:
            paths:
            - %s
              backend: {service: {name: echo, port: {number: 80}}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: echo}
      """;

  /**
   * pkg/apis/networking/validation/validation.go validateHTTPIngressPath: "pathType must be
   * specified"; the object is refused, the others load.
   */
  @Test
  void ingressPath_withoutPathType_isRejected() {
    LoadResult r = load(INGRESS.formatted("path: /"));
    assertThat(r.objects()).extracting(o -> o.kind().kindName()).containsExactly("Service");
    assertThat(r.rejected())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("spec.rules[0].http.paths[0].pathType");
              assertThat(e.rule()).isEqualTo("required");
              assertThat(e.line()).isEqualTo(8);
              assertThat(e.getMessage())
                  .contains("Ingress default/web", "pathType must be specified");
            });
  }

  /** validateHTTPIngressPath: Exact and Prefix paths must be absolute. */
  @Test
  void ingressPath_prefixWithRelativePath_isRejected() {
    LoadResult r = load(INGRESS.formatted("path: api\n        pathType: Prefix"));
    assertThat(r.rejected())
        .singleElement()
        .extracting(InvalidObjectException::field)
        .isEqualTo("spec.rules[0].http.paths[0].path");
  }

  /** validateHTTPIngressPath: Exact and Prefix paths must not contain "//". */
  @Test
  void ingressPath_withDoubleSlash_isRejected() {
    LoadResult r = load(INGRESS.formatted("path: /a//b\n        pathType: Exact"));
    assertThat(r.rejected())
        .singleElement()
        .extracting(InvalidObjectException::rule)
        .isEqualTo("path sequence");
  }

  /** validateHTTPIngressPath: an unknown pathType is "NotSupported". */
  @Test
  void ingressPath_unknownPathType_isRejected() {
    LoadResult r = load(INGRESS.formatted("path: /\n        pathType: Regex"));
    assertThat(r.rejected())
        .singleElement()
        .extracting(InvalidObjectException::rule)
        .isEqualTo("enum");
  }

  /** validateHTTPIngressPath: ImplementationSpecific accepts an empty path. */
  @Test
  void ingressPath_implementationSpecificWithoutPath_isAccepted() {
    LoadResult r = load(INGRESS.formatted("pathType: ImplementationSpecific"));
    assertThat(r.rejected()).isEmpty();
    assertThat(
            ((Ingress) r.objects().get(0)).spec().rules().get(0).http().paths().get(0).pathType())
        .isEqualTo("ImplementationSpecific");
  }
}
