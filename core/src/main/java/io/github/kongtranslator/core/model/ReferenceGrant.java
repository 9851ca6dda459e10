package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Gateway API ReferenceGrant: allows objects in other namespaces to refer to objects in its
 * namespace.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record ReferenceGrant(String apiVersion, ObjectMeta metadata, Spec spec)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public ReferenceGrant {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.REFERENCE_GRANT;
  }

  /** The spec. */
  public record Spec(List<From> from, List<To> to) {
    static final Spec EMPTY = new Spec(List.of(), List.of());

    /**
     * Normalises absent collections.
     *
     * @param from the {@code spec.from} field; empty when absent
     * @param to the {@code spec.to} field; empty when absent
     */
    public Spec {
      from = Values.list(from);
      to = Values.list(to);
    }
  }

  /** Who may refer. */
  public record From(@Nullable String group, @Nullable String kind, @Nullable String namespace) {}

  /** What may be referred to; an absent name allows every object of the kind. */
  public record To(@Nullable String group, @Nullable String kind, @Nullable String name) {}
}
