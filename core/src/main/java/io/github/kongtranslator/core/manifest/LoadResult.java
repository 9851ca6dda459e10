package io.github.kongtranslator.core.manifest;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.K8sObject;
import java.util.List;

/**
 * The objects loaded from one or more manifests, in input order, and the warnings about what
 * was skipped.
 *
 * @param objects the objects, in input order (duplicates are kept; a cache keeps the last)
 * @param warnings skipped documents, in input order
 */
public record LoadResult(List<K8sObject> objects, List<ManifestWarning> warnings) {
  /** Freezes the lists. */
  public LoadResult {
    objects = ImmutableList.copyOf(objects);
    warnings = ImmutableList.copyOf(warnings);
  }

  /**
   * Concatenates two results.
   *
   * @param other the result to append
   * @return a result with this result's objects and warnings followed by the other's
   */
  public LoadResult plus(LoadResult other) {
    return new LoadResult(
        ImmutableList.<K8sObject>builder().addAll(objects).addAll(other.objects).build(),
        ImmutableList.<ManifestWarning>builder().addAll(warnings).addAll(other.warnings).build());
  }
}
