/**
 * Writing status back: {@link io.github.kongtranslator.fabric8.status.StatusWriter} writes what the
 * library computes ({@code fallback.status.Statuses}' object statuses, {@code
 * translator.gatewayapi.GatewayAttachment}'s route and Gateway statuses: conditions with {@code
 * observedGeneration}, route parent statuses, Gateway listeners) onto objects' status subresource,
 * only when it changes.
 */
@NullMarked
package io.github.kongtranslator.fabric8.status;

import org.jspecify.annotations.NullMarked;
