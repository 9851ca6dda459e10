package io.github.kongtranslator.router.internal;

import io.github.kongtranslator.core.NameBasedUuid;
import java.util.UUID;

/**
 * Name-based (v5) UUIDs, as Kong derives missing ids: declarative configs give a route without id
 * the id {@code v5(v5(fd02801f-0957-4a15-a55a-c8d9606f30b5, "routes"), name)} ({@code
 * kong/db/schema/others/declarative_config.lua} {@code generate_uuid}); split routes get {@code
 * v5(7f145bf9-0dce-4f91-98eb-debbce4b9f6b, id .. "#" .. n)} ({@code transform.lua}).
 */
public final class Uuids {
  private Uuids() {}

  /** Kong's namespace for declarative entity ids. */
  public static final UUID ENTITIES = UUID.fromString("fd02801f-0957-4a15-a55a-c8d9606f30b5");

  /** Kong's namespace for the ids of routes split by path. */
  public static final UUID SPLIT = UUID.fromString("7f145bf9-0dce-4f91-98eb-debbce4b9f6b");

  /**
   * The RFC 4122 version-5 UUID of a name in a namespace.
   *
   * @param namespace the namespace
   * @param name the name (UTF-8)
   * @return the UUID
   */
  public static UUID v5(UUID namespace, String name) {
    return NameBasedUuid.v5(namespace, name);
  }
}
