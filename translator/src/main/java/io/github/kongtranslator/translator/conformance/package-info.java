/**
 * The golden conformance runner shared by the translator's tests and the CLI {@code golden}
 * command: case discovery, variant settings, and YAML tree comparison.
 */
@NullMarked
package io.github.kongtranslator.translator.conformance;

import org.jspecify.annotations.NullMarked;
