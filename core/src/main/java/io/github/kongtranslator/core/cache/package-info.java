/**
 * Cache stores: {@link io.github.kongtranslator.core.cache.CacheStores}, an immutable snapshot with
 * a store for every {@link io.github.kongtranslator.core.model.Kind} (always present, possibly
 * empty), and {@link io.github.kongtranslator.core.cache.ObjectCache}, the thread-safe cache a
 * controller feeds and takes cheap snapshots of.
 */
@NullMarked
package io.github.kongtranslator.core.cache;

import org.jspecify.annotations.NullMarked;
