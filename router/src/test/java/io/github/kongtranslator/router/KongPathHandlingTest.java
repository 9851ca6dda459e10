package io.github.kongtranslator.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The upstream path of every v0 row of Kong 3.9.1's {@code
 * spec/fixtures/router_path_handling_tests.lua}, run as {@code spec/01-unit/08-router_spec.lua}
 * "#slash handling" does: once with the plain route path, once with the path turned into the regex
 * {@code ~/[0]?...}. The expected paths are Kong's, transcribed into {@code
 * kong-path-handling-v0.csv}; the ATC routers use v0 whatever the route's path_handling ({@code
 * kong/router/atc.lua} {@code set_upstream_uri}).
 */
class KongPathHandlingTest {
  @TestFactory
  Stream<DynamicTest> upstreamPath_followsKongsFixture() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    String csv;
    try (InputStream in = getClass().getResourceAsStream("/kong-path-handling-v0.csv")) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int row = 0;
    for (String line : csv.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      row++;
      String[] f = line.split(",", -1);
      String servicePath = f[0];
      String routePath = f[1];
      boolean strip = Boolean.parseBoolean(f[2]);
      String request = f[3];
      String expected = f[4];
      String label =
          "("
              + row
              + ") service "
              + servicePath
              + ", route "
              + (routePath.isEmpty() ? "host" : routePath)
              + ", strip "
              + strip
              + ", req "
              + request;
      tests.add(
          DynamicTest.dynamicTest(
              "plain " + label, () -> check(servicePath, routePath, strip, request, expected)));
      if (!routePath.isEmpty()) {
        String regex = "~/[0]?" + routePath.substring(1);
        tests.add(
            DynamicTest.dynamicTest(
                "regex " + label, () -> check(servicePath, regex, strip, request, expected)));
      }
    }
    assertThat(row).isGreaterThan(100);
    return tests.stream();
  }

  private static void check(
      String servicePath, String routePath, boolean strip, String request, String expected) {
    String route =
        routePath.isEmpty() ? "    hosts: [localbin.com]\n" : "    paths: ['" + routePath + "']\n";
    KongRouter router =
        Deck.router(
            "services:\n- name: svc\n  host: example.org\n  path: "
                + servicePath
                + "\n  routes:\n  - name: r\n    strip_path: "
                + strip
                + "\n"
                + route);
    RouteResult result =
        router.route(RouteRequest.fromUrl("http://localbin.com" + request).build());
    assertThat(result.match()).isPresent();
    assertThat(result.match().get().upstreamPath()).contains(expected);
  }
}
