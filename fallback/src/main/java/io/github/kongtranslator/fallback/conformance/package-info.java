/**
 * Runs the broken-object cases of the shared golden corpus through the fallback, as the corpus
 * README describes (a gateway that rejects the first push with a flattened-errors body).
 */
@NullMarked
package io.github.kongtranslator.fallback.conformance;

import org.jspecify.annotations.NullMarked;
