package io.github.kongtranslator.kongmodel.atc.internal;

import io.github.kongtranslator.kongmodel.atc.AtcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a regex written for Rust's {@code regex} crate (what atc-router 1.6.2 uses for the
 * {@code ~} operator, {@code src/parser.rs} {@code Regex::new}) into a {@link Pattern} that matches
 * the same strings, or rejects it as Rust would.
 *
 * <p>Differences handled:
 *
 * <ul>
 *   <li>{@code \d \w \s \b} are Unicode-aware in Rust: compiled with {@link
 *       Pattern#UNICODE_CHARACTER_CLASS} (which also makes {@code (?i)} Unicode-aware, as Rust).
 *   <li>Only {@code \n} ends a line for {@code .}, {@code ^} and {@code $} in Rust: {@link
 *       Pattern#UNIX_LINES}.
 *   <li>Rust's {@code $} without {@code (?m)} matches only at the end of the text; Java's also
 *       before a final line terminator: written as {@code \z} when no {@code m} flag appears.
 *   <li>Named groups {@code (?P<name>..)} and {@code (?<name>..)}: Java group names cannot hold
 *       {@code _}, so groups are renamed and the Rust names kept for captures.
 *   <li>{@code \v} is a vertical tab in Rust, a class in Java; {@code [[:alpha:]]}-style ASCII
 *       classes do not exist in Java: both rewritten. A {@code ]} first in a class is literal.
 *   <li>Rejected as Rust rejects them: look-around, back-references and octal escapes, atomic
 *       groups, possessive quantifiers, {@code \Z \Q \E \h \H \G \R \X \K \e}, unknown escapes of
 *       letters.
 * </ul>
 *
 * <p>Not handled (documented gaps): the {@code U} (swap greed) and {@code R} (CRLF) flags and class
 * set operations {@code --}/{@code ~~} are rejected as unsupported here although Rust accepts them;
 * {@code $} keeps Java semantics in a pattern that sets {@code m} anywhere; {@code \p{Greek}}-style
 * script names without {@code Is}; Rust's compiled size limits; {@code \<}/{@code \>}
 * word-start/end assertions. Not API.
 */
public final class RustRegex {
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

  private static final Map<String, String> ASCII_CLASSES =
      Map.ofEntries(
          Map.entry("alnum", "0-9A-Za-z"),
          Map.entry("alpha", "A-Za-z"),
          Map.entry("ascii", "\\x00-\\x7F"),
          Map.entry("blank", "\\t "),
          Map.entry("cntrl", "\\x00-\\x1F\\x7F"),
          Map.entry("digit", "0-9"),
          Map.entry("graph", "!-~"),
          Map.entry("lower", "a-z"),
          Map.entry("print", " -~"),
          Map.entry("punct", "!-/:-@\\[-`{-~"),
          Map.entry("space", "\\t\\n\\x0B\\f\\r "),
          Map.entry("upper", "A-Z"),
          Map.entry("word", "0-9A-Za-z_"),
          Map.entry("xdigit", "0-9A-Fa-f"));

  private RustRegex() {}

  /** A compiled regex and the Rust names of its named groups, in group order. */
  public record Compiled(Pattern pattern, List<String> groupNames) {}

  /**
   * Compiles a Rust regex.
   *
   * @param rust the regex in Rust syntax
   * @return the Java pattern; group {@code i} of {@code groupNames} is Java group {@code kgI}
   * @throws AtcException when Rust would reject the regex, or {@link AtcException#unsupported()}
   *     when this translation cannot express it
   */
  public static Compiled compile(String rust) {
    List<String> names = new ArrayList<>();
    StringBuilder out = new StringBuilder(rust.length() + 8);
    boolean multiline = hasMultilineFlag(rust);
    int classDepth = 0;
    int n = rust.length();
    for (int i = 0; i < n; i++) {
      char c = rust.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          throw new AtcException("regex parse error: incomplete escape sequence");
        }
        char e = rust.charAt(++i);
        if (e >= '0' && e <= '9') {
          throw new AtcException("regex parse error: backreferences are not supported");
        }
        switch (e) {
          case 'v' -> out.append("\\x0B");
          case 'Z',
              'Q',
              'E',
              'h',
              'H',
              'G',
              'R',
              'X',
              'K',
              'e',
              'c',
              'N',
              'i',
              'j',
              'l',
              'o',
              'q',
              'y',
              'g',
              'k',
              'C',
              'F',
              'I',
              'J',
              'L',
              'M',
              'O',
              'T',
              'U',
              'V',
              'Y' ->
              throw new AtcException("regex parse error: unrecognized escape sequence \\" + e);
          case '<', '>' ->
              throw AtcException.unsupported(
                  "regex: word-start/end assertion \\"
                      + e
                      + " is not supported by the offline router");
          default -> out.append('\\').append(e);
        }
        continue;
      }
      if (classDepth > 0) {
        if (c == '[' && rust.startsWith("[:", i)) {
          int end = rust.indexOf(":]", i + 2);
          if (end > 0) {
            String name = rust.substring(i + 2, end);
            boolean negated = name.startsWith("^");
            String set = ASCII_CLASSES.get(negated ? name.substring(1) : name);
            if (set == null) {
              throw new AtcException("regex parse error: invalid ASCII class [:" + name + ":]");
            }
            out.append(negated ? "[^" : "[").append(set).append(']');
            i = end + 1;
            continue;
          }
        }
        if (c == '[') {
          classDepth++;
          out.append('[');
          i = openClass(rust, i, out);
          continue;
        }
        if (c == ']') {
          classDepth--;
        }
        if ((c == '-' || c == '~') && i + 1 < n && rust.charAt(i + 1) == c) {
          throw AtcException.unsupported(
              "regex: class set operation " + c + c + " is not supported by the offline router");
        }
        out.append(c);
        continue;
      }
      switch (c) {
        case '[' -> {
          classDepth++;
          out.append('[');
          i = openClass(rust, i, out);
        }
        case '$' -> out.append(multiline ? "$" : "\\z");
        case '(' -> i = group(rust, i, out, names);
        case '*', '+', '?', '}' -> {
          out.append(c);
          if (i + 1 < n && rust.charAt(i + 1) == '+') {
            throw new AtcException("regex parse error: repetition operator missing expression");
          }
        }
        default -> out.append(c);
      }
    }
    try {
      return new Compiled(Pattern.compile(out.toString(), FLAGS), List.copyOf(names));
    } catch (PatternSyntaxException e) {
      throw new AtcException("regex parse error: " + e.getDescription());
    }
  }

  // after '[' at i: a leading '^' and a leading ']' (literal in Rust) are copied; returns the
  // index of the last character consumed
  private static int openClass(String rust, int i, StringBuilder out) {
    int j = i + 1;
    if (j < rust.length() && rust.charAt(j) == '^') {
      out.append('^');
      j++;
    }
    if (j < rust.length() && rust.charAt(j) == ']') {
      out.append("\\]");
      j++;
    }
    return j - 1;
  }

  private static int group(String rust, int i, StringBuilder out, List<String> names) {
    if (!rust.startsWith("(?", i)) {
      out.append('(');
      return i;
    }
    int nameStart;
    if (rust.startsWith("(?P<", i)) {
      nameStart = i + 4;
    } else if (rust.startsWith("(?<", i)
        && i + 3 < rust.length()
        && rust.charAt(i + 3) != '='
        && rust.charAt(i + 3) != '!') {
      nameStart = i + 3;
    } else {
      // flags group (?flags) or (?flags:...); reject what Rust rejects or we cannot express
      int j = i + 2;
      while (j < rust.length() && rust.charAt(j) != ')' && rust.charAt(j) != ':') {
        char f = rust.charAt(j);
        if (f == '=' || f == '!' || f == '<' || f == '>' || f == '#') {
          throw new AtcException(
              "regex parse error: look-around, atomic groups and comments" + " are not supported");
        }
        if (f == 'U' || f == 'R') {
          throw AtcException.unsupported(
              "regex: flag " + f + " is not supported by the offline router");
        }
        if ("imsxu-".indexOf(f) < 0) {
          throw new AtcException("regex parse error: unrecognized flag " + f);
        }
        j++;
      }
      out.append("(?");
      return i + 1;
    }
    int close = rust.indexOf('>', nameStart);
    if (close < 0) {
      throw new AtcException("regex parse error: unclosed capture group name");
    }
    String name = rust.substring(nameStart, close);
    if (name.isEmpty() || !name.matches("[_A-Za-z][_A-Za-z0-9.\\[\\]]*")) {
      throw new AtcException("regex parse error: invalid capture group name " + name);
    }
    if (names.contains(name)) {
      throw new AtcException("regex parse error: duplicate capture group name " + name);
    }
    out.append("(?<kg").append(names.size()).append('>');
    names.add(name);
    return close;
  }

  private static boolean hasMultilineFlag(String rust) {
    int k = rust.indexOf("(?");
    while (k >= 0) {
      int j = k + 2;
      while (j < rust.length()
          && rust.charAt(j) != ')'
          && rust.charAt(j) != ':'
          && rust.charAt(j) != '-'
          && rust.charAt(j) != '<') {
        if (rust.charAt(j) == 'm') {
          return true;
        }
        j++;
      }
      k = rust.indexOf("(?", k + 2);
    }
    return false;
  }
}
