/**
 * The translator: turns an immutable snapshot of Kubernetes objects into Kong declarative
 * configuration plus per-object translation failures, as KIC does; start with {@link
 * io.github.kongtranslator.translator.Translator}.
 *
 * <p>Covered sources: Ingress (traditional and expression router, KongServiceFacade backends),
 * TCPIngress, UDPIngress, Gateway API HTTPRoute, GRPCRoute, TCPRoute, UDPRoute and TLSRoute;
 * Services, EndpointSlices, KongIngress, KongUpstreamPolicy and BackendTLSPolicy; KongPlugin and
 * KongClusterPlugin (bindings, globals, configFrom/configPatches); KongConsumer with credentials,
 * KongConsumerGroup, KongVault, KongCustomEntity; TLS, client and CA certificates. Deterministic
 * IDs, tags, defaults and list order follow KIC's golden output.
 *
 * <p>Where KIC is not deterministic this library picks: the first Ingress (namespace/name, then
 * creation time) as a shared Kong service's parent; the first Kong service in source order
 * (Ingress, TCPIngress, UDPIngress, HTTPRoute, UDPRoute, TCPRoute, TLSRoute, GRPCRoute) as the
 * owner of an upstream two services share; the first Secret's tags for merged certificates; store
 * order for consumers with equal username and custom_id.
 */
@NullMarked
package io.github.kongtranslator.translator;

import org.jspecify.annotations.NullMarked;
