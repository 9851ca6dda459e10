package io.github.kongtranslator.translator.internal.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AtcTest {

  @Test
  void and_dropsEmptyOperands_andParenthesizesOnlyWhenSeveral() {
    assertThat(Atc.and(List.of("", "a == 1", ""))).isEqualTo("a == 1");
    assertThat(Atc.and(List.of("a", "b"))).isEqualTo("(a) && (b)");
    assertThat(Atc.or(List.of())).isEmpty();
  }

  @Test
  void stringLiterals_areEscaped() {
    assertThat(Atc.str("a\"b\\c\nd\te")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\"");
  }

  @Test
  void hosts_useSuffixMatchForWildcards_andSkipInvalidOnes() {
    assertThat(Atc.hosts(List.of("*.x.example", "a.example", "bad host")))
        .isEqualTo("(http.host =^ \".x.example\") || (http.host == \"a.example\")");
  }

  @Test
  void snis_skipWildcards() {
    assertThat(Atc.snis(List.of("*.a", "b.example"))).isEqualTo("tls.sni == \"b.example\"");
  }
}
