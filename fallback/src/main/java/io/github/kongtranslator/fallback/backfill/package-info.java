/**
 * Safe backfill: restoring excluded objects from the last valid snapshot when the result is a
 * combination the cluster actually contained.
 */
@NullMarked
package io.github.kongtranslator.fallback.backfill;

import org.jspecify.annotations.NullMarked;
