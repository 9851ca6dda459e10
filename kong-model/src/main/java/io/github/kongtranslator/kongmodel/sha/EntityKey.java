package io.github.kongtranslator.kongmodel.sha;

import io.github.kongtranslator.kongmodel.config.EntityKind;
import java.util.Objects;

/**
 * Stable identity of an entity within a configuration: its kind and a path of list keys and labels
 * from the document root, e.g. {@code services[demo.web.80]/routes[demo.web.example.com.80]}.
 *
 * <p>A label is the entity's {@code id} when it has one, otherwise its natural key (name, username,
 * target, prefix, plugin name with its scope, ...), otherwise its position {@code #i}; a label
 * repeated in one list gets a {@code #n} suffix. Labels never contain secret values (a key-auth
 * credential without id is identified by position, a certificate by a digest of its public {@code
 * cert}).
 *
 * @param kind the entity kind
 * @param path the path from the document root
 */
public record EntityKey(EntityKind kind, String path) implements Comparable<EntityKey> {

  /**
   * Validates the components.
   *
   * @param kind the entity kind
   * @param path the path from the document root
   */
  public EntityKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("an entity key needs a path");
    }
  }

  /** Orders by path (UTF-16 code units), then kind. */
  @Override
  public int compareTo(EntityKey o) {
    int c = path.compareTo(o.path);
    return c != 0 ? c : kind.compareTo(o.kind);
  }

  /** Renders the path. */
  @Override
  public String toString() {
    return path;
  }
}
