package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1} KongIngress (deprecated overrides). Its sections are kept
 * as JSON trees.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param upstream upstream overrides
 * @param proxy service overrides
 * @param route route overrides
 */
public record KongIngress(
    String apiVersion,
    ObjectMeta metadata,
    @Nullable JsonValue upstream,
    @Nullable JsonValue proxy,
    @Nullable JsonValue route)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param upstream upstream overrides
   * @param proxy service overrides
   * @param route route overrides
   */
  public KongIngress {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
  }

  @Override
  public Kind kind() {
    return Kind.KONG_INGRESS;
  }
}
