package io.github.kongtranslator.router.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.kongmodel.config.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How Kong 3.9.1 turns a route into an ATC matcher: {@code kong/router/transform.lua} ({@code
 * get_expression}, {@code get_priority}, {@code split_routes_and_services_by_path}, {@code
 * amending_expression}) and {@code kong/router/expressions.lua} (the protocol clause of the
 * expressions flavour). Written from those files.
 */
public final class Transform {
  private Transform() {}

  /** Protocols of Kong's stream subsystem ({@code transform.lua} {@code is_stream_route}). */
  public static final Set<String> STREAM_PROTOCOLS = Set.of("tcp", "udp", "tls", "tls_passthrough");

  /**
   * Protocols of Kong's http subsystem ({@code kong/constants.lua} {@code
   * PROTOCOLS_WITH_SUBSYSTEM}).
   */
  public static final Set<String> HTTP_PROTOCOLS =
      Set.of("http", "https", "grpc", "grpcs", "ws", "wss");

  private static final String OR = " || ";
  private static final String AND = " && ";

  /**
   * The route's protocols, Kong's default {@code [http, https]} when absent.
   *
   * @param r the route
   * @return the protocols
   */
  public static List<String> protocols(Route r) {
    return r.protocols().isEmpty() && !r.has("protocols")
        ? List.of("http", "https")
        : r.protocols();
  }

  /**
   * Whether Kong treats the route as a stream route: its first protocol is a stream protocol.
   *
   * @param r the route
   * @return true for a stream route
   */
  public static boolean isStreamRoute(Route r) {
    List<String> p = protocols(r);
    return !p.isEmpty() && STREAM_PROTOCOLS.contains(p.get(0));
  }

