/**
 * Config SHA (SHA-256 over the RFC 8785 form of the written document), per-entity digests and
 * entity-level diffs of two configurations.
 */
@NullMarked
package io.github.kongtranslator.kongmodel.sha;

import org.jspecify.annotations.NullMarked;
