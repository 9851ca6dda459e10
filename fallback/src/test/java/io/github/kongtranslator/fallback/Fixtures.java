package io.github.kongtranslator.fallback;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.Arrays;

/** Test fixtures: snapshots from YAML text and refs from {@code Kind ns/name} strings. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Parses YAML documents into a snapshot; fails on any skipped document.
   *
   * @param yaml a multi-document YAML stream
   * @return the snapshot
   */
  public static CacheStores snapshot(String yaml) {
    LoadResult r = Manifests.parse(yaml, "fixture");
    if (!r.warnings().isEmpty()) {
      throw new AssertionError("fixture has skipped documents: " + r.warnings());
    }
    return CacheStores.of(r.objects());
  }

  /**
   * The full ref of an object of the snapshot named {@code Kind ns/name} or {@code Kind name}.
   *
   * @param snapshot the snapshot
   * @param text e.g. {@code KongPlugin default/auth}
   * @return the object's ref
   */
  public static ObjectRef ref(CacheStores snapshot, String text) {
    return object(snapshot, text).ref();
  }

  /**
   * The object named {@code Kind ns/name} or {@code Kind name}.
   *
   * @param snapshot the snapshot
   * @param text e.g. {@code KongPlugin default/auth}
   * @return the object
   */
  public static K8sObject object(CacheStores snapshot, String text) {
    ObjectRef ref = parse(text);
    return snapshot.get(ref).orElseThrow(() -> new AssertionError("no " + text + " in fixture"));
  }

  /**
   * A ref without version and uid from {@code Kind ns/name} or {@code Kind name}.
   *
   * @param text the ref text
   * @return the ref
   */
  public static ObjectRef parse(String text) {
    String[] parts = text.split(" ", 2);
    Kind kind = Arrays.stream(Kind.values()).filter(k -> k.kindName().equals(parts[0]))
        .findFirst().orElseThrow(() -> new AssertionError("unknown kind in " + text));
    String[] nsName = parts[1].split("/", 2);
    return nsName.length == 2
        ? ObjectRef.of(kind, nsName[0], nsName[1])
        : ObjectRef.of(kind, "", nsName[0]);
  }
}
