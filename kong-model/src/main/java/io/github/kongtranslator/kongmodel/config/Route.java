package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A Kong route, traditional (hosts, paths, methods, headers, ...) or expression-based ({@code expression} with {@code priority}).
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Route extends KongEntity {
  Route(KongEntity.Slots slots) {
    super(EntityKind.ROUTE, slots);
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
   * The {@code hosts} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> hosts() {
    return strings("hosts");
  }

  /**
   * The {@code paths} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> paths() {
    return strings("paths");
  }

  /**
   * The {@code methods} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> methods() {
    return strings("methods");
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
   * The {@code headers} field.
   *
   * @return the object (a copy), empty when absent
   */
  public Optional<JsonNode> headers() {
    return json("headers");
  }

  /**
   * The {@code snis} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> snis() {
    return strings("snis");
  }

  /**
   * The {@code sources} field.
   *
   * @return the list (a copy), empty when absent
   */
  public Optional<JsonNode> sources() {
    return json("sources");
  }

  /**
   * The {@code destinations} field.
   *
   * @return the list (a copy), empty when absent
   */
  public Optional<JsonNode> destinations() {
    return json("destinations");
  }

  /**
   * The {@code strip_path} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> stripPath() {
    return bool("strip_path");
  }

  /**
   * The {@code preserve_host} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> preserveHost() {
    return bool("preserve_host");
  }

  /**
   * The {@code regex_priority} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt regexPriority() {
    return integer("regex_priority");
  }

  /**
   * The {@code https_redirect_status_code} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt httpsRedirectStatusCode() {
    return integer("https_redirect_status_code");
  }

  /**
   * The {@code path_handling} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> pathHandling() {
    return string("path_handling");
  }

  /**
   * The {@code request_buffering} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> requestBuffering() {
    return bool("request_buffering");
  }

  /**
   * The {@code response_buffering} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> responseBuffering() {
    return bool("response_buffering");
  }

  /**
   * The {@code expression} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> expression() {
    return string("expression");
  }

  /**
   * The {@code priority} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalLong priority() {
    return longValue("priority");
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

  /** Builder of {@link Route}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Route, Builder> {
    Builder() {
      super(EntityKind.ROUTE);
    }

    @Override
    Route create(KongEntity.Slots slots) {
      return new Route(slots);
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
     * Sets {@code hosts}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hosts(List<String> value) {
      return put("hosts", Values.strings(value));
    }

    /**
     * Sets {@code hosts}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder hosts(String... values) {
      return put("hosts", Values.strings(List.of(values)));
    }

    /**
     * Sets {@code paths}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder paths(List<String> value) {
      return put("paths", Values.strings(value));
    }

    /**
     * Sets {@code paths}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder paths(String... values) {
      return put("paths", Values.strings(List.of(values)));
    }

    /**
     * Sets {@code methods}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder methods(List<String> value) {
      return put("methods", Values.strings(value));
    }

    /**
     * Sets {@code methods}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder methods(String... values) {
      return put("methods", Values.strings(List.of(values)));
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
     * Sets {@code headers}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder headers(JsonNode value) {
      return set("headers", value);
    }

    /**
     * Sets {@code snis}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder snis(List<String> value) {
      return put("snis", Values.strings(value));
    }

    /**
     * Sets {@code snis}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder snis(String... values) {
      return put("snis", Values.strings(List.of(values)));
    }

    /**
     * Sets {@code sources}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder sources(JsonNode value) {
      return set("sources", value);
    }

    /**
     * Sets {@code destinations}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder destinations(JsonNode value) {
      return set("destinations", value);
    }

    /**
     * Sets {@code strip_path}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder stripPath(boolean value) {
      return put("strip_path", BooleanNode.valueOf(value));
    }

    /**
     * Sets {@code preserve_host}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder preserveHost(boolean value) {
      return put("preserve_host", BooleanNode.valueOf(value));
    }

    /**
     * Sets {@code regex_priority}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder regexPriority(int value) {
      return put("regex_priority", IntNode.valueOf(value));
    }

    /**
     * Sets {@code https_redirect_status_code}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder httpsRedirectStatusCode(int value) {
      return put("https_redirect_status_code", IntNode.valueOf(value));
    }

    /**
     * Sets {@code path_handling}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pathHandling(String value) {
      return put("path_handling", TextNode.valueOf(value));
    }

    /**
     * Sets {@code request_buffering}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder requestBuffering(boolean value) {
      return put("request_buffering", BooleanNode.valueOf(value));
    }

    /**
     * Sets {@code response_buffering}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder responseBuffering(boolean value) {
      return put("response_buffering", BooleanNode.valueOf(value));
    }

    /**
     * Sets {@code expression}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder expression(String value) {
      return put("expression", TextNode.valueOf(value));
    }

    /**
     * Sets {@code priority}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder priority(long value) {
      return put("priority", Values.number(value));
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
