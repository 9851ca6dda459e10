/**
 * The pipeline composing the stages in their order, and the assembly of their outputs into the
 * DB-less configuration (deck generation, id filling, checks). Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.assembly;

import org.jspecify.annotations.NullMarked;
