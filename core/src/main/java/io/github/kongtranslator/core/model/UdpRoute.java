package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;

/**
 * A Gateway API UDPRoute.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record UdpRoute(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public UdpRoute {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.UDP_ROUTE;
  }

  /** The spec. */
  public record Spec(List<GatewayApi.ParentReference> parentRefs, List<GatewayApi.L4Rule> rules) {
    static final Spec EMPTY = new Spec(List.of(), List.of());

    /**
     * Normalises absent collections.
     *
     * @param parentRefs the {@code spec.parentRefs} field; empty when absent
     * @param rules the {@code spec.rules} field; empty when absent
     */
    public Spec {
      parentRefs = Values.list(parentRefs);
      rules = Values.list(rules);
    }
  }
}
