package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Gateway API BackendTLSPolicy.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record BackendTlsPolicy(String apiVersion, ObjectMeta metadata, Spec spec)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public BackendTlsPolicy {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.BACKEND_TLS_POLICY;
  }

  /** The spec. */
  public record Spec(
      List<TargetRef> targetRefs, @Nullable Validation validation, Map<String, String> options) {
    static final Spec EMPTY = new Spec(List.of(), null, Map.of());

    /**
     * Normalises absent collections.
     *
     * @param targetRefs the {@code spec.targetRefs} field; empty when absent
     * @param validation the {@code spec.validation} field; null when absent
     * @param options the {@code spec.options} field; empty when absent
     */
    public Spec {
      targetRefs = Values.list(targetRefs);
      options = Values.map(options);
    }
  }

  /** A policy target. */
  public record TargetRef(
      @Nullable String group,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String sectionName) {}

  /** Validation settings. */
  public record Validation(
      List<GatewayApi.ObjectReference> caCertificateRefs,
      @Nullable String hostname,
      @Nullable String wellKnownCACertificates,
      @Nullable JsonValue subjectAltNames) {
    /**
     * Normalises absent collections.
     *
     * @param caCertificateRefs the {@code caCertificateRefs} field; empty when absent
     * @param hostname the {@code hostname} field; null when absent
     * @param wellKnownCACertificates the {@code wellKnownCACertificates} field; null when absent
     * @param subjectAltNames the {@code subjectAltNames} field; null when absent
     */
    public Validation {
      caCertificateRefs = Values.list(caCertificateRefs);
    }
  }
}
