package io.github.kongtranslator.core.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Normalisation helpers used by compact constructors of model records. Not API. */
public final class Values {
  private Values() {}

  /** Returns an immutable copy of the list, empty when {@code null}. Null elements are rejected. */
  public static <T> ImmutableList<T> list(@Nullable List<T> list) {
    return list == null ? ImmutableList.of() : ImmutableList.copyOf(list);
  }

  /** Returns an immutable, insertion-ordered copy of the map, empty when {@code null}. */
  public static <K, V> ImmutableMap<K, V> map(@Nullable Map<K, V> map) {
    return map == null ? ImmutableMap.of() : ImmutableMap.copyOf(map);
  }

  /** Returns the string, or the empty string when {@code null}. */
  public static String str(@Nullable String s) {
    return s == null ? "" : s;
  }
}
