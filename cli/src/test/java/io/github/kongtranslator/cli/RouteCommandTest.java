package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code route} command's contract: flags, JSON keys, exit codes (issue 20). */
class RouteCommandTest {
  private static final String EXAMPLE = "../examples/gateway-api-httproute.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  private JsonNode json() throws Exception {
    return JSON.readTree(out.toString());
  }

  private static final String DECK =
      """
      _format_version: "3.0"
      services:
      - name: web
        host: web.up
        port: 8080
        path: /base
        tags: [t1]
        routes:
        - name: secure
          hosts: [shop.example.com]
          snis: [shop.example.com]
          paths: [/]
          protocols: [https]
          tags: [rt]
        - name: plain
          paths: [/plain]
      upstreams:
      - name: web.up
        targets:
        - {target: 10.0.0.1:8080}
      plugins:
      - {name: cors}
      """;

  @Test
  void route_manifests_printsTheContractKeysInOrder() throws Exception {
    assertThat(
            run(
                "route",
                "--url",
                "http://shop.example.com/store/items?a=1",
                "--header",
                "X-Tenant: blue",
                EXAMPLE))
        .isZero();
    JsonNode o = json();
    assertThat(ImmutableFields.of(o))
        .containsExactly(
            "matched", "router_flavor", "route", "service", "upstream", "plugins", "upstream_path");
    assertThat(o.path("matched").asBoolean()).isTrue();
    assertThat(o.path("router_flavor").asText()).isEqualTo("traditional_compatible");
    assertThat(o.path("route").path("name").asText()).startsWith("httproute.shop.store.0");
    assertThat(ImmutableFields.of(o.path("route"))).containsExactly("name", "tags", "priority");
    assertThat(ImmutableFields.of(o.path("service")))
        .containsExactly("name", "host", "port", "path", "tags");
    assertThat(o.path("upstream").path("targets")).hasSize(3);
    assertThat(o.path("upstream_path").asText()).isEqualTo("/store/items?a=1");
    assertThat(o.path("plugins").findValuesAsText("name"))
        .containsExactly("request-transformer", "response-transformer");
  }

  @Test
  void route_gatewayApiRoutes_reachTheRouterOnlyThroughGatewaysThatAcceptThem() throws Exception {
    // Same request as above: with another controller name no Gateway of the file is managed, so
    // KIC's route controllers would never hand the HTTPRoute to the translator.
    assertThat(
            run(
                "route",
                "--gateway-controller",
                "example.com/other-controller",
                "--url",
                "http://shop.example.com/store/items?a=1",
                EXAMPLE))
        .isZero();
    assertThat(out.toString().trim()).isEqualTo("{\"matched\":false}");
  }

  @Test
  void route_noMatch_printsMatchedFalseAndExitsZero() throws Exception {
    assertThat(run("route", "--url", "http://shop.example.com/store/items", EXAMPLE)).isZero();
    assertThat(out.toString().trim()).isEqualTo("{\"matched\":false}");
  }

  @Test
  void route_expressionRoutesFlag_defaultsTheFlavour() throws Exception {
    assertThat(
            run(
                "route",
                "--flag",
                "ExpressionRoutes=true",
                "--url",
                "http://shop.example.com/store",
                "--header",
                "x-tenant: blue",
                EXAMPLE))
        .isZero();
    assertThat(json().path("router_flavor").asText()).isEqualTo("expressions");
    assertThat(json().path("matched").asBoolean()).isTrue();
  }

  @Test
  void route_config_httpsUrlSendsItsHostAsSni_andWeightDefaultsTo100(@TempDir Path dir)
      throws Exception {
    Path deck = Files.writeString(dir.resolve("kong.yaml"), DECK);
    assertThat(run("route", "--config", deck.toString(), "--url", "https://shop.example.com/x"))
        .isZero();
    JsonNode o = json();
    assertThat(o.path("route").path("name").asText()).isEqualTo("secure");
    assertThat(o.path("upstream").path("targets").get(0).path("weight").asInt()).isEqualTo(100);
    assertThat(o.path("service").path("path").asText()).isEqualTo("/base");
    assertThat(o.path("upstream_path").asText()).isEqualTo("/base/x");
    assertThat(o.path("plugins").findValuesAsText("name")).containsExactly("cors");
    out.getBuffer().setLength(0);
    // another SNI: the SNI route does not match; the plain route does not either (path)
    assertThat(
            run(
                "route",
                "--config",
                deck.toString(),
                "--url",
                "https://shop.example.com/x",
                "--sni",
                "other.example.com"))
        .isZero();
    assertThat(json().path("matched").asBoolean()).isFalse();
  }

  @Test
  void route_requestsFile_printsOneLinePerRequest(@TempDir Path dir) throws Exception {
    Path deck = Files.writeString(dir.resolve("kong.yaml"), DECK);
    Path reqs =
        Files.writeString(
            dir.resolve("r.jsonl"),
            """
        {"url": "http://any/plain/y", "method": "POST", "headers": {"X-A": "1"}}
        {"url": "https://shop.example.com/", "sni": "shop.example.com"}
        {"url": "http://nothing/"}
        """);
    assertThat(run("route", "--config", deck.toString(), "--requests", reqs.toString())).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(JSON.readTree(lines.get(0)).path("route").path("name").asText()).isEqualTo("plain");
    assertThat(JSON.readTree(lines.get(0)).path("upstream_path").asText()).isEqualTo("/base/y");
    assertThat(JSON.readTree(lines.get(1)).path("route").path("name").asText()).isEqualTo("secure");
    assertThat(lines.get(2)).isEqualTo("{\"matched\":false}");
  }

  @Test
  void route_explain_addsWhy(@TempDir Path dir) throws Exception {
    Path deck = Files.writeString(dir.resolve("kong.yaml"), DECK);
    assertThat(
            run(
                "route",
                "--config",
                deck.toString(),
                "--explain",
                "--url",
                "http://shop.example.com/plain"))
        .isZero();
    JsonNode why = json().path("why");
    assertThat(why.path("expression").asText()).contains("http.host == r#\"shop.example.com\"#");
    assertThat(why.path("outranked").findValuesAsText("route")).containsExactly("plain");
    assertThat(why.path("notes").get(0).asText()).contains("426");
  }

  @Test
  void route_badInput_exitsTwo(@TempDir Path dir) throws Exception {
    assertThat(run("route", "--url", "ftp://x/", EXAMPLE)).isEqualTo(2);
    assertThat(run("route", "--url", "http://x/", "--header", "no-colon", EXAMPLE)).isEqualTo(2);
    assertThat(run("route", "--url", "http://x/", "--router-flavor", "traditional", EXAMPLE))
        .isEqualTo(2);
    assertThat(run("route", EXAMPLE)).isEqualTo(2);
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
        _format_version: "3.0"
        services:
        - name: s
          host: h
          routes:
          - name: broken
            expression: http.path == 1
        """);
    assertThat(run("route", "--config", bad.toString(), "--url", "http://x/")).isEqualTo(2);
    assertThat(err.toString()).contains("route broken");
    Path good = Files.writeString(dir.resolve("kong.yaml"), DECK);
    Path reqs = Files.writeString(dir.resolve("r.jsonl"), "{\"method\": \"GET\"}\n");
    assertThat(run("route", "--config", good.toString(), "--requests", reqs.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--requests line 1");
  }

  /** Field names of a JSON object, in order. */
  private static final class ImmutableFields {
    private ImmutableFields() {}

    static List<String> of(JsonNode n) {
      return com.google.common.collect.ImmutableList.copyOf(n.fieldNames());
    }
  }
}
