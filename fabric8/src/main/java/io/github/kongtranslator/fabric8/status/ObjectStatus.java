package io.github.kongtranslator.fabric8.status;

import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;

/**
 * What the {@link StatusWriter} writes for one object: conditions for {@code status.conditions}
 * and, for Gateway API routes, per-parent statuses for {@code status.parents}. A small interface
 * so that whatever computes status (a controller's own code, or the library's status reports)
 * can be adapted to it.
 */
public interface ObjectStatus {
  /** {@return the object to write to (kind, namespace, name; version and uid are not used)} */
  ObjectRef ref();

  /** {@return the {@code metadata.generation} the conditions were computed for} */
  long observedGeneration();

  /**
   * {@return conditions for {@code status.conditions}; condition types not listed are left alone}
   */
  List<StatusCondition> conditions();

  /**
   * Route parent statuses for {@code status.parents}; entries of other controllers and other
   * parents are left alone.
   *
   * @return the statuses, empty for kinds without parents
   */
  default List<ParentStatus> parents() {
    return List.of();
  }

  /**
   * A status of conditions only.
   *
   * @param ref the object
   * @param observedGeneration the generation computed for
   * @param conditions the conditions
   * @return the status
   */
  static ObjectStatus of(ObjectRef ref, long observedGeneration, List<StatusCondition> conditions) {
    List<StatusCondition> copy = List.copyOf(conditions);
    return new ObjectStatus() {
      @Override
      public ObjectRef ref() {
        return ref;
      }

      @Override
      public long observedGeneration() {
        return observedGeneration;
      }

      @Override
      public List<StatusCondition> conditions() {
        return copy;
      }
    };
  }
}
