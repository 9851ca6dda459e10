/**
 * Kong entities and the declarative configuration document ({@link
 * io.github.kongtranslator.kongmodel.config.KongConfig}): immutable values with typed accessors for
 * known fields that keep every other field they were given, so nothing is lost on a round trip and
 * an absent key stays distinct from an empty one.
 */
@NullMarked
package io.github.kongtranslator.kongmodel.config;

import org.jspecify.annotations.NullMarked;
