package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void everyGolden_isValid() throws Exception {
    try (Stream<Path> files = Files.walk(GoldenDir.KIC_GOLDEN)) {
      for (Path golden :
          files.filter(p -> p.toString().endsWith("_golden.yaml")).sorted().toList()) {
        assertThat(run("check", golden.toString())).as(golden + ": " + out).isZero();
      }
    }
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void invalidConfig_printsOneLinePerViolation_andExitsOne(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        """
        _format_version: "3.0"
        services:
        - name: svc
          host: example.com
          routes:
          - name: tcp-route
            protocols: [tcp]
        upstreams:
        - name: up
          hash_on: cookie
          hash_on_cookie: c
          hash_on_cookie_path: nope
        """);
    assertThat(run("check", f.toString())).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            "routes tcp-route: @entity: must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', 'tls' or 'udp' (kong/db/schema/entities/routes_subschemas.lua)",
            "upstreams up: hash_on_cookie_path: should start with: / (kong/db/schema/typedefs.lua)");
  }

  @Test
  void routerFlavorOption_isUsed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("expr.yaml");
    Files.writeString(
        f,
        """
        services:
        - name: svc
          host: example.com
          routes:
          - name: r
            expression: http.path == "/"
        """);
    assertThat(run("check", f.toString())).isZero();
    assertThat(run("check", "--router-flavor", "TRADITIONAL_COMPATIBLE", f.toString()))
        .isEqualTo(1);
    assertThat(out.toString()).contains("routes r: expression: unknown field");
  }

  @Test
  void unreadableInput_exitsTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "services: [unclosed\n");
    assertThat(run("check", bad.toString())).isEqualTo(2);
    assertThat(run("check", dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: ");
  }
}
