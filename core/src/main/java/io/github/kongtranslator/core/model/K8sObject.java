package io.github.kongtranslator.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Kubernetes object of one of the 27 kinds kong-translator reads.
 *
 * <p>Implementations are immutable records, one per {@link Kind}. Use {@link #kind()} with a {@code
 * switch} expression to dispatch exhaustively.
 */
public sealed interface K8sObject
    permits Ingress,
        IngressClass,
        Service,
        Secret,
        ConfigMap,
        EndpointSlice,
        HttpRoute,
        UdpRoute,
        TcpRoute,
        TlsRoute,
        GrpcRoute,
        ReferenceGrant,
        Gateway,
        GatewayClass,
        BackendTlsPolicy,
        KongPlugin,
        KongClusterPlugin,
        KongConsumer,
        KongConsumerGroup,
        KongIngress,
        TcpIngress,
        UdpIngress,
        KongUpstreamPolicy,
        IngressClassParameters,
        KongServiceFacade,
        KongVault,
        KongCustomEntity {

  /** {@return the kind of this object} */
  Kind kind();

  /**
   * {@return the {@code apiVersion} as written in the input, e.g} {@code
   * gateway.networking.k8s.io/v1beta1}.
   */
  @JsonProperty("apiVersion")
  String apiVersion();

  /** {@return the object's metadata} */
  @JsonProperty("metadata")
  ObjectMeta metadata();

  /** {@return the Kubernetes kind name, written as {@code kind} when serialised} */
  @JsonProperty("kind")
  default String kindName() {
    return kind().kindName();
  }

  /** {@return the object's identity, carrying the version of {@link #apiVersion()} and the uid} */
  default ObjectRef ref() {
    Kind k = kind();
    String version = k.versionOf(apiVersion());
    ObjectMeta m = metadata();
    return new ObjectRef(
        k.group(), version, k.kindName(), k.namespaced() ? m.namespace() : "", m.name(), m.uid());
  }

  /** {@return the store key: {@code namespace/name}, or {@code name} for cluster-scoped kinds} */
  default String key() {
    return kind().key(metadata().namespace(), metadata().name());
  }

  /** {@return the namespace, empty for cluster-scoped kinds} */
  default String namespace() {
    return kind().namespaced() ? metadata().namespace() : "";
  }

  /** {@return the name} */
  default String name() {
    return metadata().name();
  }
}
