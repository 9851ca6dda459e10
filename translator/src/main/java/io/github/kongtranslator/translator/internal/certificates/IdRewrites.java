package io.github.kongtranslator.translator.internal.certificates;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Secret uid → certificate id, as a map whose {@link #replaceValue} ("every key mapped to {@code
 * old} now maps to {@code replacement}", i.e. {@code map.replaceAll((k, v) -> v.equals(old) ?
 * replacement : v)}) costs O(α(n)) instead of a scan of the whole map: keys point to union-find
 * nodes, and the root of a node's set holds the current value. Not API.
 */
public final class IdRewrites {
  private static final class Node {
    Node parent = this;
    String value;

    Node(String value) {
      this.value = value;
    }
  }

  private final Map<String, Node> keys = new HashMap<>();

  /** Current value → the root holding it; distinct roots hold distinct values. */
  private final Map<String, Node> byValue = new HashMap<>();

  private static Node find(Node n) {
    Node x = n;
    while (x.parent != x) {
      x.parent = x.parent.parent;
      x = x.parent;
    }
    return x;
  }

  /** {@code Map.put}. */
  void put(String key, String value) {
    keys.put(key, byValue.computeIfAbsent(value, Node::new));
  }

  /** {@code Map.putIfAbsent}. */
  void putIfAbsent(String key, String value) {
    if (!keys.containsKey(key)) {
      put(key, value);
    }
  }

  /** {@code Map.containsKey}. */
  boolean containsKey(String key) {
    return keys.containsKey(key);
  }

  /** {@code Map.get}. */
  public @Nullable String get(String key) {
    Node n = keys.get(key);
    return n == null ? null : find(n).value;
  }

  /** Every key whose value equals {@code old} now maps to {@code replacement}. */
  void replaceValue(String old, String replacement) {
    if (old.equals(replacement)) {
      return;
    }
    Node from = byValue.remove(old);
    if (from == null) {
      return;
    }
    Node to = byValue.get(replacement);
    if (to == null) {
      from.value = replacement;
      byValue.put(replacement, from);
    } else {
      from.parent = to;
    }
  }
}
