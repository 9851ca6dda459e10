package io.github.kongtranslator.translator.internal.entities;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Deterministic Kong entity IDs: UUID version 5 as go-kong computes them (translator-spec §12). */
public final class KongIds {
  /** go-kong's root namespace. */
  static final UUID ROOT = UUID.fromString("fd02801f-0957-4a15-a55a-c8d9606f30b5");

  /**
   * Per entity plural, a SHA-1 digest primed with the plural's namespace UUID: an id is a clone of
   * it plus the key's bytes (no provider lookup or namespace hashing per id). The primed digests
   * are never updated, only cloned.
   */
  private static final java.util.concurrent.ConcurrentMap<String, MessageDigest> PRIMED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private KongIds() {}

  /**
   * UUID version 5 (SHA-1, RFC 4122) of a name in a namespace.
   *
   * @param namespace the namespace UUID
   * @param name the name (UTF-8 encoded)
   * @return the UUID
   */
  static UUID uuid5(UUID namespace, String name) {
    return finish(primed(namespace), name);
  }

  private static MessageDigest primed(UUID namespace) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM provides SHA-1", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits());
    ns.putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    return sha1;
  }

  /** The UUID of {@code name} with a digest primed with its namespace (consumed). */
  private static UUID finish(MessageDigest sha1, String name) {
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer bb = ByteBuffer.wrap(h, 0, 16);
    return new UUID(bb.getLong(), bb.getLong());
  }

  /**
   * The ID of a Kong entity.
   *
   * @param plural the entity's plural name, e.g. {@code services}, {@code consumergroups}
   * @param key the key string (service name, route name, plugin key, …)
   * @param workspace the workspace, empty for none
   * @return the ID in canonical text form
   */
  public static String id(String plural, String key, String workspace) {
    String k = workspace.isEmpty() ? key : workspace + "/" + key;
    MessageDigest prototype = PRIMED.computeIfAbsent(plural, p -> primed(uuid5(ROOT, p)));
    MessageDigest sha1;
    try {
      sha1 = (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      sha1 = primed(uuid5(ROOT, plural)); // a provider without clone: prime a fresh one
    }
    return finish(sha1, k).toString();
  }
}
