package io.github.kongtranslator.testkit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The database behind one or more {@link KongAdminFake} nodes (several Kong nodes on one Postgres
 * share one of these). Entities are held per collection as Kong returns them (with {@code id},
 * {@code created_at}, defaults and references as {@code {"id": …}}), in creation order. Tests use
 * the direct methods to set the scene behind the Admin API's back: another team's entities ({@link
 * #insert}), an earlier install's entities with our names, drift ({@link #delete}). Thread-safe:
 * every method locks the database.
 */
public final class KongDatabase {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final KongAdminFake.Edition edition;
  private final Map<String, Map<String, ObjectNode>> collections = new LinkedHashMap<>();
  private int created;

  /**
   * An empty database of a Kong edition.
   *
   * @param edition OSS or Enterprise (decides which collections exist)
   */
  public KongDatabase(KongAdminFake.Edition edition) {
    this.edition = Objects.requireNonNull(edition, "edition");
  }

  /**
   * The edition.
   *
   * @return the edition
   */
  public KongAdminFake.Edition edition() {
    return edition;
  }

  /**
   * The entities of a collection (e.g. {@code services}, {@code targets}, {@code key-auths}), as
   * copies, in creation order.
   *
   * @param collection the collection
   * @return the entities
   */
  public synchronized ImmutableList<ObjectNode> entities(String collection) {
    ImmutableList.Builder<ObjectNode> b = ImmutableList.builder();
    table(collection).values().forEach(e -> b.add(e.deepCopy()));
    return b.build();
  }

  /**
   * The entities of a collection that carry a tag.
   *
   * @param collection the collection
   * @param tag the tag
   * @return copies, in creation order
   */
  public synchronized ImmutableList<ObjectNode> tagged(String collection, String tag) {
    return entities(collection).stream()
        .filter(e -> hasTag(e, tag))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The value of one field of every entity of a collection, in creation order (e.g. the names of
   * the services).
   *
   * @param collection the collection
   * @param field the field
   * @return the values as text; missing or null fields as {@code ""}
   */
  public synchronized ImmutableList<String> values(String collection, String field) {
    return entities(collection).stream()
        .map(e -> e.path(field).isNull() ? "" : e.path(field).asText(""))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Inserts an entity directly into the database, bypassing the Admin API's checks (another team's
   * entity, an earlier install's entity). An {@code id} is generated when absent.
   *
   * @param collection the collection
   * @param entity the entity as Kong stores it (references as {@code {"id": …}})
   * @return the stored copy (with its id)
   */
  public synchronized ObjectNode insert(String collection, ObjectNode entity) {
    ObjectNode copy = entity.deepCopy();
    if (!copy.hasNonNull("id")) {
      copy.put("id", newId(collection));
    }
    copy.put("created_at", 1_700_000_000);
    table(collection).put(copy.get("id").asText(), copy);
    return copy.deepCopy();
  }

  /**
   * Deletes an entity directly from the database (drift: someone removed it behind the controller's
   * back). No cascade, no checks.
   *
   * @param collection the collection
   * @param id the entity id
   * @return whether it existed
   */
  public synchronized boolean delete(String collection, String id) {
    return table(collection).remove(id) != null;
  }

  /**
   * Deletes every entity of a collection that matches, directly (drift).
   *
   * @param collection the collection
   * @param which which entities
   * @return how many were deleted
   */
  public synchronized int deleteIf(String collection, Predicate<JsonNode> which) {
    int before = table(collection).size();
    table(collection).values().removeIf(which);
    return before - table(collection).size();
  }

  /**
   * Changes one field of an entity directly (drift).
   *
   * @param collection the collection
   * @param id the entity id
   * @param field the field
   * @param value the new value
   * @return whether the entity existed
   */
  public synchronized boolean update(String collection, String id, String field, JsonNode value) {
    ObjectNode e = table(collection).get(id);
    if (e == null) {
      return false;
    }
    e.set(field, value);
    return true;
  }

  // ---- used by KongAdminFake, under this lock --------------------------------------------

  Map<String, ObjectNode> table(String collection) {
    return collections.computeIfAbsent(collection, k -> new LinkedHashMap<>());
  }

  String newId(String collection) {
    return UUID.nameUUIDFromBytes((collection + "#" + created++).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  Optional<ObjectNode> byId(String collection, String id) {
    return Optional.ofNullable(table(collection).get(id));
  }

  List<ObjectNode> all(String collection) {
    return new ArrayList<>(table(collection).values());
  }

  static boolean hasTag(JsonNode e, String tag) {
    for (JsonNode t : e.path("tags")) {
      if (t.asText().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /** {@code KongDatabase[edition, n entities]}. */
  @Override
  public synchronized String toString() {
    int n = collections.values().stream().mapToInt(Map::size).sum();
    return "KongDatabase[" + edition + ", " + n + " entities]";
  }
}
