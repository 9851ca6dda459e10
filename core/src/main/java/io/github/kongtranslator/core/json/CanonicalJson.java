package io.github.kongtranslator.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The JSON Canonicalization Scheme (RFC 8785) over Jackson trees: object members sorted by their
 * UTF-16 code units, numbers in ECMAScript form, strings with the minimal escapes, no whitespace.
 * The output is identical on every JVM and run, so its SHA-256 is a stable content digest.
 *
 * <p>Numbers are IEEE-754 doubles in RFC 8785; integers beyond 2<sup>53</sup> therefore lose
 * precision, exactly as in every other implementation of the RFC.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * Writes the canonical form of a tree.
   *
   * @param node the tree
   * @return the canonical JSON text
   * @throws IllegalArgumentException for a number that is NaN or infinite (not JSON)
   */
  public static String write(JsonNode node) {
    StringBuilder sb = new StringBuilder(64);
    write(node, sb);
    return sb.toString();
  }

  /**
   * SHA-256 of the UTF-8 bytes of the canonical form.
   *
   * @param node the tree
   * @return 32 digest bytes
   */
  public static byte[] sha256(JsonNode node) {
    StringBuilder sb = new StringBuilder(256);
    write(node, sb);
    MessageDigest d = newSha256();
    updateUtf8(d, sb);
    return d.digest();
  }

  /**
   * Feeds the UTF-8 encoding of {@code text} to {@code digest} through a small buffer, without
   * building the whole text as a {@code String} and then as bytes.
   */
  private static void updateUtf8(MessageDigest digest, CharSequence text) {
    byte[] buf = new byte[Math.min(8192, text.length() * 3 + 4)];
    int n = 0;
    for (int i = 0, len = text.length(); i < len; i++) {
      if (n > buf.length - 4) {
        digest.update(buf, 0, n);
        n = 0;
      }
      char c = text.charAt(i);
      if (c < 0x80) {
        buf[n++] = (byte) c;
      } else if (c < 0x800) {
        buf[n++] = (byte) (0xc0 | (c >> 6));
        buf[n++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        buf[n++] = (byte) (0xf0 | (cp >> 18));
        buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[n++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        buf[n++] = (byte) '?'; // an unpaired surrogate: what String.getBytes(UTF_8) writes
      } else {
        buf[n++] = (byte) (0xe0 | (c >> 12));
        buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[n++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    digest.update(buf, 0, n);
  }

  /**
   * SHA-256 of bytes.
   *
   * @param bytes input
   * @return 32 digest bytes
   */
  public static byte[] sha256(byte[] bytes) {
    return newSha256().digest(bytes);
  }

  /** {@return a new SHA-256 {@link MessageDigest}; every JVM has one} */
  public static MessageDigest newSha256() {
    try {
      return (MessageDigest) SHA256.clone(); // no provider lookup per digest
    } catch (CloneNotSupportedException e) {
      return sha256Instance();
    }
  }

  /** Only ever cloned, never updated. */
  private static final MessageDigest SHA256 = sha256Instance();

  private static MessageDigest sha256Instance() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM provides SHA-256", e);
    }
  }

  /**
   * Appends the canonical form of a tree.
   *
   * @param node the tree
   * @param out where to append
   */
  public static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        String[] keys = new String[node.size()];
        int k = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          keys[k++] = it.next();
        }
        Arrays.sort(keys); // String order is UTF-16 code unit order
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
          if (i > 0) {
            out.append(',');
          }
          writeString(keys[i], out);
          out.append(':');
          write(node.get(keys[i]), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> out.append("null");
      case BINARY, POJO -> writeString(node.asText(), out);
    }
  }

  private static String number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long v = node.longValue();
      if (Math.abs(v) <= (1L << 53)) {
        return Long.toString(v);
      }
    }
    return formatDouble(node.doubleValue());
  }

  /**
   * Formats a double as ECMAScript's {@code Number.prototype.toString} does (RFC 8785 §3.2.2.3).
   *
   * @param d the value
   * @return its shortest round-tripping decimal form
   * @throws IllegalArgumentException for NaN or infinities
   */
  public static String formatDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("NaN and infinities are not valid JSON numbers");
    }
    if (d == 0) {
      return "0"; // also for -0
    }
    String sign = d < 0 ? "-" : "";
    double a = Math.abs(d);
    BigDecimal exact = new BigDecimal(a);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == a) {
        shortest = r;
        break;
      }
    }
    BigDecimal stripped = shortest.stripTrailingZeros();
    String digits = stripped.unscaledValue().toString();
    int k = digits.length();
    int n = k - stripped.scale(); // decimal exponent: value = 0.digits * 10^n
    StringBuilder sb = new StringBuilder(sign);
    if (k <= n && n <= 21) {
      sb.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return sb.toString();
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    int plain = 0;
    while (plain < s.length()) {
      char c = s.charAt(plain);
      if (c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      plain++;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xf, 16));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
