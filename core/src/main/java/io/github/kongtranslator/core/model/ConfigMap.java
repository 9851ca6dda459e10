package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.Map;

/**
 * A core {@code v1} ConfigMap.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param data the data entries
 */
public record ConfigMap(String apiVersion, ObjectMeta metadata, Map<String, String> data)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param data the data entries
   */
  public ConfigMap {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    data = Values.map(data);
  }

  @Override
  public Kind kind() {
    return Kind.CONFIG_MAP;
  }
}
