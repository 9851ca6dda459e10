package io.github.kongtranslator.fallback.status;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A change of one object's status between two reports: what a controller should write.
 *
 * @param previous the status before, null when the object is new (or no report was made before)
 * @param current the status now, null when the object left the snapshot
 */
public record StatusChange(@Nullable ObjectStatus previous, @Nullable ObjectStatus current) {
  /**
   * Validates that one side is present.
   *
   * @param previous the status before, null when the object is new (or no report was made before)
   * @param current the status now, null when the object left the snapshot
   */
  public StatusChange {
    if (previous == null && current == null) {
      throw new IllegalArgumentException("a status change needs a previous or a current status");
    }
  }

  /**
   * The status before.
   *
   * @return it, empty when the object is new
   */
  public Optional<ObjectStatus> before() {
    return Optional.ofNullable(previous);
  }

  /**
   * The status now.
   *
   * @return it, empty when the object was removed
   */
  public Optional<ObjectStatus> after() {
    return Optional.ofNullable(current);
  }
}
