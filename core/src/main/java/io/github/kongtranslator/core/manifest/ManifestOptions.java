package io.github.kongtranslator.core.manifest;

import java.util.Objects;

/**
 * How {@link Manifests} admits objects: what it does to each object before a controller sees it, as
 * the Kubernetes API server would on create. Immutable; build with {@link #builder()}.
 *
 * <p>{@link #defaults()} (what {@link Manifests}' static methods use) turns everything on:
 *
 * <ul>
 *   <li><b>namespace</b>: objects of namespaced kinds without {@code metadata.namespace} get {@link
 *       #defaultNamespace()} ({@code default}, as kubectl with no {@code -n}); objects of
 *       cluster-scoped kinds lose a namespace they were given (the API server clears it).
 *   <li><b>uids</b> ({@link #deterministicUids()}): objects without {@code metadata.uid} get a
 *       name-based UUID (version 5, SHA-1) derived from their group, kind, namespace and name, so
 *       ids derived from uids are valid Kong values and stable across runs; see {@code
 *       core/docs/api-server-defaults.md} for the exact derivation. Objects with a uid keep it.
 *   <li><b>defaults</b> ({@link #apiServerDefaults()}): the core defaults of the Kubernetes API
 *       server (Service port protocol {@code TCP}, {@code targetPort} = {@code port}, Secret {@code
 *       stringData} merged into {@code data}, ...) and the structural-schema defaults of the
 *       bundled CRDs.
 *   <li><b>validation</b> ({@link #validation()}): rules the API server enforces (Ingress {@code
 *       pathType}, the bundled CRD schemas); an object that breaks one is rejected with an {@link
 *       InvalidObjectException} in {@link LoadResult#rejected()}, and the other objects still load.
 * </ul>
 *
 * <p>{@link #asStored()} switches all of it off, for objects that come from a real API server
 * (already defaulted and validated) or a corpus recorded from one.
 */
public final class ManifestOptions {
  private static final ManifestOptions DEFAULTS = builder().build();

  private final boolean admission;
  private final String defaultNamespace;
  private final boolean deterministicUids;
  private final boolean apiServerDefaults;
  private final boolean validation;
  private final ManifestLimits limits;

  private ManifestOptions(Builder b) {
    this.admission = b.admission;
    this.defaultNamespace = b.defaultNamespace;
    this.deterministicUids = b.deterministicUids;
    this.apiServerDefaults = b.apiServerDefaults;
    this.validation = b.validation;
    this.limits = b.limits;
  }

  /** {@return every step on, namespace {@code default}, {@link ManifestLimits#defaults()}} */
  public static ManifestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Objects as stored: no namespace, uid, default or validation step (limits still apply). For
   * objects read from an API server, and for KIC's golden corpus.
   *
   * @return the options
   */
  public static ManifestOptions asStored() {
    return builder().admission(false).build();
  }

  /** {@return a builder starting from {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.admission = admission;
    b.defaultNamespace = defaultNamespace;
    b.deterministicUids = deterministicUids;
    b.apiServerDefaults = apiServerDefaults;
    b.validation = validation;
    b.limits = limits;
    return b;
  }

  /**
   * {@return whether objects pass through the admission steps at all; false for {@link
   * #asStored()}}
   */
  public boolean admission() {
    return admission;
  }

  /** {@return the namespace given to namespaced objects without one; {@code default} by default} */
  public String defaultNamespace() {
    return defaultNamespace;
  }

  /** {@return whether objects without a uid get a deterministic one; on by default} */
  public boolean deterministicUids() {
    return admission && deterministicUids;
  }

  /** {@return whether the API server's core and CRD defaults are applied; on by default} */
  public boolean apiServerDefaults() {
    return admission && apiServerDefaults;
  }

  /** {@return whether objects the API server would refuse are rejected; on by default} */
  public boolean validation() {
    return admission && validation;
  }

  /** {@return the resource limits} */
  public ManifestLimits limits() {
    return limits;
  }

  @Override
  public String toString() {
    return "ManifestOptions[admission="
        + admission
        + ", defaultNamespace="
        + defaultNamespace
        + ", deterministicUids="
        + deterministicUids
        + ", apiServerDefaults="
        + apiServerDefaults
        + ", validation="
        + validation
        + ", limits="
        + limits
        + "]";
  }

  /** Builds {@link ManifestOptions}. */
  public static final class Builder {
    private boolean admission = true;
    private String defaultNamespace = "default";
    private boolean deterministicUids = true;
    private boolean apiServerDefaults = true;
    private boolean validation = true;
    private ManifestLimits limits = ManifestLimits.defaults();

    private Builder() {}

    /**
     * Switches the whole admission pipeline (namespace, uids, defaults, validation) on or off.
     *
     * @param on false to load objects as stored
     * @return this builder
     */
    public Builder admission(boolean on) {
      this.admission = on;
      return this;
    }

    /**
     * Sets the namespace given to namespaced objects without one (kubectl's {@code -n}).
     *
     * @param namespace a non-empty namespace
     * @return this builder
     * @throws IllegalArgumentException when empty
     */
    public Builder defaultNamespace(String namespace) {
      if (Objects.requireNonNull(namespace, "namespace").isEmpty()) {
        throw new IllegalArgumentException("the default namespace must not be empty");
      }
      this.defaultNamespace = namespace;
      return this;
    }

    /**
     * Turns deterministic uids for objects without one on or off.
     *
     * @param on whether to assign them
     * @return this builder
     */
    public Builder deterministicUids(boolean on) {
      this.deterministicUids = on;
      return this;
    }

    /**
     * Turns the API server's core and CRD defaults on or off.
     *
     * @param on whether to apply them
     * @return this builder
     */
    public Builder apiServerDefaults(boolean on) {
      this.apiServerDefaults = on;
      return this;
    }

    /**
     * Turns validation (rejecting objects the API server would refuse) on or off.
     *
     * @param on whether to validate
     * @return this builder
     */
    public Builder validation(boolean on) {
      this.validation = on;
      return this;
    }

    /**
     * Sets the resource limits.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(ManifestLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** {@return the options} */
    public ManifestOptions build() {
      return new ManifestOptions(this);
    }
  }
}
