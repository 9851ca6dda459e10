package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A {@code networking.k8s.io/v1} IngressClass (cluster-scoped).
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record IngressClass(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public IngressClass {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.INGRESS_CLASS;
  }

  /** The spec. */
  public record Spec(@Nullable String controller, @Nullable Parameters parameters) {
    static final Spec EMPTY = new Spec(null, null);

    /**
     * Normalises absent collections.
     *
     * @param controller the {@code spec.controller} field; null when absent
     * @param parameters the {@code spec.parameters} field; null when absent
     */
    public Spec {}
  }

  /** Reference to the class parameters. */
  public record Parameters(
      @Nullable String apiGroup,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String namespace,
      @Nullable String scope) {}
}
