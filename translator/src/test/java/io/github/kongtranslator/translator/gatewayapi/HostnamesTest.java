package io.github.kongtranslator.translator.gatewayapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases of KIC's internal/util/hostname_test.go (TestHostnamesMatch). */
class HostnamesTest {
  @ParameterizedTest
  @CsvSource({
    "foo.bar.com, foo.bar.com, true",
    "*.bar.com, foo.bar.com, true",
    "*.bar.com, foo.baz.bar.com, true",
    "*.bar.com, bar.com, false",
    "foo.bar.com, *.bar.com, false",
    "*.com, foo.bar.com, true",
    "foo.bar.com, foo.baz.com, false",
    "*.foo.com, *.foo.com, true",
  })
  void matches(String a, String b, boolean expected) {
    assertThat(Hostnames.matches(a, b)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "foo.bar.com, *.bar.com, true",
    "*.bar.com, foo.bar.com, true",
    "a.com, b.com, false"
  })
  void intersect(String a, String b, boolean expected) {
    assertThat(Hostnames.intersect(a, b)).isEqualTo(expected);
  }
}
