package io.github.kongtranslator.fabric8.informer.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.github.kongtranslator.core.model.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Which fabric8 resource serves each kind: fabric8's typed classes where fabric8 has them (core,
 * networking, discovery and the Gateway API extension), {@code GenericKubernetesResource} with the
 * CRD's plural for Kong's CRDs. The version watched is the kind's preferred one. Not API.
 */
public final class KindResources {
  private KindResources() {}

  /** The typed fabric8 class of a kind, or {@code null} when it is read as a generic resource. */
  static @Nullable Class<? extends HasMetadata> typed(Kind kind) {
    return switch (kind) {
      case INGRESS -> io.fabric8.kubernetes.api.model.networking.v1.Ingress.class;
      case INGRESS_CLASS -> io.fabric8.kubernetes.api.model.networking.v1.IngressClass.class;
      case SERVICE -> io.fabric8.kubernetes.api.model.Service.class;
      case SECRET -> io.fabric8.kubernetes.api.model.Secret.class;
      case CONFIG_MAP -> io.fabric8.kubernetes.api.model.ConfigMap.class;
      case ENDPOINT_SLICE -> io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class;
      case HTTP_ROUTE -> io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class;
      case GRPC_ROUTE -> io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute.class;
      case GATEWAY -> io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class;
      case GATEWAY_CLASS -> io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass.class;
      case REFERENCE_GRANT ->
          io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant.class;
      case UDP_ROUTE -> io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute.class;
      case TCP_ROUTE -> io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute.class;
      case TLS_ROUTE -> io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute.class;
      case BACKEND_TLS_POLICY ->
          io.fabric8.kubernetes.api.model.gatewayapi.v1alpha3.BackendTLSPolicy.class;
      case KONG_PLUGIN,
          KONG_CLUSTER_PLUGIN,
          KONG_CONSUMER,
          KONG_CONSUMER_GROUP,
          KONG_INGRESS,
          TCP_INGRESS,
          UDP_INGRESS,
          KONG_UPSTREAM_POLICY,
          INGRESS_CLASS_PARAMETERS,
          KONG_SERVICE_FACADE,
          KONG_VAULT,
          KONG_CUSTOM_ENTITY ->
          null;
    };
  }

  /** The resource plural of a kind (as in its CRD or the built-in API). */
  public static String plural(Kind kind) {
    return switch (kind) {
      case INGRESS -> "ingresses";
      case INGRESS_CLASS -> "ingressclasses";
      case SERVICE -> "services";
      case SECRET -> "secrets";
      case CONFIG_MAP -> "configmaps";
      case ENDPOINT_SLICE -> "endpointslices";
      case HTTP_ROUTE -> "httproutes";
      case UDP_ROUTE -> "udproutes";
      case TCP_ROUTE -> "tcproutes";
      case TLS_ROUTE -> "tlsroutes";
      case GRPC_ROUTE -> "grpcroutes";
      case REFERENCE_GRANT -> "referencegrants";
      case GATEWAY -> "gateways";
      case GATEWAY_CLASS -> "gatewayclasses";
      case BACKEND_TLS_POLICY -> "backendtlspolicies";
      case KONG_PLUGIN -> "kongplugins";
      case KONG_CLUSTER_PLUGIN -> "kongclusterplugins";
      case KONG_CONSUMER -> "kongconsumers";
      case KONG_CONSUMER_GROUP -> "kongconsumergroups";
      case KONG_INGRESS -> "kongingresses";
      case TCP_INGRESS -> "tcpingresses";
      case UDP_INGRESS -> "udpingresses";
      case KONG_UPSTREAM_POLICY -> "kongupstreampolicies";
      case INGRESS_CLASS_PARAMETERS -> "ingressclassparameterses";
      case KONG_SERVICE_FACADE -> "kongservicefacades";
      case KONG_VAULT -> "kongvaults";
      case KONG_CUSTOM_ENTITY -> "kongcustomentities";
    };
  }

  /** The fabric8 resource definition of a kind in its preferred version. */
  public static ResourceDefinitionContext context(Kind kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(kind.versions().get(0))
        .withKind(kind.kindName())
        .withPlural(plural(kind))
        .withNamespaced(kind.namespaced())
        .build();
  }

  /**
   * A not yet started informer for a kind.
   *
   * @param client the client
   * @param kind the kind
   * @param namespace the namespace to watch, empty for all (ignored for cluster-scoped kinds)
   * @param resyncMillis the resync period, 0 for none
   * @return the informer
   */
  public static SharedIndexInformer<? extends HasMetadata> informer(
      KubernetesClient client, Kind kind, String namespace, long resyncMillis) {
    Class<? extends HasMetadata> type = typed(kind);
    if (type != null) {
      var op = client.resources(type);
      if (!kind.namespaced()) {
        return op.runnableInformer(resyncMillis);
      }
      return namespace.isEmpty()
          ? op.inAnyNamespace().runnableInformer(resyncMillis)
          : op.inNamespace(namespace).runnableInformer(resyncMillis);
    }
    var op = client.genericKubernetesResources(context(kind));
    SharedIndexInformer<GenericKubernetesResource> i;
    if (!kind.namespaced()) {
      i = op.runnableInformer(resyncMillis);
    } else {
      i =
          namespace.isEmpty()
              ? op.inAnyNamespace().runnableInformer(resyncMillis)
              : op.inNamespace(namespace).runnableInformer(resyncMillis);
    }
    return i;
  }
}
