/**
 * Writing status back: {@link io.github.kongtranslator.fabric8.status.StatusWriter} patches
 * conditions (e.g. {@code Programmed}) and Gateway API route parent statuses onto objects'
 * status subresource, only when they change. What to write comes through the small {@link
 * io.github.kongtranslator.fabric8.status.ObjectStatus} interface.
 */
@NullMarked
package io.github.kongtranslator.fabric8.status;

import org.jspecify.annotations.NullMarked;
