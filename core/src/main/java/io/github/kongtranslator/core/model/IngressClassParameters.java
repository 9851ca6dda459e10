package io.github.kongtranslator.core.model;

/**
 * A {@code configuration.konghq.com/v1alpha1} IngressClassParameters.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record IngressClassParameters(String apiVersion, ObjectMeta metadata, Spec spec)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public IngressClassParameters {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.INGRESS_CLASS_PARAMETERS;
  }

  /** The spec. */
  public record Spec(boolean serviceUpstream, boolean enableLegacyRegexDetection) {
    static final Spec EMPTY = new Spec(false, false);

    /**
     * Normalises absent collections.
     *
     * @param serviceUpstream the {@code spec.serviceUpstream} field
     * @param enableLegacyRegexDetection the {@code spec.enableLegacyRegexDetection} field
     */
    public Spec {}
  }
}
