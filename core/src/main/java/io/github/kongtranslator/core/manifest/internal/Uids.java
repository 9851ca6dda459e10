package io.github.kongtranslator.core.manifest.internal;

import io.github.kongtranslator.core.NameBasedUuid;
import io.github.kongtranslator.core.model.Kind;
import java.util.UUID;

/**
 * Deterministic uids for objects that have none: a name-based UUID, version 5 (SHA-1, RFC 9562
 * §5.5), in the RFC's URL namespace ({@code 6ba7b811-9dad-11d1-80b4-00c04fd430c8}), of the name
 * {@code kong-translator:<group>/<Kind>/<namespace>/<name>} (group empty for the core group,
 * namespace empty for cluster-scoped kinds). The same object always gets the same uid; two objects
 * differing in any of the four parts get different ones. Not API.
 */
public final class Uids {
  /** RFC 9562 namespace ID for URLs. */
  static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

  private Uids() {}

  /**
   * The uid of an object without one.
   *
   * @param kind its kind
   * @param namespace its namespace, empty for cluster-scoped kinds
   * @param name its name
   * @return the version 5 UUID
   */
  public static UUID derive(Kind kind, String namespace, String name) {
    return NameBasedUuid.v5(
        URL_NAMESPACE,
        "kong-translator:"
            + kind.group()
            + "/"
            + kind.kindName()
            + "/"
            + (kind.namespaced() ? namespace : "")
            + "/"
            + name);
  }
}
