/**
 * The gateway SPI of the update loop: {@link
 * io.github.kongtranslator.fallback.gateway.GatewayClient} pushes a configuration and classifies
 * the answer as a {@link io.github.kongtranslator.fallback.gateway.PushOutcome}; the loop's belief
 * about what a gateway runs is a {@link io.github.kongtranslator.fallback.gateway.GatewayState},
 * either {@code KNOWN(sha)} or {@code UNKNOWN}.
 */
@NullMarked
package io.github.kongtranslator.fallback.gateway;

import org.jspecify.annotations.NullMarked;
