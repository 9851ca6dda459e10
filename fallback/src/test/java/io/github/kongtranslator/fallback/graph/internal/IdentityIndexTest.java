package io.github.kongtranslator.fallback.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/** {@link IdentityIndex} behaves like an {@link IdentityHashMap} of non-negative ints. */
class IdentityIndexTest {

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 300));
  }

  @Test
  void property_likeAnIdentityHashMap() {
    // a pool of 40 keys in pairs that are equal but not identical; each op puts (even) or gets
    qt().forAll(lists().of(integers().between(0, 40 * 2 * 50 - 1)).ofSizeBetween(0, 200))
        .checkAssert(
            ops -> {
              List<String> pool = new ArrayList<>();
              for (int i = 0; i < 40; i++) {
                pool.add(new String("key" + i / 2)); // keys 2k and 2k+1 are equal strings
              }
              IdentityIndex index = new IdentityIndex(pool.size());
              Map<Object, Integer> model = new IdentityHashMap<>();
              for (int op : ops) {
                String key = pool.get(op % 40);
                int value = op / 80;
                if (op / 40 % 2 == 0) {
                  index.put(key, value);
                  model.put(key, value);
                }
                assertThat(index.get(key)).isEqualTo(model.getOrDefault(key, -1));
                assertThat(index.size()).isEqualTo(model.size());
              }
              for (String key : pool) {
                assertThat(index.get(key)).isEqualTo(model.getOrDefault(key, -1));
              }
            });
  }

  @Test
  void get_ofNullOrAnEqualButDistinctObject_isAbsent() {
    IdentityIndex index = new IdentityIndex(2);
    String a = new String("a");
    index.put(a, 7);

    assertThat(index.get(a)).isEqualTo(7);
    assertThat(index.get(new String("a"))).isEqualTo(-1);
    assertThat(index.get(null)).isEqualTo(-1);
  }

  @Test
  void put_beyondCapacity_orANegativeValue_isRejected() {
    IdentityIndex index = new IdentityIndex(1);
    Object first = new Object();
    index.put(first, 0);
    index.put(first, 1); // replacing is not growing

    assertThatThrownBy(() -> index.put(new Object(), 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("full: 1 keys");
    assertThatThrownBy(() -> index.put(first, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(index.get(first)).isEqualTo(1);
  }

  @Test
  void manyKeys_allFound() {
    List<Object> keys = new ArrayList<>();
    IdentityIndex index = new IdentityIndex(100_000);
    for (int i = 0; i < 100_000; i++) {
      Object k = new Object();
      keys.add(k);
      index.put(k, i);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertThat(index.get(keys.get(i))).isEqualTo(i);
    }
    assertThat(index.size()).isEqualTo(100_000);
  }
}
