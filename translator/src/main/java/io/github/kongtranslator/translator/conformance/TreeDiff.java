package io.github.kongtranslator.translator.conformance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Compares two YAML/JSON trees (maps, lists, scalars as parsed by SnakeYAML or Jackson) the way the
 * corpus requires: mapping key order is irrelevant, sequence order and scalar types and values
 * matter, and a missing key differs from an empty value. Integral numbers compare by value whatever
 * their Java type; floating-point numbers only equal floating-point numbers.
 */
public final class TreeDiff {
  private TreeDiff() {}

  /**
   * The first difference between two trees, in depth-first order (mapping keys sorted).
   *
   * @param expected the expected tree
   * @param actual the actual tree
   * @return a description like {@code services[2].routes[0].paths[1]: expected "/a", found "/b"},
   *     or empty when the trees are equal
   */
  public static Optional<String> firstDifference(
      @Nullable Object expected, @Nullable Object actual) {
    return diff("", expected, actual);
  }

  private static Optional<String> diff(String path, @Nullable Object e, @Nullable Object a) {
    String at = path.isEmpty() ? "<root>" : path;
    if (e instanceof Map<?, ?> em) {
      if (!(a instanceof Map<?, ?> am)) {
        return Optional.of(at + ": expected a mapping, found " + describe(a));
      }
      TreeSet<String> keys = new TreeSet<>();
      em.keySet().forEach(k -> keys.add(String.valueOf(k)));
      am.keySet().forEach(k -> keys.add(String.valueOf(k)));
      for (String k : keys) {
        String p = path.isEmpty() ? k : path + "." + k;
        boolean inE = containsKey(em, k);
        boolean inA = containsKey(am, k);
        if (!inE) {
          return Optional.of(p + ": unexpected key, found " + describe(get(am, k)));
        }
        if (!inA) {
          return Optional.of(p + ": missing key, expected " + describe(get(em, k)));
        }
        Optional<String> d = diff(p, get(em, k), get(am, k));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (e instanceof List<?> el) {
      if (!(a instanceof List<?> al)) {
        return Optional.of(at + ": expected a sequence, found " + describe(a));
      }
      for (int i = 0; i < Math.min(el.size(), al.size()); i++) {
        Optional<String> d = diff(path + "[" + i + "]", el.get(i), al.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      if (el.size() != al.size()) {
        return Optional.of(at + ": expected " + el.size() + " items, found " + al.size());
      }
      return Optional.empty();
    }
    if (scalarEquals(e, a)) {
      return Optional.empty();
    }
    return Optional.of(at + ": expected " + describe(e) + ", found " + describe(a));
  }

  private static boolean containsKey(Map<?, ?> m, String k) {
    return m.keySet().stream().anyMatch(x -> String.valueOf(x).equals(k));
  }

  private static @Nullable Object get(Map<?, ?> m, String k) {
    for (Map.Entry<?, ?> en : m.entrySet()) {
      if (String.valueOf(en.getKey()).equals(k)) {
        return en.getValue();
      }
    }
    return null;
  }

  private static boolean scalarEquals(@Nullable Object e, @Nullable Object a) {
    if (e == null || a == null) {
      return e == a;
    }
    if (isIntegral(e) && isIntegral(a)) {
      return toBig(e).equals(toBig(a));
    }
    if (isFloat(e) && isFloat(a)) {
      return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
    }
    if (e instanceof Map || e instanceof List || a instanceof Map || a instanceof List) {
      return false;
    }
    return e.getClass() == a.getClass() && e.equals(a);
  }

  private static boolean isIntegral(Object o) {
    return o instanceof Integer
        || o instanceof Long
        || o instanceof BigInteger
        || o instanceof Short
        || o instanceof Byte;
  }

  private static boolean isFloat(Object o) {
    return o instanceof Double || o instanceof Float || o instanceof BigDecimal;
  }

  private static BigInteger toBig(Object o) {
    return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
  }

  private static String describe(@Nullable Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof Map) {
      return "a mapping";
    }
    if (o instanceof List<?> l) {
      return "a sequence of " + l.size();
    }
    if (o instanceof String s) {
      if (s.contains("-----BEGIN")) {
        return "<PEM text, " + s.length() + " chars> (string)";
      }
      String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
      return "\"" + shown.replace("\n", "\\n") + "\" (string)";
    }
    return o + " (" + o.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
