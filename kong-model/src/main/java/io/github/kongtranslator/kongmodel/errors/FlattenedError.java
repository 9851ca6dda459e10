package io.github.kongtranslator.kongmodel.errors;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of Kong's {@code flattened_errors}: the rejected entity's type, name, id and tags and
 * its error items. Absent strings are empty, absent lists empty. Entries without usable tags are
 * kept; {@link #compatRef()} and {@link #targetRef()} say whether and how they map to a Kubernetes
 * object.
 *
 * @param entityType e.g. {@code route}
 * @param entityName the entity's name
 * @param entityId the entity's id
 * @param entityTags the entity's tags, in order
 * @param errors the error items, in order
 */
public record FlattenedError(
    String entityType,
    String entityName,
    String entityId,
    ImmutableList<String> entityTags,
    ImmutableList<FieldError> errors) {

  /**
   * Copies the lists.
   *
   * @param entityType e.g. {@code route}
   * @param entityName the entity's name
   * @param entityId the entity's id
   * @param entityTags the entity's tags, in order
   * @param errors the error items, in order
   */
  public FlattenedError {
    entityTags = ImmutableList.copyOf(entityTags);
    errors = ImmutableList.copyOf(errors);
  }

  /**
   * Creates an entry.
   *
   * @param entityType the entity type
   * @param entityName the entity name
   * @param entityId the entity id
   * @param entityTags the tags
   * @param errors the error items
   * @return the entry
   */
  public static FlattenedError of(
      String entityType,
      String entityName,
      String entityId,
      List<String> entityTags,
      List<FieldError> errors) {
    return new FlattenedError(
        entityType,
        entityName,
        entityId,
        ImmutableList.copyOf(entityTags),
        ImmutableList.copyOf(errors));
  }

  /**
   * The identity in the entry's {@code k8s-*} tags.
   *
   * @return the scanned identity
   */
  public TagIdentity tagIdentity() {
    return TagIdentity.fromTags(entityTags);
  }

  /**
   * The object KIC blames for this entry (fallback-spec §4.5).
   *
   * @return the object, empty when KIC drops the entry
   */
  public Optional<ObjectRef> compatRef() {
    return tagIdentity().compatRef();
  }

  /**
   * The object blamed under the target rules (fallback-spec §4.10).
   *
   * @return the object, empty when the tags do not name one
   */
  public Optional<ObjectRef> targetRef() {
    return tagIdentity().targetRef();
  }

  /**
   * The problems of this entry per fallback-spec §4.4: items with both {@code message} and {@code
   * messages} are ignored; a {@code message} of type {@code field} is keyed by the field, of type
   * {@code entity} by {@code <entity_type>:<entity_name>}, of any other type ignored; each
   * non-empty {@code messages[i]} is keyed {@code <field>[<i>]}. A repeated key keeps the last
   * problem (at the position of its first occurrence).
   *
   * @return problem text by key
   */
  public ImmutableMap<String, String> problems() {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldError e : errors) {
      boolean hasMessage = !e.message().isEmpty();
      boolean hasMessages = !e.messages().isEmpty();
      if (hasMessage && hasMessages) {
        continue;
      }
      if (hasMessage) {
        if (e.type().equals("field")) {
          out.put(e.field(), e.message());
        } else if (e.type().equals("entity")) {
          out.put(entityType + ":" + entityName, e.message());
        }
        continue;
      }
      for (int i = 0; i < e.messages().size(); i++) {
        String m = e.messages().get(i);
        if (!m.isEmpty()) {
          out.put(e.field() + "[" + i + "]", m);
        }
      }
    }
    return ImmutableMap.copyOf(out);
  }

  /** Type, name, tags and problem keys; never problem texts (they may quote rejected values). */
  @Override
  public String toString() {
    return "FlattenedError{type="
        + entityType
        + ", name="
        + entityName
        + ", tags="
        + entityTags
        + ", problems="
        + problems().keySet()
        + "}";
  }
}
