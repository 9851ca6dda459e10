/**
 * fabric8 objects into the typed model without text: {@link
 * io.github.kongtranslator.fabric8.convert.ObjectConverter}.
 */
@NullMarked
package io.github.kongtranslator.fabric8.convert;

import org.jspecify.annotations.NullMarked;
