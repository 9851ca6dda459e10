package io.github.kongtranslator.router.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kongtranslator.kongmodel.config.Route;
import org.junit.jupiter.api.Test;

/**
 * Expressions and priorities of traditional routes: the expected expressions are those of Kong
 * 3.9.1's {@code spec/01-unit/08-router_spec.lua} ("check empty route fields", "raw string", "check
 * regex with '\\'", "generate http expression", stream "check empty route fields"); the priorities
 * follow the bit layout documented in {@code kong/router/transform.lua}.
 */
class TransformTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Route route(String json) throws Exception {
    Route.Builder b = Route.builder();
    JSON.readTree(json).properties().forEach(e -> b.set(e.getKey(), e.getValue()));
    return b.build();
  }

  private static String expr(String json) throws Exception {
    Route r = route(json);
    return Transform.expression(r, r.paths());
  }

  @Test
  void expressions_asKongsSpec() throws Exception {
    assertThat(expr("{\"paths\":[\"/foo\"]}")).isEqualTo("(http.path ^= r#\"/foo\"#)");
    assertThat(expr("{\"methods\":[\"GET\"],\"paths\":[\"/foo\"],\"hosts\":[]}"))
        .isEqualTo("(http.method == r#\"GET\"#) && (http.path ^= r#\"/foo\"#)");
    assertThat(expr("{\"methods\":[\"GET\"]}")).isEqualTo("(http.method == r#\"GET\"#)");
    assertThat(expr("{\"methods\":[\"GET\"],\"paths\":[\"~/\\\\\\\"/*$\"]}"))
        .isEqualTo("(http.method == r#\"GET\"#) && (http.path ~ r#\"^/\\\"/*$\"#)");
    assertThat(expr("{\"methods\":[\"GET\"],\"paths\":[\"~/\\\\\\\"#/*$\"]}"))
        .isEqualTo("(http.method == r#\"GET\"#) && (http.path ~ \"^/\\\\\\\"#/*$\")");
    assertThat(expr("{\"methods\":[\"GET\"],\"paths\":[\"~/\\\\d+\"]}"))
        .isEqualTo("(http.method == r#\"GET\"#) && (http.path ~ r#\"^/\\d+\"#)");
    assertThat(expr("{\"methods\":[\"GET\"],\"headers\":{\"test\":[\"~*Quote\"]}}"))
        .isEqualTo("(http.method == r#\"GET\"#) && (any(lower(http.headers.test)) ~ r#\"quote\"#)");
    assertThat(expr("{\"hosts\":[\"www.example.com:8000\"]}"))
        .isEqualTo("((http.host == r#\"www.example.com\"# && net.dst.port == 8000))");
  }

  @Test
  void streamExpressions_asKongsSpec() throws Exception {
    assertThat(expr("{\"protocols\":[\"tls\"],\"sources\":[{\"ip\":\"127.168.0.1/8\"}]}"))
        .isEqualTo("(net.src.ip in 127.0.0.0/8)");
    assertThat(
            expr(
                "{\"protocols\":[\"tls\"],\"sources\":[{\"ip\":\"127.0.0.1\"}],"
                    + "\"destinations\":[{\"ip\":\"192.168.0.1/16\"}]}"))
        .isEqualTo("(net.src.ip == 127.0.0.1) && (net.dst.ip in 192.168.0.0/16)");
    assertThat(
            expr(
                "{\"protocols\":[\"tls\"],\"snis\":[\"www.example.org\"],"
                    + "\"destinations\":[{\"ip\":\"192.168.0.1/16\"}]}"))
        .isEqualTo(
            "(net.protocol != r#\"tls\"# || (tls.sni == r#\"www.example.org\"#))"
                + " && (net.dst.ip in 192.168.0.0/16)");
  }

  // expressions.lua: protocols appended unless the only protocol is https/tls/tls_passthrough
  @Test
  void expressionsFlavour_addsProtocols() throws Exception {
    Route grpc = route("{\"protocols\":[\"grpc\",\"grpcs\"],\"expression\":\"net.port == 80\"}");
    assertThat(Transform.expressionsFlavour(grpc, Transform.expression(grpc, grpc.paths())))
        .isEqualTo(
            "net.dst.port == 80 && (net.protocol == r#\"http\"# || net.protocol == r#\"https\"#)");
    Route https = route("{\"protocols\":[\"https\"],\"expression\":\"http.path == \\\"/\\\"\"}");
    assertThat(Transform.expressionsFlavour(https, "http.path == \"/\""))
        .isEqualTo("http.path == \"/\"");
  }

  @Test
  void priority_bitLayout() throws Exception {
    Route r =
        route(
            "{\"hosts\":[\"a.com\"],\"methods\":[\"GET\"],\"paths\":[\"/abc\"],"
                + "\"headers\":{\"x\":[\"1\"],\"y\":[\"2\"]}}");
    long p = Transform.priority(r, r.paths());
    assertThat(p >>> 61).isEqualTo(4); // methods, hosts, headers, paths
    assertThat((p >>> 60) & 1).isEqualTo(1); // plain host
    assertThat((p >>> 52) & 0xFF).isEqualTo(2); // two headers
    assertThat((p >>> 51) & 1).isZero(); // no regex
    assertThat(p & 0x7FFFF).isEqualTo(4); // "/abc"
    Route re = route("{\"paths\":[\"~/x\"],\"regex_priority\":7,\"hosts\":[\"*.a.com\"]}");
    long q = Transform.priority(re, re.paths());
    assertThat((q >>> 51) & 1).isEqualTo(1);
    assertThat((q >>> 19) & 0xFFFF).isEqualTo(7);
    assertThat((q >>> 60) & 1).isZero(); // wildcard host
    Route ex = route("{\"expression\":\"http.path == \\\"/\\\"\",\"priority\":12}");
    assertThat(Transform.priority(ex, ex.paths())).isEqualTo((0xFFL << 56) | 12);
  }

  @Test
  void pathGroups_splitByRegexAndLength() throws Exception {
    Route r =
        route("{\"paths\":[\"~/regex.*$\",\"/long-path\",\"/one\",\"/two\",\"/three\",\"~/.*\"]}");
    assertThat(Transform.pathGroups(r))
        .containsExactly(
            java.util.List.of("~/regex.*$", "~/.*"), java.util.List.of("/long-path"),
            java.util.List.of("/one", "/two"), java.util.List.of("/three"));
  }
}
