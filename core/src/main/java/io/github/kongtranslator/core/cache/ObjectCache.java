package io.github.kongtranslator.core.cache;

import com.google.common.collect.ImmutableSortedMap;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The mutable, thread-safe cache a controller feeds from its informers.
 *
 * <p>{@link #upsert(K8sObject)} and {@link #delete(K8sObject)} are linearisable; {@link
 * #snapshot()} returns an immutable {@link CacheStores} reflecting exactly the writes that
 * completed before it, for every kind at once, and never a half-applied write. Snapshots share the
 * (immutable) objects and the per-object digests with the cache: taking one copies only the index
 * of the kinds changed since the previous snapshot, and costs nothing when nothing changed.
 * Per-object content digests are computed in {@code upsert}, outside the lock.
 */
public final class ObjectCache {
  private final Object lock = new Object();
  private final EnumMap<Kind, TreeMap<String, Entry>> live = new EnumMap<>(Kind.class);

  /** The live store of a kind; the constructor creates one for every kind. */
  private SortedMap<String, Entry> live(Kind kind) {
    return Objects.requireNonNull(live.get(kind), kind::kindName);
  }

  private final EnumSet<Kind> dirty = EnumSet.noneOf(Kind.class);
  private volatile CacheStores current = CacheStores.empty();

  /** An empty cache. */
  public ObjectCache() {
    for (Kind k : Kind.values()) {
      live.put(k, new TreeMap<>(StoreKeys.ORDER));
    }
  }

  /**
   * Adds or replaces the object stored under its kind and key.
   *
   * @param object the object
   * @throws CacheException when the object has no name
   */
  public void upsert(K8sObject object) {
    Entry e = Entry.of(object);
    synchronized (lock) {
      live(object.kind()).put(object.key(), e);
      dirty.add(object.kind());
    }
  }

  /**
   * Removes whatever is stored under the object's kind and key (uid not compared); no-op when
   * absent.
   *
   * @param object the object (only kind, namespace and name are read)
   */
  public void delete(K8sObject object) {
    synchronized (lock) {
      if (live(object.kind()).remove(object.key()) != null) {
        dirty.add(object.kind());
      }
    }
  }

  /**
   * Removes whatever is stored under the ref's kind, namespace and name: what an informer's delete
   * tombstone (a key without the object) gives. The version and uid of the ref are not compared,
   * and the namespace of a cluster-scoped kind is ignored, as in {@link Kind#key(String, String)}.
   *
   * @param ref the deleted object's identity (group and kind select the store)
   * @return whether an object was removed; {@code false} when none was stored under the key or the
   *     ref names a kind this library does not read
   */
  public boolean delete(ObjectRef ref) {
    Optional<Kind> kind = ref.knownKind();
    if (kind.isEmpty()) {
      return false;
    }
    String key = kind.get().key(ref.namespace(), ref.name());
    synchronized (lock) {
      if (live(kind.get()).remove(key) != null) {
        dirty.add(kind.get());
        return true;
      }
      return false;
    }
  }

  /**
   * The object stored under the ref's kind, namespace and name (version and uid not compared).
   *
   * @param ref the identity
   * @return the live object, or empty when none is stored or the kind is not read
   */
  public Optional<K8sObject> get(ObjectRef ref) {
    Optional<Kind> kind = ref.knownKind();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    String key = kind.get().key(ref.namespace(), ref.name());
    synchronized (lock) {
      Entry e = live(kind.get()).get(key);
      return e == null ? Optional.empty() : Optional.of(e.object);
    }
  }

  /**
   * An immutable snapshot of the cache. Later writes never show through it.
   *
   * @return the snapshot
   */
  public CacheStores snapshot() {
    synchronized (lock) {
      if (dirty.isEmpty()) {
        return current;
      }
      EnumMap<Kind, ImmutableSortedMap<String, Entry>> m = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        m.put(k, dirty.contains(k) ? ImmutableSortedMap.copyOfSorted(live(k)) : current.storeOf(k));
      }
      dirty.clear();
      current = new CacheStores(m, current);
      return current;
    }
  }

  /** {@return number of cached objects} */
  public int size() {
    synchronized (lock) {
      return live.values().stream().mapToInt(TreeMap::size).sum();
    }
  }
}
