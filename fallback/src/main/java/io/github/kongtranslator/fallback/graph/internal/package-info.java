/**
 * Implementation of the dependency graph (reference resolution, traversals, cycle search); not API,
 * may change in any release.
 */
@NullMarked
package io.github.kongtranslator.fallback.graph.internal;

import org.jspecify.annotations.NullMarked;
