package io.github.kongtranslator.core.model;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Optional;

/**
 * The 27 Kubernetes kinds kong-translator reads, in <em>store order</em> (the order of {@code
 * fallback-spec.md} §1.1). Store order fixes the iteration order of snapshots, graph construction
 * and snapshot hashes.
 *
 * <p>Dispatch over kinds uses {@code switch} expressions without {@code default}, so adding a kind
 * here makes the compiler point at every place that must handle it.
 */
public enum Kind {
  /** {@code networking.k8s.io} Ingress. */
  INGRESS("IngressV1", "networking.k8s.io", "Ingress", true, Ingress.class, "v1"),
  /** {@code networking.k8s.io} IngressClass (cluster-scoped). */
  INGRESS_CLASS(
      "IngressClassV1", "networking.k8s.io", "IngressClass", false, IngressClass.class, "v1"),
  /** Core Service. */
  SERVICE("Service", "", "Service", true, Service.class, "v1"),
  /** Core Secret. */
  SECRET("Secret", "", "Secret", true, Secret.class, "v1"),
  /** Core ConfigMap. */
  CONFIG_MAP("ConfigMap", "", "ConfigMap", true, ConfigMap.class, "v1"),
  /** {@code discovery.k8s.io} EndpointSlice. */
  ENDPOINT_SLICE(
      "EndpointSlice", "discovery.k8s.io", "EndpointSlice", true, EndpointSlice.class, "v1"),
  /** Gateway API HTTPRoute. */
  HTTP_ROUTE("HTTPRoute", GatewayApi.GROUP, "HTTPRoute", true, HttpRoute.class, "v1", "v1beta1"),
  /** Gateway API UDPRoute. */
  UDP_ROUTE("UDPRoute", GatewayApi.GROUP, "UDPRoute", true, UdpRoute.class, "v1alpha2"),
  /** Gateway API TCPRoute. */
  TCP_ROUTE("TCPRoute", GatewayApi.GROUP, "TCPRoute", true, TcpRoute.class, "v1alpha2"),
  /** Gateway API TLSRoute. */
  TLS_ROUTE("TLSRoute", GatewayApi.GROUP, "TLSRoute", true, TlsRoute.class, "v1alpha2", "v1alpha3"),
  /** Gateway API GRPCRoute. */
  GRPC_ROUTE("GRPCRoute", GatewayApi.GROUP, "GRPCRoute", true, GrpcRoute.class, "v1", "v1alpha2"),
  /** Gateway API ReferenceGrant. */
  REFERENCE_GRANT(
      "ReferenceGrant",
      GatewayApi.GROUP,
      "ReferenceGrant",
      true,
      ReferenceGrant.class,
      "v1beta1",
      "v1",
      "v1alpha2"),
  /** Gateway API Gateway. */
  GATEWAY("Gateway", GatewayApi.GROUP, "Gateway", true, Gateway.class, "v1", "v1beta1"),
  /** Gateway API GatewayClass (cluster-scoped). */
  GATEWAY_CLASS(
      "GatewayClass", GatewayApi.GROUP, "GatewayClass", false, GatewayClass.class, "v1", "v1beta1"),
  /** Gateway API BackendTLSPolicy. */
  BACKEND_TLS_POLICY(
      "BackendTLSPolicy",
      GatewayApi.GROUP,
      "BackendTLSPolicy",
      true,
      BackendTlsPolicy.class,
      "v1alpha3",
      "v1"),
  /** KongPlugin. */
  KONG_PLUGIN("Plugin", Kind.KONG_GROUP, "KongPlugin", true, KongPlugin.class, "v1"),
  /** KongClusterPlugin (cluster-scoped). */
  KONG_CLUSTER_PLUGIN(
      "ClusterPlugin", Kind.KONG_GROUP, "KongClusterPlugin", false, KongClusterPlugin.class, "v1"),
  /** KongConsumer. */
  KONG_CONSUMER("Consumer", Kind.KONG_GROUP, "KongConsumer", true, KongConsumer.class, "v1"),
  /** KongConsumerGroup. */
  KONG_CONSUMER_GROUP(
      "ConsumerGroup",
      Kind.KONG_GROUP,
      "KongConsumerGroup",
      true,
      KongConsumerGroup.class,
      "v1beta1"),
  /** KongIngress (deprecated upstream overrides). */
  KONG_INGRESS("KongIngress", Kind.KONG_GROUP, "KongIngress", true, KongIngress.class, "v1"),
  /** TCPIngress. */
  TCP_INGRESS("TCPIngress", Kind.KONG_GROUP, "TCPIngress", true, TcpIngress.class, "v1beta1"),
  /** UDPIngress. */
  UDP_INGRESS("UDPIngress", Kind.KONG_GROUP, "UDPIngress", true, UdpIngress.class, "v1beta1"),
  /** KongUpstreamPolicy. */
  KONG_UPSTREAM_POLICY(
      "KongUpstreamPolicy",
      Kind.KONG_GROUP,
      "KongUpstreamPolicy",
      true,
      KongUpstreamPolicy.class,
      "v1beta1"),
  /** IngressClassParameters. */
  INGRESS_CLASS_PARAMETERS(
      "IngressClassParametersV1alpha1",
      Kind.KONG_GROUP,
      "IngressClassParameters",
      true,
      IngressClassParameters.class,
      "v1alpha1"),
  /** KongServiceFacade (incubator group). */
  KONG_SERVICE_FACADE(
      "KongServiceFacade",
      "incubator.ingress-controller.konghq.com",
      "KongServiceFacade",
      true,
      KongServiceFacade.class,
      "v1alpha1"),
  /** KongVault (cluster-scoped). */
  KONG_VAULT("KongVault", Kind.KONG_GROUP, "KongVault", false, KongVault.class, "v1alpha1"),
  /** KongCustomEntity. */
  KONG_CUSTOM_ENTITY(
      "KongCustomEntity",
      Kind.KONG_GROUP,
      "KongCustomEntity",
      true,
      KongCustomEntity.class,
      "v1alpha1");

