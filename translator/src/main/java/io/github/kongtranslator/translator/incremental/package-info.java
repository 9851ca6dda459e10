/**
 * Incremental translation: {@link
 * io.github.kongtranslator.translator.incremental.IncrementalTranslator} keeps the work of the
 * previous translation and, when the snapshot changes, translates again only the groups of objects
 * that the change touches, with a result equal to a full translation.
 */
@NullMarked
package io.github.kongtranslator.translator.incremental;

import org.jspecify.annotations.NullMarked;
