package io.github.kongtranslator.fabric8.convert;

import io.github.kongtranslator.core.KongTranslatorException;

/**
 * A fabric8 object (or a tree) cannot be read into the model: a required field is missing or a
 * field has the wrong type. The message names the origin, the field and the object as {@code Kind
 * namespace/name}, never a field's value.
 */
public final class ConversionException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  private final String origin;
  private final String object;
  private final String field;

  ConversionException(String origin, String object, String field, String problem) {
    super(message(origin, object, field, problem));
    this.origin = origin;
    this.object = object;
    this.field = field;
  }

  ConversionException(String origin, String object, String field, String problem, Throwable cause) {
    super(message(origin, object, field, problem), cause);
    this.origin = origin;
    this.object = object;
    this.field = field;
  }

  private static String message(String origin, String object, String field, String problem) {
    return origin
        + ": "
        + (field.isEmpty() ? "" : "field " + field + ": ")
        + (object.isEmpty() ? "" : object + ": ")
        + problem;
  }

  /**
   * Where the object came from.
   *
   * @return the origin, e.g. {@code informer Service} or a caller's label
   */
  public String origin() {
    return origin;
  }

  /**
   * {@return the object as {@code Kind namespace/name}, empty when it has no readable kind or name}
   */
  public String object() {
    return object;
  }

  /** {@return the field in dotted form ({@code spec.ports[0].port}), empty for the whole object} */
  public String field() {
    return field;
  }
}