  /** API group of Kong's configuration CRDs. */
  public static final String KONG_GROUP = "configuration.konghq.com";

  private final String storeName;
  private final String group;
  private final String kindName;
  private final boolean namespaced;
  private final Class<? extends K8sObject> type;
  private final ImmutableList<String> versions;

  Kind(
      String storeName,
      String group,
      String kindName,
      boolean namespaced,
      Class<? extends K8sObject> type,
      String... versions) {
    this.storeName = storeName;
    this.group = group;
    this.kindName = kindName;
    this.namespaced = namespaced;
    this.type = type;
    this.versions = ImmutableList.copyOf(versions);
  }

  /** {@return name of KIC's store for this kind, e.g} {@code IngressV1}. */
  public String storeName() {
    return storeName;
  }

  /** {@return API group; the empty string for the core group} */
  public String group() {
    return group;
  }

  /** {@return the Kubernetes {@code kind}, e.g} {@code KongPlugin}. */
  public String kindName() {
    return kindName;
  }

  /** {@return whether objects of this kind live in a namespace} */
  public boolean namespaced() {
    return namespaced;
  }

  /** {@return the model type of this kind} */
  public Class<? extends K8sObject> type() {
    return type;
  }

  /**
   * The version part of an {@code apiVersion} ({@code v1} of {@code networking.k8s.io/v1}): the
   * served version's own string when it is one of {@link #versions()}, so that refs of many objects
   * share it instead of each holding a copy.
   *
   * @param apiVersion an {@code apiVersion}, with or without group
   * @return the text after the last {@code /}
   */
  public String versionOf(String apiVersion) {
    for (String v : versions) {
      int at = apiVersion.length() - v.length();
      if (apiVersion.endsWith(v) && (at == 0 || apiVersion.charAt(at - 1) == '/')) {
        return v;
      }
    }
    return apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
  }

  /** {@return every served version this library accepts; the first is the preferred one} */
  public ImmutableList<String> versions() {
    return versions;
  }

  /** {@return the preferred {@code apiVersion}, e.g} {@code networking.k8s.io/v1} or {@code v1}. */
  public String apiVersion() {
    return group.isEmpty() ? versions.get(0) : group + "/" + versions.get(0);
  }

  /**
   * The store key of an object of this kind: {@code namespace/name} for namespaced kinds, {@code
   * name} for cluster-scoped kinds (a namespace on a cluster-scoped object is ignored).
   *
   * @param namespace the object's namespace, possibly empty
   * @param name the object's name
   * @return the store key
   */
  public String key(String namespace, String name) {
    return namespaced ? namespace + "/" + name : name;
  }

  /**
   * Finds the kind with the given Kubernetes kind name and API group.
   *
   * @param group API group, empty for the core group
   * @param kindName the Kubernetes kind, e.g. {@code Ingress}
   * @return the kind, or empty when this library does not read it
   */
  public static Optional<Kind> find(String group, String kindName) {
    return Arrays.stream(values())
        .filter(k -> k.group.equals(group) && k.kindName.equals(kindName))
        .findFirst();
  }

  /**
   * Finds the kind read for an {@code apiVersion} and {@code kind} pair, accepting every version
   * listed in {@link #versions()}.
   *
   * @param apiVersion e.g. {@code gateway.networking.k8s.io/v1beta1}
   * @param kindName e.g. {@code HTTPRoute}
   * @return the kind, or empty when the kind or version is not read
   */
  public static Optional<Kind> forApiVersion(String apiVersion, String kindName) {
    int slash = apiVersion.lastIndexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    return find(group, kindName).filter(k -> k.versions.contains(version));
  }
}
