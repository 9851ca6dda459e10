/**
 * The read-only environment of one translation run (snapshot, options, class rules, shared tag
 * lists) and its failure sink. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.support;

import org.jspecify.annotations.NullMarked;
