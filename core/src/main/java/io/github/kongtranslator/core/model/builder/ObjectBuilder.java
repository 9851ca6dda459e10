package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every builder shares: the {@code apiVersion} and the metadata. A builder is mutable and not
 * thread-safe; {@link #build()} may be called more than once and returns a new immutable object
 * each time.
 *
 * @param <T> the model type built
 * @param <B> the concrete builder type
 */
public abstract class ObjectBuilder<T extends K8sObject, B extends ObjectBuilder<T, B>> {
  private final Kind kind;
  private @Nullable String apiVersion;
  private String namespace = "";
  private String name = "";
  private String uid = "";
  private String resourceVersion = "";
  private long generation;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private String creationTimestamp = "";

  ObjectBuilder(Kind kind) {
    this.kind = kind;
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * Sets the {@code apiVersion}; by default the kind's preferred one ({@link Kind#apiVersion()}).
   * It must name the kind's group and one of its served versions ({@link Kind#versions()}).
   *
   * @param apiVersion e.g. {@code gateway.networking.k8s.io/v1beta1}
   * @return this builder
   */
  public final B apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return self();
  }

  /**
   * Sets the namespace: required for namespaced kinds, must stay empty for cluster-scoped ones.
   *
   * @param namespace the namespace
   * @return this builder
   */
  public final B namespace(String namespace) {
    this.namespace = namespace;
    return self();
  }

  /**
   * Sets the name (required).
   *
   * @param name the name
   * @return this builder
   */
  public final B name(String name) {
    this.name = name;
    return self();
  }

  /**
   * Sets the uid (optional).
   *
   * @param uid the uid
   * @return this builder
   */
  public final B uid(String uid) {
    this.uid = uid;
    return self();
  }

  /**
   * Sets the resource version (optional).
   *
   * @param resourceVersion the resource version
   * @return this builder
   */
  public final B resourceVersion(String resourceVersion) {
    this.resourceVersion = resourceVersion;
    return self();
  }

  /**
   * Sets {@code metadata.generation} (optional, not negative).
   *
   * @param generation the generation
   * @return this builder
   */
  public final B generation(long generation) {
    this.generation = generation;
    return self();
  }

  /**
   * Adds or replaces a label.
   *
   * @param key label key
   * @param value label value
   * @return this builder
   */
  public final B label(String key, String value) {
    labels.put(key, value);
    return self();
  }

  /**
   * Adds or replaces an annotation (e.g. {@code konghq.com/plugins}).
   *
   * @param key annotation key
   * @param value annotation value
   * @return this builder
   */
  public final B annotation(String key, String value) {
    annotations.put(key, value);
    return self();
  }

  /**
   * Sets the creation timestamp as RFC 3339 text (optional).
   *
   * @param timestamp e.g. {@code 2026-01-01T00:00:00Z}
   * @return this builder
   */
  public final B creationTimestamp(String timestamp) {
    this.creationTimestamp = timestamp;
    return self();
  }

  /**
   * Builds the object.
   *
   * @return a new immutable object
   * @throws ObjectBuildException naming the object and listing every problem, when the {@code
   *     apiVersion} does not serve the kind or a required field is missing or invalid
   */
  public final T build() {
    List<String> problems = new ArrayList<>();
    String av = apiVersion == null ? kind.apiVersion() : apiVersion;
    Optional<Kind> served = Kind.forApiVersion(av, kind.kindName());
    if (served.isEmpty() || served.get() != kind) {
      problems.add(
          "apiVersion "
              + (av.isEmpty() ? "<empty>" : av)
              + " does not serve kind "
              + kind.kindName()
              + " (served: "
              + servedApiVersions()
              + ")");
    }
    if (name.isEmpty()) {
      problems.add("metadata.name is required");
    }
    if (kind.namespaced() && namespace.isEmpty()) {
      problems.add("metadata.namespace is required for namespaced kind " + kind.kindName());
    }
    if (!kind.namespaced() && !namespace.isEmpty()) {
      problems.add("metadata.namespace must be empty: " + kind.kindName() + " is cluster-scoped");
    }
    if (generation < 0) {
      problems.add("metadata.generation must not be negative");
    }
    check(problems);
    if (!problems.isEmpty()) {
      throw new ObjectBuildException(kind.kindName(), namespace, name, problems);
    }
    ObjectMeta meta =
        new ObjectMeta(
            name,
            namespace,
            uid,
            resourceVersion,
            generation,
            labels,
            annotations,
            creationTimestamp);
    return create(av, meta);
  }

  private String servedApiVersions() {
    List<String> out = new ArrayList<>();
    for (String v : kind.versions()) {
      out.add(kind.group().isEmpty() ? v : kind.group() + "/" + v);
    }
    return String.join(", ", out);
  }

  /** Adds a sentence per problem of the kind's own fields. */
  abstract void check(List<String> problems);

  /** Creates the value once every check passed. */
  abstract T create(String apiVersion, ObjectMeta metadata);

  static void checkPort(List<String> problems, String field, @Nullable Integer port) {
    if (port == null) {
      problems.add(field + " is required");
    } else if (port < 1 || port > 65535) {
      problems.add(field + " must be in 1..65535, found " + port);
    }
  }

  static boolean blank(@Nullable String s) {
    return s == null || s.isEmpty();
  }
}
