package io.github.kongtranslator.fallback.backfill;

import io.github.kongtranslator.core.model.ObjectRef;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Why an excluded object was not restored from the last valid snapshot. Immutable. */
public final class BackfillRefusal {

  /** The rule of {@code fallback-spec.md} §3.4 that refused the restore. */
  public enum Reason {
    /**
     * The last valid snapshot has no object with exactly this ref (new, recreated or changed
     * version).
     */
    NOT_IN_LAST_VALID,
    /**
     * The old version's dependencies resolve to other objects in the result than in the last valid
     * snapshot.
     */
    DEPENDENCIES_CHANGED,
    /**
     * A dependency is not in the result as it was: excluded and not restored, deleted, or
     * recreated.
     */
    DEPENDENCY_NOT_RESTORED,
    /** A dependency kept in the fallback differs from its version in the last valid snapshot. */
    DEPENDENCY_DIFFERS,
    /**
     * Restoring it would give a kept object a new dependency (e.g. an old BackendTLSPolicy
     * targeting a kept Service).
     */
    WOULD_CHANGE_DEPENDENT
  }

  private final ObjectRef object;
  private final Reason reason;
  private final @Nullable ObjectRef related;

  BackfillRefusal(ObjectRef object, Reason reason, @Nullable ObjectRef related) {
    this.object = Objects.requireNonNull(object, "object");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.related = related;
  }

  /** {@return the excluded object that was not restored} */
  public ObjectRef object() {
    return object;
  }

  /** {@return why} */
  public Reason reason() {
    return reason;
  }

  /**
   * The object that blocked the restore: the dependency that changed, was not restored or differs,
   * or the kept dependent that would change; empty for {@link Reason#NOT_IN_LAST_VALID}.
   *
   * @return the object that blocked the restore: the dependency that changed, was not restored or
   *     differs, or the kept dependent that would change; empty for {@link
   *     Reason#NOT_IN_LAST_VALID}
   */
  public Optional<ObjectRef> blockedBy() {
    return Optional.ofNullable(related);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BackfillRefusal other
        && object.equals(other.object)
        && reason == other.reason
        && Objects.equals(related, other.related);
  }

  @Override
  public int hashCode() {
    return Objects.hash(object, reason, related);
  }

  /**
   * Renders e.g. {@code Ingress default/web not restored: DEPENDENCY_NOT_RESTORED (Service
   * default/web)}.
   */
  @Override
  public String toString() {
    return object + " not restored: " + reason + (related == null ? "" : " (" + related + ")");
  }
}
