/**
 * Status a controller can write back: for every object of a snapshot whether it is live on the
 * gateways ({@link io.github.kongtranslator.fallback.status.ConfigurationStatus}, KIC's {@code
 * Programmed} condition), and the Gateway API status of routes and Gateways. Computed by {@link
 * io.github.kongtranslator.fallback.status.Statuses} as a pure function of the snapshot and the
 * last {@link io.github.kongtranslator.fallback.sync.SyncResult} (or a translation alone).
 */
@NullMarked
package io.github.kongtranslator.fallback.status;

import org.jspecify.annotations.NullMarked;
