package io.github.kongtranslator.core.manifest;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.K8sObject;
import java.util.List;

/**
 * The objects loaded from one or more manifests, in input order, the warnings about what was
 * skipped, the objects refused as the API server would refuse them, and what was defaulted.
 *
 * @param objects the objects, in input order (duplicates are kept; a cache keeps the last)
 * @param warnings skipped documents, in input order
 * @param rejected objects left out because the API server would refuse them, in input order
 * @param defaulted per object, the fields loading filled in; objects with none are absent
 */
public record LoadResult(
    List<K8sObject> objects,
    List<ManifestWarning> warnings,
    List<InvalidObjectException> rejected,
    List<DefaultedFields> defaulted) {
  /**
   * Freezes the lists.
   *
   * @param objects the objects, in input order (duplicates are kept; a cache keeps the last)
   * @param warnings skipped documents, in input order
   * @param rejected objects left out because the API server would refuse them, in input order
   * @param defaulted per object, the fields loading filled in; objects with none are absent
   */
  public LoadResult {
    objects = ImmutableList.copyOf(objects);
    warnings = ImmutableList.copyOf(warnings);
    rejected = ImmutableList.copyOf(rejected);
    defaulted = ImmutableList.copyOf(defaulted);
  }

  /**
   * A result without rejections or defaults.
   *
   * @param objects the objects
   * @param warnings the warnings
   */
  public LoadResult(List<K8sObject> objects, List<ManifestWarning> warnings) {
    this(objects, warnings, List.of(), List.of());
  }

  /** {@return the empty result} */
  public static LoadResult empty() {
    return new LoadResult(List.of(), List.of());
  }

  /**
   * Concatenates two results.
   *
   * @param other the result to append
   * @return a result with this result's lists followed by the other's
   */
  public LoadResult plus(LoadResult other) {
    return new LoadResult(
        ImmutableList.<K8sObject>builder().addAll(objects).addAll(other.objects).build(),
        ImmutableList.<ManifestWarning>builder().addAll(warnings).addAll(other.warnings).build(),
        ImmutableList.<InvalidObjectException>builder()
            .addAll(rejected)
            .addAll(other.rejected)
            .build(),
        ImmutableList.<DefaultedFields>builder().addAll(defaulted).addAll(other.defaulted).build());
  }
}
