/** Properties of Kong's validation over translated generated clusters. */
@NullMarked
package io.github.kongtranslator.testkit.validation;

import org.jspecify.annotations.NullMarked;
