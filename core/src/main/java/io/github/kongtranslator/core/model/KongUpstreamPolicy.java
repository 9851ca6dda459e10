package io.github.kongtranslator.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1beta1} KongUpstreamPolicy.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record KongUpstreamPolicy(String apiVersion, ObjectMeta metadata, Spec spec)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public KongUpstreamPolicy {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.KONG_UPSTREAM_POLICY;
  }

  /** The spec. */
  public record Spec(
      @Nullable String algorithm,
      @Nullable Integer slots,
      @Nullable HashOn hashOn,
      @Nullable HashOn hashOnFallback,
      @Nullable JsonValue healthchecks,
      @Nullable StickySessions stickySessions) {
    static final Spec EMPTY = new Spec(null, null, null, null, null, null);

    /**
     * Normalises absent collections.
     *
     * @param algorithm the {@code spec.algorithm} field; null when absent
     * @param slots the {@code spec.slots} field; null when absent
     * @param hashOn the {@code spec.hashOn} field; null when absent
     * @param hashOnFallback the {@code spec.hashOnFallback} field; null when absent
     * @param healthchecks the {@code spec.healthchecks} field; null when absent
     * @param stickySessions the {@code spec.stickySessions} field; null when absent
     */
    public Spec {}
  }

  /** What to hash on; exactly one field is expected to be set. */
  public record HashOn(
      @Nullable String input,
      @Nullable String header,
      @Nullable String cookie,
      @Nullable String cookiePath,
      @Nullable String queryArg,
      @Nullable String uriCapture) {}

  /** Sticky sessions settings. */
  public record StickySessions(@Nullable String cookie, @Nullable String cookiePath) {}
}
