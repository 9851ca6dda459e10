package io.github.kongtranslator.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * One decoded value of a Secret. Its content never appears in {@link #toString()}; read it with
 * {@link #utf8()} or {@link #bytes()}.
 */
public final class SecretValue {
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s");

  private final byte[] bytes;

  private SecretValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A value from raw bytes (copied).
   *
   * @param bytes the bytes
   * @return the value
   */
  public static SecretValue ofBytes(byte[] bytes) {
    return new SecretValue(bytes.clone());
  }

  /**
   * A value from a string ({@code stringData}), stored as UTF-8.
   *
   * @param text the text
   * @return the value
   */
  public static SecretValue ofString(String text) {
    return new SecretValue(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes base64 ({@code data}), accepting the standard alphabet with or without padding and
   * ignoring line breaks, as Kubernetes does.
   *
   * @param base64 encoded value
   * @return the value
   * @throws IllegalArgumentException when the text is not base64; the message never contains it
   */
  public static SecretValue ofBase64(String base64) {
    try {
      return new SecretValue(Base64.getDecoder().decode(withoutWhitespace(base64)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("value is not valid base64");
    }
  }

  /**
   * Drops {@code \s} characters (line breaks of wrapped base64); no regex for the usual value
   * without any.
   */
  private static String withoutWhitespace(String base64) {
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return WHITESPACE.matcher(base64).replaceAll("");
      }
    }
    return base64;
  }

  /** {@return a copy of the decoded bytes} */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@return the decoded bytes as UTF-8 text} */
  public String utf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** {@return the value encoded as standard base64, as in a Secret's {@code data}} */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@return number of decoded bytes} */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SecretValue other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never shows the content. */
  @Override
  public String toString() {
    return "<redacted " + bytes.length + " bytes>";
  }
}
