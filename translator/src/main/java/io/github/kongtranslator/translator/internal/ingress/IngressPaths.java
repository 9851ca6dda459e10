package io.github.kongtranslator.translator.internal.ingress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Ingress path translation for the traditional router (translator-spec §3.2, §4). */
final class IngressPaths {
  static final String DEFAULT_REGEX_PREFIX = "/~";
  static final String PREFIX = "Prefix";
  static final String EXACT = "Exact";
  static final String IMPLEMENTATION_SPECIFIC = "ImplementationSpecific";
  private static final Pattern MULTI_SLASH = Pattern.compile("/{2,}");
  private static final Pattern LEGACY_PLAIN = Pattern.compile("^[A-Za-z0-9.\\-_~/%]*$");

  private IngressPaths() {}

  /** Collapses runs of {@code /}; an empty result becomes {@code /}. */
  static String normalize(String path) {
    String p = MULTI_SLASH.matcher(path).replaceAll("/");
    return p.isEmpty() ? "/" : p;
  }

  static String trimSlashes(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && s.charAt(b) == '/') {
      b++;
    }
    while (e > b && s.charAt(e - 1) == '/') {
      e--;
    }
    return s.substring(b, e);
  }

  static String trimLeadingSlashes(String s) {
    int b = 0;
    while (b < s.length() && s.charAt(b) == '/') {
      b++;
    }
    return s.substring(b);
  }

  /**
   * Kong paths of one normalized Ingress path, before the regex-prefix step.
   *
   * @param path normalized path
   * @param pathType path type (Prefix, Exact, anything else is ImplementationSpecific)
   * @return the Kong paths, in order
   */
  static List<String> kongPaths(String path, String pathType) {
    List<String> out = new ArrayList<>();
    switch (pathType) {
      case PREFIX -> {
        String base = trimSlashes(path);
        if (base.isEmpty()) {
          out.add("/");
        } else {
          out.add("/" + base + "/");
          out.add("~/" + base + "$");
        }
      }
      case EXACT -> out.add("~/" + trimLeadingSlashes(path) + "$");
      default -> out.add(path.isEmpty() ? "/" : path);
    }
    return out;
  }

  /**
   * The regex-prefix step (§4).
   *
   * @param path a Kong path
   * @param regexPrefix the controller prefix ({@code /~} or the annotation value)
   * @param legacy whether the legacy regex heuristic is on
   * @return the path, possibly rewritten into a Kong regex path
   */
  static String applyRegexPrefix(String path, String regexPrefix, boolean legacy) {
    if (path.startsWith(regexPrefix)) {
      return "~" + path.substring(regexPrefix.length());
    }
    if (legacy && !path.startsWith("~") && !LEGACY_PLAIN.matcher(path).matches()) {
      return "~" + path;
    }
    return path;
  }
}
