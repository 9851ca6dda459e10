package io.github.kongtranslator.translator.internal.routes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/** Relative order bits of expression-route priorities (gateway-api-spec §6.2, §6.3). */
public final class Priorities {
  private Priorities() {}

  /**
   * Adds the relative order to each unit's base priority: a base shared by one unit gets {@code
   * max}; units sharing a base get {@code max, max-1, ...} (never below 0) in {@code order}.
   */
  public static <T> void assign(
      List<T> units,
      ToLongFunction<T> base,
      int max,
      Comparator<T> order,
      BiConsumer<T, Long> set) {
    Map<Long, List<T>> byBase = new LinkedHashMap<>();
    for (T u : units) {
      byBase.computeIfAbsent(base.applyAsLong(u), k -> new ArrayList<>()).add(u);
    }
    byBase.forEach(
        (b, list) -> {
          List<T> sorted = new ArrayList<>(list);
          sorted.sort(order);
          for (int i = 0; i < sorted.size(); i++) {
            set.accept(sorted.get(i), b + Math.max(0, max - i));
          }
        });
  }
}
