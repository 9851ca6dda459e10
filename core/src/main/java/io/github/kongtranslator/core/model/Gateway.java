package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Gateway API Gateway.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 * @param status the status as written, or {@code null} when absent (only the listener statuses are
 *     kept: they gate listener certificates)
 */
public record Gateway(String apiVersion, ObjectMeta metadata, Spec spec, @Nullable Status status)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   * @param status the status as written, or {@code null} when absent (only the listener statuses
   *     are kept: they gate listener certificates)
   */
  public Gateway {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.GATEWAY;
  }

  /** The spec. */
  public record Spec(
      @Nullable String gatewayClassName, List<Listener> listeners, List<Address> addresses) {
    static final Spec EMPTY = new Spec(null, List.of(), List.of());

    /**
     * Normalises absent collections.
     *
     * @param gatewayClassName the {@code spec.gatewayClassName} field; null when absent
     * @param listeners the {@code spec.listeners} field; empty when absent
     * @param addresses the {@code spec.addresses} field; empty when absent
     */
    public Spec {
      listeners = Values.list(listeners);
      addresses = Values.list(addresses);
    }
  }

  /** A listener. */
  public record Listener(
      @Nullable String name,
      @Nullable String hostname,
      int port,
      @Nullable String protocol,
      @Nullable ListenerTls tls,
      @Nullable JsonValue allowedRoutes) {}

  /** Listener TLS settings. */
  public record ListenerTls(
      @Nullable String mode,
      List<GatewayApi.ObjectReference> certificateRefs,
      Map<String, String> options) {
    /**
     * Normalises absent collections.
     *
     * @param mode the {@code mode} field; null when absent
     * @param certificateRefs the {@code certificateRefs} field; empty when absent
     * @param options the {@code options} field; empty when absent
     */
    public ListenerTls {
      certificateRefs = Values.list(certificateRefs);
      options = Values.map(options);
    }
  }

  /** A Gateway address. */
  public record Address(@Nullable String type, @Nullable String value) {}

  /**
   * The status.
   *
   * @param listeners one entry per listener the controller reported on
   */
  public record Status(List<ListenerStatus> listeners) {
    /**
     * Normalises absent listeners.
     *
     * @param listeners one entry per listener the controller reported on
     */
    public Status {
      listeners = Values.list(listeners);
    }
  }

  /**
   * A listener's status.
   *
   * @param name the listener name
   * @param conditions its conditions
   */
  public record ListenerStatus(@Nullable String name, List<Condition> conditions) {
    /**
     * Normalises absent conditions.
     *
     * @param name the listener name
     * @param conditions its conditions
     */
    public ListenerStatus {
      conditions = Values.list(conditions);
    }
  }

  /**
   * A status condition.
   *
   * @param type e.g. {@code Programmed}
   * @param status {@code True}, {@code False} or {@code Unknown}
   * @param reason machine-readable reason
   * @param observedGeneration the generation the condition was computed for
   */
  public record Condition(
      @Nullable String type,
      @Nullable String status,
      @Nullable String reason,
      @Nullable Long observedGeneration) {}
}
