package io.github.kongtranslator.translator.internal.incremental;

import io.github.kongtranslator.core.model.K8sObject;
import org.jspecify.annotations.Nullable;

/** A non-global object of the snapshot with its footprint and the unit it belongs to. */
final class Node {
  final String key;
  final K8sObject object;
  final Footprint fp;
  @Nullable Unit unit;

  Node(String key, K8sObject object, Footprint fp) {
    this.key = key;
    this.object = object;
    this.fp = fp;
  }
}
