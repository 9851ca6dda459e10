package io.github.kongtranslator.translator.internal.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngressPathsTest {

  @Test
  void normalize_collapsesSlashesAndEmptyBecomesRoot() {
    assertThat(IngressPaths.normalize("//a///b/")).isEqualTo("/a/b/");
    assertThat(IngressPaths.normalize("")).isEqualTo("/");
  }

  @Test
  void prefix_yieldsPrefixAndAnchoredRegex() {
    assertThat(IngressPaths.kongPaths("/api", "Prefix")).containsExactly("/api/", "~/api$");
    assertThat(IngressPaths.kongPaths("/api/", "Prefix")).containsExactly("/api/", "~/api$");
    assertThat(IngressPaths.kongPaths("/", "Prefix")).containsExactly("/");
  }

  @Test
  void exact_yieldsAnchoredRegexWithoutEscaping() {
    assertThat(IngressPaths.kongPaths("/", "Exact")).containsExactly("~/$");
    assertThat(IngressPaths.kongPaths("/a/", "Exact")).containsExactly("~/a/$");
    assertThat(IngressPaths.kongPaths("/a.b", "Exact")).containsExactly("~/a.b$");
  }

  @Test
  void implementationSpecific_isVerbatim() {
    assertThat(IngressPaths.kongPaths("/x", "ImplementationSpecific")).containsExactly("/x");
  }

  @Test
  void regexPrefix_replacesControllerPrefixWithTilde() {
    assertThat(IngressPaths.applyRegexPrefix("/~/items/\\d+", "/~", false))
        .isEqualTo("~/items/\\d+");
    assertThat(IngressPaths.applyRegexPrefix("/items", "/~", false)).isEqualTo("/items");
    assertThat(IngressPaths.applyRegexPrefix("/items", "", false)).isEqualTo("~/items");
  }

  @Test
  void legacyHeuristic_prefixesPathsWithRegexCharacters() {
    assertThat(IngressPaths.applyRegexPrefix("/items/[0-9]+", "/~", true))
        .isEqualTo("~/items/[0-9]+");
    assertThat(IngressPaths.applyRegexPrefix("/items/plain", "/~", true)).isEqualTo("/items/plain");
    assertThat(IngressPaths.applyRegexPrefix("~/already(x)", "/~", true)).isEqualTo("~/already(x)");
  }

  @Test
  void rewriteTemplate_convertsCapturesAndEscapes() {
    assertThat(IngressPart.rewriteTemplate("/v2/$1/x\\$")).isEqualTo("/v2/$(uri_captures[1])/x$");
    assertThat(IngressPart.rewriteTemplate("/a$")).isNull();
    assertThat(IngressPart.rewriteTemplate("/a\\b")).isNull();
    assertThat(IngressPart.rewriteTemplate("/$x")).isNull();
  }
}
