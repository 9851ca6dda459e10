/**
 * Finding broken objects when the gateway's error names none: a bisection over the objects of a
 * snapshot, driven by a gateway validation callback. Start at {@link
 * io.github.kongtranslator.fallback.bisect.Bisection}.
 */
@NullMarked
package io.github.kongtranslator.fallback.bisect;

import org.jspecify.annotations.NullMarked;
