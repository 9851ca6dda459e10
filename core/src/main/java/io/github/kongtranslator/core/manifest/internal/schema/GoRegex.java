package io.github.kongtranslator.core.manifest.internal.schema;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates a Go regular expression (RE2 syntax, as used by OpenAPI {@code pattern} in
 * kube-openapi and by CEL's {@code matches}) into a {@link java.util.regex.Pattern} with the same
 * matching on the inputs CRD patterns see.
 *
 * <p>Differences handled (Go: {@code regexp/syntax}; Java: {@code java.util.regex.Pattern}):
 *
 * <ul>
 *   <li>{@code $} outside a class and without {@code (?m)}: Go matches only at the end of the text;
 *       Java also before a final line terminator. Translated to {@code \z}.
 *   <li>{@code .} and {@code (?m)} line ends: Go knows only {@code \n}; compiled with {@link
 *       Pattern#UNIX_LINES}.
 *   <li>Inside a character class Go treats {@code [} and {@code &&} literally (Java nests classes
 *       and intersects): escaped. A {@code ]} first in a class is literal in Go: escaped. POSIX
 *       classes {@code [:alpha:]} become {@code \p{Alpha}} (ASCII in both).
 *   <li>{@code (?i)} folds Unicode in Go: compiled with {@link Pattern#UNICODE_CASE}.
 *   <li>{@code (?P<name>...)} becomes {@code (?<name>...)}; a <code>&#123;</code> that starts no
 *       repetition is literal in Go, escaped for Java.
 * </ul>
 *
 * Matching is unanchored as Go's {@code regexp.MatchString} ({@link
 * java.util.regex.Matcher#find()}): a pattern matches when it matches a substring, unless it
 * anchors itself.
 */
final class GoRegex {
  private static final Map<String, String> POSIX =
      Map.ofEntries(
          Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"),
          Map.entry("ascii", "\\x00-\\x7F"), Map.entry("blank", "\\t "),
          Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "0-9"),
          Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "a-z"),
          Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
          Map.entry("space", "\\t\\n\\x0B\\f\\r "), Map.entry("upper", "A-Z"),
          Map.entry("word", "0-9A-Za-z_"), Map.entry("xdigit", "0-9A-Fa-f"));

  private static final Pattern REPEAT = Pattern.compile("\\{[0-9]+(,[0-9]*)?}");

  private GoRegex() {}

  /**
   * Compiles a Go regular expression.
   *
   * @throws java.util.regex.PatternSyntaxException when Java cannot compile the translation
   */
  static Pattern compile(String go) {
    return Pattern.compile(translate(go), Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
  }

  /** The Java pattern text for a Go pattern. */
  static String translate(String go) {
    StringBuilder out = new StringBuilder(go.length() + 8);
    boolean multiline = go.contains("(?m") || go.matches(".*\\(\\?[a-zA-Z]*m[a-zA-Z]*[:)].*");
    int i = 0;
    int n = go.length();
    while (i < n) {
      char c = go.charAt(i);
      if (c == '\\' && i + 1 < n) {
        out.append(c).append(go.charAt(i + 1));
        i += 2;
      } else if (c == '[') {
        i = translateClass(go, i, out);
      } else if (c == '$' && !multiline) {
        out.append("\\z");
        i++;
      } else if (c == '{' && !REPEAT.matcher(go).region(i, n).lookingAt()) {
        // Go reads a '{' that does not start a repetition {n}, {n,} or {n,m} literally
        out.append("\\{");
        i++;
      } else if (c == '(' && go.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 4;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Copies the class starting at {@code start} ({@code [}), returns the index after it. */
  private static int translateClass(String go, int start, StringBuilder out) {
    int i = start + 1;
    int n = go.length();
    out.append('[');
    if (i < n && go.charAt(i) == '^') {
      out.append('^');
      i++;
    }
    if (i < n && go.charAt(i) == ']') {
      out.append("\\]");
      i++;
    }
    while (i < n) {
      char c = go.charAt(i);
      if (c == ']') {
        out.append(']');
        return i + 1;
      }
      if (c == '\\' && i + 1 < n) {
        out.append(c).append(go.charAt(i + 1));
        i += 2;
      } else if (c == '[' && go.startsWith("[:", i)) {
        int end = go.indexOf(":]", i + 2);
        String name = end < 0 ? "" : go.substring(i + 2, end);
        boolean negated = name.startsWith("^");
        String cls = POSIX.get(negated ? name.substring(1) : name);
        if (cls == null || negated) {
          // Negated POSIX classes inside a class have no direct Java form: keep literal text
          // (Java then fails to compile or matches differently; CRDs do not use them).
          out.append("\\[");
          i++;
        } else {
          out.append(cls);
          i = end + 2;
        }
      } else if (c == '[' || c == '&' || c == '~') {
        out.append('\\').append(c);
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return i;
  }
}
