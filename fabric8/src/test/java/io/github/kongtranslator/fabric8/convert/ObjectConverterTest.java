package io.github.kongtranslator.fabric8.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Converted objects equal the same objects loaded from YAML text (the loader is the oracle). */
class ObjectConverterTest {
  private final ObjectConverter converter = ObjectConverter.create();

  private static K8sObject load(String yaml) {
    return Manifests.asStored().readString(yaml, "test.yaml").objects().get(0);
  }

  @Test
  void typedService_equalsTheLoadedManifest() {
    var svc =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("echo")
            .withNamespace("default")
            .withUid("u-1")
            .addToAnnotations("konghq.com/plugins", "auth")
            .endMetadata()
            .withNewSpec()
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withProtocol("TCP")
            .withTargetPort(new IntOrString(8080))
            .endPort()
            .addToSelector("app", "echo")
            .endSpec()
            .build();

    assertThat(converter.toModel(svc))
        .contains(
            load(
                """
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: default, uid: u-1, annotations: {konghq.com/plugins: auth}}
        spec:
          ports: [{name: http, port: 80, protocol: TCP, targetPort: 8080}]
          selector: {app: echo}
        """));
  }

  @Test
  void typedIngressEndpointSliceAndHttpRoute_equalTheLoadedManifests() {
    var ing =
        new IngressBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withIngressClassName("kong")
            .addNewRule()
            .withHost("example.com")
            .withNewHttp()
            .addNewPath()
            .withPath("/")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName("echo")
            .withNewPort()
            .withNumber(80)
            .endPort()
            .endService()
            .endBackend()
            .endPath()
            .endHttp()
            .endRule()
            .endSpec()
            .build();
    assertThat(converter.toModel(ing))
        .contains(
            load(
                """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: default}
        spec:
          ingressClassName: kong
          rules:
          - host: example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}
        """));

    var slice =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName("echo-1")
            .withNamespace("default")
            .addToLabels("kubernetes.io/service-name", "echo")
            .endMetadata()
            .withAddressType("IPv4")
            .addNewEndpoint()
            .withAddresses("10.0.0.1")
            .withNewConditions()
            .withReady(true)
            .endConditions()
            .endEndpoint()
            .addNewPort()
            .withName("http")
            .withPort(8080)
            .withProtocol("TCP")
            .endPort()
            .build();
    assertThat(converter.toModel(slice))
        .contains(
            load(
                """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: echo-1, namespace: default, labels: {kubernetes.io/service-name: echo}}
        addressType: IPv4
        endpoints: [{addresses: [10.0.0.1], conditions: {ready: true}}]
        ports: [{name: http, port: 8080, protocol: TCP}]
        """));

    var route =
        new HTTPRouteBuilder()
            .withNewMetadata()
            .withName("r")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addNewParentRef()
            .withName("kong")
            .endParentRef()
            .addNewRule()
            .addNewMatch()
            .withNewPath()
            .withType("PathPrefix")
            .withValue("/api")
            .endPath()
            .endMatch()
            .addNewBackendRef()
            .withName("echo")
            .withPort(80)
            .endBackendRef()
            .endRule()
            .endSpec()
            .build();
    assertThat(converter.toModel(route))
        .contains(
            load(
                """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: default}
        spec:
          parentRefs: [{name: kong}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /api}}]
            backendRefs: [{name: echo, port: 80}]
        """));
  }

  @Test
  void typedSecret_decodesDataAndStringData_likeTheLoader() {
    var secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("creds")
            .withNamespace("default")
            .endMetadata()
            .withType("Opaque")
            .addToData(
                "a", Base64.getEncoder().encodeToString("alpha".getBytes(StandardCharsets.UTF_8)))
            .addToStringData("b", "beta")
            .build();

    assertThat(converter.toModel(secret))
        .contains(
            load(
                """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: default}
        type: Opaque
        data: {a: YWxwaGE=}
        stringData: {b: beta}
        """));
  }

  @Test
  void genericKongPlugin_equalsTheLoadedManifest() {
    GenericKubernetesResource plugin =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("configuration.konghq.com/v1")
            .withKind("KongPlugin")
            .withNewMetadata()
            .withName("rl")
            .withNamespace("default")
            .endMetadata()
            .addToAdditionalProperties("plugin", "rate-limiting")
            .addToAdditionalProperties("config", Map.of("minute", 5))
            .build();

    assertThat(converter.toModel(plugin))
        .contains(
            load(
                """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: rl, namespace: default}
        plugin: rate-limiting
        config: {minute: 5}
        """));
  }

  @Test
  void unreadKind_isEmpty_notAnError() {
    var deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("d")
            .withNamespace("n")
            .endMetadata()
            .build();
    assertThat(converter.toModel(deployment)).isEmpty();
    assertThat(ObjectConverter.refOf(deployment)).isEmpty();
  }

  @Test
  void wrongFieldType_isATypedErrorNamingObjectAndField_withoutTheValue() {
    GenericKubernetesResource plugin =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("configuration.konghq.com/v1")
            .withKind("KongPlugin")
            .withNewMetadata()
            .withName("bad")
            .withNamespace("ns")
            .endMetadata()
            .addToAdditionalProperties("plugin", "key-auth")
            .addToAdditionalProperties("protocols", "secret-looking-text")
            .build();

    assertThatThrownBy(() -> converter.toModel(plugin))
        .isInstanceOf(ConversionException.class)
        // the loader's own message (one entry point): field and object named, the value never
        .hasMessageStartingWith("fabric8 KongPlugin: field protocols: KongPlugin ns/bad: ")
        .hasMessageNotContaining("secret-looking-text")
        .satisfies(
            e -> assertThat(((ConversionException) e).object()).isEqualTo("KongPlugin ns/bad"));
  }

  @Test
  void treeWithoutName_isATypedError() {
    var tree = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Service");
    assertThatThrownBy(() -> converter.toModel(tree, "my-source"))
        .isInstanceOf(ConversionException.class)
        .hasMessage("my-source: field metadata.name: missing: Service objects need metadata.name");
  }

  @Test
  void refOf_readsIdentityWithoutConverting() {
    GenericKubernetesResource kcp =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("configuration.konghq.com/v1")
            .withKind("KongClusterPlugin")
            .withNewMetadata()
            .withName("g")
            .withNamespace("ignored")
            .withUid("u")
            .endMetadata()
            .build();
    assertThat(ObjectConverter.refOf(kcp))
        .contains(
            new ObjectRef("configuration.konghq.com", "v1", "KongClusterPlugin", "", "g", "u"));
  }
}
