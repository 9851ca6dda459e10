package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Listener certificates of managed Gateways (gateway-api-spec §1.4). */
class GatewayCertificatesTest {
  private static final String CONTROLLER = "konghq.com/kic-gateway-controller";
  private static final String UID = "11111111-2222-3333-4444-555555555555";

  /** The example key pair Secret, moved to namespace {@code infra} and given a uid. */
  static String secret() throws IOException {
    String example = Files.readString(Path.of("../examples/ingress-tls-plugin.yaml"));
    String doc =
        Arrays.stream(example.split("(?m)^---\\s*$"))
            .filter(d -> d.contains("kind: Secret"))
            .findFirst()
            .orElseThrow();
    return doc.replace("namespace: demo", "namespace: infra")
        .replace("name: shop-tls\n", "name: shop-tls\n  uid: " + UID + "\n");
  }

  static String gateway(String classAnnotations, String listenerStatus) {
    return """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: kong%s}
        spec: {controllerName: %s}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra, generation: 2}
        spec:
          gatewayClassName: kong
          listeners:
          - name: https
            protocol: HTTPS
            port: 443
            hostname: shop.example.com
            tls: {mode: Terminate, certificateRefs: [{name: shop-tls}]}
          - name: any
            protocol: HTTPS
            port: 8443
            tls: {certificateRefs: [{kind: Secret, name: shop-tls}]}
        status:
          listeners:
          - {name: https, conditions: [%s]}
          - {name: any, conditions: []}
        """
        .formatted(classAnnotations, CONTROLLER, listenerStatus);
  }

  static JsonNode certificates(String yaml, String controller) {
    TranslatorOptions o = TranslatorOptions.builder().gatewayControllerName(controller).build();
    return GatewayApiBehaviourTest.config(yaml, o).path("certificates");
  }

  @Test
  void defaultOptions_manageNoGateway() throws IOException {
    assertThat(certificates(secret() + gateway("", ""), "")).isEmpty();
  }

  @Test
  void managedGateway_emitsTheSecretWithListenerHostnamesAndStarForNoHostname() throws IOException {
    JsonNode certs = certificates(secret() + gateway("", ""), CONTROLLER);
    assertThat(certs).hasSize(1);
    JsonNode c = certs.get(0);
    assertThat(c.get("id").asText()).isEqualTo(UID);
    assertThat(GatewayApiBehaviourTest.texts(c.get("snis")))
        .containsExactly(
            "{\"certificate\":{\"id\":\"" + UID + "\"},\"name\":\"*\"}",
            "{\"certificate\":{\"id\":\"" + UID + "\"},\"name\":\"shop.example.com\"}");
    assertThat(GatewayApiBehaviourTest.texts(c.get("tags"))).contains("k8s-kind:Secret");
  }

  @Test
  void unmanagedClass_needsAProgrammedListenerOfTheCurrentGeneration() throws IOException {
    String annotations = ", annotations: {konghq.com/gatewayclass-unmanaged: \"true\"}";
    String stale =
        "{type: Programmed, status: \"True\", reason: Programmed, observedGeneration: 1}";
    assertThat(certificates(secret() + gateway(annotations, stale), CONTROLLER)).isEmpty();
    String current =
        "{type: Programmed, status: \"True\", reason: Programmed, observedGeneration: 2}";
    JsonNode certs = certificates(secret() + gateway(annotations, current), CONTROLLER);
    assertThat(certs).hasSize(1);
    assertThat(certs.get(0).get("snis")).hasSize(1);
    assertThat(certs.get(0).at("/snis/0/name").asText()).isEqualTo("shop.example.com");
  }

  @Test
  void crossNamespaceCertificateRef_needsAReferenceGrant() throws IOException {
    String yaml =
        secret()
            + gateway("", "")
                .replace("namespace: infra, generation", "namespace: edge-ns, generation");
    assertThat(certificates(yaml, CONTROLLER)).isEmpty();
    String refs =
        yaml.replace("[{name: shop-tls}]", "[{name: shop-tls, namespace: infra}]")
            .replace(
                "[{kind: Secret, name: shop-tls}]",
                "[{kind: Secret, name: shop-tls, namespace: infra}]");
    assertThat(certificates(refs, CONTROLLER)).isEmpty();
    String granted =
        refs
            + """
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: certs, namespace: infra}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: edge-ns}]
          to: [{group: "", kind: Secret}]
        """;
    assertThat(certificates(granted, CONTROLLER)).hasSize(1);
  }

  @Test
  void twoCertificateRefsOnAListener_areAFailureOnTheGateway() throws IOException {
    String yaml =
        secret()
            + gateway("", "").replace("[{name: shop-tls}]", "[{name: shop-tls}, {name: other}]");
    TranslationResult r =
        GatewayApiBehaviourTest.run(
            yaml, TranslatorOptions.builder().gatewayControllerName(CONTROLLER).build());
    assertThat(r.failures())
        .extracting(f -> f.causingObjects().get(0).toString())
        .containsExactly("Gateway infra/edge");
    assertThat(r.config().toJson().at("/certificates/0/snis")).hasSize(1);
  }
}
