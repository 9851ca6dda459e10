package io.github.kongtranslator.core.manifest;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;

/**
 * The fields loading filled in on one object, as the API server would (namespace, uid, core and CRD
 * defaults).
 *
 * @param object the object, with its final namespace and uid
 * @param source file name or source label
 * @param document 1-based document number
 * @param fields dotted paths of the defaulted fields (e.g. {@code spec.ports[0].protocol}), in the
 *     order they were set
 */
public record DefaultedFields(ObjectRef object, String source, int document, List<String> fields) {
  /**
   * Freezes the list.
   *
   * @param object the object, with its final namespace and uid
   * @param source file name or source label
   * @param document 1-based document number
   * @param fields dotted paths of the defaulted fields (e.g. {@code spec.ports[0].protocol}), in
   *     the order they were set
   */
  public DefaultedFields {
    fields = ImmutableList.copyOf(fields);
  }

  /** Renders {@code source: document N: Kind ns/name: field, field}. */
  @Override
  public String toString() {
    return source + ": document " + document + ": " + object + ": " + String.join(", ", fields);
  }
}
