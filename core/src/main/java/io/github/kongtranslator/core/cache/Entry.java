package io.github.kongtranslator.core.cache;

import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.K8sObject;

/** A stored object with the SHA-256 of its canonical JSON, computed once at ingestion. */
final class Entry {
  final K8sObject object;
  final byte[] digest;

  private Entry(K8sObject object, byte[] digest) {
    this.object = object;
    this.digest = digest;
  }

  static Entry of(K8sObject object) {
    if (object.metadata().name().isEmpty()) {
      throw new CacheException(object.kindName() + " without metadata.name cannot be cached");
    }
    return new Entry(object, ModelJson.digest(object));
  }
}
