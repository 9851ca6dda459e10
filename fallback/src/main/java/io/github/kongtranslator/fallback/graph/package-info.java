/**
 * The dependency graph of a cache snapshot: {@link
 * io.github.kongtranslator.fallback.graph.ConfigGraph}, its edge sets and dependency rules.
 */
@NullMarked
package io.github.kongtranslator.fallback.graph;

import org.jspecify.annotations.NullMarked;
