package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A core {@code v1} Service.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record Service(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public Service {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.SERVICE;
  }

  /** The spec. */
  public record Spec(
      @Nullable String type,
      @Nullable String clusterIP,
      @Nullable String externalName,
      List<ServicePort> ports,
      Map<String, String> selector) {
    static final Spec EMPTY = new Spec(null, null, null, List.of(), Map.of());

    /**
     * Normalises absent collections.
     *
     * @param type the {@code spec.type} field; null when absent
     * @param clusterIP the {@code spec.clusterIP} field; null when absent
     * @param externalName the {@code spec.externalName} field; null when absent
     * @param ports the {@code spec.ports} field; empty when absent
     * @param selector the {@code spec.selector} field; empty when absent
     */
    public Spec {
      ports = Values.list(ports);
      selector = Values.map(selector);
    }
  }

  /** A Service port. */
  public record ServicePort(
      @Nullable String name,
      @Nullable String protocol,
      int port,
      @Nullable IntOrString targetPort,
      @Nullable String appProtocol,
      @Nullable Integer nodePort) {}
}
