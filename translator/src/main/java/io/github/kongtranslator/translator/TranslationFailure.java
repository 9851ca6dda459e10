package io.github.kongtranslator.translator;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;
import java.util.Objects;

/**
 * One translation failure: a reason and the objects that caused it. A failure never stops the
 * translation of other objects. The reason names objects and values of non-secret fields only;
 * it never contains Secret data, credentials or keys.
 *
 * @param causingObjects the blamed objects, never empty, in blame order
 * @param reason human-readable reason
 */
public record TranslationFailure(ImmutableList<ObjectRef> causingObjects, String reason) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException when no causing object is given
   */
  public TranslationFailure {
    Objects.requireNonNull(reason, "reason");
    causingObjects = ImmutableList.copyOf(causingObjects);
    if (causingObjects.isEmpty()) {
      throw new IllegalArgumentException("a translation failure needs a causing object: " + reason);
    }
  }

  /**
   * A failure blamed on the given objects.
   *
   * @param reason the reason
   * @param causingObjects the blamed objects (at least one)
   * @return the failure
   */
  public static TranslationFailure of(String reason, List<ObjectRef> causingObjects) {
    return new TranslationFailure(ImmutableList.copyOf(causingObjects), reason);
  }

  /** Renders {@code reason [Kind ns/name, ...]}. */
  @Override
  public String toString() {
    return reason + " " + causingObjects;
  }
}
