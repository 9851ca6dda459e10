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
    assertThat(out.toString()).containsPattern("Ingress\\s+1").containsPattern("Service\\s+1")
        .containsPattern("Secret\\s+1").containsPattern("EndpointSlice\\s+1")
        .containsPattern("KongPlugin\\s+1").containsPattern("total\\s+5");
    assertThat(err.toString()).contains("warning:", "Deployment demo/shop");
  }

  @Test
  void validate_badInput_exitsTwoWithOneClearLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: Service\nmetadata: {namespace: n}\n");
    int code = run("validate", bad.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("error: " + bad)
        .contains("line 3:", "metadata.name").doesNotContain("\tat ");
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
}
