package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1beta1} KongConsumerGroup.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record KongConsumerGroup(String apiVersion, ObjectMeta metadata, Spec spec)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public KongConsumerGroup {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.KONG_CONSUMER_GROUP;
  }

  /** The spec. */
  public record Spec(@Nullable String name) {
    static final Spec EMPTY = new Spec(null);

    /**
     * Normalises absent collections.
     *
     * @param name the {@code spec.name} field; null when absent
     */
    public Spec {}
  }
}
