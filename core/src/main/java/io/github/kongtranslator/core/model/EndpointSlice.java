package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code discovery.k8s.io/v1} EndpointSlice. The owning Service is named by the label {@code
 * kubernetes.io/service-name}.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param addressType IPv4, IPv6 or FQDN
 * @param endpoints the endpoints
 * @param ports the ports
 */
public record EndpointSlice(
    String apiVersion,
    ObjectMeta metadata,
    @Nullable String addressType,
    List<Endpoint> endpoints,
    List<EndpointPort> ports)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param addressType IPv4, IPv6 or FQDN
   * @param endpoints the endpoints
   * @param ports the ports
   */
  public EndpointSlice {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    endpoints = Values.list(endpoints);
    ports = Values.list(ports);
  }

  @Override
  public Kind kind() {
    return Kind.ENDPOINT_SLICE;
  }

  /** Label naming the Service an EndpointSlice belongs to. */
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  /** {@return the name of the Service this slice belongs to, empty when the label is absent} */
  public String serviceName() {
    return Values.str(metadata.labels().get(SERVICE_NAME_LABEL));
  }

  /** One endpoint. */
  public record Endpoint(
      List<String> addresses,
      @Nullable Conditions conditions,
      @Nullable String hostname,
      @Nullable String nodeName) {
    /**
     * Normalises absent addresses.
     *
     * @param addresses the {@code addresses} field; empty when absent
     * @param conditions the {@code conditions} field; null when absent
     * @param hostname the {@code hostname} field; null when absent
     * @param nodeName the {@code nodeName} field; null when absent
     */
    public Endpoint {
      addresses = Values.list(addresses);
    }
  }

  /** Endpoint conditions; {@code null} means unknown. */
  public record Conditions(
      @Nullable Boolean ready, @Nullable Boolean serving, @Nullable Boolean terminating) {}

  /** A port of the slice. */
  public record EndpointPort(
      @Nullable String name,
      @Nullable Integer port,
      @Nullable String protocol,
      @Nullable String appProtocol) {}
}
