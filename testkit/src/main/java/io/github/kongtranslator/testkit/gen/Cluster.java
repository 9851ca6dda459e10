package io.github.kongtranslator.testkit.gen;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;

/**
 * A generated cluster scenario for fallback properties: the current snapshot, a last valid snapshot
 * that shares most objects with it, and two broken sets.
 *
 * @param current the snapshot whose configuration the gateway rejected
 * @param lastValid an earlier snapshot: some objects added, deleted or edited since
 * @param broken broken refs: mostly objects of {@code current}, plus unknown refs (absent names,
 *     wrong uids) and duplicates
 * @param moreBroken further broken refs, generated like {@code broken}
 * @param manifest the YAML of {@code current}, for failure reports
 */
public record Cluster(
    CacheStores current,
    CacheStores lastValid,
    ImmutableList<ObjectRef> broken,
    ImmutableList<ObjectRef> moreBroken,
    String manifest) {

  /** {@return {@code broken} followed by {@code moreBroken}} */
  public ImmutableList<ObjectRef> allBroken() {
    return ImmutableList.<ObjectRef>builder().addAll(broken).addAll(moreBroken).build();
  }

  /** The manifest and both broken sets: what a failure report needs to reproduce the case. */
  @Override
  public String toString() {
    return "Cluster[broken=" + broken + ", moreBroken=" + moreBroken + "]\n" + manifest;
  }
}
