/**
 * The {@code kong-translator} command line: {@code validate}, and the commands later issues add
 * over the library. Output goes to stdout, diagnostics to stderr, one line per problem; exit 0 on
 * success, 1 when the command ran and found failures, 2 on bad usage or unreadable input.
 */
@NullMarked
package io.github.kongtranslator.cli;

import org.jspecify.annotations.NullMarked;
