package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code incubator.ingress-controller.konghq.com/v1alpha1} KongServiceFacade.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record KongServiceFacade(String apiVersion, ObjectMeta metadata, Spec spec)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public KongServiceFacade {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.KONG_SERVICE_FACADE;
  }

  /** The spec. */
  public record Spec(@Nullable BackendRef backendRef) {
    static final Spec EMPTY = new Spec(null);

    /**
     * Normalises absent collections.
     *
     * @param backendRef the {@code spec.backendRef} field; null when absent
     */
    public Spec {}
  }

  /** The Service (same namespace) and port behind the facade. */
  public record BackendRef(@Nullable String name, int port) {}
}
