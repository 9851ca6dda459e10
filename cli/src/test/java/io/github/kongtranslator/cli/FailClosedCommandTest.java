package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code translate} and {@code fallback} fail closed on translation failures unless {@code
 * --kic-compatible}.
 */
class FailClosedCommandTest {
  private static final String MANIFEST =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: admin, namespace: default, annotations: {konghq.com/plugins: auth}}
      spec:
        ingressClassName: kong
        rules: [{host: admin.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: public, namespace: default, uid: 5b0c2a4e-3f6d-4e8a-9c1b-2d7e8f9a0b1c}
      spec:
        ingressClassName: kong
        rules: [{host: public.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}}]
      ---
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: auth, namespace: default}
      plugin: key-auth
      configFrom: {secretKeyRef: {name: auth-conf, key: conf}}
      """;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void translate_leavesOutTheIngressWhosePluginFails_andSaysWhy(@TempDir Path dir)
      throws Exception {
    Path in = Files.writeString(dir.resolve("in.yaml"), MANIFEST);

    assertThat(run("translate", in.toString())).isZero();

    assertThat(out.toString()).contains("public.example.com").doesNotContain("admin.example.com");
    assertThat(err.toString())
        .contains("translation failure: invalid configuration of KongPlugin default/auth")
        .contains(
            "left out Ingress default/admin: Ingress default/admin -[P]-> KongPlugin default/auth"
                + " (broken: invalid configuration of KongPlugin default/auth: Secret default/auth-conf not found)");
  }

  @Test
  void translate_kicCompatible_emitsTheIngressWithoutThePlugin(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("in.yaml"), MANIFEST);

    assertThat(run("translate", "--kic-compatible", in.toString())).isZero();

    assertThat(out.toString())
        .contains("public.example.com", "admin.example.com")
        .doesNotContain("key-auth");
    assertThat(err.toString()).contains("translation failure: ").doesNotContain("left out");
  }

  @Test
  void fallback_failsClosedOnTheFallbackSnapshotToo(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("in.yaml"), MANIFEST);
    Path errors =
        Files.writeString(
            dir.resolve("errors.json"),
            """
        {"flattened_errors": [{"errors": [{"messages": ["invalid"]}], "entity_tags": [
          "k8s-name:public", "k8s-namespace:default", "k8s-kind:Ingress",
          "k8s-group:networking.k8s.io", "k8s-version:v1",
          "k8s-uid:5b0c2a4e-3f6d-4e8a-9c1b-2d7e8f9a0b1c"]}]}""");

    assertThat(run("fallback", "--errors", errors.toString(), in.toString())).isZero();

    assertThat(out.toString()).doesNotContain("admin.example.com", "public.example.com");
    assertThat(err.toString())
        .contains("excluded Ingress default/public: Ingress default/public (broken)")
        .contains(
            "left out Ingress default/admin: Ingress default/admin -[P]-> KongPlugin default/auth");

    out.getBuffer().setLength(0);
    assertThat(run("fallback", "--kic-compatible", "--errors", errors.toString(), in.toString()))
        .isZero();
    assertThat(out.toString()).contains("admin.example.com").doesNotContain("public.example.com");
  }
}