  // transform.lua escape_str: a raw string unless the value holds "#
  static String escapeStr(String s) {
    if (!s.contains("\"#")) {
      return "r#\"" + s + "\"#";
    }
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Kong's {@code is_regex_magic} ({@code kong/router/utils.lua}): a path starting with {@code ~}.
   *
   * @param path the path
   * @return true for a regex path
   */
  public static boolean isRegex(String path) {
    return path.startsWith("~");
  }

  /**
   * The route's ATC expression: its {@code expression}, else one generated from its fields ({@code
   * transform.lua} {@code get_expression}).
   *
   * @param r the route
   * @param paths the paths to use (the route's, or one group after splitting)
   * @return the expression (empty when the route has no matching fields)
   */
  public static String expression(Route r, List<String> paths) {
    if (r.expression().isPresent()) {
      return r.expression().get();
    }
    StringBuilder expr = new StringBuilder();
    boolean stream = isStreamRoute(r);
    if (!r.snis().isEmpty()) {
      StringBuilder g = new StringBuilder("(");
      for (int i = 0; i < r.snis().size(); i++) {
        String sni = r.snis().get(i);
        String op = "==";
        String v = sni;
        if (sni.startsWith("*")) {
          op = "=^";
        } else if (sni.endsWith("*")) {
          op = "^=";
        }
        if (op.equals("^=")) {
          v = sni.substring(0, sni.length() - 1);
        } else {
          if (v.length() > 1 && v.endsWith(".")) { // the last dot of an FQDN is not routed on
            v = v.substring(0, v.length() - 1);
          }
          if (op.equals("=^")) {
            v = v.substring(1);
          }
        }
        if (i > 0) {
          g.append(OR);
        }
        g.append("tls.sni ").append(op).append(' ').append(escapeStr(v));
      }
      g.append(')');
      // Kong #6425: SNIs only count on https (tls for stream routes)
      append(expr, "(net.protocol != r#\"" + (stream ? "tls" : "https") + "\"#" + OR + g + ")");
    }
    String src = nets("net.src.ip", "net.src.port", r.sources().orElse(null));
    if (src != null) {
      append(expr, src);
    }
    String dst = nets("net.dst.ip", "net.dst.port", r.destinations().orElse(null));
    if (dst != null) {
      append(expr, dst);
    }
    if (stream) {
      return expr.toString();
    }
    if (!r.methods().isEmpty()) {
      append(expr, field("http.method", r.methods()));
    }
    if (!r.hosts().isEmpty()) {
      StringBuilder g = new StringBuilder("(");
      for (int i = 0; i < r.hosts().size(); i++) {
        String h = r.hosts().get(i);
        String host = h;
        String port = null;
        int colon = h.indexOf(':');
        if (colon >= 0 && isNumber(h.substring(colon + 1))) {
          host = h.substring(0, colon);
          port = h.substring(colon + 1);
        }
        String op = "==";
        if (host.startsWith("*")) {
          op = "=^";
          host = host.substring(1);
        } else if (host.endsWith("*")) {
          op = "^=";
          host = host.substring(0, host.length() - 1);
        }
        String e = "http.host " + op + " r#\"" + host + "\"#";
        if (port != null) {
          e = "(" + e + AND + "net.dst.port == " + port + ")";
        }
        if (i > 0) {
          g.append(OR);
        }
        g.append(e);
      }
      append(expr, g.append(')').toString());
    }
    if (!paths.isEmpty()) {
      StringBuilder g = new StringBuilder("(");
      for (int i = 0; i < paths.size(); i++) {
        String p = paths.get(i);
        if (i > 0) {
          g.append(OR);
        }
        if (isRegex(p)) {
          // strip ~, anchor with ^ like the traditional router, (?< becomes (?P< for Rust
          g.append("http.path ~ ").append(escapeStr("^" + p.substring(1).replace("?<", "?P<")));
        } else {
          g.append("http.path ^= ").append(escapeStr(p));
        }
      }
      append(expr, g.append(')').toString());
    }
    Map<String, List<String>> headers = headers(r);
    if (!headers.isEmpty()) {
      StringBuilder hs = new StringBuilder();
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        StringBuilder one = new StringBuilder("(");
        String name =
            "any(lower(http.headers."
                + h.getKey().replace('-', '_').toLowerCase(Locale.ROOT)
                + "))";
        for (int i = 0; i < h.getValue().size(); i++) {
          String value = h.getValue().get(i);
          String op = "==";
          if (value.startsWith("~*")) {
            value = value.substring(2);
            op = "~";
          }
          if (i > 0) {
            one.append(OR);
          }
          one.append(name)
              .append(' ')
              .append(op)
              .append(' ')
              .append(escapeStr(value.toLowerCase(Locale.ROOT)));
        }
        if (hs.length() > 0) {
          hs.append(AND);
        }
        hs.append(one.append(')'));
      }
      append(expr, hs.toString());
    }
    return expr.toString();
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void append(StringBuilder buf, String s) {
    if (buf.length() > 0) {
      buf.append(AND);
    }
    buf.append(s);
  }

  private static String field(String name, List<String> values) {
    StringBuilder g = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        g.append(OR);
      }
      g.append(name).append(" == ").append(escapeStr(values.get(i)));
    }
    return g.append(')').toString();
  }

  /**
   * The route's headers as name → values, in document order.
   *
   * @param r the route
   * @return the headers, empty when none
   */
  public static Map<String, List<String>> headers(Route r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    JsonNode h = r.headers().orElse(null);
    if (h == null || !h.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : h.properties()) {
      List<String> vs = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> vs.add(v.asText()));
      } else if (e.getValue().isTextual()) {
        vs.add(e.getValue().asText());
      }
      if (!vs.isEmpty()) {
        out.put(e.getKey(), vs);
      }
    }
    return out;
  }

  private static boolean nonEmpty(@Nullable JsonNode n) {
    return n != null && !n.isNull() && n.size() > 0;
  }

  // transform.lua gen_for_nets / parse_ip_addr (IPv4 CIDRs are masked; IPv6 are not)
  private static @Nullable String nets(String ipField, String portField, @Nullable JsonNode vals) {
    if (vals == null || !nonEmpty(vals)) {
      return null;
    }
    StringBuilder b = new StringBuilder("(");
    int i = 0;
    for (JsonNode v : vals) {
      if (!v.isObject() || v.size() == 0) {
        return null; // Kong logs an error and generates nothing for this field
      }
      JsonNode ip = v.get("ip");
      JsonNode port = v.get("port");
      boolean hasIp = ip != null && !ip.isNull();
      boolean hasPort = port != null && !port.isNull();
      String expIp = null;
      if (hasIp) {
        String s = ip.asText();
        int slash = s.indexOf('/');
        if (slash >= 0) {
          expIp =
              ipField
                  + " in "
                  + maskV4(s.substring(0, slash), s.substring(slash + 1))
                  + "/"
                  + s.substring(slash + 1);
        } else {
          expIp = ipField + " == " + s;
        }
      }
      String expPort = hasPort ? portField + " == " + port.asText() : null;
      if (i++ > 0) {
        b.append(OR);
      }
      if (!hasIp) {
        b.append(expPort);
      } else if (!hasPort) {
        b.append(expIp);
      } else {
        b.append('(').append(expIp).append(AND).append(expPort).append(')');
      }
    }
    return b.append(')').toString();
  }

  private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private static String maskV4(String addr, String mask) {
    if (!V4.matcher(addr).matches() || !isNumber(mask)) {
      return addr;
    }
    String[] p = addr.split("\\.", -1); // V4 has matched: exactly four parts
    long v = 0;
    for (String s : p) {
      v = (v << 8) | (Long.parseLong(s) & 0xFF);
    }
    int m = Integer.parseInt(mask);
    long cidr = m == 0 ? 0 : (v >>> (32 - m)) << (32 - m);
    return ((cidr >>> 24) & 0xFF)
        + "."
        + ((cidr >>> 16) & 0xFF)
        + "."
        + ((cidr >>> 8) & 0xFF)
        + "."
        + (cidr & 0xFF);
  }

  /**
   * The expressions flavour's matcher expression ({@code expressions.lua} {@code get_expression}):
   * {@code net.port} renamed to {@code net.dst.port}, and unless the route's only protocol is
   * {@code https}, {@code tls} or {@code tls_passthrough}, {@code && (net.protocol == ...)}
   * appended, with grpc as http, grpcs as https and tls_passthrough as tcp.
   *
   * @param r the route
   * @param base the route's expression ({@link #expression})
   * @return the amended expression
   */
  public static String expressionsFlavour(Route r, String base) {
    String exp =
        base.contains("net.port")
            ? base.replaceAll("(net\\.port)(\\s*)([=><!])", "net.dst.port$2$3")
            : base;
    List<String> protocols = protocols(r);
    if (protocols.size() == 1
        && Set.of("https", "tls", "tls_passthrough").contains(protocols.get(0))) {
      return exp;
    }
    if (protocols.isEmpty()) {
      return exp;
    }
    StringBuilder g = new StringBuilder("(");
    for (int i = 0; i < protocols.size(); i++) {
      String p = protocols.get(i);
      String v =
          switch (p) {
            case "tls_passthrough" -> "tcp";
            case "grpc" -> "http";
            case "grpcs" -> "https";
            default -> p;
          };
      if (i > 0) {
        g.append(OR);
      }
      g.append("net.protocol == ").append(escapeStr(v));
    }
    return exp + AND + g.append(')');
  }

  private static final long EXPRESSION_ONLY_BIT = 0xFFL << 56;
  private static final long PLAIN_HOST_ONLY_BIT = 1L << 60;
  private static final long REGEX_URL_BIT = 1L << 51;
  private static final long STREAM_SNI_BIT = 1L << 61;
  private static final int MAX_HEADER_COUNT = 255;

  /**
   * The route's ATC priority ({@code transform.lua} {@code get_priority}), an unsigned 64-bit value
   * compared with {@link Long#compareUnsigned}. Layout from the most significant bit: 3 bits
   * match-field count, 1 bit plain hosts only, 8 bits header count, 1 bit regex path,
   * regex_priority from bit 19, path length in the low 19 bits; expression routes carry {@code 0xFF
   * << 56 | priority}.
   *
   * @param r the route
   * @param paths the paths of this matcher (one group after splitting)
   * @return the priority
   */
  public static long priority(Route r, List<String> paths) {
    if (r.expression().isPresent()) {
      return EXPRESSION_ONLY_BIT | (r.priority().isPresent() ? r.priority().getAsLong() : 0);
    }
    if (isStreamRoute(r)) {
      long w = 0;
      boolean srcs = nonEmpty(r.sources().orElse(null));
      boolean dsts = nonEmpty(r.destinations().orElse(null));
      if (!r.snis().isEmpty() || (srcs && dsts)) {
        w = STREAM_SNI_BIT;
      }
      return w
          | (ipWeight(r.sources().orElse(null)) << 4)
          | ipWeight(r.destinations().orElse(null));
    }
    int weight = 0;
    if (nonEmpty(r.sources().orElse(null))) {
      weight++;
    }
    if (nonEmpty(r.destinations().orElse(null))) {
      weight++;
    }
    if (!r.methods().isEmpty()) {
      weight++;
    }
    if (!r.hosts().isEmpty()) {
      weight++;
    }
    int headerCount = headers(r).size();
    if (headerCount > 0) {
      weight++;
      headerCount = Math.min(headerCount, MAX_HEADER_COUNT);
    }
    if (!r.snis().isEmpty()) {
      weight++;
    }
    // plain_host_only: hosts is a table (present, even empty) and no host has a '*'
    boolean plainHostOnly = r.field("hosts").map(JsonNode::isArray).orElse(false);
    for (String h : r.hosts()) {
      if (h.contains("*")) {
        plainHostOnly = false;
        break;
      }
    }
    int uriLength = 0;
    boolean regexUrl = false;
    if (!paths.isEmpty()) {
      weight++;
      if (isRegex(paths.get(0))) {
        regexUrl = true;
      } else {
        uriLength = paths.get(0).length(); // Lua's # counts bytes; paths are ASCII in practice
      }
    }
    long regexPriority =
        regexUrl && r.regexPriority().isPresent() ? r.regexPriority().getAsInt() : 0;
    return ((long) weight << 61)
        | (plainHostOnly ? PLAIN_HOST_ONLY_BIT : 0)
        | (regexUrl ? REGEX_URL_BIT : 0)
        | ((long) headerCount << 52)
        | (regexPriority << 19)
        | (uriLength & 0x7FFFF);
  }

  private static long ipWeight(@Nullable JsonNode ips) {
    long w = 0;
    if (ips == null || !nonEmpty(ips)) {
      return w;
    }
    for (JsonNode v : ips) {
      JsonNode ip = v.get("ip");
      JsonNode port = v.get("port");
      if (ip != null && !ip.isNull()) {
        w |= ip.asText().contains("/") ? 1 : 1 << 3; // IP > PORT > CIDR
      }
      if (port != null && !port.isNull()) {
        w |= 1 << 2;
      }
    }
    return w;
  }

  /**
   * Kong's {@code split_routes_and_services_by_path}: a traditional route whose paths mix regexes
   * and prefixes of different lengths becomes one matcher per group (all regexes; each prefix
   * length), in the order each group first appears.
   *
   * @param r the route
   * @return the path groups (one group holding all paths when no split happens)
   */
  public static List<List<String>> pathGroups(Route r) {
    List<String> paths = r.paths();
    if (paths.size() <= 1 || r.expression().isPresent()) {
      return List.of(paths);
    }
    Map<Integer, List<String>> groups = new LinkedHashMap<>();
    for (String p : paths) {
      groups.computeIfAbsent(isRegex(p) ? 0 : p.length(), k -> new ArrayList<>()).add(p);
    }
    return List.copyOf(groups.values());
  }

  /**
   * Describes the parts of a traditional priority, for explanations.
   *
   * @param priority the priority
   * @return e.g. {@code fields=2 plain_host=true headers=0 regex=false regex_priority=0 length=5}
   */
  public static String describe(long priority) {
    if ((priority & EXPRESSION_ONLY_BIT) == EXPRESSION_ONLY_BIT) {
      return "expression route, priority " + (priority & ~EXPRESSION_ONLY_BIT);
    }
    return "fields="
        + (priority >>> 61)
        + " plain_host="
        + ((priority & PLAIN_HOST_ONLY_BIT) != 0)
        + " headers="
        + ((priority >>> 52) & 0xFF)
        + " regex="
        + ((priority & REGEX_URL_BIT) != 0)
        + " regex_priority="
        + ((priority >>> 19) & 0xFFFFFFFFL)
        + " path_length="
        + (priority & 0x7FFFF);
  }
}
