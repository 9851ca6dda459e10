package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A Kong entity as written in a deck-format declarative configuration.
 *
 * <p>The family is sealed: one final subtype per {@link EntityKind}, found with {@link #kind()}.
 * Every entity is immutable and keeps each field it was given, in insertion order, whether or not
 * this library knows it: known fields have typed accessors on the subtype and are type-checked when
 * set; other fields are kept as JSON trees. Nested entity lists (a service's routes, a consumer's
 * credentials, ...) are typed entities. A missing field is distinct from one holding an empty list
 * or object ({@link #has(String)}), and both from an explicit {@code null}, which is kept (typed
 * accessors report it as absent).
 *
 * <p>Numbers are kept in the goldens' normal form: integral values are integers (even when given as
 * {@code 1.0}), others doubles. Equality compares kind, fields and nested lists; field order does
 * not matter, list order does. {@link #toString()} never shows secret fields ({@link
 * EntityKind#secretFields()}) nor any value other than identifying ones.
 */
public abstract sealed class KongEntity
    permits Service,
        Route,
        Upstream,
        Target,
        Plugin,
        Consumer,
        ConsumerGroup,
        ConsumerGroupConsumer,
        KeyAuthCredential,
        BasicAuthCredential,
        HmacAuthCredential,
        JwtSecret,
        Oauth2Credential,
        AclGroup,
        MtlsAuthCredential,
        Certificate,
        Sni,
        CaCertificate,
        Vault,
        License,
        CustomEntity {

  private static final ImmutableSet<String> SHOWN =
      ImmutableSet.of("id", "name", "username", "custom_id", "prefix", "target", "instance_name");

  private final EntityKind kind;

  /** Field keys in insertion order; {@link #values} holds the value of each, same index. */
  private final String[] keys;

  private final JsonNode[] values;
  private final ImmutableMap<String, ImmutableList<KongEntity>> children;

  KongEntity(EntityKind kind, Slots slots) {
    this.kind = kind;
    this.keys = slots.keys;
    this.values = slots.values;
    this.children = slots.children;
  }

  /**
   * What an entity is made of, as its builder hands it over: fields as two parallel arrays (an
   * entity has a few dozen fields at most, so a scan beats a hash table in time and memory) and the
   * nested lists.
   */
  static final class Slots {
    final String[] keys;
    final JsonNode[] values;
    final ImmutableMap<String, ImmutableList<KongEntity>> children;

    Slots(
        String[] keys,
        JsonNode[] values,
        ImmutableMap<String, ImmutableList<KongEntity>> children) {
      this.keys = keys;
      this.values = values;
      this.children = children;
    }
  }

  private static int indexOf(String[] keys, int size, String key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private @Nullable JsonNode get(String key) {
    int i = indexOf(keys, keys.length, key);
    return i < 0 ? null : values[i];
  }

  /**
   * The kind of this entity; {@code switch} over it instead of {@code instanceof}.
   *
   * @return the kind
   */
  public final EntityKind kind() {
    return kind;
  }

  /**
   * Whether a field or nested list is present (possibly empty).
   *
   * @param key the JSON key
   * @return true when present
   */
  public final boolean has(String key) {
    return indexOf(keys, keys.length, key) >= 0 || children.containsKey(key);
  }

  /**
   * The keys present on this entity, scalar and nested, in insertion order (fields first).
   *
   * @return the keys
   */
  public final ImmutableSet<String> keys() {
    return ImmutableSet.<String>builderWithExpectedSize(keys.length + children.size())
        .add(keys)
        .addAll(children.keySet())
        .build();
  }

  /**
   * The value of a non-nested field, known or not.
   *
   * @param key the JSON key
   * @return a copy of the value, empty when absent or when {@code key} is a nested list
   */
  public final Optional<JsonNode> field(String key) {
    JsonNode n = get(key);
    return n == null ? Optional.empty() : Optional.of(Values.copy(n));
  }

  /**
   * The entities nested under a key, e.g. {@code routes}.
   *
   * @param key the nested list key
   * @return the entities in order, empty when absent or empty
   */
  public final ImmutableList<KongEntity> nested(String key) {
    ImmutableList<KongEntity> l = children.get(key);
    return l == null ? ImmutableList.of() : l;
  }

  /**
   * The nested lists present on this entity, in insertion order.
   *
   * @return nested lists by key
   */
  public final ImmutableMap<String, ImmutableList<KongEntity>> nested() {
    return children;
  }

  /**
   * This entity as written in the document: every field and nested list, nested entities converted
   * recursively. The tree is a fresh copy.
   *
   * @return the JSON object
   */
  public final ObjectNode toJson() {
    ObjectNode o = Values.NODES.objectNode();
    writeFields(o);
    return o;
  }

  final void writeFields(ObjectNode o) {
    for (int i = 0; i < keys.length; i++) {
      o.set(keys[i], Values.copy(values[i]));
    }
    for (Map.Entry<String, ImmutableList<KongEntity>> e : children.entrySet()) {
      ArrayNode a = o.putArray(e.getKey());
      for (KongEntity c : e.getValue()) {
        a.add(c.toJson());
      }
    }
  }

  /**
   * This entity's own fields as JSON, without its nested lists (a fresh copy).
   *
   * @return the JSON object
   */
  public final ObjectNode toJsonWithoutNested() {
    ObjectNode o = Values.NODES.objectNode();
    for (int i = 0; i < keys.length; i++) {
      o.set(keys[i], Values.copy(values[i]));
    }
    return o;
  }

  /** RFC 8785 form of {@link #toJson()} in UTF-8, computed on first use. */
  private volatile byte @Nullable [] canonical;

  /**
   * The RFC 8785 (JSON Canonicalization Scheme) form of {@link #toJson()}, UTF-8 encoded, as a
   * read-only buffer. Computed once per entity and kept, so that the config SHA of a configuration
   * that reuses entities (incremental translation) only hashes their bytes. The bytes hold every
   * field, credentials and keys included: treat them like {@link #toJson()}.
   *
   * @return the canonical bytes, positioned at 0
   * @throws IllegalArgumentException when a number is NaN or infinite
   */
  public final java.nio.ByteBuffer canonicalJson() {
    byte[] c = canonical;
    if (c == null) {
      StringBuilder sb = new StringBuilder(256);
      io.github.kongtranslator.core.json.CanonicalJson.write(toJson(), sb);
      c = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      canonical = c;
    }
    return java.nio.ByteBuffer.wrap(c).asReadOnlyBuffer();
  }

  final Optional<String> string(String key) {
    JsonNode n = get(key);
    return n != null && n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
  }

  final OptionalInt integer(String key) {
    JsonNode n = get(key);
    return n != null && n.isInt() ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
  }

  final OptionalLong longValue(String key) {
    JsonNode n = get(key);
    return n != null && n.isIntegralNumber() && n.canConvertToLong()
        ? OptionalLong.of(n.longValue())
        : OptionalLong.empty();
  }

  final Optional<Boolean> bool(String key) {
    JsonNode n = get(key);
    return n != null && n.isBoolean() ? Optional.of(n.booleanValue()) : Optional.empty();
  }

  /**
   * The entity's tags as a read-only view of its stored array, without copying them (for hot paths
   * that read every entity's tags; {@link Tagged#tags()} returns a copy).
   *
   * @return the tags in order, empty when the kind has none or none are set
   */
  public final List<String> tagsView() {
    JsonNode n = get("tags");
    if (n == null || !n.isArray() || n.isEmpty()) {
      return List.of();
    }
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return n.get(index).asText();
      }

      @Override
      public int size() {
        return n.size();
      }
    };
  }

  final ImmutableList<String> strings(String key) {
    JsonNode n = get(key);
    if (n == null || !n.isArray()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<String> b = ImmutableList.builderWithExpectedSize(n.size());
    for (JsonNode e : n) {
      b.add(e.asText());
    }
    return b.build();
  }

  final Optional<JsonNode> json(String key) {
    return field(key);
  }

  final Optional<String> reference(String key) {
    JsonNode n = get(key);
    if (n == null) {
      return Optional.empty();
    }
    if (n.isTextual()) {
      return Optional.of(n.textValue());
    }
    for (String k : List.of("id", "name", "username")) {
      JsonNode v = n.get(k);
      if (v != null && v.isTextual()) {
        return Optional.of(v.textValue());
      }
    }
    return Optional.empty();
  }

  final <T extends KongEntity> ImmutableList<T> children(String key, Class<T> type) {
    ImmutableList<KongEntity> l = children.get(key);
    if (l == null) {
      return ImmutableList.of();
    }
    @SuppressWarnings("unchecked") // the builder only accepts entities of the slot's kind
    ImmutableList<T> typed = (ImmutableList<T>) (ImmutableList<?>) l;
    return typed;
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o instanceof KongEntity e
        && kind == e.kind
        && sameType(e)
        && sameFields(e)
        && children.equals(e.children);
  }

  /** Same keys with equal values, in any order (keys are unique within an entity). */
  private boolean sameFields(KongEntity e) {
    if (keys.length != e.keys.length) {
      return false;
    }
    for (int i = 0; i < keys.length; i++) {
      JsonNode v = e.get(keys[i]);
      if (v == null || !v.equals(values[i])) {
        return false;
      }
    }
    return true;
  }

  boolean sameType(KongEntity other) {
    return true;
  }

  @Override
  public final int hashCode() {
    int fieldsHash = 0; // as Map.hashCode: independent of the order
    for (int i = 0; i < keys.length; i++) {
      fieldsHash += keys[i].hashCode() ^ values[i].hashCode();
    }
    return Objects.hash(kind, fieldsHash, children);
  }

  /**
   * A redacted description: the kind, identifying values (id, name, username, ...), the names of
   * the other fields and the sizes of nested lists. Secret values never appear.
   */
  @Override
  public final String toString() {
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('{');
    describeType(sb);
    List<String> others = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      String k = keys[i];
      if (SHOWN.contains(k) && !kind.secretFields().contains(k) && values[i].isValueNode()) {
        sb.append(k).append('=').append(values[i].asText()).append(", ");
      } else {
        others.add(k);
      }
    }
    sb.append("fields=").append(others);
    for (Map.Entry<String, ImmutableList<KongEntity>> e : children.entrySet()) {
      sb.append(", ").append(e.getKey()).append('=').append(e.getValue().size());
    }
    return sb.append('}').toString();
  }

  void describeType(StringBuilder sb) {}

  static String pointerSegment(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Builder base of every entity builder: generic setters for any field beside the typed ones of
   * each subtype's builder.
   *
   * @param <E> the entity type built
   * @param <B> the concrete builder type
   */
  public abstract static class Builder<E extends KongEntity, B extends Builder<E, B>> {
    private final EntityKind kind;
    private String[] keys = new String[8];
    private JsonNode[] values = new JsonNode[8];
    private int size;
    private @Nullable LinkedHashMap<String, List<KongEntity>> children;

    Builder(EntityKind kind) {
      this.kind = kind;
    }

    abstract E create(Slots slots);

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    B from(KongEntity e) {
      for (int i = 0; i < e.keys.length; i++) {
        putField(e.keys[i], e.values[i]);
      }
      for (Map.Entry<String, ImmutableList<KongEntity>> c : e.children.entrySet()) {
        children().put(c.getKey(), new ArrayList<>(c.getValue()));
      }
      return self();
    }

    private Map<String, List<KongEntity>> children() {
      LinkedHashMap<String, List<KongEntity>> c = children;
      if (c == null) {
        c = new LinkedHashMap<>();
        children = c;
      }
      return c;
    }

    private void removeChildren(String key) {
      if (children != null) {
        children.remove(key);
      }
    }

    /** Replaces the value in place, or appends the field (as {@code LinkedHashMap.put}). */
    private void putField(String key, JsonNode value) {
      int i = indexOf(keys, size, key);
      if (i >= 0) {
        values[i] = value;
        return;
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      size++;
    }

    private void removeField(String key) {
      int i = indexOf(keys, size, key);
      if (i >= 0) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
      }
    }

    /**
     * Sets any field from JSON. A nested-list key (e.g. {@code routes} on a service) must hold a
     * list of objects, which are read as entities of the nested kind; a known field must have its
     * JSON type. The value is copied.
     *
     * @param key the JSON key
     * @param value the value
     * @return this builder
     * @throws KongModelException when the value has the wrong type; the pointer is relative to this
     *     entity
     */
    public B set(String key, JsonNode value) {
      return set(key, value, false);
    }

    /**
     * Like {@link #set(String, JsonNode)}, but takes ownership of {@code value} instead of copying
     * it: its containers are normalised in place and become part of the entity. Meant for values
     * built only to be handed over (a translator's output); the caller must not use or modify
     * {@code value} (nor any node in it) afterwards.
     *
     * @param key the JSON key
     * @param value the value, given away
     * @return this builder
     * @throws KongModelException as {@link #set(String, JsonNode)}
     */
    public B adopt(String key, JsonNode value) {
      return set(key, value, true);
    }

    /** {@link #set(String, JsonNode)}; {@code owned}: the value is given away, not copied. */
    final B set(String key, JsonNode value, boolean owned) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      FieldType type = kind.fieldType(key);
      // a known scalar field is never a nested list key (EntityKind checks they are disjoint)
      EntityKind childKind = type == FieldType.ANY ? kind.childKindOrNull(key) : null;
      if (childKind != null && value.isNull()) {
        removeChildren(key);
        putField(key, value); // an explicit null is kept as such: neither absent nor empty
        return self();
      }
      if (childKind != null) {
        if (!value.isArray()) {
          throw new KongModelException(
              pointerSegment(key),
              kindLabel()
                  + " field '"
                  + key
                  + "' must be a list of objects, found "
                  + FieldType.describe(value));
        }
        List<KongEntity> list = new ArrayList<>(value.size());
        for (int i = 0, n = value.size(); i < n; i++) {
          try {
            list.add(KongConfig.decode(childKind, value.get(i), owned));
          } catch (KongModelException ex) {
            throw ex.under(pointerSegment(key) + "/" + i);
          }
        }
        removeChildren(key); // a replaced list moves to the end, as before
        removeField(key);
        children().put(key, list);
        return self();
      }
      JsonNode v;
      try {
        v = owned ? Values.normalizeOwned(value) : Values.normalize(value);
      } catch (IllegalArgumentException ex) {
        throw new KongModelException(pointerSegment(key), String.valueOf(ex.getMessage()));
      }
      return putChecked(key, v, type);
    }

    /**
     * Removes a field or nested list, so that it is absent.
     *
     * @param key the JSON key
     * @return this builder
     */
    public B remove(String key) {
      removeField(key);
      removeChildren(key);
      return self();
    }

    /**
     * Whether a field or nested list is currently set.
     *
     * @param key the JSON key
     * @return true when set
     */
    public boolean has(String key) {
      return indexOf(keys, size, key) >= 0 || (children != null && children.containsKey(key));
    }

    final B put(String key, @Nullable JsonNode normalized) {
      Objects.requireNonNull(normalized, () -> "value of '" + key + "'");
      FieldType type = kind.fieldType(key);
      if (type == FieldType.ANY && kind.childKindOrNull(key) != null) {
        throw new KongModelException(
            pointerSegment(key), "holds nested entities; use the typed setter");
      }
      return putChecked(key, normalized, type);
    }

    /** Sets a non-nested field whose type was looked up as {@code type}. */
    private B putChecked(String key, JsonNode normalized, FieldType type) {
      if (!type.accepts(normalized)) {
        throw new KongModelException(
            pointerSegment(key),
            kindLabel()
                + " field '"
                + key
                + "' must be "
                + type.description()
                + ", found "
                + FieldType.describe(normalized));
      }
      removeChildren(key);
      putField(key, normalized);
      return self();
    }

    String kindLabel() {
      return kind.sectionKey();
    }

    final B putChildren(String key, List<? extends KongEntity> entities) {
      List<KongEntity> copy = new ArrayList<>(entities.size());
      for (KongEntity e : entities) {
        copy.add(Objects.requireNonNull(e, "nested entity"));
      }
      removeField(key);
      children().put(key, copy);
      return self();
    }

    final B addChild(String key, KongEntity entity) {
      Objects.requireNonNull(entity, "nested entity");
      removeField(key);
      children().computeIfAbsent(key, k -> new ArrayList<>()).add(entity);
      return self();
    }

    /**
     * Builds the immutable entity; the builder can be reused.
     *
     * @return the entity
     */
    public E build() {
      ImmutableMap<String, ImmutableList<KongEntity>> c = ImmutableMap.of();
      if (children != null && !children.isEmpty()) {
        ImmutableMap.Builder<String, ImmutableList<KongEntity>> cb =
            ImmutableMap.builderWithExpectedSize(children.size());
        for (Map.Entry<String, List<KongEntity>> e : children.entrySet()) {
          cb.put(e.getKey(), ImmutableList.copyOf(e.getValue()));
        }
        c = cb.buildOrThrow();
      }
      return create(new Slots(KeyShapes.of(kind, keys, size), Arrays.copyOf(values, size), c));
    }
  }
}
