package io.github.kongtranslator.fallback.graph;

/**
 * Why one object depends on another: the reference rule that linked them, with a stable id ({@code
 * P}, {@code R}, {@code C}, {@code M1}… as in {@code fallback-spec.md} §2.2–§2.4) that reports and
 * logs can quote.
 */
public enum DependencyRule {
  /**
   * Rule P: a name in the {@code konghq.com/plugins} annotation (KongPlugin, else
   * KongClusterPlugin).
   */
  PLUGINS_ANNOTATION("P", true),
  /** Rule R: a Gateway API route's {@code backendRefs} naming a core Service. */
  ROUTE_BACKEND("R", true),
  /**
   * Rule C: a KongCustomEntity's {@code parentRef} plugin in its own namespace, or a cluster
   * plugin.
   */
  CUSTOM_ENTITY_PARENT("C", true),
  /** The {@code konghq.com/upstream-policy} annotation of a Service, facade or Ingress. */
  UPSTREAM_POLICY("UP", true),
  /**
   * An Ingress's class: {@code spec.ingressClassName}, else the {@code kubernetes.io/ingress.class}
   * annotation.
   */
  INGRESS_CLASS("IC", true),
  /** An Ingress rule path's backend Service or KongServiceFacade. */
  INGRESS_BACKEND("IB", true),
  /** A TCPIngress or UDPIngress rule's backend Service. */
  L4_INGRESS_BACKEND("LB", true),
  /** A plugin's {@code configFrom} or {@code configPatches} Secret. */
  PLUGIN_CONFIG_SECRET("PS", true),
  /** A KongConsumer's {@code credentials} Secret. */
  CONSUMER_CREDENTIAL("CR", true),
  /** M1: a {@code namespace:name} token in the plugins annotation naming a KongPlugin elsewhere. */
  REMOTE_PLUGIN("M1", false),
  /**
   * M2: an HTTPRoute or GRPCRoute {@code ExtensionRef} filter naming a KongPlugin or
   * KongClusterPlugin.
   */
  EXTENSION_REF_PLUGIN("M2", false),
  /** M3: a KongConsumer's {@code consumerGroups}. */
  CONSUMER_GROUP("M3", false),
  /** M4: an Ingress's or TCPIngress's {@code spec.tls[].secretName}. */
  INGRESS_TLS_SECRET("M4", false),
  /** M5: a Service's {@code konghq.com/client-cert} Secret. */
  CLIENT_CERTIFICATE("M5", false),
  /** M6: a Service's {@code konghq.com/ca-certificates-secrets} / {@code -configmaps}. */
  CA_CERTIFICATES("M6", false),
  /** M7: a Service's BackendTLSPolicy, and the policy's CA certificate refs. */
  BACKEND_TLS_POLICY("M7", false),
  /** M8: a KongServiceFacade's backend Service. */
  FACADE_BACKEND("M8", false),
  /** M9: an Ingress's {@code spec.defaultBackend} Service or KongServiceFacade. */
  DEFAULT_BACKEND("M9", false),
  /** M10: a route's parent Gateway, a Gateway's GatewayClass and listener certificate Secrets. */
  GATEWAY("M10", false),
  /** M11: the ReferenceGrant permitting a cross-namespace reference. */
  REFERENCE_GRANT("M11", false),
  /** M12: a KongCustomEntity's {@code parentRef} KongPlugin in another namespace. */
  CUSTOM_ENTITY_REMOTE_PARENT("M12", false),
  /** M13: a Service's {@code konghq.com/override} KongIngress. */
  KONG_INGRESS_OVERRIDE("M13", false),
  /**
   * M14 and X4/X5: the class-annotation class when both class fields are set, the default
   * IngressClass of a class-less Ingress, and an IngressClass's parameters.
   */
  INGRESS_CLASS_COMPLETE("M14", false),
  /** M15: the EndpointSlices labelled with a Service's name. */
  ENDPOINT_SLICE("M15", false),
  /**
   * M16: a KongVault whose prefix a plugin's configuration references as {@code
   * {vault://prefix/…}}.
   */
  VAULT("M16", false);

  private final String id;
  private final boolean kic;

  DependencyRule(String id, boolean kic) {
    this.id = id;
    this.kic = kic;
  }

  /** {@return the stable short id, e.g} {@code P} or {@code M3}. */
  public String id() {
    return id;
  }

  /**
   * Whether KIC resolves this rule ({@code fallback-spec.md} §2.2); otherwise it is one of the
   * dependencies KIC misses (§2.4). {@link
   * ConfigGraph#of(io.github.kongtranslator.core.cache.CacheStores)} links every rule.
   *
   * @return true for KIC's rules
   */
  public boolean inKic() {
    return kic;
  }
}
