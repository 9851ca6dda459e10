package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Kong service: the upstream endpoint that routes forward to, with nested routes and plugins.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Service extends KongEntity {
  Service(KongEntity.Slots slots) {
    super(EntityKind.SERVICE, slots);
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
   * The {@code host} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> host() {
    return string("host");
  }

  /**
   * The {@code port} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt port() {
    return integer("port");
  }

  /**
   * The {@code protocol} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> protocol() {
    return string("protocol");
  }

  /**
   * The {@code path} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> path() {
    return string("path");
  }

  /**
   * The {@code url} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> url() {
    return string("url");
  }

  /**
   * The {@code retries} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt retries() {
    return integer("retries");
  }

  /**
   * The {@code connect_timeout} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt connectTimeout() {
    return integer("connect_timeout");
  }

  /**
   * The {@code read_timeout} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt readTimeout() {
    return integer("read_timeout");
  }

  /**
   * The {@code write_timeout} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt writeTimeout() {
    return integer("write_timeout");
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
   * The {@code ca_certificates} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> caCertificates() {
    return strings("ca_certificates");
  }

  /**
   * The {@code tls_verify} field.
   *
   * @return the boolean, empty when absent
   */
  public Optional<Boolean> tlsVerify() {
    return bool("tls_verify");
  }

  /**
   * The {@code tls_verify_depth} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt tlsVerifyDepth() {
    return integer("tls_verify_depth");
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
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /**
   * The nested {@code routes}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<Route> routes() {
    return children("routes", Route.class);
  }

  /**
   * The nested {@code plugins}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<Plugin> plugins() {
    return children("plugins", Plugin.class);
  }

  /** Builder of {@link Service}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Service, Builder> {
    Builder() {
      super(EntityKind.SERVICE);
    }

    @Override
    Service create(KongEntity.Slots slots) {
      return new Service(slots);
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
     * Sets {@code host}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder host(String value) {
      return put("host", TextNode.valueOf(value));
    }

    /**
     * Sets {@code port}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder port(int value) {
      return put("port", IntNode.valueOf(value));
    }

    /**
     * Sets {@code protocol}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder protocol(String value) {
      return put("protocol", TextNode.valueOf(value));
    }

    /**
     * Sets {@code path}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder path(String value) {
      return put("path", TextNode.valueOf(value));
    }

    /**
     * Sets {@code url}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder url(String value) {
      return put("url", TextNode.valueOf(value));
    }

    /**
     * Sets {@code retries}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder retries(int value) {
      return put("retries", IntNode.valueOf(value));
    }

    /**
     * Sets {@code connect_timeout}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder connectTimeout(int value) {
      return put("connect_timeout", IntNode.valueOf(value));
    }

    /**
     * Sets {@code read_timeout}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder readTimeout(int value) {
      return put("read_timeout", IntNode.valueOf(value));
    }

    /**
     * Sets {@code write_timeout}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder writeTimeout(int value) {
      return put("write_timeout", IntNode.valueOf(value));
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
     * Sets {@code ca_certificates}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder caCertificates(List<String> value) {
      return put("ca_certificates", Values.strings(value));
    }

    /**
     * Sets {@code ca_certificates}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder caCertificates(String... values) {
      return put("ca_certificates", Values.strings(List.of(values)));
    }

    /**
     * Sets {@code tls_verify}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder tlsVerify(boolean value) {
      return put("tls_verify", BooleanNode.valueOf(value));
    }

    /**
     * Sets {@code tls_verify_depth}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder tlsVerifyDepth(int value) {
      return put("tls_verify_depth", IntNode.valueOf(value));
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
     * Sets the nested {@code routes} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder routes(List<Route> entities) {
      return putChildren("routes", entities);
    }

    /**
     * Appends one entity to the nested {@code routes}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addRoute(Route entity) {
      return addChild("routes", entity);
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
