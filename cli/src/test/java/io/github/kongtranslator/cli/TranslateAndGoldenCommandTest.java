package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateAndGoldenCommandTest {
  private static final Path CORPUS = GoldenDir.KIC_GOLDEN;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void translate_example_printsConfigWithCertificateAndPlugin() {
    assertThat(run("translate", "../examples/ingress-tls-plugin.yaml")).isZero();
    assertThat(out.toString())
        .startsWith("_format_version: \"3.0\"")
        .contains("name: rate-limiting", "shop.example.com", "certificates:", "- k8s-kind:Ingress");
    assertThat(err.toString())
        .contains("Deployment demo/shop")
        .doesNotContain("translation failure");
  }

  @Test
  void translate_json_isValidJsonWithServices() throws Exception {
    assertThat(run("translate", "--output", "json", "../examples/consumers.yaml")).isZero();
    JsonNode tree = new ObjectMapper().readTree(out.toString());
    assertThat(tree.path("_format_version").asText()).isEqualTo("3.0");
    assertThat(tree.path("consumers").get(0).path("username").asText()).isEqualTo("alice");
    assertThat(tree.path("services")).hasSize(1);
  }

  @Test
  void translate_flags_changeTheOutput() {
    assertThat(run("translate", "--flag", "ExpressionRoutes=true", "../examples/consumers.yaml"))
        .isZero();
    assertThat(out.toString()).contains("expression:");
  }

  @Test
  void translate_gatewayController_managesTheExampleGatewayAndEmitsItsListenerCertificate() {
    String example = "../examples/gateway-api-httproute.yaml";
    assertThat(run("translate", example)).isZero();
    assertThat(out.toString())
        .contains("name: httproute.shop.store.0")
        .doesNotContain("certificates:");
    out.getBuffer().setLength(0);
    assertThat(
            run("translate", "--gateway-controller", "konghq.com/kic-gateway-controller", example))
        .isZero();
    assertThat(out.toString()).contains("certificates:", "name: shop.example.com");
    assertThat(err.toString()).doesNotContain("translation failure");
  }

  @Test
  void translate_unknownFlag_isUsageError() {
    assertThat(run("translate", "--flag", "NoSuchFlag=true", "../examples/consumers.yaml"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown feature flag NoSuchFlag");
  }

  @Test
  void translate_failures_goToStderrNamingTheObject(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad-tls.yaml");
    Files.writeString(
        f,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: tls, namespace: n}
        type: kubernetes.io/tls
        stringData: {tls.crt: not-a-cert, tls.key: SECRET-MARKER}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: n}
        spec:
          ingressClassName: kong
          tls: [{hosts: [a.example], secretName: tls}]
        """);
    assertThat(run("translate", f.toString())).isZero();
    assertThat(err.toString())
        .contains("translation failure:", "Secret n/tls")
        .doesNotContain("SECRET-MARKER");
    assertThat(out.toString()).doesNotContain("SECRET-MARKER");
  }

  @Test
  void golden_singleCase_passes() {
    assertThat(run("golden", CORPUS.resolve("ingress-v1-empty-path").toString())).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "PASS ingress-v1-empty-path/default",
            "PASS ingress-v1-empty-path/expression-routes-on",
            "2 passed, 0 failed");
  }

  @Test
  void golden_mismatch_reportsFirstDifferenceAndExitsOne(@TempDir Path dir) throws Exception {
    Path c = dir.resolve("my-case");
    Files.createDirectories(c);
    Files.copy(CORPUS.resolve("ingress-v1-empty-path/in.yaml"), c.resolve("in.yaml"));
    Files.writeString(c.resolve("default_golden.yaml"), "_format_version: \"3.0\"\nservices: []\n");
    assertThat(run("golden", dir.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAIL my-case/default: services")
        .endsWith("0 passed, 1 failed\n");
  }
}
