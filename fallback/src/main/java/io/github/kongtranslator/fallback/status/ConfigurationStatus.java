package io.github.kongtranslator.fallback.status;

/**
 * Whether an object's configuration is live, as KIC's {@code k8sobj.ConfigurationStatus} ({@code
 * internal/util/kubernetes/object/set.go}).
 */
public enum ConfigurationStatus {
  /** The object produced entities that every gateway accepted and serves. */
  SUCCEEDED,
  /**
   * The object failed: a translation failure names it, a gateway rejected it, or the fallback
   * excluded it because it depends on a rejected object.
   */
  FAILED,
  /** Unknown: a gateway's state is unknown, or the object produced nothing (yet). */
  UNKNOWN;

  /**
   * The value of a {@code Programmed}-style tri-state: {@code True}, {@code False}, {@code
   * Unknown}.
   *
   * @return the condition status
   */
  public String conditionStatus() {
    return switch (this) {
      case SUCCEEDED -> "True";
      case FAILED -> "False";
      case UNKNOWN -> "Unknown";
    };
  }
}
