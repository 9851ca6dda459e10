/** String helpers of the translator: byte-order comparison, null-to-empty, joining. Not API. */
@NullMarked
package io.github.kongtranslator.translator.internal.text;

import org.jspecify.annotations.NullMarked;
