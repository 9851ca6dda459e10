package io.github.kongtranslator.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.internal.Values;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Common Kubernetes object metadata. Absent strings are empty, absent maps are empty.
 *
 * @param name the object's name (never empty once loaded)
 * @param namespace namespace as written, empty when absent
 * @param uid uid, empty when absent
 * @param resourceVersion resource version, empty when absent
 * @param generation generation, 0 when absent
 * @param labels labels in input order
 * @param annotations annotations in input order
 * @param creationTimestamp RFC 3339 creation time as written, empty when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectMeta(
    String name,
    String namespace,
    String uid,
    String resourceVersion,
    long generation,
    Map<String, String> labels,
    Map<String, String> annotations,
    String creationTimestamp) {

  /**
   * Normalises absent values (null from the wire) to empty ones and freezes the maps.
   *
   * @param name the object's name (never empty once loaded)
   * @param namespace namespace as written, empty when absent
   * @param uid uid, empty when absent
   * @param resourceVersion resource version, empty when absent
   * @param generation generation, 0 when absent
   * @param labels labels in input order
   * @param annotations annotations in input order
   * @param creationTimestamp RFC 3339 creation time as written, empty when absent
   */
  public ObjectMeta {
    name = Values.str(name);
    namespace = Values.str(namespace);
    uid = Values.str(uid);
    resourceVersion = Values.str(resourceVersion);
    labels = Values.map(labels);
    annotations = Values.map(annotations);
    creationTimestamp = Values.str(creationTimestamp);
  }

  /**
   * Metadata with only a name and namespace.
   *
   * @param namespace namespace, empty for cluster-scoped objects
   * @param name name
   * @return the metadata
   */
  public static ObjectMeta of(String namespace, String name) {
    return new ObjectMeta(name, namespace, "", "", 0, ImmutableMap.of(), ImmutableMap.of(), "");
  }

  /**
   * The annotation's value, if present.
   *
   * @param key annotation key
   * @return its value or {@code null}
   */
  public @Nullable String annotation(String key) {
    return annotations.get(key);
  }
}
