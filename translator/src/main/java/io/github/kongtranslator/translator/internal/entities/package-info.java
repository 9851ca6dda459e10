/**
 * The Kong entities a translation builds (mutable while a stage builds them), with their ids, tags
 * and JSON conversion. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.entities;

import org.jspecify.annotations.NullMarked;
