package io.github.kongtranslator.kongmodel.validation.internal;

import io.github.kongtranslator.kongmodel.validation.KongPaths;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kong 3.9.1's value syntaxes, each a port of the Lua function it names. Every method returns the
 * error Kong would give, or empty when Kong accepts the value. Not API.
 */
public final class KongSyntax {
  private KongSyntax() {}

  /** {@code kong/tools/ip.lua}: the three address types. */
  enum HostType {
    IPV4,
    IPV6,
    NAME
  }

  /** A parsed address: its type and whether it carries a port ({@code normalize_ip}). */
  record Address(HostType type, boolean hasPort) {}

  private static final Pattern UUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern IPV4_PORT =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::(\\d+))?$");
  private static final Pattern IPV6_GROUPS =
      Pattern.compile("^[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){7}$");
  private static final Pattern HOSTNAME_CHARS = Pattern.compile("^[0-9A-Za-z._-]+$");
  private static final Pattern PATH_CHARS = Pattern.compile("^/[A-Za-z0-9.\\-_~/%:@!$&'()*+,;=]*$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._~-]+$");
  private static final Pattern HEADER_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
  private static final Pattern METHOD = Pattern.compile("^[A-Z]+$");

  /** {@code kong/db/schema/init.lua} {@code uuid} validator (case-insensitive regex). */
  public static boolean isUuid(String s) {
    return UUID.matcher(s).matches();
  }

  /** {@code typedefs.http_method}: {@code ^%u+$}. */
  public static boolean isHttpMethod(String s) {
    return METHOD.matcher(s).matches();
  }

  /** {@code kong/tools/ip.lua} {@code hostname_type}: by exclusion, not validation. */
  static HostType hostnameType(String name) {
    int colons = 0;
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ':') {
        colons++;
      } else {
        rest.append(c);
      }
    }
    if (colons > 1) {
      return HostType.IPV6;
    }
    return rest.length() > 0 && rest.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')
        ? HostType.IPV4
        : HostType.NAME;
  }

  /**
   * {@code kong/tools/ip.lua} {@code normalize_ip}: an ipv4, ipv4:port, ipv6, [ipv6]:port, name or
   * name:port. Empty when invalid; {@code portTooBig[0]} tells "invalid port number".
   */
  static Optional<Address> normalizeIp(String address, boolean[] portTooBig) {
    portTooBig[0] = false;
    HostType t = hostnameType(address);
    switch (t) {
      case IPV4 -> {
        var m = IPV4_PORT.matcher(address);
        if (!m.matches()) {
          return Optional.empty();
        }
        for (int i = 1; i <= 4; i++) {
          if (Integer.parseInt(m.group(i)) > 255) {
            return Optional.empty();
          }
        }
        if (m.group(5) != null) {
          if (bigPort(m.group(5))) {
            portTooBig[0] = true;
            return Optional.empty();
          }
          return Optional.of(new Address(t, true));
        }
        return Optional.of(new Address(t, false));
      }
      case IPV6 -> {
        String check = address;
        boolean port = false;
        if (address.startsWith("[")) {
          int close = address.indexOf(']');
          if (close < 0) {
            return Optional.empty();
          }
          check = address.substring(1, close);
          String rest = address.substring(close + 1);
          if (!rest.isEmpty()) {
            if (!rest.matches(":\\d*")) {
              return Optional.empty();
            }
            // Lua: tonumber("") is nil and "nil > 65535" raises; treat an empty port as invalid
            if (rest.length() == 1) {
              return Optional.empty();
            }
            if (bigPort(rest.substring(1))) {
              portTooBig[0] = true;
              return Optional.empty();
            }
            port = true;
          }
        }
        return validIpv6(check) ? Optional.of(new Address(t, port)) : Optional.empty();
      }
      case NAME -> {
        String name = address;
        boolean port = false;
        var pm = Pattern.compile(":(\\d+)$").matcher(address);
        if (pm.find()) {
          name = address.substring(0, pm.start());
          if (bigPort(pm.group(1))) {
            portTooBig[0] = true;
            return Optional.empty();
          }
          port = true;
        }
        if (!HOSTNAME_CHARS.matcher(name).matches()) {
          return Optional.empty();
        }
        String[] segments = name.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
          String s = segments[i];
          if (s.endsWith("-") || (s.isEmpty() && i != segments.length - 1)) {
            return Optional.empty();
          }
        }
        return Optional.of(new Address(t, port));
      }
    }
    throw new AssertionError(t);
  }

  private static boolean bigPort(String digits) {
    return digits.length() > 5 || Integer.parseInt(digits) > 65535;
  }

  /** {@code normalize_ipv6} without brackets: expands {@code ::} once, then 8 groups. */
  static boolean validIpv6(String address) {
    String check = address;
    if (check.startsWith(":")) {
      check = "0" + check;
    }
    if (check.endsWith(":")) {
      check = check + "0";
    }
    int dbl = check.indexOf("::");
    if (dbl >= 0) {
      long count = check.chars().filter(c -> c == ':').count();
      if (count > 8) {
        return false;
      }
      String ins = ":" + "0:".repeat((int) (8 - count));
      check = check.substring(0, dbl) + ins + check.substring(dbl + 2);
    }
    return IPV6_GROUPS.matcher(check).matches();
  }

  /** {@code typedefs.lua} {@code validate_host}: a name or IP without a port. */
  public static Optional<String> host(String host) {
    boolean[] big = new boolean[1];
    Optional<Address> a = normalizeIp(host, big);
    if (a.isEmpty() && !big[0]) {
      return Optional.of("invalid value: " + host);
    }
    if (big[0] || a.get().hasPort()) {
      return Optional.of("must not have a port");
    }
    return Optional.empty();
  }

  /** {@code typedefs.lua} {@code validate_host_with_optional_port}. */
  public static Optional<String> hostWithOptionalPort(String host) {
    boolean[] big = new boolean[1];
    return normalizeIp(host, big).isPresent()
        ? Optional.empty()
        : Optional.of(big[0] ? "invalid port number" : "invalid value: " + host);
  }

  /**
   * {@code typedefs.lua} {@code validate_wildcard_host} (and {@code validate_sni} when {@code
   * wildcards} is false).
   */
  public static Optional<String> wildcardHost(String host, boolean wildcards) {
    String h = host;
    if (wildcards) {
      int idx = h.indexOf('*');
      if (idx >= 0) {
        if (idx != 0 && idx != h.length() - 1) {
          return Optional.of("wildcard must be leftmost or rightmost character");
        }
        if (h.indexOf('*', idx + 1) >= 0) {
          return Optional.of("only one wildcard must be specified");
        }
        h = h.replace("*", "wildcard");
      }
    }
    boolean[] big = new boolean[1];
    Optional<Address> a = normalizeIp(h, big);
    if (a.isEmpty() && !big[0]) {
      return Optional.of("invalid value: " + h);
    }
    if (a.isPresent() && a.get().type() != HostType.NAME) {
      return Optional.of("must not be an IP");
    }
    if (big[0] || a.get().hasPort()) {
      return Optional.of("must not have a port");
    }
    return Optional.empty();
  }

  /**
   * {@code typedefs.hosts} element: at most one wildcard, leftmost or rightmost label, then {@code
   * validate_host_with_wildcards}.
   */
  public static Optional<String> routeHost(String host) {
    if (!host.matches("^[^*]*\\*?[^*]*$")) {
      return Optional.of("invalid wildcard: must have at most one wildcard");
    }
    if (!(host.startsWith("*.") || host.endsWith(".*") || !host.contains("*"))) {
      return Optional.of("invalid wildcard: must be placed at leftmost or rightmost label");
    }
    return hostWithOptionalPort(host.replace("*", "abc"));
  }

  /** {@code typedefs.lua} {@code validate_path} (RFC 3986 characters, valid percent-encoding). */
  public static Optional<String> path(String path) {
    if (!path.startsWith("/")) {
      return Optional.of("should start with: /");
    }
    if (path.contains("//")) {
      return Optional.of("must not have empty segments");
    }
    if (!PATH_CHARS.matcher(path).matches()) {
      return Optional.of(
          "invalid path: '"
              + path
              + "' (characters outside of the reserved list of RFC 3986 found)");
    }
    return percent(path);
  }

  private static Optional<String> percent(String path) {
    String raw = path.replaceAll("%[0-9A-Fa-f]{2}", "___");
    return raw.contains("%") ? Optional.of("invalid url-encoded value") : Optional.empty();
  }

  /**
   * {@code typedefs.router_path}: {@code /} or {@code ~/}, no empty segment, valid
   * percent-encoding, and a prefix path in normalized form ({@code kong/tools/uri.lua} {@code
   * normalize}). A regex path is not compiled here: Java's regex syntax is not PCRE's, and the
   * check must never reject what Kong accepts.
   */
  public static Optional<String> routerPath(String path) {
    if (!(path.startsWith("/") || path.startsWith("~/"))) {
      return Optional.of("should start with: / (fixed path) or ~/ (regex path)");
    }
    if (path.contains("//")) {
      return Optional.of("must not have empty segments");
    }
    boolean rfc = PATH_CHARS.matcher(path).matches();
    if (rfc || path.startsWith("~")) {
      // validate_path_with_regexes only keeps the "percent" error of validate_path
      Optional<String> pct = percent(path);
      if (pct.isPresent() && (rfc || !path.startsWith("~"))) {
        return pct;
      }
    }
    if (path.startsWith("~")) {
      return Optional.empty();
    }
    String normalized = KongPaths.normalize(path, true);
    if (!normalized.equals(path)) {
      return Optional.of("non-normalized path, consider use '" + normalized + "' instead");
    }
    return Optional.empty();
  }

  /** {@code typedefs.lua} {@code validate_name}. */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * {@code typedefs.lua} {@code validate_utf8_name}: ASCII alphanumerics, {@code . - _ ~}, or
   * non-ASCII.
   */
  public static boolean isUtf8Name(String name) {
    return !name.isEmpty()
        && name.codePoints()
            .allMatch(
                c ->
                    c >= 128
                        || (c >= '0' && c <= '9')
                        || (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || c == '.'
                        || c == '-'
                        || c == '_'
                        || c == '~');
  }

  /**
   * {@code typedefs.lua} {@code validate_tag}: printable ASCII but {@code ,} and {@code /}, space,
   * or non-ASCII.
   */
  public static boolean isTag(String tag) {
    if (tag.isEmpty()) {
      return false;
    }
    for (byte b : tag.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean ok =
          c == ' ' || (c >= 33 && c <= 126 && c != ',' && c != '/') || (c >= 128 && c <= 244);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code kong/tools/http.lua} {@code validate_header_name}. */
  public static boolean isHeaderName(String name) {
    return HEADER_NAME.matcher(name).matches();
  }

  /** {@code kong/tools/http.lua} {@code validate_cookie_name}: an RFC 2616 token. */
  public static boolean isCookieName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code kong/tools/ip.lua} {@code is_valid_ip_or_cidr}: an IPv4 or IPv6 address, optionally with
   * a prefix length.
   */
  public static boolean isIpOrCidr(String s) {
    String ip = s;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      ip = s.substring(0, slash);
      String bits = s.substring(slash + 1);
      if (!bits.matches("\\d{1,3}")) {
        return false;
      }
      int n = Integer.parseInt(bits);
      if (n > (ip.contains(":") ? 128 : 32)) {
        return false;
      }
    }
    if (ip.contains(":")) {
      return validIpv6(ip);
    }
    var m = IPV4_PORT.matcher(ip);
    if (!m.matches() || m.group(5) != null) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code kong/db/schema/entities/targets.lua} {@code validate_target}: a name or IP, optionally
   * with a port.
   */
  public static boolean isTarget(String target) {
    return normalizeIp(target, new boolean[1]).isPresent();
  }

  /**
   * {@code kong/db/schema/entities/upstreams.lua} {@code validate_name}: a hostname, no IP, no
   * port.
   */
  public static Optional<String> upstreamName(String name) {
    Optional<Address> a = normalizeIp(name, new boolean[1]);
    if (a.isEmpty()) {
      return Optional.of("Invalid name ('" + name + "'); must be a valid hostname");
    }
    if (a.get().type() != HostType.NAME) {
      return Optional.of("Invalid name ('" + name + "'); no ip addresses allowed");
    }
    if (a.get().hasPort()) {
      return Optional.of("Invalid name ('" + name + "'); no port allowed");
    }
    return Optional.empty();
  }
}
