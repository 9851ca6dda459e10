package io.github.kongtranslator.translator.internal.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/** {@link IdRewrites} behaves like a {@code HashMap} with {@code replaceAll} value rewrites. */
class IdRewritesTest {

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 200));
  }

  @Test
  void replaceValue_rewritesEveryKeyMappedToTheOldValue() {
    IdRewrites r = new IdRewrites();
    r.put("a", "a");
    r.put("b", "a");
    r.put("c", "c");
    r.replaceValue("a", "c");
    r.put("d", "d");
    r.replaceValue("c", "d");
    assertThat(List.of(r.get("a"), r.get("b"), r.get("c"), r.get("d")))
        .containsExactly("d", "d", "d", "d");
    assertThat(r.containsKey("e")).isFalse();
    assertThat(r.get("e")).isNull();
  }

  @Test
  void property_matchesMapWithReplaceAll() {
    // each op: kind (0 put, 1 putIfAbsent, 2 replace), key and value drawn from 6 ids
    qt().forAll(lists().of(integers().between(0, 3 * 6 * 6 - 1)).ofSizeBetween(0, 40))
        .checkAssert(
            ops -> {
              IdRewrites r = new IdRewrites();
              Map<String, String> model = new HashMap<>();
              for (int op : ops) {
                String k = "u" + (op / 6 % 6);
                String v = "u" + (op % 6);
                switch (op / 36) {
                  case 0 -> {
                    r.put(k, v);
                    model.put(k, v);
                  }
                  case 1 -> {
                    r.putIfAbsent(k, v);
                    model.putIfAbsent(k, v);
                  }
                  default -> {
                    r.replaceValue(k, v);
                    model.replaceAll((key, val) -> val.equals(k) ? v : val);
                  }
                }
                for (int i = 0; i < 6; i++) {
                  String key = "u" + i;
                  assertThat(r.containsKey(key)).isEqualTo(model.containsKey(key));
                  assertThat(r.get(key)).isEqualTo(model.get(key));
                }
              }
            });
  }
}
