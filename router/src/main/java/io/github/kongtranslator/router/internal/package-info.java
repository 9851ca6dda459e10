/**
 * The ATC expression language (parser, schema, interpreter), the translation of traditional
 * route fields into ATC expressions and priorities, Rust-regex compatibility and Kong's path
 * handling behind {@link io.github.kongtranslator.router.KongRouter}; not API.
 */
@NullMarked
package io.github.kongtranslator.router.internal;

import org.jspecify.annotations.NullMarked;
