/** Implementation of the ATC parser (Rust regex syntax in Java); not API. */
@NullMarked
package io.github.kongtranslator.kongmodel.atc.internal;

import org.jspecify.annotations.NullMarked;
