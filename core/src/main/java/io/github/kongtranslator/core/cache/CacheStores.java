package io.github.kongtranslator.core.cache;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.io.BaseEncoding;
import io.github.kongtranslator.core.json.CanonicalJson;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of cached Kubernetes objects with a store for <em>every</em> {@link Kind},
 * always: a kind without objects has an empty store, never a missing one.
 *
 * <p>There is no public constructor and no way to build a snapshot lacking a store: use {@link
 * #of(Collection)}, {@link #empty()}, {@link #builder()} or {@link ObjectCache#snapshot()}. Within
 * a store, objects are keyed by {@link Kind#key(String, String)} (a later object with the same key
 * replaces an earlier one) and listed in ascending key order (unsigned UTF-8 bytes). {@link #all()}
 * lists the stores in store order.
 *
 * <p>{@link #hash()} is a SHA-256 over every object's content, key, uid and resourceVersion (so
 * objects without uid, e.g. loaded from files, count too); it is independent of insertion order and
 * memoised.
 */
// per-kind arrays indexed by ordinal within one JVM; stores compared by identity to reuse memos
@SuppressWarnings({"EnumOrdinal", "ReferenceEquality"})
public final class CacheStores {
  private static final String DOMAIN = "kong-fallback/snapshot/v1";
  private static final CacheStores EMPTY = new CacheStores(emptyStores());

  private final EnumMap<Kind, ImmutableSortedMap<String, Entry>> stores;
  private final Supplier<String> hash = Suppliers.memoize(() -> computeHash(new byte[0]));
  private final Supplier<ImmutableList<K8sObject>> all = Suppliers.memoize(this::computeAll);

  @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array creation in Java
  private final Supplier<ImmutableList<K8sObject>>[] lists = new Supplier[Kind.values().length];

  /** Hash index by store key per kind, built once a kind has been looked up often enough. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array creation in Java
  private final Supplier<Map<String, K8sObject>>[] byKey = new Supplier[Kind.values().length];

  /** Lookups per kind so far; a heuristic only (racy increments are harmless). */
  private final int[] lookups = new int[Kind.values().length];

  /** Lookups of a kind after which its hash index pays for itself. */
  private static final int INDEX_AFTER_LOOKUPS = 32;

  CacheStores(EnumMap<Kind, ImmutableSortedMap<String, Entry>> stores) {
    this(stores, null);
  }

  /**
   * A snapshot of {@code stores}; a store that is the very store of {@code base} shares {@code
   * base}'s per-kind list and hash index (both pure functions of the immutable store), so a
   * snapshot derived from another rebuilds them only for the kinds that changed.
   */
  CacheStores(EnumMap<Kind, ImmutableSortedMap<String, Entry>> stores, @Nullable CacheStores base) {
    for (Kind k : Kind.values()) {
      if (stores.get(k) == null) {
        throw new AssertionError("store missing for " + k);
      }
    }
    this.stores = stores;
    for (Kind k : Kind.values()) {
      if (base != null && base.stores.get(k) == stores.get(k)) {
        lists[k.ordinal()] = base.lists[k.ordinal()];
        byKey[k.ordinal()] = base.byKey[k.ordinal()];
        lookups[k.ordinal()] = base.lookups[k.ordinal()];
        continue;
      }
      // capture the kind's store only (not the map of all stores): a shared memo must not keep
      // the other stores of the snapshot that built it alive
      ImmutableSortedMap<String, Entry> store = store(k);
      lists[k.ordinal()] =
          Suppliers.memoize(
              () -> ImmutableList.copyOf(store.values().stream().map(e -> e.object).iterator()));
      byKey[k.ordinal()] =
          Suppliers.memoize(
              () -> {
                Map<String, K8sObject> m = new HashMap<>(store.size() * 4 / 3 + 1);
                store.forEach((key, e) -> m.put(key, e.object));
                return m;
              });
    }
  }

  /** The store of a kind; the constructor checked that every kind has one. */
  private ImmutableSortedMap<String, Entry> store(Kind kind) {
    return Objects.requireNonNull(stores.get(kind), kind::kindName);
  }

  static EnumMap<Kind, ImmutableSortedMap<String, Entry>> emptyStores() {
    EnumMap<Kind, ImmutableSortedMap<String, Entry>> m = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      m.put(k, ImmutableSortedMap.<String, Entry>orderedBy(StoreKeys.ORDER).build());
    }
    return m;
  }

  /** {@return the snapshot with every store present and empty} */
  public static CacheStores empty() {
    return EMPTY;
  }

  /**
   * A snapshot of the given objects; a later object with the same kind and key replaces an earlier
   * one, as an upsert would.
   *
   * @param objects the objects
   * @return the snapshot
   * @throws CacheException when an object has no name
   */
  public static CacheStores of(Collection<? extends K8sObject> objects) {
    Builder b = builder();
    objects.forEach(b::put);
    return b.build();
  }

  /** {@return a builder for a snapshot} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The objects of one kind, in ascending key order. The list is built once per snapshot and shared
   * by later calls.
   *
   * @param kind the kind
   * @return the objects, possibly empty
   */
  public ImmutableList<K8sObject> list(Kind kind) {
    return lists[kind.ordinal()].get();
  }

  /**
   * The objects of one kind, typed, in ascending key order. Built once per snapshot and shared.
   *
   * @param kind the kind
   * @param type its model type, {@code kind.type()}
   * @param <T> the model type
   * @return the objects, possibly empty
   * @throws IllegalArgumentException when {@code type} is not the kind's type
   */
  public <T extends K8sObject> ImmutableList<T> list(Kind kind, Class<T> type) {
    checkType(kind, type);
    @SuppressWarnings("unchecked") // every element of the kind's store has the kind's type
    ImmutableList<T> typed = (ImmutableList<T>) list(kind);
    return typed;
  }

  /**
   * Looks up an object by kind, namespace and name.
   *
   * @param kind the kind
   * @param namespace namespace (ignored for cluster-scoped kinds)
   * @param name name
   * @return the object, if present
   */
  public Optional<K8sObject> get(Kind kind, String namespace, String name) {
    String key = kind.key(namespace, name);
    int k = kind.ordinal();
    if (lookups[k] > INDEX_AFTER_LOOKUPS) {
      return Optional.ofNullable(byKey[k].get().get(key));
    }
    lookups[k]++;
    Entry e = store(kind).get(key);
    return e == null ? Optional.empty() : Optional.of(e.object);
  }

  /**
   * Looks up a typed object by kind, namespace and name.
   *
   * @param kind the kind
   * @param namespace namespace (ignored for cluster-scoped kinds)
   * @param name name
   * @param type the kind's model type
   * @param <T> the model type
   * @return the object, if present
   */
  public <T extends K8sObject> Optional<T> get(
      Kind kind, String namespace, String name, Class<T> type) {
    checkType(kind, type);
    return get(kind, namespace, name).map(type::cast);
  }

  /**
   * Looks up the object a reference names (by kind, namespace and name; version and uid are not
   * compared).
   *
   * @param ref the reference
   * @return the object, if its kind is read and it is present
   */
  public Optional<K8sObject> get(ObjectRef ref) {
    return ref.knownKind().flatMap(k -> get(k, ref.namespace(), ref.name()));
  }

  /** {@return every object, stores in store order, each store in key order} */
  public ImmutableList<K8sObject> all() {
    return all.get();
  }

  /** {@return number of objects in all stores} */
  public int size() {
    return stores.values().stream().mapToInt(Map::size).sum();
  }

  /**
   * Number of objects of one kind.
   *
   * @param kind the kind
   * @return the count
   */
  public int size(Kind kind) {
    return store(kind).size();
  }

  /** {@return whether every store is empty} */
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * The snapshot hash (lowercase hex SHA-256) with an empty translation epoch; see {@link
   * #hash(byte[])}. Memoised.
   *
   * @return 64 hex characters
   */
  public String hash() {
    return hash.get();
  }

  /**
   * The snapshot hash: SHA-256 over a length-prefixed encoding of a domain string, the given
   * translation epoch (a digest of every non-cache translation input: feature flags, controller
   * class, Kong version…), then for each kind in store order its store name and object count, and
   * for each object in key order its key, uid, resourceVersion and content digest.
   *
   * @param translationEpoch caller-supplied bytes; empty when not used
   * @return 64 hex characters
   */
  public String hash(byte[] translationEpoch) {
    return translationEpoch.length == 0 ? hash.get() : computeHash(translationEpoch);
  }

  /**
   * The objects that differ between an earlier snapshot and this one, by kind in store order and by
   * key within a kind. An object counts as changed when its content digest differs; a store shared
   * by both snapshots (as {@link ObjectCache} shares the stores of kinds that did not change) is
   * skipped without looking at its objects, so the cost is proportional to the size of the kinds
   * that changed.
   *
   * @param previous the earlier snapshot
   * @return the changes, empty when the snapshots hold the same content
   */
  public ImmutableList<ObjectChange> changesSince(CacheStores previous) {
    ImmutableList.Builder<ObjectChange> out = ImmutableList.builder();
    for (Kind k : Kind.values()) {
      ImmutableSortedMap<String, Entry> before = previous.store(k);
      ImmutableSortedMap<String, Entry> after = store(k);
      if (before == after) {
        continue;
      }
      var bi = before.entrySet().iterator();
      var ai = after.entrySet().iterator();
      Map.Entry<String, Entry> b = bi.hasNext() ? bi.next() : null;
      Map.Entry<String, Entry> a = ai.hasNext() ? ai.next() : null;
      while (b != null || a != null) {
        int c = b == null ? 1 : a == null ? -1 : StoreKeys.ORDER.compare(b.getKey(), a.getKey());
        if (c < 0) {
          Map.Entry<String, Entry> gone = Objects.requireNonNull(b); // c < 0: b is there
          out.add(new ObjectChange(k, gone.getKey(), gone.getValue().object, null));
          b = bi.hasNext() ? bi.next() : null;
        } else if (c > 0) {
          Map.Entry<String, Entry> added = Objects.requireNonNull(a); // c > 0: a is there
          out.add(new ObjectChange(k, added.getKey(), null, added.getValue().object));
          a = ai.hasNext() ? ai.next() : null;
        } else {
          Entry be = Objects.requireNonNull(b).getValue(); // c == 0: both are there
          Entry ae = Objects.requireNonNull(a).getValue();
          if (be != ae
              && be.object != ae.object
              && !java.util.Arrays.equals(be.digest, ae.digest)) {
            out.add(new ObjectChange(k, a.getKey(), be.object, ae.object));
          }
          b = bi.hasNext() ? bi.next() : null;
          a = ai.hasNext() ? ai.next() : null;
        }
      }
    }
    return out.build();
  }

  /**
   * A snapshot holding only the given objects of this snapshot, sharing their digests (nothing is
   * re-serialised). Objects are matched by kind and key; an object of the list that this snapshot
   * does not hold is an error.
   *
   * @param objects objects of this snapshot
   * @return the smaller snapshot
   * @throws IllegalArgumentException when an object is not in this snapshot
   */
  public CacheStores subset(Collection<? extends K8sObject> objects) {
    EnumMap<Kind, TreeMap<String, Entry>> picked = new EnumMap<>(Kind.class);
    for (K8sObject o : objects) {
      Entry e = store(o.kind()).get(o.key());
      if (e == null) {
        throw new IllegalArgumentException("not in this snapshot: " + o.ref());
      }
      picked.computeIfAbsent(o.kind(), k -> new TreeMap<>(StoreKeys.ORDER)).put(o.key(), e);
    }
    EnumMap<Kind, ImmutableSortedMap<String, Entry>> m = emptyStores();
    picked.forEach((k, v) -> m.put(k, ImmutableSortedMap.copyOfSorted(v)));
    return new CacheStores(m);
  }

  ImmutableSortedMap<String, Entry> storeOf(Kind kind) {
    return store(kind);
  }

  /**
   * A builder seeded with this snapshot's objects.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private String computeHash(byte[] epoch) {
    MessageDigest d = CanonicalJson.newSha256();
    field(d, DOMAIN.getBytes(StandardCharsets.UTF_8));
    field(d, epoch);
    for (Kind k : Kind.values()) {
      ImmutableSortedMap<String, Entry> store = store(k);
      field(d, k.storeName().getBytes(StandardCharsets.UTF_8));
      field(d, ByteBuffer.allocate(4).putInt(store.size()).array());
      for (Map.Entry<String, Entry> e : store.entrySet()) {
        field(d, e.getKey().getBytes(StandardCharsets.UTF_8));
        field(d, e.getValue().object.metadata().uid().getBytes(StandardCharsets.UTF_8));
        field(d, e.getValue().object.metadata().resourceVersion().getBytes(StandardCharsets.UTF_8));
        field(d, e.getValue().digest);
      }
    }
    return BaseEncoding.base16().lowerCase().encode(d.digest());
  }

  private static void field(MessageDigest d, byte[] bytes) {
    d.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    d.update(bytes);
  }

  private ImmutableList<K8sObject> computeAll() {
    ImmutableList.Builder<K8sObject> b = ImmutableList.builderWithExpectedSize(size());
    for (Kind k : Kind.values()) {
      store(k).values().forEach(e -> b.add(e.object));
    }
    return b.build();
  }

  private static void checkType(Kind kind, Class<?> type) {
    if (!type.equals(kind.type())) {
      throw new IllegalArgumentException(
          kind + " holds " + kind.type().getSimpleName() + ", not " + type.getSimpleName());
    }
  }

  /** {@code CacheStores[Ingress=2, Service=3, …]}: counts of non-empty stores. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CacheStores[");
    boolean first = true;
    for (Kind k : Kind.values()) {
      if (!store(k).isEmpty()) {
        sb.append(first ? "" : ", ").append(k.kindName()).append('=').append(store(k).size());
        first = false;
      }
    }
    return sb.append(']').toString();
  }

  /**
   * Builds a {@link CacheStores}; not thread-safe. Every kind gets a store. A builder seeded from a
   * snapshot ({@link #toBuilder()}) copies a kind's store only when it first changes it; the kinds
   * it leaves alone are shared with that snapshot, indexes included.
   */
  public static final class Builder {
    /** Per kind: the base snapshot's immutable store until changed, then a TreeMap. */
    private final EnumMap<Kind, SortedMap<String, Entry>> stores = new EnumMap<>(Kind.class);

    private final @Nullable CacheStores base;

    private Builder() {
      this.base = null;
      for (Kind k : Kind.values()) {
        stores.put(k, new TreeMap<>(StoreKeys.ORDER));
      }
    }

    private Builder(CacheStores base) {
      this.base = base;
      stores.putAll(base.stores);
    }

    /** The kind's store, made writable (a copy of the base's store, in linear time) if needed. */
    private SortedMap<String, Entry> writable(Kind kind) {
      SortedMap<String, Entry> store = Objects.requireNonNull(stores.get(kind), kind::kindName);
      if (store instanceof TreeMap) {
        return store;
      }
      TreeMap<String, Entry> copy = new TreeMap<>(store); // same comparator, built from sorted
      stores.put(kind, copy);
      return copy;
    }

    private void removeKey(Kind kind, String key) {
      if (Objects.requireNonNull(stores.get(kind), kind::kindName).containsKey(key)) {
        writable(kind).remove(key);
      }
    }

    /**
     * Adds or replaces an object (by kind and key).
     *
     * @param object the object
     * @return this builder
     * @throws CacheException when the object has no name
     */
    public Builder put(K8sObject object) {
      Entry entry = Entry.of(object);
      writable(object.kind()).put(object.key(), entry);
      return this;
    }

    /**
     * Removes the object stored under the object's kind and key, if any.
     *
     * @param object the object
     * @return this builder
     */
    public Builder remove(K8sObject object) {
      removeKey(object.kind(), object.key());
      return this;
    }

    /**
     * Removes the object a reference names, if present.
     *
     * @param ref the reference
     * @return this builder
     */
    public Builder remove(ObjectRef ref) {
      ref.knownKind().ifPresent(k -> removeKey(k, k.key(ref.namespace(), ref.name())));
      return this;
    }

    /** {@return the snapshot} */
    public CacheStores build() {
      EnumMap<Kind, ImmutableSortedMap<String, Entry>> m = new EnumMap<>(Kind.class);
      stores.forEach(
          (k, v) ->
              m.put(
                  k,
                  v instanceof ImmutableSortedMap<String, Entry> same
                      ? same
                      : ImmutableSortedMap.copyOfSorted(v)));
      return new CacheStores(m, base);
    }
  }
}
