/** Canonical JSON (RFC 8785) and SHA-256 digests of JSON trees, shared by every module. */
@NullMarked
package io.github.kongtranslator.core.json;

import org.jspecify.annotations.NullMarked;
