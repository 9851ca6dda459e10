package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Kong upstream: load-balancing settings and health checks, with nested targets.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Upstream extends KongEntity {
  Upstream(KongEntity.Slots slots) {
    super(EntityKind.UPSTREAM, slots);
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
   * The {@code algorithm} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> algorithm() {
    return string("algorithm");
  }

  /**
   * The {@code hash_on} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashOn() {
    return string("hash_on");
  }

  /**
   * The {@code hash_fallback} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashFallback() {
    return string("hash_fallback");
  }

  /**
   * The {@code hash_on_header} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashOnHeader() {
    return string("hash_on_header");
  }

  /**
   * The {@code hash_fallback_header} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashFallbackHeader() {
    return string("hash_fallback_header");
  }

  /**
   * The {@code hash_on_cookie} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashOnCookie() {
    return string("hash_on_cookie");
  }

  /**
   * The {@code hash_on_cookie_path} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashOnCookiePath() {
    return string("hash_on_cookie_path");
  }

  /**
   * The {@code hash_on_query_arg} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashOnQueryArg() {
    return string("hash_on_query_arg");
  }

  /**
   * The {@code hash_fallback_query_arg} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashFallbackQueryArg() {
    return string("hash_fallback_query_arg");
  }

  /**
   * The {@code hash_on_uri_capture} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashOnUriCapture() {
    return string("hash_on_uri_capture");
  }

  /**
   * The {@code hash_fallback_uri_capture} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hashFallbackUriCapture() {
    return string("hash_fallback_uri_capture");
  }

  /**
   * The {@code healthchecks} field.
   *
   * @return the object (a copy), empty when absent
   */
  public Optional<JsonNode> healthchecks() {
    return json("healthchecks");
  }

  /**
   * The {@code host_header} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> hostHeader() {
    return string("host_header");
  }

  /**
   * The {@code client_certificate} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> clientCertificate() {
    return reference("client_certificate");
  }

  /**
   * The {@code slots} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt slots() {
    return integer("slots");
  }

  /**
   * The {@code sticky_sessions_cookie} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> stickySessionsCookie() {
    return string("sticky_sessions_cookie");
  }

  /**
   * The {@code sticky_sessions_cookie_path} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> stickySessionsCookiePath() {
    return string("sticky_sessions_cookie_path");
  }

  /**
   * The {@code use_srv_name} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> useSrvName() {
    return bool("use_srv_name");
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
   * The nested {@code targets}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<Target> targets() {
    return children("targets", Target.class);
  }

  /** Builder of {@link Upstream}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Upstream, Builder> {
    Builder() {
      super(EntityKind.UPSTREAM);
    }

    @Override
    Upstream create(KongEntity.Slots slots) {
      return new Upstream(slots);
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
     * Sets {@code algorithm}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder algorithm(String value) {
      return put("algorithm", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_on}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashOn(String value) {
      return put("hash_on", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_fallback}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashFallback(String value) {
      return put("hash_fallback", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_on_header}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashOnHeader(String value) {
      return put("hash_on_header", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_fallback_header}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashFallbackHeader(String value) {
      return put("hash_fallback_header", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_on_cookie}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashOnCookie(String value) {
      return put("hash_on_cookie", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_on_cookie_path}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashOnCookiePath(String value) {
      return put("hash_on_cookie_path", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_on_query_arg}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashOnQueryArg(String value) {
      return put("hash_on_query_arg", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_fallback_query_arg}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashFallbackQueryArg(String value) {
      return put("hash_fallback_query_arg", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_on_uri_capture}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashOnUriCapture(String value) {
      return put("hash_on_uri_capture", TextNode.valueOf(value));
    }

    /**
     * Sets {@code hash_fallback_uri_capture}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hashFallbackUriCapture(String value) {
      return put("hash_fallback_uri_capture", TextNode.valueOf(value));
    }

    /**
     * Sets {@code healthchecks}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder healthchecks(JsonNode value) {
      return set("healthchecks", value);
    }

    /**
     * Sets {@code host_header}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder hostHeader(String value) {
      return put("host_header", TextNode.valueOf(value));
    }

    /**
     * Sets {@code client_certificate}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder clientCertificate(String value) {
      return put("client_certificate", TextNode.valueOf(value));
    }

    /**
     * Sets {@code slots}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder slots(int value) {
      return put("slots", IntNode.valueOf(value));
    }

    /**
     * Sets {@code sticky_sessions_cookie}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder stickySessionsCookie(String value) {
      return put("sticky_sessions_cookie", TextNode.valueOf(value));
    }

    /**
     * Sets {@code sticky_sessions_cookie_path}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder stickySessionsCookiePath(String value) {
      return put("sticky_sessions_cookie_path", TextNode.valueOf(value));
    }

    /**
     * Sets {@code use_srv_name}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder useSrvName(boolean value) {
      return put("use_srv_name", BooleanNode.valueOf(value));
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
     * Sets the nested {@code targets} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder targets(List<Target> entities) {
      return putChildren("targets", entities);
    }

    /**
     * Appends one entity to the nested {@code targets}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addTarget(Target entity) {
      return addChild("targets", entity);
    }
  }
}
