package io.github.kongtranslator.router.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (v5) UUIDs, as Kong derives missing ids: declarative configs give a route without
 * id the id {@code v5(v5(fd02801f-0957-4a15-a55a-c8d9606f30b5, "routes"), name)} ({@code
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
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-1", e);
    }
    sha1.update(toBytes(namespace));
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0F) | 0x50);
    h[8] = (byte) ((h[8] & 0x3F) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (h[i] & 0xFF);
      lsb = (lsb << 8) | (h[i + 8] & 0xFF);
    }
    return new UUID(msb, lsb);
  }

  private static byte[] toBytes(UUID u) {
    byte[] b = new byte[16];
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (msb >>> (56 - 8 * i));
      b[i + 8] = (byte) (lsb >>> (56 - 8 * i));
    }
    return b;
  }
}
