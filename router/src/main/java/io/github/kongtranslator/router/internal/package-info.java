/**
 * The ATC interpreter (expressions parsed by kong-model's {@code kongmodel.atc}), the translation
 * of traditional route fields into ATC expressions and priorities, and Kong's path handling behind
 * {@link io.github.kongtranslator.router.KongRouter}; not API.
 */
@NullMarked
package io.github.kongtranslator.router.internal;

import org.jspecify.annotations.NullMarked;
