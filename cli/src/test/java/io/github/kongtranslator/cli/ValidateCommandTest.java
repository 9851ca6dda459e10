package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void validate_example_printsCountsPerKindAndWarnings() {
    int code = run("validate", "../examples/ingress-tls-plugin.yaml");
    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern("Ingress\\s+1")
        .containsPattern("Service\\s+1")
        .containsPattern("Secret\\s+1")
        .containsPattern("EndpointSlice\\s+1")
        .containsPattern("KongPlugin\\s+1")
        .containsPattern("total\\s+5");
    assertThat(err.toString()).contains("warning:", "Deployment demo/shop");
  }

  @Test
  void validate_badInput_exitsTwoWithOneClearLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: Service\nmetadata: {namespace: n}\n");
    int code = run("validate", bad.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("error: " + bad)
        .contains("line 3:", "metadata.name")
        .doesNotContain("\tat ");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  void validate_debug_showsStackTrace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "kind: [\n");
    assertThat(run("validate", "--debug", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("\tat ");
  }

  @Test
  void noCommand_isUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: kong-translator");
  }

  private static final String NO_NAMESPACE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo}
      spec: {ports: [{port: 80}]}
      """;

  @Test
  void validate_showDefaults_printsFieldsFilledInPerObject(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("svc.yaml"), NO_NAMESPACE);
    assertThat(run("validate", "--show-defaults", f.toString())).isZero();
    assertThat(out.toString())
        .contains(
            "defaulted "
                + f
                + ": document 1: Service default/echo: "
                + "spec.sessionAffinity, spec.type, spec.ports[0].protocol, spec.ports[0].targetPort, "
                + "spec.internalTrafficPolicy, metadata.namespace, metadata.uid");
  }

  @Test
  void validate_namespaceOption_namespacesObjectsWithoutOne(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("svc.yaml"), NO_NAMESPACE);
    assertThat(run("validate", "-n", "team-a", "--show-defaults", f.toString())).isZero();
    assertThat(out.toString()).contains("Service team-a/echo");
    assertThat(run("validate", "--namespace=team-b", "--show-defaults", f.toString())).isZero();
    assertThat(out.toString()).contains("Service team-b/echo");
  }

  @Test
  void validate_objectTheApiServerWouldRefuse_isListed_andExitsOne(@TempDir Path dir)
      throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("ing.yaml"),
            NO_NAMESPACE
                + """
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          rules:
          - http:
              paths:
              - path: /
                backend: {service: {name: echo, port: {number: 80}}}
        """);
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(out.toString()).containsPattern("Service\\s+1").containsPattern("total\\s+1");
    assertThat(err.toString().strip())
        .isEqualTo(
            "rejected: "
                + f
                + ": document 2, line 13:9: field "
                + "spec.rules[0].http.paths[0].pathType: Ingress default/web: rejected as the API server "
                + "would: pathType must be specified (rule required)");
  }
}
