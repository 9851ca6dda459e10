package io.github.kongtranslator.kongmodel.sha;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.json.CanonicalJson;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The config SHA: SHA-256 over the RFC 8785 canonical JSON of exactly the document the writers
 * serialize ({@link KongConfig#toJson()}).
 *
 * <p>The same configuration has the same SHA whatever the insertion order of its maps and whether
 * it was read from YAML or JSON; any change to any entity, field or list order changes it. It is an
 * internal change detector (translator-spec §16), not bit-compatible with KIC's.
 *
 * <pre>{@code
 * ConfigSha sha = ConfigSha.of(config);
 * String hex = sha.hex(); // 64 lowercase hex digits
 * Map<EntityKey, ConfigSha> perEntity = ConfigSha.entityDigests(config);
 * }</pre>
 */
public final class ConfigSha {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] bytes;

  private ConfigSha(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The SHA of a configuration.
   *
   * @param config the configuration
   * @return its SHA
   */
  public static ConfigSha of(KongConfig config) {
    // the RFC 8785 form of config.toJson(), streamed: top-level keys in UTF-16 order, each
    // entity's canonical bytes memoised on the entity, so reused entities are not re-serialised
    java.util.TreeMap<String, Object> top = new java.util.TreeMap<>();
    for (String k : config.fieldKeys()) {
      config.field(k).ifPresent(v -> top.put(k, v));
    }
    top.putAll(config.sections());
    MessageDigest md = CanonicalJson.newSha256();
    StringBuilder sb = new StringBuilder(64);
    md.update((byte) '{');
    boolean first = true;
    for (java.util.Map.Entry<String, Object> e : top.entrySet()) {
      sb.setLength(0);
      if (!first) {
        sb.append(',');
      }
      first = false;
      CanonicalJson.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()), sb);
      sb.append(':');
      if (e.getValue() instanceof JsonNode v) {
        CanonicalJson.write(v, sb);
        md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        continue;
      }
      md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
      md.update((byte) '[');
      boolean firstEntity = true;
      for (Object o : (java.util.List<?>) e.getValue()) {
        if (!firstEntity) {
          md.update((byte) ',');
        }
        firstEntity = false;
        md.update(((io.github.kongtranslator.kongmodel.config.KongEntity) o).canonicalJson());
      }
      md.update((byte) ']');
    }
    md.update((byte) '}');
    return new ConfigSha(md.digest());
  }

  /**
   * The SHA of any JSON document (SHA-256 of its RFC 8785 form).
   *
   * @param document the tree
   * @return its SHA
   * @throws IllegalArgumentException when the tree holds NaN or an infinite number
   */
  public static ConfigSha ofDocument(JsonNode document) {
    return new ConfigSha(new Hasher().sha256(document));
  }

  /**
   * Parses a SHA from its hex form.
   *
   * @param hex 64 hex digits, either case
   * @return the SHA
   * @throws IllegalArgumentException when {@code hex} is not 64 hex digits
   */
  public static ConfigSha fromHex(String hex) {
    if (hex.length() != 64) {
      throw new IllegalArgumentException("a config SHA has 64 hex digits, found " + hex.length());
    }
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException(
            "not a hex digit at position " + (hi < 0 ? 2 * i : 2 * i + 1));
      }
      b[i] = (byte) (hi << 4 | lo);
    }
    return new ConfigSha(b);
  }

  /**
   * Digests of every entity, nested ones included, each over its own fields without its nested
   * lists (a changed route changes the route's digest, not its service's). Ordered as the entities
   * appear in the document (depth first).
   *
   * @param config the configuration
   * @return digest per entity key
   */
  public static ImmutableMap<EntityKey, ConfigSha> entityDigests(KongConfig config) {
    Map<EntityKey, ConfigSha> out = new LinkedHashMap<>();
    Hasher buf = new Hasher();
    for (Map.Entry<String, ImmutableList<KongEntity>> s : config.sections().entrySet()) {
      collect(s.getKey(), "", s.getValue(), out, buf);
    }
    return ImmutableMap.copyOf(out);
  }

  private static void collect(
      String listKey,
      String parentPath,
      ImmutableList<KongEntity> entities,
      Map<EntityKey, ConfigSha> out,
      Hasher buf) {
    Map<String, Integer> seen = new HashMap<>(); // only counts; never iterated
    for (int i = 0; i < entities.size(); i++) {
      KongEntity e = entities.get(i);
      String label = label(e).orElse("#" + i);
      int n = seen.merge(label, 1, Integer::sum);
      if (n > 1) {
        label = label + "#" + (n - 1);
      }
      String path = parentPath + listKey + "[" + label + "]";
      out.put(new EntityKey(e.kind(), path), new ConfigSha(buf.sha256(e.toJsonWithoutNested())));
      for (Map.Entry<String, ImmutableList<KongEntity>> c : e.nested().entrySet()) {
        collect(c.getKey(), path + "/", c.getValue(), out, buf);
      }
    }
  }

  private static Optional<String> text(KongEntity e, String key) {
    return e.field(key).filter(JsonNode::isTextual).map(JsonNode::textValue);
  }

  private static Optional<String> label(KongEntity e) {
    Optional<String> id = text(e, "id");
    if (id.isPresent()) {
      return id;
    }
    EntityKind k = e.kind();
    return switch (k) {
      case SERVICE, ROUTE, UPSTREAM, CONSUMER_GROUP, SNI -> text(e, "name");
      case TARGET -> text(e, "target");
      case PLUGIN -> text(e, "name").map(n -> n + scope(e));
      case CONSUMER ->
          text(e, "username").or(() -> text(e, "custom_id").map(c -> "custom_id=" + c));
      case CONSUMER_GROUP_CONSUMER ->
          Optional.of(ref(e, "consumer") + "@" + ref(e, "consumer_group"));
      case BASIC_AUTH, HMAC_AUTH -> text(e, "username");
      case OAUTH2 -> text(e, "client_id");
      case ACL -> text(e, "group");
      case MTLS_AUTH -> text(e, "subject_name");
      case CERTIFICATE, CA_CERTIFICATE -> text(e, "cert").map(c -> "cert-sha256:" + shortDigest(c));
      case VAULT -> text(e, "prefix");
      case KEY_AUTH, JWT_SECRET, LICENSE, CUSTOM_ENTITY -> Optional.empty();
    };
  }

  private static String scope(KongEntity e) {
    StringBuilder sb = new StringBuilder();
    for (String k :
        new String[] {"service", "route", "consumer", "consumer_group", "instance_name"}) {
      if (e.has(k)) {
        sb.append(sb.length() == 0 ? "@" : ",").append(k).append('=').append(ref(e, k));
      }
    }
    return sb.toString();
  }

  private static String ref(KongEntity e, String key) {
    return e.field(key)
        .map(
            n ->
                n.isTextual()
                    ? n.textValue()
                    : n.has("id")
                        ? n.get("id").asText()
                        : n.has("name") ? n.get("name").asText() : CanonicalJson.write(n))
        .orElse("");
  }

  private static String shortDigest(String s) {
    byte[] d = CanonicalJson.sha256(s.getBytes(StandardCharsets.UTF_8));
    return hex(d).substring(0, 16);
  }

  /** Reusable hashing state: one per top-level call, so the per-entity loop allocates little. */
  private static final class Hasher {
    private final StringBuilder buf = new StringBuilder(1024);
    private final MessageDigest md = CanonicalJson.newSha256();
    private final CharsetEncoder enc =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer out = ByteBuffer.allocate(8192);

    byte[] sha256(JsonNode node) {
      buf.setLength(0);
      CanonicalJson.write(node, buf);
      enc.reset();
      out.clear();
      CharBuffer in = CharBuffer.wrap(buf);
      while (true) {
        CoderResult r = enc.encode(in, out, true);
        out.flip();
        md.update(out);
        out.clear();
        if (r.isUnderflow()) {
          break;
        }
      }
      enc.flush(out);
      out.flip();
      md.update(out);
      return md.digest(); // also resets the digest
    }
  }

  private static String hex(byte[] b) {
    char[] c = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      c[2 * i] = HEX[(b[i] >> 4) & 0xf];
      c[2 * i + 1] = HEX[b[i] & 0xf];
    }
    return new String(c);
  }

  /**
   * The SHA as 64 lowercase hex digits.
   *
   * @return the hex form
   */
  public String hex() {
    return hex(bytes);
  }

  /**
   * The 32 digest bytes.
   *
   * @return a copy of the bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConfigSha s && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The hex form. */
  @Override
  public String toString() {
    return hex();
  }
}
