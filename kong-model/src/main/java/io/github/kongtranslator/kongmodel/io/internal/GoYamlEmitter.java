package io.github.kongtranslator.kongmodel.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a JSON tree as YAML the way go-yaml v2 (behind {@code sigs.k8s.io/yaml}) does, which is
 * how the KIC goldens were produced: keys in go-yaml's order, block style, sequences at their
 * parent key's indentation, literal blocks for multi-line strings, quoting only where a plain
 * scalar would be read as another type or is not allowed. Lines are never folded.
 */
public final class GoYamlEmitter {
  private static final Resolver RESOLVER = new Resolver();
  private static final Pattern GO_NUMBER =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[bB][01_]+|[-+]?0[oO][0-7_]+"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  private static final Pattern BASE60_FLOAT =
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

  /** Orders mapping keys as go-yaml v2's {@code keyList.Less}. */
  public static final Comparator<String> KEY_ORDER = GoYamlEmitter::compareKeys;

  private final StringBuilder out = new StringBuilder(4096);

  private GoYamlEmitter() {}

  /**
   * Emits a document.
   *
   * @param document the tree
   * @return the YAML text, ending with a newline
   */
  public static String emit(JsonNode document) {
    GoYamlEmitter e = new GoYamlEmitter();
    if (document.isObject() && document.size() > 0) {
      e.mapping(document, 0, false);
    } else if (document.isArray() && document.size() > 0) {
      e.sequence(document, 0, false);
    } else {
      e.out.append(e.inline(document, 0, false)).append('\n');
    }
    return e.out.toString();
  }

  private void indent(int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }

  private void mapping(JsonNode node, int indent, boolean firstInline) {
    List<String> keys = new ArrayList<>(node.size());
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    keys.sort(KEY_ORDER);
    boolean first = true;
    for (String k : keys) {
      if (!(first && firstInline)) {
        indent(indent);
      }
      first = false;
      out.append(string(k, indent, true)).append(':');
      JsonNode v = node.get(k);
      if (v.isObject() && v.size() > 0) {
        out.append('\n');
        mapping(v, indent + 2, false);
      } else if (v.isArray() && v.size() > 0) {
        out.append('\n');
        sequence(v, indent, false);
      } else {
        out.append(' ').append(inline(v, indent, false)).append('\n');
      }
    }
  }

  private void sequence(JsonNode node, int indent, boolean firstInline) {
    boolean first = true;
    for (JsonNode v : node) {
      if (!(first && firstInline)) {
        indent(indent);
      }
      first = false;
      out.append("- ");
      if (v.isObject() && v.size() > 0) {
        mapping(v, indent + 2, true);
      } else if (v.isArray() && v.size() > 0) {
        sequence(v, indent + 2, true);
      } else {
        out.append(inline(v, indent, false)).append('\n');
      }
    }
  }

  /** A scalar or empty collection; a literal block continues on the following lines. */
  private String inline(JsonNode v, int indent, boolean key) {
    return switch (v.getNodeType()) {
      case OBJECT, POJO -> "{}";
      case ARRAY -> "[]";
      case NULL, MISSING -> "null";
      case BOOLEAN -> v.booleanValue() ? "true" : "false";
      case NUMBER -> number(v);
      case STRING, BINARY -> string(v.asText(), indent, key);
    };
  }

  private static String number(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    return goFloat(v.doubleValue());
  }

