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

class RouteCommandTest {
  private static final String EXAMPLE = "../examples/gateway-api-httproute.yaml";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void route_example_printsTheContractKeys() throws Exception {
    assertThat(run("route", "--url", "http://shop.example.com/store/items?a=1", "--header", "X-Tenant: blue", "--explain", EXAMPLE)).isZero();
    System.err.println(out);
    JsonNode o = json();
    assertThat(o.path("matched").asBoolean()).isTrue();
    assertThat(o.path("router_flavor").asText()).isEqualTo("traditional_compatible");
  }
}
