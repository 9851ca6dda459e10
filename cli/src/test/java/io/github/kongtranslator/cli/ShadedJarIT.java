package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the CLI's shaded jar (what {@code ./kong-translator} executes) as a separate process: the
 * jar must hold every class the commands load at run time, which tests on Maven's test class path
 * cannot see (a test-scoped declaration of a run-time dependency once left SnakeYAML out of it).
 */
class ShadedJarIT {

  private static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-all.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no shaded jar in target/ (package ran?)"));
    }
  }

  private static String run(List<String> args) throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        Stream.concat(Stream.of(java.toString(), "-jar", shadedJar().toString()), args.stream())
            .toList();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
    return out;
  }

  @Test
  void translatesTheReadmeExampleFromTheShadedJar() throws Exception {
    String out = run(List.of("translate", "../examples/ingress-tls-plugin.yaml"));
    assertThat(out).contains("_format_version").contains("services:");
  }

  @Test
  void validatesManifestsFromTheShadedJar() throws Exception {
    String out = run(List.of("validate", "../examples/gateway-api-httproute.yaml"));
    assertThat(out).doesNotContain("Exception");
  }
}
