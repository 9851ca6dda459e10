package io.github.kongtranslator.fabric8.status;

import java.util.Objects;

/**
 * One condition to write ({@code metav1.Condition} without the times: the writer sets {@code
 * observedGeneration} from the {@link ObjectStatus} and {@code lastTransitionTime} when the
 * status changes).
 *
 * @param type e.g. {@code Programmed}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason a CamelCase reason, e.g. {@code Programmed} or {@code Invalid}
 * @param message a human-readable message (never Secret data)
 */
public record StatusCondition(String type, String status, String reason, String message) {
  /**
   * Checks the type, status and reason.
   *
   * @param type e.g. {@code Programmed}
   * @param status {@code True}, {@code False} or {@code Unknown}
   * @param reason a CamelCase reason, e.g. {@code Programmed} or {@code Invalid}
   * @param message a human-readable message (never Secret data)
   */
  public StatusCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    if (type.isEmpty() || reason.isEmpty()) {
      throw new IllegalArgumentException("a condition needs a type and a reason");
    }
    if (!status.equals("True") && !status.equals("False") && !status.equals("Unknown")) {
      throw new IllegalArgumentException("condition " + type + ": status must be True, False or Unknown");
    }
  }
}
