package io.github.kongtranslator.translator.gatewayapi;

import java.util.Objects;

/**
 * A Kubernetes status condition ({@code metav1.Condition} without the transition time, which a
 * status writer sets when the status changes).
 *
 * @param type the type, e.g. {@code Accepted}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason the CamelCase reason
 * @param message a human-readable message, possibly empty; never holds Secret data
 * @param observedGeneration the {@code metadata.generation} of the object the condition was
 *     computed from
 */
public record Condition(
    String type, String status, String reason, String message, long observedGeneration) {
  /** {@code True}. */
  public static final String TRUE = "True";

  /** {@code False}. */
  public static final String FALSE = "False";

  /** {@code Unknown}. */
  public static final String UNKNOWN = "Unknown";

  /**
   * Validates the components.
   *
   * @param type the type, e.g. {@code Accepted}
   * @param status {@code True}, {@code False} or {@code Unknown}
   * @param reason the CamelCase reason
   * @param message a human-readable message, possibly empty; never holds Secret data
   * @param observedGeneration the {@code metadata.generation} of the object the condition was
   *     computed from
   */
  public Condition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    if (!status.equals(TRUE) && !status.equals(FALSE) && !status.equals(UNKNOWN)) {
      throw new IllegalArgumentException(
          "condition status must be True, False or Unknown: " + status);
    }
  }

  /**
   * A condition.
   *
   * @param type the type
   * @param status true, false
   * @param reason the reason
   * @param message the message
   * @param generation the observed generation
   * @return the condition
   */
  public static Condition of(
      String type, boolean status, String reason, String message, long generation) {
    return new Condition(type, status ? TRUE : FALSE, reason, message, generation);
  }

  /**
   * Whether the status is {@code True}.
   *
   * @return true when true
   */
  public boolean isTrue() {
    return status.equals(TRUE);
  }
}
