package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole Kong declarative configuration (deck format 3.0): {@code _format_version}, the entity
 * sections ({@code services} with nested routes and plugins, {@code upstreams} with targets, {@code
 * certificates} with SNIs, {@code consumers} with credentials, ...), custom entity sections (e.g.
 * {@code degraphql_routes}) and any other top-level key it was given.
 *
 * <p>Immutable. A section that is absent differs from one that is present and empty ({@link
 * #has(String)}); the writers reproduce either. Entities keep the order they were given: the
 * translator sorts them (translator-spec §15.2), this type does not. Equality ignores key order and
 * respects list order.
 *
 * <pre>{@code
 * KongConfig config = KongConfig.builder()
 *     .addService(Service.builder().name("demo.web.80").host("web.demo.80.svc").port(80)
 *         .addRoute(Route.builder().name("demo.web.example.com.80").paths("/").build())
 *         .build())
 *     .build();
 * }</pre>
 */
public final class KongConfig extends KongConfigSections {
  /** The format version KIC writes. */
  public static final String FORMAT_VERSION = "3.0";

  private final ImmutableMap<String, JsonNode> fields;
  private final ImmutableMap<String, ImmutableList<KongEntity>> sections;

  private KongConfig(
      Map<String, JsonNode> fields, Map<String, ImmutableList<KongEntity>> sections) {
    this.fields = ImmutableMap.copyOf(fields);
    this.sections = ImmutableMap.copyOf(sections);
  }

  /**
   * A builder for a new configuration with {@code _format_version: "3.0"} and no sections.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder().formatVersion(FORMAT_VERSION);
  }

  /**
   * A builder with nothing set, not even {@code _format_version}.
   *
   * @return the builder
   */
  public static Builder emptyBuilder() {
    return new Builder();
  }

  /**
   * A builder initialised with everything in this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.putAll(fields);
    for (Map.Entry<String, ImmutableList<KongEntity>> e : sections.entrySet()) {
      b.sections.put(e.getKey(), new ArrayList<>(e.getValue()));
    }
    return b;
  }

  /**
   * Reads a configuration from its JSON tree (as parsed from YAML or JSON). Known sections become
   * typed entities; an unknown top-level key holding a list of objects becomes a custom entity
   * section; every other key (e.g. {@code _info}) is kept as is.
   *
   * @param document the document tree
   * @return the configuration
   * @throws KongModelException when the document is not an object or a known field has the wrong
   *     type; its {@link KongModelException#pointer()} locates the value
   */
  public static KongConfig fromJson(JsonNode document) {
    return read(document, false);
  }

  /**
   * Like {@link #fromJson(JsonNode)}, but takes ownership of the tree instead of copying it: its
   * containers are normalised in place and become part of the configuration, and each section entry
   * is released from the document as soon as it is decoded, so that the whole document and the
   * whole configuration are never alive at the same time. Meant for a document built only to be
   * read (a translator's output); the caller must not use or modify {@code document} (nor any node
   * in it) afterwards.
   *
   * @param document the document tree, given away
   * @return the configuration, equal to {@code fromJson(document)} on the original tree
   * @throws KongModelException as {@link #fromJson(JsonNode)}; the document is then unusable
   */
  public static KongConfig adopt(ObjectNode document) {
    return read(document, true);
  }

  private static KongConfig read(JsonNode document, boolean owned) {
    if (!document.isObject()) {
      throw new KongModelException(
          "", "a Kong configuration must be an object, found " + FieldType.describe(document));
    }
    Builder b = new Builder();
    for (Map.Entry<String, JsonNode> e : document.properties()) {
      b.set(e.getKey(), e.getValue(), owned);
    }
    return b.build();
  }

  static KongEntity decode(EntityKind kind, JsonNode node) {
    return decode(kind, node, false);
  }

  static KongEntity decode(EntityKind kind, JsonNode node, boolean owned) {
    if (!node.isObject()) {
      throw new KongModelException(
          "", kind.sectionKey() + " entry: expected an object, found " + FieldType.describe(node));
    }
    KongEntity.Builder<?, ?> b = builderFor(kind);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      b.set(e.getKey(), e.getValue(), owned);
    }
    return b.build();
  }

  private static KongEntity.Builder<?, ?> builderFor(EntityKind kind) {
    return switch (kind) {
      case SERVICE -> Service.builder();
      case ROUTE -> Route.builder();
      case UPSTREAM -> Upstream.builder();
      case TARGET -> Target.builder();
      case CERTIFICATE -> Certificate.builder();
      case SNI -> Sni.builder();
      case CA_CERTIFICATE -> CaCertificate.builder();
      case CONSUMER -> Consumer.builder();
      case CONSUMER_GROUP -> ConsumerGroup.builder();
      case CONSUMER_GROUP_CONSUMER -> ConsumerGroupConsumer.builder();
      case PLUGIN -> Plugin.builder();
      case VAULT -> Vault.builder();
      case LICENSE -> License.builder();
      case KEY_AUTH -> KeyAuthCredential.builder();
      case BASIC_AUTH -> BasicAuthCredential.builder();
      case HMAC_AUTH -> HmacAuthCredential.builder();
      case JWT_SECRET -> JwtSecret.builder();
      case OAUTH2 -> Oauth2Credential.builder();
      case ACL -> AclGroup.builder();
      case MTLS_AUTH -> MtlsAuthCredential.builder();
      case CUSTOM_ENTITY -> throw new IllegalArgumentException("custom entities need a type");
    };
  }

  static boolean isCustomSection(String key) {
    return !key.isEmpty() && !key.startsWith("_") && EntityKind.forSection(key).isEmpty();
  }

  private static boolean isListOfObjects(JsonNode n) {
    if (!n.isArray()) {
      return false;
    }
    for (JsonNode e : n) {
      if (!e.isObject()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The {@code _format_version}.
   *
   * @return the version, empty when absent
   */
  public Optional<String> formatVersion() {
    JsonNode n = fields.get("_format_version");
    return n != null && n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
  }

  /**
   * The custom entity sections, by type, in document order.
   *
   * @return custom entities by type
   */
  public ImmutableMap<String, ImmutableList<CustomEntity>> customEntities() {
    ImmutableMap.Builder<String, ImmutableList<CustomEntity>> b = ImmutableMap.builder();
    for (Map.Entry<String, ImmutableList<KongEntity>> e : sections.entrySet()) {
      if (isCustomSection(e.getKey())) {
        b.put(e.getKey(), section(e.getKey(), CustomEntity.class));
      }
    }
    return b.buildOrThrow();
  }

  /**
   * Every entity section present (built-in and custom), in insertion order.
   *
   * @return entities by section key
   */
  public ImmutableMap<String, ImmutableList<KongEntity>> sections() {
    return sections;
  }

  /**
   * The top-level keys that are not entity sections ({@code _format_version}, {@code _info},
   * unknown scalars, ...), in insertion order.
   *
   * @return the keys
   */
  public ImmutableSet<String> fieldKeys() {
    return fields.keySet();
  }

  /**
   * A top-level value that is not an entity section.
   *
   * @param key the key
   * @return a copy of the value, empty when absent
   */
  public Optional<JsonNode> field(String key) {
    JsonNode n = fields.get(key);
    return n == null ? Optional.empty() : Optional.of(Values.copy(n));
  }

  /**
   * Whether a top-level key is present (a section may be present and empty).
   *
   * @param key the key
   * @return true when present
   */
  public boolean has(String key) {
    return fields.containsKey(key) || sections.containsKey(key);
  }

  /**
   * Whether the configuration has no content: every section is absent or empty and no top-level key
   * exists besides {@code _format_version} and {@code _info} (translator-spec §16).
   *
   * @return true when empty
   */
  public boolean isContentEmpty() {
    for (ImmutableList<KongEntity> s : sections.values()) {
      if (!s.isEmpty()) {
        return false;
      }
    }
    for (String k : fields.keySet()) {
      if (!k.equals("_format_version") && !k.equals("_info")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The document tree the writers serialize and the config SHA hashes: a fresh copy.
   *
   * @return the JSON object
   */
  public ObjectNode toJson() {
    ObjectNode o = Values.NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
      o.set(e.getKey(), Values.copy(e.getValue()));
    }
    for (Map.Entry<String, ImmutableList<KongEntity>> e : sections.entrySet()) {
      ArrayNode a = o.putArray(e.getKey());
      for (KongEntity c : e.getValue()) {
        a.add(c.toJson());
      }
    }
    return o;
  }

  @Override
  <T extends KongEntity> ImmutableList<T> section(String key, Class<T> type) {
    ImmutableList<KongEntity> l = sections.get(key);
    if (l == null) {
      return ImmutableList.of();
    }
    @SuppressWarnings("unchecked") // the builder only accepts entities of the section's kind
    ImmutableList<T> typed = (ImmutableList<T>) (ImmutableList<?>) l;
    return typed;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KongConfig c && fields.equals(c.fields) && sections.equals(c.sections);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, sections);
  }

  /** Section sizes only; never entity values. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("KongConfig{");
    formatVersion().ifPresent(v -> sb.append("_format_version=").append(v));
    for (Map.Entry<String, ImmutableList<KongEntity>> e : sections.entrySet()) {
      sb.append(sb.length() > 11 ? ", " : "")
          .append(e.getKey())
          .append('=')
          .append(e.getValue().size());
    }
    return sb.append('}').toString();
  }

  /** Builder of {@link KongConfig}. Setters replace a section; {@code add*} methods append. */
  public static final class Builder extends KongConfigSections.SectionsBuilder {
    private final LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
    private final LinkedHashMap<String, List<KongEntity>> sections = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code _format_version}.
     *
     * @param version the version, normally {@link #FORMAT_VERSION}
     * @return this builder
     */
    public Builder formatVersion(String version) {
      fields.put("_format_version", TextNode.valueOf(version));
      return this;
    }

    /**
     * Appends a custom entity to the section named after its type.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addCustomEntity(CustomEntity entity) {
      return addToSection(entity.type(), entity);
    }

    /**
     * Sets a custom entity section.
     *
     * @param type the entity type (section key)
     * @param entities entities of that type
     * @return this builder
     * @throws KongModelException when an entity has another type or the type is not a valid custom
     *     type
     */
    public Builder customEntities(String type, List<CustomEntity> entities) {
      if (!isCustomSection(type)) {
        throw new KongModelException(KongEntity.pointerSegment(type), "not a custom entity type");
      }
      for (CustomEntity e : entities) {
        if (!e.type().equals(type)) {
          throw new KongModelException(
              KongEntity.pointerSegment(type), "holds a custom entity of type " + e.type());
        }
      }
      return putSection(type, entities);
    }

    /**
     * Sets any top-level key from JSON: a built-in section is read into typed entities, an unknown
     * key holding a list of objects into custom entities, anything else is kept as is.
     *
     * @param key the key
     * @param value the value (copied)
     * @return this builder
     * @throws KongModelException when a section has the wrong shape
     */
    public Builder set(String key, JsonNode value) {
      return set(key, value, false);
    }

    /**
     * Like {@link #set(String, JsonNode)}, but takes ownership of {@code value} instead of copying
     * it (see {@link KongConfig#adopt(ObjectNode)}); the caller must not use or modify {@code
     * value} (nor any node in it) afterwards.
     *
     * @param key the key
     * @param value the value, given away
     * @return this builder
     * @throws KongModelException when a section has the wrong shape
     */
    public Builder adopt(String key, JsonNode value) {
      return set(key, value, true);
    }

    private Builder set(String key, JsonNode value, boolean owned) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      String ptr = KongEntity.pointerSegment(key);
      Optional<EntityKind> kind = EntityKind.forSection(key);
      if (kind.isPresent() && !value.isNull()) {
        if (!value.isArray()) {
          throw new KongModelException(
              ptr, "section '" + key + "' must be a list, found " + FieldType.describe(value));
        }
        List<KongEntity> list = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
          try {
            list.add(decode(kind.get(), value.get(i), owned));
          } catch (KongModelException ex) {
            throw ex.under(ptr + "/" + i);
          }
          if (owned) {
            ((ArrayNode) value).set(i, NullNode.getInstance()); // release the decoded entry
          }
        }
        return putSection(key, list);
      }
      if (isCustomSection(key) && isListOfObjects(value)) {
        List<KongEntity> list = new ArrayList<>(value.size());
        int i = 0;
        for (JsonNode e : value) {
          CustomEntity.Builder b = CustomEntity.builder(key);
          try {
            for (Map.Entry<String, JsonNode> f : e.properties()) {
              b.set(f.getKey(), f.getValue(), owned);
            }
          } catch (KongModelException ex) {
            throw ex.under(ptr + "/" + i);
          }
          list.add(b.build());
          i++;
        }
        return putSection(key, list);
      }
      try {
        sections.remove(key);
        fields.put(key, owned ? Values.normalizeOwned(value) : Values.normalize(value));
      } catch (IllegalArgumentException ex) {
        throw new KongModelException(ptr, Objects.requireNonNull(ex.getMessage()));
      }
      return this;
    }

    /**
     * Removes a top-level key or section.
     *
     * @param key the key
     * @return this builder
     */
    public Builder remove(String key) {
      fields.remove(key);
      sections.remove(key);
      return this;
    }

    @Override
    Builder putSection(String key, List<? extends KongEntity> entities) {
      List<KongEntity> copy;
      if (entities instanceof ImmutableList<? extends KongEntity> immutable) {
        // already immutable and null-free: shared, not copied (large configurations)
        @SuppressWarnings("unchecked")
        List<KongEntity> shared = (List<KongEntity>) immutable;
        copy = shared;
      } else {
        copy = new ArrayList<>(entities.size());
        for (KongEntity e : entities) {
          copy.add(Objects.requireNonNull(e, "entity"));
        }
      }
      fields.remove(key);
      sections.put(key, copy);
      return this;
    }

    @Override
    Builder adoptSection(String key, ArrayNode entries) {
      return set(key, entries, true);
    }

    @Override
    Builder addToSection(String key, KongEntity entity) {
      Objects.requireNonNull(entity, "entity");
      fields.remove(key);
      List<KongEntity> list = sections.get(key);
      if (list == null || list instanceof ImmutableList) {
        list = list == null ? new ArrayList<>() : new ArrayList<>(list);
        sections.put(key, list);
      }
      list.add(entity);
      return this;
    }

    /**
     * Builds the immutable configuration; the builder can be reused.
     *
     * @return the configuration
     */
    public KongConfig build() {
      Map<String, ImmutableList<KongEntity>> s = new LinkedHashMap<>();
      for (Map.Entry<String, List<KongEntity>> e : sections.entrySet()) {
        s.put(e.getKey(), ImmutableList.copyOf(e.getValue()));
      }
      return new KongConfig(fields, s);
    }
  }
}
