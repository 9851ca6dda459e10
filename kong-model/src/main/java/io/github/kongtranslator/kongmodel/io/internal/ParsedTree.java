package io.github.kongtranslator.kongmodel.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A parsed document with a way to locate any of its values by JSON pointer.
 *
 * @param tree the document tree
 * @param locator finds the 1-based line and column of the value at a JSON pointer
 */
public record ParsedTree(JsonNode tree, Function<String, Optional<Location>> locator) {

  /**
   * A 1-based position in the source text.
   *
   * @param line line number
   * @param column column number
   */
  public record Location(int line, int column) {}

  /**
   * A parser message made safe for exceptions: quoted input fragments (which may be secret)
   * replaced by an ellipsis, only the first line kept.
   *
   * @param message the parser's message
   * @return the redacted message
   */
  public static String redact(@Nullable String message) {
    if (message == null) {
      return "unknown problem";
    }
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    return first.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
  }

  /** Thrown by the tree readers for syntax errors, with the position. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    /**
     * Creates the error.
     *
     * @param message what is wrong (never the input text)
     * @param line 1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     */
    public SyntaxError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    /** The 1-based line, 0 when unknown. */
    public int line() {
      return line;
    }

    /** The 1-based column, 0 when unknown. */
    public int column() {
      return column;
    }
  }
}
