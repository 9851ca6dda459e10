package io.github.kongtranslator.fallback.status;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of every object of a snapshot, sorted by kind, namespace and name.
 *
 * @param objects the statuses by object (without version and uid)
 */
public record StatusReport(ImmutableMap<ObjectRef, ObjectStatus> objects) {
  /** An empty report. */
  public static final StatusReport EMPTY = new StatusReport(ImmutableMap.of());

  /**
   * Copies the map.
   *
   * @param objects the statuses by object (without version and uid)
   */
  public StatusReport {
    objects = ImmutableMap.copyOf(Objects.requireNonNull(objects, "objects"));
  }

  /**
   * The status of one object.
   *
   * @param object the object
   * @return its status, empty when it is not in the snapshot
   */
  public Optional<ObjectStatus> get(ObjectRef object) {
    return Optional.ofNullable(objects.get(object.withoutVersionAndUid()));
  }

  /**
   * What changed since an earlier report: objects whose status differs, new objects, then removed
   * objects, in this report's order (removed ones in the earlier report's order).
   *
   * @param previous the earlier report
   * @return the changes, empty when nothing changed
   */
  public ImmutableList<StatusChange> changesSince(StatusReport previous) {
    List<StatusChange> out = new ArrayList<>();
    for (Map.Entry<ObjectRef, ObjectStatus> e : objects.entrySet()) {
      ObjectStatus before = previous.objects().get(e.getKey());
      if (!e.getValue().equals(before)) {
        out.add(new StatusChange(before, e.getValue()));
      }
    }
    for (Map.Entry<ObjectRef, ObjectStatus> e : previous.objects().entrySet()) {
      if (!objects.containsKey(e.getKey())) {
        out.add(new StatusChange(e.getValue(), null));
      }
    }
    return ImmutableList.copyOf(out);
  }
}
