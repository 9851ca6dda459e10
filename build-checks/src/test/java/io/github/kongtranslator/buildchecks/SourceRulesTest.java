package io.github.kongtranslator.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.buildchecks.SourceRules.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules fire on violating snippets and stay quiet on the allowed forms. */
class SourceRulesTest {

  private static final String COLOR = "package p; public enum Color { RED, GREEN, BLUE }";

  private static List<String> rules(String code) {
    return SourceRules.check(Map.of("p/Color.java", COLOR, "p/Code.java", code)).stream()
        .map(Violation::rule)
        .toList();
  }

  @Test
  void defaultInASwitchStatementOverOurEnumIsReported() {
    List<Violation> found =
        SourceRules.check(
            Map.of(
                "p/Color.java",
                COLOR,
                "p/Code.java",
                """
                package p;
                class Code {
                  int f(Color c) {
                    switch (c) {
                      case RED:
                        return 1;
                      default:
                        return 2;
                    }
                  }
                }
                """));
    assertThat(found)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("default-in-enum-switch");
              assertThat(v.file()).isEqualTo("p/Code.java");
              assertThat(v.line()).isEqualTo(4);
            });
  }

  @Test
  void defaultInASwitchExpressionOverOurEnumIsReported() {
    assertThat(
            rules(
                """
                package p;
                class Code {
                  int f(Color c) {
                    return switch (c) {
                      case RED, GREEN -> 1;
                      default -> 2;
                    };
                  }
                }
                """))
        .containsExactly("default-in-enum-switch");
  }

  @Test
  void exhaustiveEnumSwitchAndDefaultOverOtherSelectorsAreAllowed() {
    assertThat(
            rules(
                """
                package p;
                class Code {
                  int f(Color c, String s, int i) {
                    int a = switch (c) {
                      case RED -> 1;
                      case GREEN, BLUE -> 2;
                    };
                    switch (s) {
                      case "RED": a++; break;
                      default: a--;
                    }
                    switch (i) {
                      case 1 -> a++;
                      default -> a--;
                    }
                    return a;
                  }
                }
                """))
        .isEmpty();
  }

  @Test
  void optionalParametersAreReportedOptionalReturnsAreNot() {
    assertThat(
            rules(
                """
                package p;
                import java.util.Optional;
                class Code {
                  Code(Optional<String> a) {}
                  void f(java.util.Optional<Integer> b, String c) {}
                  Optional<String> g(String d) { return Optional.of(d); }
                }
                """))
        .containsExactly("optional-parameter", "optional-parameter");
  }

  @Test
  void optionalRecordComponentsAreReported() {
    assertThat(
            rules(
                """
                package p;
                import java.util.Optional;
                record R(String name, Optional<String> alias) {
                  static final Optional<String> NONE = Optional.empty();
                  Optional<String> first() { return alias; }
                }
                """))
        .containsExactly("optional-record-component");
  }
}
