package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A Gateway API GatewayClass (cluster-scoped).
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record GatewayClass(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public GatewayClass {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.GATEWAY_CLASS;
  }

  /** The spec. */
  public record Spec(
      @Nullable String controllerName, GatewayApi.@Nullable ParentReference parametersRef) {
    static final Spec EMPTY = new Spec(null, null);

    /**
     * Normalises absent collections.
     *
     * @param controllerName the {@code spec.controllerName} field; null when absent
     * @param parametersRef the {@code spec.parametersRef} field; null when absent
     */
    public Spec {}
  }
}
