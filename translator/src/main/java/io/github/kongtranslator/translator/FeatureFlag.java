package io.github.kongtranslator.translator;

import java.util.Arrays;
import java.util.Optional;

/** Translator feature flags, named as in KIC ({@link #kicName()}), with KIC's harness defaults. */
public enum FeatureFlag {
  /** Deterministic entity IDs (translator-spec §12). Default on. */
  FILL_IDS("FillIDs", true),
  /** Expression-based routes instead of paths/hosts. Default off. */
  EXPRESSION_ROUTES("ExpressionRoutes", false),
  /** KongServiceFacade as an Ingress backend. Default off. */
  KONG_SERVICE_FACADE("KongServiceFacade", false),
  /** KongCustomEntity translation. Default on. */
  KONG_CUSTOM_ENTITY("KongCustomEntity", true),
  /** {@code konghq.com/rewrite} support. Default off. */
  REWRITE_URIS("RewriteURIs", false),
  /** Kong Enterprise entities such as licenses. Default off. */
  ENTERPRISE_EDITION("EnterpriseEdition", false),
  /** Alternative HTTPRoute service grouping. Default off. */
  COMBINED_SERVICES_FROM_DIFFERENT_HTTP_ROUTES("CombinedServicesFromDifferentHTTPRoutes", false),
  /** Kong's redirect plugin for RequestRedirect filters. Default off. */
  SUPPORT_REDIRECT_PLUGIN("SupportRedirectPlugin", false);

  private final String kicName;
  private final boolean defaultValue;

  FeatureFlag(String kicName, boolean defaultValue) {
    this.kicName = kicName;
    this.defaultValue = defaultValue;
  }

  /** {@return the flag's name in KIC, e.g} {@code FillIDs}. */
  public String kicName() {
    return kicName;
  }

  /** {@return whether the flag is on when not set} */
  public boolean defaultValue() {
    return defaultValue;
  }

  /**
   * Finds a flag by its KIC name.
   *
   * @param kicName e.g. {@code ExpressionRoutes}
   * @return the flag, or empty when unknown
   */
  public static Optional<FeatureFlag> byKicName(String kicName) {
    return Arrays.stream(values()).filter(f -> f.kicName.equals(kicName)).findFirst();
  }
}
