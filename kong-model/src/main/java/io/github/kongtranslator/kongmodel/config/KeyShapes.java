package io.github.kongtranslator.kongmodel.config;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Field-key arrays shared by the entities of one shape: entities of a kind mostly set the same
 * fields in the same order (every route of a translation, every target, ...), so one array of keys
 * serves them all instead of one copy per entity. Only shapes made of the kind's known fields are
 * shared (the set of them is small and fixed), and at most {@link #MAX_SHAPES} of them, so nothing
 * a document names is kept beyond its entities.
 *
 * <p>A lookup allocates nothing: shapes live in an open-addressing table that is replaced, not
 * modified, when a shape is added (rare), so readers need no lock.
 */
final class KeyShapes {
  /** Most shapes kept; later shapes are copied per entity. */
  static final int MAX_SHAPES = 4096;

  /**
   * The shapes: slot {@code i} of {@code keys} holds a shape's keys or null, of {@code kinds} its
   * kind.
   */
  private static volatile Table table = new Table(new String[64][], new EntityKind[64], 0);

  // a private open-addressing table; the ordinal only seeds the hash of a shape
  @SuppressWarnings({"ArrayRecordComponent", "EnumOrdinal"})
  private record Table(String[] @Nullable [] keys, @Nullable EntityKind[] kinds, int size) {}

  private KeyShapes() {}

  @SuppressWarnings("EnumOrdinal") // seeds a hash within one JVM, never stored
  private static int hash(EntityKind kind, String[] keys, int size) {
    int h = kind.ordinal();
    for (int i = 0; i < size; i++) {
      h = 31 * h + keys[i].hashCode();
    }
    return h ^ (h >>> 16);
  }

  private static String @Nullable [] find(
      Table t, EntityKind kind, String[] keys, int size, int h) {
    int mask = t.keys().length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String[] shape = t.keys()[i];
      if (shape == null) {
        return null;
      }
      if (t.kinds()[i] == kind && Arrays.equals(shape, 0, shape.length, keys, 0, size)) {
        return shape;
      }
    }
  }

  /**
   * The keys {@code keys[0..size)} as an array an entity may keep: a shared one for a known shape,
   * else a copy.
   *
   * @param kind the entity's kind
   * @param keys the builder's keys (not kept)
   * @param size how many are set
   * @return an array of exactly {@code size} keys that nobody modifies
   */
  static String[] of(EntityKind kind, String[] keys, int size) {
    int h = hash(kind, keys, size);
    String[] shared = find(table, kind, keys, size, h);
    if (shared != null) {
      return shared;
    }
    String[] copy = Arrays.copyOf(keys, size);
    for (String k : copy) {
      if (!kind.knownFields().contains(k)) {
        return copy;
      }
    }
    synchronized (KeyShapes.class) {
      Table t = table;
      String[] raced = find(t, kind, keys, size, h);
      if (raced != null) {
        return raced;
      }
      if (t.size() >= MAX_SHAPES) {
        return copy;
      }
      int capacity = t.keys().length;
      if ((t.size() + 1) * 2 > capacity) {
        capacity *= 2;
      }
      String[][] ks = new String[capacity][];
      EntityKind[] kinds = new EntityKind[capacity];
      for (int j = 0; j < t.keys().length; j++) {
        String[] s = t.keys()[j];
        EntityKind k = t.kinds()[j];
        if (s != null && k != null) {
          place(ks, kinds, k, s, hash(k, s, s.length));
        }
      }
      place(ks, kinds, kind, copy, h);
      table = new Table(ks, kinds, t.size() + 1);
      return copy;
    }
  }

  /** Puts a shape into the first free slot from its hash on. */
  private static void place(
      String[] @Nullable [] ks,
      @Nullable EntityKind[] kinds,
      EntityKind kind,
      String[] shape,
      int h) {
    int mask = ks.length - 1;
    int i = h & mask;
    while (ks[i] != null) {
      i = (i + 1) & mask;
    }
    ks[i] = shape;
    kinds[i] = kind;
  }
}
