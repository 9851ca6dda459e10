package io.github.kongtranslator.kongmodel.io;

import io.github.kongtranslator.core.KongTranslatorException;

/**
 * A Kong configuration could not be read: invalid YAML or JSON, or a value of the wrong type. The
 * message names the source, the line and column, and (for type errors) the JSON pointer of the
 * value; it never quotes input values, which may be secret.
 */
public final class KongConfigReadException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String pointer;

  KongConfigReadException(
      String source, int line, int column, String pointer, String problem, Throwable cause) {
    super(format(source, line, column, pointer, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.pointer = pointer;
  }

  private static String format(
      String source, int line, int column, String pointer, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (!pointer.isEmpty()) {
      sb.append(pointer).append(": ");
    }
    return sb.append(problem).toString();
  }

  /**
   * The name of the source read (a file path or a caller-given name).
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based line of the problem.
   *
   * @return the line, 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column of the problem.
   *
   * @return the column, 0 when unknown
   */
  public int column() {
    return column;
  }

  /**
   * The JSON pointer of the offending value.
   *
   * @return the pointer, empty for syntax errors and for the document itself
   */
  public String pointer() {
    return pointer;
  }
}
