package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A Kong plugin instance: a free-form {@code config}, optionally scoped to a service, route, consumer and/or consumer group.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Plugin extends KongEntity {
  Plugin(KongEntity.Slots slots) {
    super(EntityKind.PLUGIN, slots);
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
   * The {@code instance_name} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> instanceName() {
    return string("instance_name");
  }

  /**
   * The {@code config} field.
   *
   * @return the object (a copy), empty when absent
   */
  public Optional<JsonNode> config() {
    return json("config");
  }

  /**
   * The {@code enabled} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> enabled() {
    return bool("enabled");
  }

  /**
   * The {@code protocols} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> protocols() {
    return strings("protocols");
  }

  /**
   * The {@code ordering} field.
   *
   * @return the object (a copy), empty when absent
   */
  public Optional<JsonNode> ordering() {
    return json("ordering");
  }

  /**
   * The {@code run_on} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> runOn() {
    return string("run_on");
  }

  /**
   * The {@code service} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> service() {
    return reference("service");
  }

  /**
   * The {@code route} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> route() {
    return reference("route");
  }

  /**
   * The {@code consumer} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> consumer() {
    return reference("consumer");
  }

  /**
   * The {@code consumer_group} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> consumerGroup() {
    return reference("consumer_group");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link Plugin}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Plugin, Builder> {
    Builder() {
      super(EntityKind.PLUGIN);
    }

    @Override
    Plugin create(KongEntity.Slots slots) {
      return new Plugin(slots);
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
     * Sets {@code instance_name}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder instanceName(String value) {
      return put("instance_name", TextNode.valueOf(value));
    }

    /**
     * Sets {@code config}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder config(JsonNode value) {
      return set("config", value);
    }

    /**
     * Sets {@code enabled}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder enabled(boolean value) {
      return put("enabled", BooleanNode.valueOf(value));
    }

    /**
     * Sets {@code protocols}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder protocols(List<String> value) {
      return put("protocols", Values.strings(value));
    }

    /**
     * Sets {@code protocols}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder protocols(String... values) {
      return put("protocols", Values.strings(List.of(values)));
    }

    /**
     * Sets {@code ordering}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder ordering(JsonNode value) {
      return set("ordering", value);
    }

    /**
     * Sets {@code run_on}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder runOn(String value) {
      return put("run_on", TextNode.valueOf(value));
    }

    /**
     * Sets {@code service}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder service(String value) {
      return put("service", TextNode.valueOf(value));
    }

    /**
     * Sets {@code route}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder route(String value) {
      return put("route", TextNode.valueOf(value));
    }

    /**
     * Sets {@code consumer}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder consumer(String value) {
      return put("consumer", TextNode.valueOf(value));
    }

    /**
     * Sets {@code consumer_group}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder consumerGroup(String value) {
      return put("consumer_group", TextNode.valueOf(value));
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
  }
}
