/**
 * Exclusion of broken objects and everything that depends on them, with the reason for each
 * excluded object.
 */
@NullMarked
package io.github.kongtranslator.fallback.exclusion;

import org.jspecify.annotations.NullMarked;
