package io.github.kongtranslator.translator;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of a {@link Translator}. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults (those of KIC's golden harness): ingress class {@code kong}, cluster domain empty,
 * Kong version {@code 3.9.1}, no workspace, feature flags at {@link FeatureFlag#defaultValue()}, no
 * custom entity schema, empty Gateway controller name (so no Gateway is managed and no listener
 * certificate is emitted).
 */
public final class TranslatorOptions {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

  private final String ingressClass;
  private final String clusterDomain;
  private final String kongVersion;
  private final String workspace;
  private final String gatewayControllerName;
  private final boolean kongValidation;
  private final ImmutableMap<FeatureFlag, Boolean> flags;
  private final ImmutableMap<String, ImmutableMap<String, String>> customEntityForeignFields;

  private TranslatorOptions(Builder b) {
    this.ingressClass = b.ingressClass;
    this.clusterDomain = b.clusterDomain;
    this.kongVersion = b.kongVersion;
    this.workspace = b.workspace;
    this.gatewayControllerName = b.gatewayControllerName;
    this.kongValidation = b.kongValidation;
    this.flags = ImmutableMap.copyOf(b.flags);
    ImmutableMap.Builder<String, ImmutableMap<String, String>> ce = ImmutableMap.builder();
    b.foreign.forEach((k, v) -> ce.put(k, ImmutableMap.copyOf(v)));
    this.customEntityForeignFields = ce.build();
  }

  /** {@return options with every default} */
  public static TranslatorOptions defaults() {
    return builder().build();
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ingressClass = ingressClass;
    b.clusterDomain = clusterDomain;
    b.kongVersion = kongVersion;
    b.workspace = workspace;
    b.gatewayControllerName = gatewayControllerName;
    b.kongValidation = kongValidation;
    b.flags.putAll(flags);
    customEntityForeignFields.forEach((k, v) -> b.foreign.put(k, new LinkedHashMap<>(v)));
    return b;
  }

  /** {@return the ingress class this translator serves, default {@code kong}} */
  public String ingressClass() {
    return ingressClass;
  }

  /** {@return the cluster domain appended to service-upstream targets; empty by default} */
  public String clusterDomain() {
    return clusterDomain;
  }

  /** {@return the Kong gateway version, default {@code 3.9.1}} */
  public String kongVersion() {
    return kongVersion;
  }

  /** {@return the Kong workspace prefixed to ID keys; empty (none) by default} */
  public String workspace() {
    return workspace;
  }

  /**
   * The Gateway API controller name: Gateways whose GatewayClass names this controller are managed
   * and contribute listener certificates. Empty by default, as in KIC's golden harness (KIC itself
   * runs with {@code konghq.com/kic-gateway-controller}).
   *
   * @return the Gateway API controller name: Gateways whose GatewayClass names this controller are
   *     managed and contribute listener certificates
   */
  public String gatewayControllerName() {
    return gatewayControllerName;
  }

  /**
   * Whether the translated configuration is checked against Kong's own schema rules ({@code
   * kongmodel.validation.KongValidator}); each entity Kong would reject becomes a failure with
   * effect {@link TranslationFailure.Effect#KONG_INVALID}. On by default; KIC does not check.
   *
   * @return true when the check runs
   */
  public boolean kongValidation() {
    return kongValidation;
  }

  /**
   * Whether a feature flag is on.
   *
   * @param flag the flag
   * @return its value, or its default when not set
   */
  public boolean isEnabled(FeatureFlag flag) {
    return flags.getOrDefault(flag, flag.defaultValue());
  }

  /**
   * The foreign fields of custom entity types, as the gateway's entity schemas would report them:
   * entity type → (field name → referenced entity type: {@code services}, {@code routes} or {@code
   * consumers}). Types not listed have no foreign field.
   *
   * @return the foreign fields of custom entity types, as the gateway's entity schemas would report
   *     them: entity type → (field name → referenced entity type: {@code services}, {@code routes}
   *     or {@code consumers})
   */
  public ImmutableMap<String, ImmutableMap<String, String>> customEntityForeignFields() {
    return customEntityForeignFields;
  }

  /**
   * Whether the configured Kong version is at least {@code major.minor}.
   *
   * @param major major version
   * @param minor minor version
   * @return true when the version is equal or newer, or cannot be parsed
   */
  public boolean kongVersionAtLeast(int major, int minor) {
    Matcher m = VERSION.matcher(kongVersion);
    if (!m.matches()) {
      return true;
    }
    int ma = Integer.parseInt(m.group(1));
    int mi = Integer.parseInt(m.group(2));
    return ma > major || (ma == major && mi >= minor);
  }

  @Override
  public String toString() {
    return "TranslatorOptions[ingressClass="
        + ingressClass
        + ", clusterDomain="
        + clusterDomain
        + ", kongVersion="
        + kongVersion
        + ", workspace="
        + workspace
        + ", gatewayControllerName="
        + gatewayControllerName
        + ", flags="
        + flags
        + (kongValidation ? "" : ", kongValidation=false")
        + "]";
  }

  /** Builder of {@link TranslatorOptions}; every setter returns the builder. */
  public static final class Builder {
    private String ingressClass = "kong";
    private String clusterDomain = "";
    private String kongVersion = "3.9.1";
    private String workspace = "";
    private String gatewayControllerName = "";
    private boolean kongValidation = true;
    private final Map<FeatureFlag, Boolean> flags = new EnumMap<>(FeatureFlag.class);
    private final Map<String, Map<String, String>> foreign = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the served ingress class.
     *
     * @param ingressClass non-empty class name
     * @return this builder
     * @throws IllegalArgumentException when empty
     */
    public Builder ingressClass(String ingressClass) {
      if (ingressClass.isEmpty()) {
        throw new IllegalArgumentException("the ingress class must not be empty");
      }
      this.ingressClass = ingressClass;
      return this;
    }

    /**
     * Sets the cluster domain.
     *
     * @param clusterDomain domain, may be empty
     * @return this builder
     */
    public Builder clusterDomain(String clusterDomain) {
      this.clusterDomain = Objects.requireNonNull(clusterDomain);
      return this;
    }

    /**
     * Sets the Kong version.
     *
     * @param kongVersion e.g. {@code 3.9.1}
     * @return this builder
     */
    public Builder kongVersion(String kongVersion) {
      this.kongVersion = Objects.requireNonNull(kongVersion);
      return this;
    }

    /**
     * Sets the Kong workspace.
     *
     * @param workspace workspace name, empty for none
     * @return this builder
     */
    public Builder workspace(String workspace) {
      this.workspace = Objects.requireNonNull(workspace);
      return this;
    }

    /**
     * Turns Kong's own validation of the translated configuration on (the default) or off (KIC's
     * behaviour: no {@link TranslationFailure.Effect#KONG_INVALID} failures).
     *
     * @param enabled whether the check runs
     * @return this builder
     */
    public Builder kongValidation(boolean enabled) {
      this.kongValidation = enabled;
      return this;
    }

    /**
     * Sets the Gateway API controller name whose GatewayClasses are managed.
     *
     * @param gatewayControllerName the name; empty manages no Gateway
     * @return this builder
     */
    public Builder gatewayControllerName(String gatewayControllerName) {
      this.gatewayControllerName = Objects.requireNonNull(gatewayControllerName);
      return this;
    }

    /**
     * Sets one feature flag.
     *
     * @param flag the flag
     * @param enabled its value
     * @return this builder
     */
    public Builder flag(FeatureFlag flag, boolean enabled) {
      flags.put(flag, enabled);
      return this;
    }

    /**
     * Sets feature flags by their KIC names (as in a golden case's {@code feature_flags:}).
     *
     * @param byKicName flag name → value
     * @return this builder
     * @throws IllegalArgumentException when a name is not a known flag
     */
    public Builder featureFlags(Map<String, Boolean> byKicName) {
      byKicName.forEach(
          (name, value) ->
              flag(
                  FeatureFlag.byKicName(name)
                      .orElseThrow(
                          () -> new IllegalArgumentException("unknown feature flag " + name)),
                  value));
      return this;
    }

    /**
     * Declares a foreign field of a custom entity type.
     *
     * @param entityType e.g. {@code degraphql_routes}
     * @param field field name, e.g. {@code service}
     * @param referencedType {@code services}, {@code routes} or {@code consumers}
     * @return this builder
     */
    public Builder customEntityForeignField(
        String entityType, String field, String referencedType) {
      foreign.computeIfAbsent(entityType, k -> new LinkedHashMap<>()).put(field, referencedType);
      return this;
    }

    /** {@return builds the options} */
    public TranslatorOptions build() {
      return new TranslatorOptions(this);
    }
  }
}
