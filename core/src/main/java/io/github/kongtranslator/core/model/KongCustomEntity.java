package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1alpha1} KongCustomEntity.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record KongCustomEntity(String apiVersion, ObjectMeta metadata, Spec spec)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public KongCustomEntity {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.KONG_CUSTOM_ENTITY;
  }

  /** The spec. */
  public record Spec(
      @Nullable String type,
      @Nullable String controllerName,
      @Nullable JsonValue fields,
      @Nullable ParentRef parentRef) {
    static final Spec EMPTY = new Spec(null, null, null, null);

    /**
     * Normalises absent collections.
     *
     * @param type the {@code spec.type} field; null when absent
     * @param controllerName the {@code spec.controllerName} field; null when absent
     * @param fields the {@code spec.fields} field; null when absent
     * @param parentRef the {@code spec.parentRef} field; null when absent
     */
    public Spec {}
  }

  /** The object (usually a KongPlugin) the entity is attached to. */
  public record ParentRef(
      @Nullable String group,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String namespace) {}
}
