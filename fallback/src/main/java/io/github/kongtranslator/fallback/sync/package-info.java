/**
 * The config update loop: {@link io.github.kongtranslator.fallback.sync.ConfigSynchronizer}
 * translates a snapshot, pushes it to every gateway, recovers from rejections with a fallback
 * configuration or the last valid one, and reports each tick as an immutable
 * {@link io.github.kongtranslator.fallback.sync.SyncResult}.
 */
@NullMarked
package io.github.kongtranslator.fallback.sync;

import org.jspecify.annotations.NullMarked;
