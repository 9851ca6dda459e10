package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1alpha1} KongVault (cluster-scoped).
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record KongVault(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public KongVault {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.KONG_VAULT;
  }

  /** The spec. */
  public record Spec(
      @Nullable String backend,
      @Nullable String prefix,
      @Nullable String description,
      @Nullable JsonValue config,
      @Nullable String controllerName) {
    static final Spec EMPTY = new Spec(null, null, null, null, null);

    /**
     * Normalises absent collections.
     *
     * @param backend the {@code spec.backend} field; null when absent
     * @param prefix the {@code spec.prefix} field; null when absent
     * @param description the {@code spec.description} field; null when absent
     * @param config the {@code spec.config} field; null when absent
     * @param controllerName the {@code spec.controllerName} field; null when absent
     */
    public Spec {}
  }
}
