package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A Kong consumer group with its nested plugins.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class ConsumerGroup extends KongEntity {
  ConsumerGroup(KongEntity.Slots slots) {
    super(EntityKind.CONSUMER_GROUP, slots);
  }

  /**
   * A builder for a new, empty entity.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with every field and nested list of this entity.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * The {@code id} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> id() {
    return string("id");
  }

  /**
   * The {@code name} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> name() {
    return string("name");
  }

  /**
   * The {@code consumers} field.
   *
   * @return the list (a copy), empty when absent
   */
  public Optional<JsonNode> consumers() {
    return json("consumers");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /**
   * The nested {@code plugins}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<Plugin> plugins() {
    return children("plugins", Plugin.class);
  }

  /** Builder of {@link ConsumerGroup}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<ConsumerGroup, Builder> {
    Builder() {
      super(EntityKind.CONSUMER_GROUP);
    }

    @Override
    ConsumerGroup create(KongEntity.Slots slots) {
      return new ConsumerGroup(slots);
    }

    /**
     * Sets {@code id}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder id(String value) {
      return put("id", TextNode.valueOf(value));
    }

    /**
     * Sets {@code name}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder name(String value) {
      return put("name", TextNode.valueOf(value));
    }

    /**
     * Sets {@code consumers}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder consumers(JsonNode value) {
      return set("consumers", value);
    }

    /**
     * Sets {@code tags}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder tags(List<String> value) {
      return put("tags", Values.strings(value));
    }

    /**
     * Sets {@code tags}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder tags(String... values) {
      return put("tags", Values.strings(List.of(values)));
    }

    /**
     * Sets the nested {@code plugins} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder plugins(List<Plugin> entities) {
      return putChildren("plugins", entities);
    }

    /**
     * Appends one entity to the nested {@code plugins}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addPlugin(Plugin entity) {
      return addChild("plugins", entity);
    }
  }
}
