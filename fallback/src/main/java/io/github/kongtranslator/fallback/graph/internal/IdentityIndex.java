package io.github.kongtranslator.fallback.graph.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fixed-capacity map from object identity to a non-negative {@code int}, by open addressing over
 * two arrays: no entry objects, no boxed values, and a lookup reads the key's identity hash code,
 * not its contents (so looking up a snapshot object does not load its strings). Not thread-safe
 * while it is filled; safe to read from several threads once it is published.
 */
public final class IdentityIndex {
  private final @Nullable Object[] keys;
  private final int[] values;
  private final int mask;
  private final int shift;
  private int size;
  private final int capacity;

  /**
   * An empty index for at most {@code capacity} keys.
   *
   * @param capacity the most keys it will hold
   */
  public IdentityIndex(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity < 0: " + capacity);
    }
    int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1; // load <= 1/2
    this.keys = new Object[slots];
    this.values = new int[slots];
    this.mask = slots - 1;
    this.shift = Integer.numberOfLeadingZeros(slots) + 1;
    this.capacity = capacity;
  }

  private int slot(Object key) {
    // Fibonacci hashing: the top bits of the product depend on every bit of the hash code
    return (System.identityHashCode(key) * 0x9E3779B9) >>> shift;
  }

  /**
   * Maps {@code key} to {@code value}, replacing an earlier value of the same key.
   *
   * @param key the key, compared by identity
   * @param value a value {@code >= 0}
   * @throws IllegalStateException when a new key would exceed the capacity
   */
  public void put(Object key, int value) {
    Objects.requireNonNull(key, "key");
    if (value < 0) {
      throw new IllegalArgumentException("value < 0: " + value);
    }
    int i = slot(key);
    while (keys[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    if (size == capacity) {
      throw new IllegalStateException("IdentityIndex is full: " + capacity + " keys");
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /**
   * The value of a key.
   *
   * @param key any object, compared by identity
   * @return its value, or -1 when it has none
   */
  public int get(@Nullable Object key) {
    if (key == null) {
      return -1;
    }
    int i = slot(key);
    Object k;
    while ((k = keys[i]) != null) {
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Number of keys. */
  public int size() {
    return size;
  }
}
