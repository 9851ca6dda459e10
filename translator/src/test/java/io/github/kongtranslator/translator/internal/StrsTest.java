package io.github.kongtranslator.translator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrsTest {

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
}
