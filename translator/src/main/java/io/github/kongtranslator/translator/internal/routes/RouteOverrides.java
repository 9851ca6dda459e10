package io.github.kongtranslator.translator.internal.routes;

import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Route-level annotations of the route's source object (translator-spec §6.1). */
public final class RouteOverrides {
  static final String STRIP_PATH = "konghq.com/strip-path";
  static final String FORCE_SSL_REDIRECT = "ingress.kubernetes.io/force-ssl-redirect";
  static final String HTTPS_REDIRECT_CODE = "konghq.com/https-redirect-status-code";
  static final String PRESERVE_HOST = "konghq.com/preserve-host";
  static final String REQUEST_BUFFERING = "konghq.com/request-buffering";
  static final String RESPONSE_BUFFERING = "konghq.com/response-buffering";
  static final String PROTOCOLS = "konghq.com/protocols";
  static final String REGEX_PRIORITY = "konghq.com/regex-priority";
  public static final String METHODS = "konghq.com/methods";
  public static final String SNIS = "konghq.com/snis";
  public static final String HOST_ALIASES = "konghq.com/host-aliases";
  static final String PATH_HANDLING = "konghq.com/path-handling";
  public static final String HEADERS_PREFIX = "konghq.com/headers.";
  public static final String HEADERS_SEPARATOR = "konghq.com/headers-separator";

  static final Set<String> VALID_PROTOCOLS =
      Set.of("http", "https", "grpc", "grpcs", "ws", "wss", "tls", "tcp", "tls_passthrough");
  private static final Set<Integer> REDIRECT_CODES = Set.of(426, 301, 302, 307, 308);
  private static final Pattern METHOD = Pattern.compile("^[A-Z]+$");
  private static final Pattern HOSTNAME =
      Pattern.compile(
          "^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*$");
  private static final Pattern PATH_HANDLING_VALUE = Pattern.compile("v\\d");

  private RouteOverrides() {}

  public static void apply(KRoute r, Map<String, String> ann, boolean expressions) {
    Boolean strip = Strs.parseTrueFalse(ann.get(STRIP_PATH));
    if (strip != null) {
      r.stripPath = strip;
    }
    if ("true".equals(ann.get(FORCE_SSL_REDIRECT))) {
      r.httpsRedirectStatusCode = 302;
      ensureHttps(r);
    }
    Integer code = Strs.parseInt(ann.get(HTTPS_REDIRECT_CODE));
    if (code != null && REDIRECT_CODES.contains(code)) {
      r.httpsRedirectStatusCode = code;
    }
    Boolean preserve = Strs.parseTrueFalse(ann.get(PRESERVE_HOST));
    if (preserve != null) {
      r.preserveHost = preserve;
    }
    Boolean reqBuf = Strs.parseBool(lower(ann.get(REQUEST_BUFFERING)));
    if (reqBuf != null) {
      r.requestBuffering = reqBuf;
    }
    Boolean respBuf = Strs.parseBool(lower(ann.get(RESPONSE_BUFFERING)));
    if (respBuf != null) {
      r.responseBuffering = respBuf;
    }
    if (ann.containsKey(PROTOCOLS)) {
      List<String> ps = Strs.list(ann.get(PROTOCOLS));
      if (!ps.isEmpty() && ps.stream().allMatch(VALID_PROTOCOLS::contains)) {
        r.protocols = new ArrayList<>(ps);
      }
    }
    if (expressions) {
      return;
    }
    Integer prio = Strs.parseInt(ann.get(REGEX_PRIORITY));
    if (prio != null) {
      r.regexPriority = prio;
    }
    if (ann.containsKey(METHODS)) {
      List<String> ms =
          Strs.list(ann.get(METHODS)).stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
      if (ms.stream().allMatch(m -> METHOD.matcher(m).matches())) {
        r.methods = ms.isEmpty() ? null : new ArrayList<>(ms);
      }
    }
    if (ann.containsKey(SNIS)) {
      List<String> ss = Strs.list(ann.get(SNIS));
      if (ss.stream().allMatch(s -> HOSTNAME.matcher(s).matches())) {
        r.snis = ss.isEmpty() ? null : new ArrayList<>(ss);
      }
    }
    List<String> aliases = Strs.list(ann.get(HOST_ALIASES));
    if (!aliases.isEmpty() && aliases.stream().allMatch(RouteOverrides::validAlias)) {
      List<String> hosts = r.hosts == null ? new ArrayList<>() : new ArrayList<>(r.hosts);
      for (String a : aliases) {
        if (!hosts.contains(a)) {
          hosts.add(a);
        }
      }
      r.hosts = hosts;
    }
    String sep = ann.getOrDefault(HEADERS_SEPARATOR, ",");
    if (sep.isEmpty()) {
      sep = ",";
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : ann.entrySet()) {
      if (e.getKey().startsWith(HEADERS_PREFIX)) {
        String name = e.getKey().substring(HEADERS_PREFIX.length());
        if (name.isEmpty() || e.getValue().isEmpty()) {
          continue;
        }
        List<String> vals = new ArrayList<>();
        for (String v : e.getValue().split(Pattern.quote(sep), -1)) {
          vals.add(v.trim());
        }
        headers.put(name, vals);
      }
    }
    if (!headers.isEmpty()) {
      r.headers = headers;
    }
    String ph = ann.get(PATH_HANDLING);
    if (ph != null && PATH_HANDLING_VALUE.matcher(ph).find()) {
      r.pathHandling = ph;
    }
    normalizeProtocols(r);
  }

  private static @Nullable String lower(@Nullable String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static boolean validAlias(String a) {
    String h = a;
    if (h.startsWith("*.")) {
      h = h.substring(2);
    } else if (h.endsWith(".*")) {
      h = h.substring(0, h.length() - 2);
    }
    return HOSTNAME.matcher(h).matches();
  }

  private static void ensureHttps(KRoute r) {
    boolean grpc = false;
    boolean http = false;
    List<String> out = new ArrayList<>();
    if (r.protocols != null) {
      for (String p : r.protocols) {
        grpc |= p.contains("grpc");
        http |= p.contains("http");
        if (!p.equals("https") && !p.equals("grpcs")) {
          out.add(p);
        }
      }
    }
    if (grpc) {
      out.add("grpcs");
    }
    if (http) {
      out.add("https");
    }
    if (!grpc && !http) {
      out = new ArrayList<>(List.of("https"));
    }
    r.protocols = out;
  }

  /** Protocol normalization after the overrides (skipped for expression routes). */
  static void normalizeProtocols(KRoute r) {
    if (r.protocols == null) {
      return;
    }
    boolean grpc = false;
    boolean http = false;
    for (String p : r.protocols) {
      if (p.contains("grpc")) {
        grpc = true;
      }
      if (p.contains("http") || !VALID_PROTOCOLS.contains(p)) {
        http = true;
      }
    }
    if (grpc && http) {
      r.protocols = new ArrayList<>(List.of("http", "https"));
    }
    if (grpc) {
      r.stripPath = null;
    }
  }
}
