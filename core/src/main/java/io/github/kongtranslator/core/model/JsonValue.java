package io.github.kongtranslator.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.kongtranslator.core.json.CanonicalJson;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, free-form JSON tree (plugin configuration, custom entity fields, health checks).
 * The wrapped tree is copied on the way in and on the way out, so no caller can change it. Equality
 * is structural (numbers compare by value).
 */
public final class JsonValue {
  private static final JsonValue NULL = new JsonValue(NullNode.getInstance());

  private final JsonNode node;
  private final String canonical;

  private JsonValue(JsonNode node) {
    this.node = node;
    this.canonical = CanonicalJson.write(node);
  }

  /**
   * Wraps a copy of the given tree.
   *
   * @param node the tree; {@code null} (Java or JSON) gives {@link #nullValue()}
   * @return the value
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static JsonValue of(JsonNode node) {
    return node == null || node.isNull() ? NULL : new JsonValue(node.deepCopy());
  }

  /** {@return the JSON {@code null} value} */
  public static JsonValue nullValue() {
    return NULL;
  }

  /** {@return whether this is JSON {@code null}} */
  public boolean isNull() {
    return node.isNull();
  }

  /** {@return a fresh, mutable copy of the tree} */
  @com.fasterxml.jackson.annotation.JsonValue
  public JsonNode toNode() {
    return node.deepCopy();
  }

  /** {@return the canonical JSON form (RFC 8785 key order, no whitespace)} */
  public String canonicalJson() {
    return canonical;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JsonValue other && canonical.equals(other.canonical);
  }

  @Override
  public int hashCode() {
    return Objects.hash(canonical);
  }

  /**
   * A summary that never shows the content: free-form values such as plugin configuration may hold
   * credentials written inline. Use {@link #canonicalJson()} to see the content.
   */
  @Override
  public String toString() {
    return "JsonValue("
        + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
        + ", "
        + canonical.length()
        + " chars)";
  }
}
