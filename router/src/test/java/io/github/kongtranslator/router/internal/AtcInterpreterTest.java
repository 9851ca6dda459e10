package io.github.kongtranslator.router.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.kongmodel.atc.AtcParser;
import io.github.kongtranslator.kongmodel.atc.AtcSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation of parsed ATC expressions as atc-router 1.6.2 {@code src/interpreter.rs} does. */
class AtcInterpreterTest {
  private static boolean eval(String expr, Map<String, List<Object>> values) {
    return AtcInterpreter.eval(
        AtcParser.parse(expr, AtcSchema.HTTP), values::get, new AtcInterpreter.MatchState());
  }

  // interpreter.rs: absent field never matches, not even !=; all values must match by default,
  // one is enough under any(); lower() lower-cases the value
  @Test
  void interpreter_allAnyAbsent() {
    Map<String, List<Object>> none = Map.of();
    assertThat(eval("http.headers.x != \"a\"", none)).isFalse();
    Map<String, List<Object>> two = Map.of("http.headers.x", List.of("foo", "bar"));
    assertThat(eval("http.headers.x ^= \"f\"", two)).isFalse();
    assertThat(eval("any(http.headers.x) ^= \"b\"", two)).isTrue();
    assertThat(eval("http.headers.x contains \"o\" || http.headers.x contains \"a\"", two))
        .isFalse();
    assertThat(eval("lower(http.host) == \"abc\"", Map.of("http.host", List.of("AbC")))).isTrue();
    assertThat(
            eval("net.dst.port >= 80 && net.dst.port < 81", Map.of("net.dst.port", List.of(80L))))
        .isTrue();
  }

  // interpreter.rs: a regex match records the whole match and the captures, by index and name
  @Test
  void regex_recordsMatchAndCaptures() {
    AtcInterpreter.MatchState st = new AtcInterpreter.MatchState();
    assertThat(
            AtcInterpreter.eval(
                AtcParser.parse("http.path ~ r#\"^/u/(?P<user_id>\\d+)\"#", AtcSchema.HTTP),
                Map.of("http.path", List.<Object>of("/u/42/x"))::get,
                st))
        .isTrue();
    assertThat(st.matches).containsEntry("http.path", "/u/42");
    assertThat(st.captures)
        .containsEntry("0", "/u/42")
        .containsEntry("1", "42")
        .containsEntry("user_id", "42");
  }
}
