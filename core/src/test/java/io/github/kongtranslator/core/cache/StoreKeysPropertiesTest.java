package io.github.kongtranslator.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/** The fast store-key comparison agrees with code point order (and UTF-8 byte order). */
class StoreKeysPropertiesTest {
  /** Units that matter: ASCII, '/', BMP above the surrogates, high and low surrogates. */
  private static final char[] UNITS = {
    'a', 'b', '/', '-', '\u00e9', '\uff61', '\uffff', '\ud83d', '\ude00', '\ud800', '\udfff',
    '\ue000'
  };

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 1000));
  }

  private static Gen<String> keys() {
    return lists()
        .of(integers().between(0, UNITS.length - 1))
        .ofSizeBetween(0, 6)
        .map(
            l -> {
              StringBuilder sb = new StringBuilder();
              l.forEach(i -> sb.append(UNITS[i]));
              return sb.toString();
            });
  }

  @Test
  void property_fastCompareHasTheSignOfCodePointCompare() {
    qt().forAll(keys(), keys())
        .checkAssert(
            (a, b) ->
                assertThat(Integer.signum(StoreKeys.compare(a, b)))
                    .isEqualTo(Integer.signum(StoreKeys.compareCodePoints(a, b))));
  }

  @Test
  void wellFormedKeys_orderAsUtf8Bytes() {
    List<String> keys =
        List.of("ns/a", "ns/\uff61", "ns/\ud83d\ude00", "ns/\ue000", "ns-2/a", "ns/");
    for (String a : keys) {
      for (String b : keys) {
        assertThat(Integer.signum(StoreKeys.compare(a, b)))
            .isEqualTo(
                Integer.signum(
                    Arrays.compareUnsigned(
                        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))));
      }
    }
  }
}
