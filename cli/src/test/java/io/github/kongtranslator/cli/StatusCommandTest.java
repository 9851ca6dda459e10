package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code status} command and its JSON contract (issue 19). */
class StatusCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  static final String MANIFESTS =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: kong}
      spec: {controllerName: konghq.com/kic-gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: kong, namespace: default}
      spec:
        gatewayClassName: kong
        listeners:
        - {name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: web, namespace: default}
      spec:
        parentRefs: [{name: kong, sectionName: http}, {name: missing, port: 8080}]
        hostnames: [web.example.com]
        rules: [{backendRefs: [{name: echo, port: 80}]}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: elsewhere, namespace: default}
      spec:
        parentRefs: [{name: kong}]
        hostnames: [web.example.org]
        rules: [{backendRefs: [{name: echo, port: 80}]}]
      ---
      apiVersion: configuration.konghq.com/v1
      kind: KongConsumer
      metadata:
        name: nobody
        namespace: default
        annotations: {kubernetes.io/ingress.class: kong}
      username: nobody
      credentials: [missing-credential]
      """;

  static JsonNode object(JsonNode root, String kind, String name) {
    for (JsonNode o : root.get("objects")) {
      if (o.get("kind").asText().equals(kind) && o.get("name").asText().equals(name)) {
        return o;
      }
    }
    throw new AssertionError("no " + kind + " " + name + " in " + root);
  }

  static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void status_printsTheContract(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.yaml");
    Files.writeString(in, MANIFESTS);
    assertThat(run("status", in.toString())).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(fields(root)).containsExactly("objects");
    for (JsonNode o : root.get("objects")) {
      assertThat(fields(o))
          .containsExactly(
              "kind",
              "namespace",
              "name",
              "programmed",
              "reason",
              "message",
              "parents",
              "listeners",
              "conditions");
      assertThat(o.get("programmed").asText()).isIn("True", "False", "Unknown");
    }
    JsonNode web = object(root, "HTTPRoute", "web");
    assertThat(web.get("programmed").asText()).isEqualTo("True");
    JsonNode parents = web.get("parents");
    assertThat(parents).hasSize(2);
    JsonNode first = parents.get(0);
    assertThat(fields(first)).containsExactly("parentRef", "controllerName", "conditions");
    assertThat(fields(first.get("parentRef")))
        .containsExactly("group", "kind", "namespace", "name", "sectionName", "port");
    assertThat(first.get("parentRef").get("group").asText()).isEqualTo("gateway.networking.k8s.io");
    assertThat(first.get("parentRef").get("kind").asText()).isEqualTo("Gateway");
    assertThat(first.get("parentRef").get("name").asText()).isEqualTo("kong");
    assertThat(first.get("parentRef").get("sectionName").asText()).isEqualTo("http");
    assertThat(first.get("parentRef").get("port").isNull()).isTrue();
    assertThat(first.get("controllerName").asText()).isEqualTo("konghq.com/kic-gateway-controller");
    assertThat(fields(first.get("conditions").get(0)))
        .containsExactly("type", "status", "reason", "message");
    assertThat(first.get("conditions").findValuesAsText("type"))
        .containsExactly("Accepted", "ResolvedRefs", "Programmed");
    assertThat(first.get("conditions").get(0).get("status").asText()).isEqualTo("True");
    assertThat(first.get("conditions").get(2).get("reason").asText())
        .isEqualTo("ConfiguredInGateway");
    JsonNode second = parents.get(1);
    assertThat(second.get("parentRef").get("name").asText()).isEqualTo("missing");
    assertThat(second.get("parentRef").get("port").asInt()).isEqualTo(8080);
    assertThat(second.get("conditions").get(0).get("reason").asText())
        .isEqualTo("NoMatchingParent");
    // a route no parent accepts is listed with its rejected parent
    JsonNode elsewhere = object(root, "HTTPRoute", "elsewhere");
    assertThat(elsewhere.get("parents").get(0).get("conditions").get(0).get("reason").asText())
        .isEqualTo("NoMatchingListenerHostname");
    assertThat(elsewhere.get("parents").get(0).get("conditions").get(2).get("status").asText())
        .isEqualTo("Unknown");
    JsonNode gw = object(root, "Gateway", "kong");
    JsonNode listener = gw.get("listeners").get(0);
    assertThat(fields(listener))
        .containsExactly("name", "supportedKinds", "attachedRoutes", "conditions");
    assertThat(listener.get("attachedRoutes").asInt()).isEqualTo(1);
    assertThat(listener.get("supportedKinds").get(0).get("kind").asText()).isEqualTo("HTTPRoute");
    assertThat(fields(listener.get("supportedKinds").get(0))).containsExactly("group", "kind");
    assertThat(gw.get("conditions").findValuesAsText("type"))
        .containsExactly("Accepted", "Programmed");
    JsonNode nobody = object(root, "KongConsumer", "nobody");
    assertThat(nobody.get("programmed").asText()).isEqualTo("False");
    assertThat(nobody.get("reason").asText()).isEqualTo("TranslationError");
    assertThat(nobody.get("conditions").get(0).get("reason").asText()).isEqualTo("Invalid");
    assertThat(err.toString()).contains("translation failure:");
  }

  @Test
  void status_otherControllerName_managesNoGateway(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.yaml");
    Files.writeString(in, MANIFESTS);
    assertThat(run("status", "--gateway-controller", "example.com/other", in.toString())).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode web = object(root, "HTTPRoute", "web");
    assertThat(web.get("parents")).hasSize(1); // only the parentRef naming no Gateway
    assertThat(object(root, "Gateway", "kong").get("listeners")).isEmpty();
  }
}
