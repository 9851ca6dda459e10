package io.github.kongtranslator.kongmodel.errors;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One item of a flattened-errors entry's {@code errors} list. Absent strings are empty.
 *
 * @param type {@code field}, {@code entity} or anything else Kong sent
 * @param field the field name for field errors
 * @param message a single message
 * @param messages a list of messages (one per list element of the field)
 */
public record FieldError(
    String type, String field, String message, ImmutableList<String> messages) {

  /**
   * Copies the message list.
   *
   * @param type {@code field}, {@code entity} or anything else Kong sent
   * @param field the field name for field errors
   * @param message a single message
   * @param messages a list of messages (one per list element of the field)
   */
  public FieldError {
    messages = ImmutableList.copyOf(messages);
  }

  /**
   * Creates an item.
   *
   * @param type the type
   * @param field the field
   * @param message the single message
   * @param messages the message list
   * @return the item
   */
  public static FieldError of(String type, String field, String message, List<String> messages) {
    return new FieldError(type, field, message, ImmutableList.copyOf(messages));
  }

  /** Shows type and field only: Kong's messages may quote rejected (possibly secret) values. */
  @Override
  public String toString() {
    return "FieldError{type="
        + type
        + ", field="
        + field
        + ", messages="
        + (message.isEmpty() ? 0 : 1)
        + "+"
        + messages.size()
        + "}";
  }
}
