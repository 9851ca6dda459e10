package io.github.kongtranslator.core.manifest.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Go (RE2) regular expressions as kube-openapi matches them: regexp.MatchString, unanchored. */
class GoRegexTest {
  private static boolean matches(String goPattern, String s) {
    Pattern p = GoRegex.compile(goPattern);
    return p.matcher(s).find();
  }

  @Test
  void unanchoredUnlessThePatternAnchors() {
    assertThat(matches("[0-9]+", "abc123def")).isTrue();
    assertThat(matches("^[0-9]+$", "abc123def")).isFalse();
    assertThat(matches("^/.*$", "/health")).isTrue();
    assertThat(matches("^/.*$", "health")).isFalse();
  }

  // Go: $ without (?m) matches only at the end of the text; Java's also before a final \n.
  @Test
  void dollarIsEndOfText() {
    assertThat(matches("^[a-z]+$", "abc\n")).isFalse();
    assertThat(matches("(?m)^[a-z]+$", "abc\ndef")).isTrue();
  }

  // Go: . does not match \n but matches \r and U+2028 (Java's default excludes them too).
  @Test
  void dotExcludesOnlyNewline() {
    assertThat(matches("^a.b$", "a\rb")).isTrue();
    assertThat(matches("^a.b$", "a\u2028b")).isTrue();
    assertThat(matches("^a.b$", "a\nb")).isFalse();
  }

  // Go: [ and && are literal inside a class; ] first in a class is literal; POSIX classes.
  @Test
  void characterClasses() {
    assertThat(matches("^[a[]+$", "a[a")).isTrue();
    assertThat(matches("^[a&&b]+$", "a&b")).isTrue();
    assertThat(matches("^[]a]+$", "]a")).isTrue();
    assertThat(matches("^[[:alpha:]]+$", "abcXYZ")).isTrue();
    assertThat(matches("^[[:alpha:]]+$", "abc1")).isFalse();
  }

  @Test
  void caseFoldingAndNamedGroups() {
    assertThat(matches("(?i)^straße$", "STRAßE")).isTrue();
    assertThat(matches("^(?P<x>a+)$", "aaa")).isTrue();
    assertThat(matches("^a{$", "a{")).isTrue();
    assertThat(matches("^a{,2}$", "a{,2}")).isTrue();
    assertThat(matches("^a{2}$", "aa")).isTrue();
  }

  // gateway.networking.k8s.io_httproutes.yaml path value rule regex (CEL matches)
  @Test
  void gatewayPathCharacters() {
    String re = "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$";
    assertThat(matches(re, "/a/b~c%2A")).isTrue();
    assertThat(matches(re, "/a b")).isFalse();
    assertThat(matches(re, "/a%zz")).isFalse();
  }
}