  /** {@code strconv.FormatFloat(d, 'g', -1, 64)} with go-yaml's spellings of the specials. */
  static String goFloat(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+.inf" : "-.inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal exact = new BigDecimal(Math.abs(d));
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == Math.abs(d)) {
        shortest = r;
        break;
      }
    }
    BigDecimal s = shortest.stripTrailingZeros();
    String digits = s.unscaledValue().toString();
    int exp = digits.length() - s.scale() - 1; // value = d.ddd * 10^exp
    if (exp < -4 || exp >= 21) {
      StringBuilder b = new StringBuilder(sign).append(digits.charAt(0));
      if (digits.length() > 1) {
        b.append('.').append(digits, 1, digits.length());
      }
      b.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        b.append('0');
      }
      return b.append(a).toString();
    }
    return sign + s.toPlainString();
  }

  private String string(String s, int indent, boolean key) {
    if (needsTagQuotes(s)) {
      return doubleQuoted(s);
    }
    Analysis a = analyze(s);
    if (a.lineBreaks) {
      if (a.blockAllowed && !key) {
        return literal(s, indent);
      }
      return doubleQuoted(s);
    }
    if (a.blockPlainAllowed) {
      return s;
    }
    if (a.singleQuotedAllowed) {
      return "'" + s.replace("'", "''") + "'";
    }
    return doubleQuoted(s);
  }

  /** Would a plain scalar be read as something other than a string (by YAML 1.1 or go-yaml)? */
  static boolean needsTagQuotes(String s) {
    if (s.isEmpty()) {
      return true;
    }
    Tag t = RESOLVER.resolve(NodeId.scalar, s, true);
    if (!Tag.STR.equals(t)) {
      return true;
    }
    char c = s.charAt(0);
    if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
      return false;
    }
    return GO_NUMBER.matcher(s).matches() || BASE60_FLOAT.matcher(s).matches();
  }

  private static boolean isPrintable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  private static boolean isBreak(int c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private static final class Analysis {
    boolean blockPlainAllowed = true;
    boolean singleQuotedAllowed = true;
    boolean blockAllowed = true;
    boolean lineBreaks;
  }

  /** go-yaml's {@code yaml_emitter_analyze_scalar} for the block context. */
  private static Analysis analyze(String s) {
    Analysis a = new Analysis();
    boolean blockIndicators = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean precededByWhitespace = true;
    boolean previousSpace = false;
    boolean previousBreak = false;
    if (s.startsWith("---") || s.startsWith("...")) {
      blockIndicators = true;
    }
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean followedByWhitespace =
          i + 1 >= cps.length || isBlank(cps[i + 1]) || isBreak(cps[i + 1]);
      if (i == 0) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
              blockIndicators = true;
          case '?', ':' -> {
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          case '-' -> {
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          default -> {}
        }
      } else {
        switch (c) {
          case ':' -> {
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          case '#' -> {
            if (precededByWhitespace) {
              blockIndicators = true;
            }
          }
          default -> {}
        }
      }
      if (!isPrintable(c) || (i == 0 && c == 0xFEFF)) {
        specialCharacters = true;
      }
      if (isBreak(c)) {
        a.lineBreaks = true;
      }
      if (c == ' ') {
        if (i == 0) {
          leadingSpace = true;
        }
        if (i == cps.length - 1) {
          trailingSpace = true;
        }
        if (previousBreak) {
          breakSpace = true;
        }
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        if (i == 0) {
          leadingBreak = true;
        }
        if (i == cps.length - 1) {
          trailingBreak = true;
        }
        if (previousSpace) {
          spaceBreak = true;
        }
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isBreak(c);
    }
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      a.blockPlainAllowed = false;
    }
    if (trailingSpace) {
      a.blockAllowed = false;
    }
    if (breakSpace) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
      a.blockAllowed = false;
    }
    if (a.lineBreaks) {
      a.blockPlainAllowed = false;
    }
    if (blockIndicators) {
      a.blockPlainAllowed = false;
    }
    // carriage returns and the Unicode breaks do not survive a literal block: quote them
    for (int c : cps) {
      if (c != '\n' && isBreak(c)) {
        a.blockAllowed = false;
        a.singleQuotedAllowed = false;
      }
    }
    return a;
  }

  private String literal(String s, int indent) {
    StringBuilder b = new StringBuilder("|");
    if (s.charAt(0) == ' ' || s.charAt(0) == '\n') {
      b.append('2');
    }
    if (!s.endsWith("\n")) {
      b.append('-');
    } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
      b.append('+');
    }
    b.append('\n');
    boolean lineStart = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append('\n');
        lineStart = true;
      } else {
        if (lineStart) {
          for (int k = 0; k < indent + 2; k++) {
            b.append(' ');
          }
          lineStart = false;
        }
        b.append(c);
      }
    }
    // the caller appends the final line break
    if (b.charAt(b.length() - 1) == '\n') {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }

  static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case 0x00 -> b.append("\\0");
                case 0x07 -> b.append("\\a");
                case 0x08 -> b.append("\\b");
                case 0x09 -> b.append("\\t");
                case 0x0A -> b.append("\\n");
                case 0x0B -> b.append("\\v");
                case 0x0C -> b.append("\\f");
                case 0x0D -> b.append("\\r");
                case 0x1B -> b.append("\\e");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 0x85 -> b.append("\\N");
                case 0x2028 -> b.append("\\L");
                case 0x2029 -> b.append("\\P");
                default -> {
                  if (isPrintable(c) && c != 0xFEFF) {
                    b.appendCodePoint(c);
                  } else if (c <= 0xFF) {
                    b.append(String.format("\\x%02X", c));
                  } else if (c <= 0xFFFF) {
                    b.append(String.format("\\u%04X", c));
                  } else {
                    b.append(String.format("\\U%08X", c));
                  }
                }
              }
            });
    return b.append('"').toString();
  }

  /** go-yaml v2 key order (see translator-spec §15.4). */
  static int compareKeys(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return less(a, b) ? -1 : less(b, a) ? 1 : a.compareTo(b);
  }

  private static boolean less(String as, String bs) {
    int i = 0;
    int j = 0;
    int prev = -1; // the previous (equal) code point of both strings
    while (i < as.length() && j < bs.length()) {
      int a = as.codePointAt(i);
      int b = bs.codePointAt(j);
      if (a == b) {
        prev = a;
        i += Character.charCount(a);
        j += Character.charCount(b);
        continue;
      }
      boolean al = Character.isLetter(a);
      boolean bl = Character.isLetter(b);
      if (al && bl) {
        return a < b;
      }
      if (al || bl) {
        if (prev >= 0 && Character.isDigit(prev)) {
          return al;
        }
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (a == '0' || b == '0') {
        for (int k = i; k > 0; ) {
          int c = as.codePointBefore(k);
          if (!Character.isDigit(c)) {
            break;
          }
          if (c != '0') {
            an = 1;
            bn = 1;
            break;
          }
          k -= Character.charCount(c);
        }
      }
      int ai = i;
      int digitsA = 0;
      while (ai < as.length() && Character.isDigit(as.codePointAt(ai))) {
        int c = as.codePointAt(ai);
        an = an * 10 + Character.digit(c, 10);
        ai += Character.charCount(c);
        digitsA++;
      }
      int bi = j;
      int digitsB = 0;
      while (bi < bs.length() && Character.isDigit(bs.codePointAt(bi))) {
        int c = bs.codePointAt(bi);
        bn = bn * 10 + Character.digit(c, 10);
        bi += Character.charCount(c);
        digitsB++;
      }
      if (an != bn) {
        return an < bn;
      }
      if (digitsA != digitsB) {
        return digitsA < digitsB;
      }
      return a < b;
    }
    return i >= as.length() && j < bs.length();
  }
}
