/**
 * QuickTheories generators of Kong declarative configurations and their parts, for property tests
 * of anything that reads, writes, hashes or transforms a {@code KongConfig}.
 */
@NullMarked
package io.github.kongtranslator.testkit.gen;

import org.jspecify.annotations.NullMarked;
