package io.github.kongtranslator.translator.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrsTest {

  private static final char[] UNITS = {
    'a', 'b', '.', '-', '\u00e9', '\uff61', '\uffff', '\ud83d', '\ude00', '\ud800', '\udfff',
    '\ue000'
  };

  private static org.quicktheories.core.Gen<String> texts() {
    return org.quicktheories.generators.SourceDSL.lists()
        .of(org.quicktheories.generators.SourceDSL.integers().between(0, UNITS.length - 1))
        .ofSizeBetween(0, 6)
        .map(
            l -> {
              StringBuilder sb = new StringBuilder();
              l.forEach(i -> sb.append(UNITS[i]));
              return sb.toString();
            });
  }

  /** The UTF-16 fast path agrees with comparing code point by code point, for any text. */
  @Test
  void property_compareBytesHasTheSignOfCodePointOrder() {
    org.quicktheories.QuickTheory.qt()
        .withExamples(Integer.getInteger("QT_EXAMPLES", 1000))
        .forAll(texts(), texts())
        .checkAssert(
            (a, b) -> {
              int[] x = a.codePoints().toArray();
              int[] y = b.codePoints().toArray();
              assertThat(Integer.signum(Strs.compareBytes(a, b)))
                  .isEqualTo(Integer.signum(java.util.Arrays.compare(x, y)));
            });
  }

  @Test
  void compareBytes_ordersDotAfterHyphen() {
    assertThat(Strs.compareBytes("foo-namespace.foo.x", "foo-namespace.foo-2.x")).isPositive();
  }

  @Test
  void compareBytes_ordersSupplementaryCharactersByCodePoint() {
    // U+FF61 sorts before U+1F600 in UTF-8, although its UTF-16 unit is larger.
    assertThat(Strs.compareBytes("\uFF61", "\uD83D\uDE00")).isNegative();
    assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
  }

  @Test
  void list_trimsAndDropsEmptyItems() {
    assertThat(Strs.list(" a, ,b ,")).containsExactly("a", "b");
  }

  @Test
  void parseBool_followsGo() {
    assertThat(Strs.parseBool("T")).isTrue();
    assertThat(Strs.parseBool("0")).isFalse();
    assertThat(Strs.parseBool("yes")).isNull();
  }

  @Test
  void orElse_replacesOnlyNullAndEmpty() {
    assertThat(Strs.orElse(null, "http")).isEqualTo("http");
    assertThat(Strs.orElse("", "http")).isEqualTo("http");
    assertThat(Strs.orElse(" ", "http")).isEqualTo(" ");
    assertThat(Strs.orElse("https", "http")).isEqualTo("https");
  }

  @Test
  void parseBool_acceptsGoSpellingsOnly() {
    assertThat(Strs.parseBool("T")).isTrue();
    assertThat(Strs.parseBool("False")).isFalse();
    assertThat(Strs.parseBool("yes")).isNull();
    assertThat(Strs.parseBool(null)).isNull();
  }
}
