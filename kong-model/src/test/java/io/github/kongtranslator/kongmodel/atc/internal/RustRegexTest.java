package io.github.kongtranslator.kongmodel.atc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.kongmodel.atc.AtcException;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Rust {@code regex} crate semantics (what atc-router compiles {@code ~} with) where Java's differ;
 * see the class doc of {@link RustRegex}. Expected values follow the regex crate's documented
 * syntax (docs.rs/regex, "Syntax"), not Java's.
 */
class RustRegexTest {
  private static boolean find(String rust, String input) {
    return RustRegex.compile(rust).pattern().matcher(input).find();
  }

  @Test
  void dollar_isEndOfTextWithoutMultiline() {
    assertThat(find("^/a$", "/a\n")).isFalse(); // Java's $ would match before the final \n
    assertThat(find("^/a$", "/a")).isTrue();
    assertThat(find("(?m)^/a$", "/a\nb")).isTrue();
  }

  @Test
  void perlClasses_areUnicode() {
    assertThat(find("^\\d+$", "١٢٣")).isTrue(); // Arabic-Indic digits are \d in Rust
    assertThat(find("^\\w+$", "héllo")).isTrue();
    assertThat(find("(?i)^straße$", "STRASSE")).isFalse(); // simple case folding only
    assertThat(find("(?i)^é$", "É")).isTrue();
  }

  @Test
  void dot_stopsOnlyAtNewline() {
    assertThat(find("^a.b$", "a\rb")).isTrue(); // Java's . excludes \r by default
    assertThat(find("^a.b$", "a\nb")).isFalse();
    assertThat(find("(?s)^a.b$", "a\nb")).isTrue();
  }

  @Test
  void namedGroups_pythonAndAngleForms_withUnderscores() {
    RustRegex.Compiled c = RustRegex.compile("^/(?P<user_id>\\d+)/(?<item.x>\\w+)");
    Matcher m = c.pattern().matcher("/12/ab");
    assertThat(m.find()).isTrue();
    assertThat(c.groupNames()).containsExactly("user_id", "item.x");
    assertThat(m.group("kg0")).isEqualTo("12");
    assertThat(m.group("kg1")).isEqualTo("ab");
  }

  @Test
  void asciiClasses_andLiteralBracket() {
    assertThat(find("^[[:digit:]]+$", "123")).isTrue();
    assertThat(find("^[[:^alpha:]]+$", "12")).isTrue();
    assertThat(find("^[]a]+$", "]a]")).isTrue();
    assertThat(find("^\\v$", "\u000B")).isTrue();
    assertThat(find("^\\v$", "\n")).isFalse(); // Java's \v is a class of vertical whitespace
  }

  @Test
  void rejected_likeRust() {
    for (String bad :
        new String[] {
          "(?=a)",
          "(?!a)",
          "(?<=a)b",
          "(?<!a)b",
          "(a)\\1",
          "(?>a)",
          "a*+",
          "a++",
          "\\Z",
          "\\Qa\\E",
          "\\h",
          "(?#c)",
          "(?P<1a>x)",
          "(a",
          "[a",
          "\\"
        }) {
      assertThatThrownBy(() -> RustRegex.compile(bad)).as(bad).isInstanceOf(AtcException.class);
    }
  }
}
