package io.github.kongtranslator.kongmodel.config;

import io.github.kongtranslator.core.KongTranslatorException;

/**
 * A Kong entity or document was given a value it cannot hold: a known field of the wrong JSON type,
 * a nested list that is not a list of objects, a non-finite number.
 *
 * <p>The message names the entity kind, the JSON pointer of the offending value and the expected
 * and found types, never the value itself (it may be secret).
 */
public final class KongModelException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  /**
   * Creates the exception.
   *
   * @param pointer JSON pointer of the offending value relative to the document or entity being
   *     built, e.g. {@code /services/2/port}
   * @param problem what was expected and what was found
   */
  public KongModelException(String pointer, String problem) {
    super(pointer.isEmpty() ? problem : pointer + ": " + problem);
    this.pointer = pointer;
  }

  /**
   * The JSON pointer of the offending value.
   *
   * @return the pointer, empty for the root
   */
  public String pointer() {
    return pointer;
  }

  /**
   * The problem without the pointer.
   *
   * @return the problem description
   */
  public String problem() {
    String m = getMessage();
    if (m == null) {
      return ""; // the constructors always set a message
    }
    return pointer.isEmpty() ? m : m.substring(pointer.length() + 2);
  }

  /**
   * This exception with its pointer prefixed by a parent path.
   *
   * @param prefix the path of the value this exception's pointer is relative to
   * @return a new exception
   */
  public KongModelException under(String prefix) {
    KongModelException e = new KongModelException(prefix + pointer, problem());
    e.setStackTrace(getStackTrace());
    return e;
  }
}
