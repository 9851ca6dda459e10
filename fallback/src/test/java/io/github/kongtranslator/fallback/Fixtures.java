package io.github.kongtranslator.fallback;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestOptions;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
    // Fixtures describe graph and sync situations, some with objects the API server's CRD rules
    // would refuse: defaults, namespaces and uids apply, validation does not.
    LoadResult r =
        Manifests.with(ManifestOptions.builder().validation(false).build())
            .readString(yaml, "fixture");
    if (!r.warnings().isEmpty() || !r.rejected().isEmpty()) {
      throw new AssertionError(
          "fixture has skipped or refused documents: " + r.warnings() + r.rejected());
    }
    return CacheStores.of(r.objects());
  }

  /**
   * Parses YAML documents into a snapshot as stored (no API-server admission), for situations a
   * store can hold but an admitted manifest cannot.
   *
   * @param yaml a multi-document YAML stream
   * @return the snapshot
   */
  public static CacheStores storedSnapshot(String yaml) {
    LoadResult r = Manifests.asStored().readString(yaml, "fixture");
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
    Kind kind =
        Arrays.stream(Kind.values())
            .filter(k -> k.kindName().equals(parts[0]))
            .findFirst()
            .orElseThrow(() -> new AssertionError("unknown kind in " + text));
    String[] nsName = parts[1].split("/", 2);
    return nsName.length == 2
        ? ObjectRef.of(kind, nsName[0], nsName[1])
        : ObjectRef.of(kind, "", nsName[0]);
  }

  /** Annotation marking an object the conformance gateway rejects. */
  public static final String BROKEN = "test.konghq.com/broken";

  /**
   * The {@code kic-golden} directory of the shared conformance corpus.
   *
   * @return the directory
   */
  public static Path goldenDir() {
    String shared = System.getProperty("kt.shared.dir", "../../shared");
    Path dir = Path.of(shared, "conformance", "kic-golden").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("conformance corpus not found at " + dir + " (set -Dkt.shared.dir)");
    }
    return dir;
  }

  /**
   * Loads a corpus case's {@code in.yaml} as stored, as KIC's golden harness does.
   *
   * @param caseName e.g. {@code fallback-config-ingress}
   * @return its objects in input order
   */
  public static List<K8sObject> corpusObjects(String caseName) {
    return Manifests.asStored().read(goldenDir().resolve(caseName).resolve("in.yaml")).objects();
  }

  /**
   * The objects annotated broken, in input order.
   *
   * @param objects loaded objects
   * @return their refs
   */
  public static List<ObjectRef> annotatedBroken(List<K8sObject> objects) {
    return objects.stream()
        .filter(o -> "true".equals(o.metadata().annotation(BROKEN)))
        .map(K8sObject::ref)
        .toList();
  }
}
