package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackCommandTest {
  private static final Path CORPUS = GoldenDir.KIC_GOLDEN;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  private static final String PLUGIN_ERRORS =
      """
      {"flattened_errors": [{"errors": [{"messages": ["broken object"]}],
        "entity_tags": ["k8s-name:plugin", "k8s-namespace:default", "k8s-kind:KongPlugin",
                        "k8s-group:configuration.konghq.com", "k8s-version:v1",
                        "k8s-uid:6faea5d6-ce95-439e-b223-421a0a142e3f"]}]}
      """;

  @Test
  void fallback_brokenPlugin_printsConfigWithoutItsDependentsAndReportsPaths(@TempDir Path dir)
      throws Exception {
    Path errors = dir.resolve("errors.json");
    Files.writeString(errors, PLUGIN_ERRORS);
    Path report = dir.resolve("report.txt");
    Path in = CORPUS.resolve("fallback-config-kong-plugin/in.yaml");
    assertThat(
            run(
                "fallback",
                "--errors",
                errors.toString(),
                "--report",
                report.toString(),
                in.toString()))
        .isZero();
    assertThat(Files.readString(report))
        .contains("excluded KongPlugin default/plugin: KongPlugin default/plugin (broken)")
        .contains(
            "excluded Ingress default/ingress: Ingress default/ingress -[P]-> KongPlugin default/plugin (broken)");
    assertThat(out.toString())
        .startsWith("_format_version: \"3.0\"")
        .doesNotContain("name: default.ingress");
  }

  @Test
  void fallback_unparseableErrors_guessesNothingAndExitsOne(@TempDir Path dir) throws Exception {
    Path errors = dir.resolve("errors.html");
    Files.writeString(errors, "<html>502 Bad Gateway</html>");
    Path in = CORPUS.resolve("fallback-config-kong-plugin/in.yaml");
    assertThat(run("fallback", "--errors", errors.toString(), in.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("names no object", "no fallback is guessed");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void fallback_unparseableErrors_withLastValid_printsLastValidConfig(@TempDir Path dir)
      throws Exception {
    Path errors = dir.resolve("errors.json");
    Files.writeString(errors, "{}");
    Path in = CORPUS.resolve("fallback-config-kong-plugin/in.yaml");
    assertThat(
            run(
                "fallback",
                "--errors",
                errors.toString(),
                "--last-valid",
                "../examples/consumers.yaml",
                in.toString()))
        .isEqualTo(1);
    assertThat(out.toString()).contains("username: alice");
    assertThat(err.toString()).contains("last valid configuration");
  }

  @Test
  void golden_wholeCorpus_passesIncludingFallbackCases() {
    assertThat(run("golden", CORPUS.toString())).isZero();
    assertThat(out.toString())
        .contains("PASS fallback-config-kong-plugin/default")
        .endsWith("43 passed, 0 failed\n");
  }
}
