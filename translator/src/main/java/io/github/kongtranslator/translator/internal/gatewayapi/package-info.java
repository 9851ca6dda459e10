/**
 * Gateway API stage: HTTPRoutes, GRPCRoutes, TCPRoutes, UDPRoutes and TLSRoutes to Kong services
 * and routes, and their backends (translator-spec §4). The public status types are in\n * {@code
 * translator.gatewayapi}. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.gatewayapi;

import org.jspecify.annotations.NullMarked;
