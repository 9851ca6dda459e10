package io.github.kongtranslator.core.manifest;

import io.github.kongtranslator.core.KongTranslatorException;

/**
 * Bad manifest input: malformed YAML or JSON, a wrong type for a modelled field, a missing name, a
 * resource limit exceeded, or (as {@link InvalidObjectException}) an object the API server would
 * refuse. The message reads {@code source: document N, line L:C: field F: problem}; the parts are
 * also available as data. Messages never quote input values.
 */
public sealed class ManifestException extends KongTranslatorException
    permits InvalidObjectException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int document;
  private final int line;
  private final int column;
  private final String field;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source the file name or source label
   * @param document 1-based document number in the stream, 0 when not known
   * @param line 1-based line, 0 when not known
   * @param column 1-based column, 0 when not known
   * @param field dotted field path within the document, empty when not about one field
   * @param problem what is wrong
   */
  public ManifestException(
      String source, int document, int line, int column, String field, String problem) {
    super(format(source, document, line, column, field, problem));
    this.source = source;
    this.document = document;
    this.line = line;
    this.column = column;
    this.field = field;
    this.problem = problem;
  }

  private static String format(
      String source, int document, int line, int column, String field, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (document > 0) {
      sb.append(": document ").append(document);
    }
    if (line > 0) {
      sb.append(", line ").append(line).append(':').append(column);
    }
    if (!field.isEmpty()) {
      sb.append(": field ").append(field);
    }
    return sb.append(": ").append(problem).toString();
  }

  /** {@return the file name or source label} */
  public String source() {
    return source;
  }

  /** {@return 1-based document number, 0 when not known} */
  public int document() {
    return document;
  }

  /** {@return 1-based line, 0 when not known} */
  public int line() {
    return line;
  }

  /** {@return 1-based column, 0 when not known} */
  public int column() {
    return column;
  }

  /**
   * {@return dotted field path (e.g} {@code spec.rules[0].http.paths[1].pathType}), empty when
   * none.
   */
  public String field() {
    return field;
  }

  /** {@return the problem without location} */
  public String problem() {
    return problem;
  }
}
