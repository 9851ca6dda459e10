/**
 * The config update loop: {@link io.github.kongtranslator.fallback.sync.ConfigSynchronizer}
 * translates a snapshot, pushes it to every gateway, recovers from rejections with a fallback
 * configuration or the last valid one, and reports each tick as an immutable {@link
 * io.github.kongtranslator.fallback.sync.SyncResult}.
 *
 * <p>Vocabulary of the loop (the rest is defined in {@link io.github.kongtranslator.fallback}):
 *
 * <ul>
 *   <li><b>tick</b>: one call of {@code sync(snapshot)};
 *   <li><b>desired configuration</b>: the translation of the tick's snapshot;
 *   <li><b>atomic / partial gateway</b>: applies a configuration wholly or not at all (Kong
 *       DB-less) / entity by entity without rollback (Kong with a database, Konnect);
 *   <li><b>gateway state</b>: the loop's belief, {@code KNOWN(sha)} (the gateway runs exactly that
 *       configuration) or {@code UNKNOWN}; a push is skipped only when the gateway is {@code KNOWN}
 *       for the SHA being pushed;
 *   <li><b>last valid snapshot / configuration</b>: the last snapshot (the tick's, or the fallback
 *       snapshot) whose configuration every gateway of one tick accepted, and that configuration.
 * </ul>
 */
@NullMarked
package io.github.kongtranslator.fallback.sync;

import org.jspecify.annotations.NullMarked;
