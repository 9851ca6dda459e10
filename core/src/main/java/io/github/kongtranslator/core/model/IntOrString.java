package io.github.kongtranslator.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes {@code IntOrString} (e.g. a Service port's {@code targetPort}): either a number or a
 * name.
 */
public final class IntOrString {
  private final @Nullable Integer number;
  private final @Nullable String string;

  private IntOrString(@Nullable Integer number, @Nullable String string) {
    this.number = number;
    this.string = string;
  }

  /**
   * A numeric value.
   *
   * @param number the number
   * @return the value
   */
  public static IntOrString of(int number) {
    return new IntOrString(number, null);
  }

  /**
   * A string value; a string of decimal digits is still a string (as in Kubernetes).
   *
   * @param string the name
   * @return the value
   */
  public static IntOrString of(String string) {
    return new IntOrString(null, Objects.requireNonNull(string));
  }

  /**
   * Reads a JSON number or string.
   *
   * @param node the JSON node
   * @return the value
   * @throws IllegalArgumentException when the node is neither an int nor a string
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static IntOrString fromJson(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return of(node.intValue());
    }
    if (node.isTextual()) {
      return of(node.textValue());
    }
    throw new IllegalArgumentException(
        "expected an integer or a string, found " + node.getNodeType());
  }

  /** {@return the number, if this is a number} */
  public Optional<Integer> number() {
    return Optional.ofNullable(number);
  }

  /** {@return the string, if this is a string} */
  public Optional<String> string() {
    return Optional.ofNullable(string);
  }

  /** {@return the JSON form: a number or a string} */
  @JsonValue
  public Object toJson() {
    return number != null ? number : Objects.requireNonNull(string);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IntOrString other
        && Objects.equals(number, other.number)
        && Objects.equals(string, other.string);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, string);
  }

  @Override
  public String toString() {
    return String.valueOf(toJson());
  }
}
