package io.github.kongtranslator.translator;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;
import java.util.Objects;

/**
 * One translation failure: a reason and the objects that caused it. A failure never stops the
 * translation of other objects. The reason names objects and values of non-secret fields only; it
 * never contains Secret data, credentials or keys.
 *
 * @param causingObjects the blamed objects, never empty, in blame order
 * @param reason human-readable reason
 * @param effect what the failure means for the blamed objects' entities
 */
public record TranslationFailure(
    ImmutableList<ObjectRef> causingObjects, String reason, Effect effect) {

  /** What a failure means for the entities of the objects it blames. */
  public enum Effect {
    /**
     * KIC's behaviour: the failing part is left out or replaced and the rest of the object is
     * translated; nothing is served with less protection than it asks for.
     */
    PARTIAL,
    /**
     * The object's entities would be served without a protection they ask for (a plugin that cannot
     * be translated, a missing credential, ...): fail closed, the object and everything that
     * depends on it are left out.
     */
    UNPROTECTED,
    /**
     * Kong's own validation would reject an entity the object produced: the object and everything
     * that depends on it are left out before any push.
     */
    KONG_INVALID
  }

  /**
   * A failure with effect {@link Effect#PARTIAL}.
   *
   * @param causingObjects the blamed objects (at least one)
   * @param reason the reason
   */
  public TranslationFailure(ImmutableList<ObjectRef> causingObjects, String reason) {
    this(causingObjects, reason, Effect.PARTIAL);
  }

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException when no causing object is given
   * @param causingObjects the blamed objects, never empty, in blame order
   * @param reason human-readable reason
   * @param effect what the failure means for the blamed objects' entities
   */
  public TranslationFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(effect, "effect");
    causingObjects = ImmutableList.copyOf(causingObjects);
    if (causingObjects.isEmpty()) {
      throw new IllegalArgumentException("a translation failure needs a causing object: " + reason);
    }
  }

  /**
   * A failure with effect {@link Effect#PARTIAL} blamed on the given objects.
   *
   * @param reason the reason
   * @param causingObjects the blamed objects (at least one)
   * @return the failure
   */
  public static TranslationFailure of(String reason, List<ObjectRef> causingObjects) {
    return new TranslationFailure(ImmutableList.copyOf(causingObjects), reason);
  }

  /**
   * A failure with the given effect blamed on the given objects.
   *
   * @param reason the reason
   * @param effect what the failure means for the blamed objects' entities
   * @param causingObjects the blamed objects (at least one)
   * @return the failure
   */
  public static TranslationFailure of(
      String reason, Effect effect, List<ObjectRef> causingObjects) {
    return new TranslationFailure(ImmutableList.copyOf(causingObjects), reason, effect);
  }

  /**
   * Whether the fail-closed entry points leave the blamed objects out with their dependents: true
   * for {@link Effect#UNPROTECTED} and {@link Effect#KONG_INVALID}.
   *
   * @return whether the failure fails closed
   */
  public boolean failsClosed() {
    return effect != Effect.PARTIAL;
  }

  /** Renders {@code reason [Kind ns/name, ...]}. */
  @Override
  public String toString() {
    return reason + " " + causingObjects;
  }
}
