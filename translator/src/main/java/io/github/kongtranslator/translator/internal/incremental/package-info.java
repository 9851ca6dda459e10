/**
 * Incremental translation: units of objects (footprints), their translation by the same pipeline,
 * and the ordered merge of their entities. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.incremental;

import org.jspecify.annotations.NullMarked;
