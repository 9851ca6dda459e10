package io.github.kongtranslator.fallback.gateway;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.kongmodel.errors.FlattenedError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The classified answer to one push (fallback-spec §4.10). Dispatch with {@code switch} over {@link
 * #kind()}.
 *
 * <p>Descriptions are written by the client and must never contain Secret data, credentials or the
 * pushed configuration; they name entities and objects only.
 */
public sealed interface PushOutcome
    permits PushOutcome.Accepted,
        PushOutcome.RejectedEntities,
        PushOutcome.RejectedUnparseable,
        PushOutcome.Transient,
        PushOutcome.Indeterminate {

  /** The kind of outcome. */
  enum Kind {
    /** The gateway applied the whole configuration. */
    ACCEPTED,
    /** The gateway rejected entities; the errors name them. */
    REJECTED_ENTITIES,
    /** The gateway rejected the configuration with an answer that names nothing usable. */
    REJECTED_UNPARSEABLE,
    /** The request certainly never changed the gateway (e.g. connection refused). */
    TRANSIENT,
    /** The gateway may have applied all, part or none of the configuration. */
    INDETERMINATE
  }

  /**
   * The kind of outcome.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * Whether the configuration was accepted.
   *
   * @return true for {@link Kind#ACCEPTED}
   */
  default boolean isAccepted() {
    return kind() == Kind.ACCEPTED;
  }

  /**
   * Whether the gateway answered with a rejection.
   *
   * @return true for {@link Kind#REJECTED_ENTITIES} and {@link Kind#REJECTED_UNPARSEABLE}
   */
  default boolean isRejected() {
    return kind() == Kind.REJECTED_ENTITIES || kind() == Kind.REJECTED_UNPARSEABLE;
  }

  /**
   * The accepted outcome.
   *
   * @return the accepted outcome
   */
  static PushOutcome accepted() {
    return Accepted.INSTANCE;
  }

  /**
   * A rejection of entities.
   *
   * @param errors the rejected entities with their errors, in the gateway's order
   * @return the outcome
   */
  static PushOutcome rejected(List<FlattenedError> errors) {
    return new RejectedEntities(ImmutableList.copyOf(errors));
  }

  /**
   * A rejection that names nothing usable.
   *
   * @param description why the answer could not be used (no body content)
   * @return the outcome
   */
  static PushOutcome rejectedUnparseable(String description) {
    return new RejectedUnparseable(description);
  }

  /**
   * A failure that certainly left the gateway unchanged.
   *
   * @param description what failed
   * @return the outcome
   */
  static PushOutcome transientFailure(String description) {
    return new Transient(description);
  }

  /**
   * A failure after which the gateway may run anything.
   *
   * @param description what failed
   * @return the outcome
   */
  static PushOutcome indeterminate(String description) {
    return new Indeterminate(description);
  }

  /** The gateway applied the whole configuration. */
  final class Accepted implements PushOutcome {
    private static final Accepted INSTANCE = new Accepted();

    private Accepted() {}

    @Override
    public Kind kind() {
      return Kind.ACCEPTED;
    }

    /** {@code ACCEPTED}. */
    @Override
    public String toString() {
      return "ACCEPTED";
    }
  }

  /**
   * The gateway rejected entities (a 400 with flattened errors, or failed entity operations in DB
   * mode). On a partial gateway the other entities may have been applied.
   *
   * @param errors the rejected entities with their errors; may be empty (nothing identified)
   */
  record RejectedEntities(ImmutableList<FlattenedError> errors) implements PushOutcome {
    /**
     * Copies the list.
     *
     * @param errors the rejected entities with their errors; may be empty (nothing identified)
     */
    public RejectedEntities {
      errors = ImmutableList.copyOf(errors);
    }

    @Override
    public Kind kind() {
      return Kind.REJECTED_ENTITIES;
    }

    /**
     * The blamed objects under the target rules (fallback-spec §4.10): every entry whose tags name
     * an object, deduplicated, in first-occurrence order.
     *
     * @return the broken objects
     */
    public ImmutableList<ObjectRef> brokenObjects() {
      Set<ObjectRef> out = new LinkedHashSet<>();
      for (FlattenedError e : errors) {
        e.targetRef().ifPresent(out::add);
      }
      return ImmutableList.copyOf(out);
    }

    /** {@code REJECTED_ENTITIES[n entries, broken=[…]]}; names objects only. */
    @Override
    public String toString() {
      return "REJECTED_ENTITIES[" + errors.size() + " entries, broken=" + brokenObjects() + "]";
    }
  }

  /**
   * The gateway rejected the configuration but the answer names nothing usable.
   *
   * @param description why the answer could not be used
   */
  record RejectedUnparseable(String description) implements PushOutcome {
    /**
     * Rejects null.
     *
     * @param description why the answer could not be used
     */
    public RejectedUnparseable {
      Objects.requireNonNull(description, "description");
    }

    @Override
    public Kind kind() {
      return Kind.REJECTED_UNPARSEABLE;
    }
  }

  /**
   * The request never changed the gateway.
   *
   * @param description what failed
   */
  record Transient(String description) implements PushOutcome {
    /**
     * Rejects null.
     *
     * @param description what failed
     */
    public Transient {
      Objects.requireNonNull(description, "description");
    }

    @Override
    public Kind kind() {
      return Kind.TRANSIENT;
    }
  }

  /**
   * The gateway may have applied all, part or none of the configuration.
   *
   * @param description what failed
   */
  record Indeterminate(String description) implements PushOutcome {
    /**
     * Rejects null.
     *
     * @param description what failed
     */
    public Indeterminate {
      Objects.requireNonNull(description, "description");
    }

    @Override
    public Kind kind() {
      return Kind.INDETERMINATE;
    }
  }
}
