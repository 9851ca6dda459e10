package io.github.kongtranslator.router.internal;

import com.google.common.net.InetAddresses;
import io.github.kongtranslator.router.RouteRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values Kong puts into the ATC context for a request ({@code kong/router/fields.lua} {@code
 * FIELDS_FUNCS} and {@code fill_atc_context}, {@code kong/router/atc.lua} {@code matching}): the
 * host without its port, the port of the {@code Host} header as {@code net.dst.port} when it has
 * one, the normalised path, headers by normalised name, query arguments decoded (a key without
 * value is the empty string).
 */
public final class RequestContext implements AtcInterpreter.Context {
  private final RouteRequest request;
  private final String path;
  private final String host;
  private final int hostPort;
  private final Map<String, @Nullable List<Object>> cache = new HashMap<>();
  private @Nullable List<String> segments;
  private @Nullable Map<String, List<String>> queries;

  /**
   * Prepares the context of a request.
   *
   * @param request the request
   */
  public RequestContext(RouteRequest request) {
    this.request = request;
    this.path = Paths.routingPath(request.uri());
    // transform.lua split_host_port: the first ':' followed by a number
    String h = request.host();
    int colon = h.indexOf(':');
    int port = -1;
    if (colon >= 0) {
      try {
        port = Integer.parseInt(h.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    this.host = port >= 0 ? h.substring(0, colon) : h;
    this.hostPort = port;
  }

  /**
   * The normalised path the router matches on.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  @Override
  public @Nullable List<Object> values(String field) {
    if (cache.containsKey(field)) {
      return cache.get(field);
    }
    List<Object> v = compute(field);
    cache.put(field, v);
    return v;
  }

  private @Nullable List<Object> compute(String field) {
    switch (field) {
      case "net.protocol" -> {
        return one(
            switch (request.scheme()) {
              case "grpc" -> "http";
              case "grpcs" -> "https";
              default -> request.scheme();
            });
      }
      case "tls.sni" -> {
        return request.sni().<List<Object>>map(List::of).orElse(null);
      }
      case "http.method" -> {
        return one(request.method());
      }
      case "http.host" -> {
        return host.isEmpty() ? null : one(host);
      }
      case "http.path" -> {
        return one(path);
      }
      case "net.src.ip" -> {
        return ip(request.srcIp().orElse(null));
      }
      case "net.dst.ip" -> {
        return ip(request.dstIp().orElse(null));
      }
      case "net.src.port" -> {
        return request.srcPort().isPresent() ? one((long) request.srcPort().getAsInt()) : null;
      }
      case "net.dst.port" -> {
        int p = hostPort >= 0 ? hostPort : request.port();
        return p > 0 ? one((long) p) : null;
      }
      case "http.path.segments.len" -> {
        return one((long) segments().size());
      }
      default -> {
        // a field with a name pattern: below
      }
    }
    if (field.startsWith("http.headers.")) {
      String name = normalizeHeader(field.substring("http.headers.".length()));
      List<Object> out = new ArrayList<>();
      request
          .headers()
          .forEach(
              (k, v) -> {
                if (k.indexOf('_') < 0 && normalizeHeader(k).equals(name)) {
                  out.add(v);
                }
              });
      return out.isEmpty() ? null : out;
    }
    if (field.startsWith("http.queries.")) {
      List<String> vs = queries().get(field.substring("http.queries.".length()));
      return vs == null ? null : new ArrayList<>(vs);
    }
    if (field.startsWith("http.path.segments.")) {
      return segment(field.substring("http.path.segments.".length()));
    }
    return null;
  }

  private static String normalizeHeader(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static List<Object> one(Object v) {
    return List.of(v);
  }

  private static @Nullable List<Object> ip(@Nullable String s) {
    if (s == null || !InetAddresses.isInetAddress(s)) {
      return null;
    }
    return one(InetAddresses.forString(s));
  }

  // fields.lua get_http_segments: the path split on '/' after the leading one
  private List<String> segments() {
    if (segments == null) {
      String rest = path.length() > 1 ? path.substring(1) : "";
      segments = List.of(rest.split("/", -1));
    }
    return segments;
  }

  private @Nullable List<Object> segment(String range) {
    List<String> segs = segments();
    int us = range.indexOf('_');
    try {
      if (us < 0) {
        int pos = Integer.parseInt(range);
        return pos >= 0 && pos < segs.size() ? one(segs.get(pos)) : null;
      }
      int p1 = Integer.parseInt(range.substring(0, us));
      int p2 = Integer.parseInt(range.substring(us + 1));
      int count = segs.size() - 1;
      if (p1 >= p2 || p1 > count || p2 > count || p1 < 0) {
        return null;
      }
      return one(String.join("/", segs.subList(p1, p2 + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Map<String, List<String>> queries() {
    if (queries == null) {
      queries = new HashMap<>();
      String uri = request.uri();
      int q = uri.indexOf('?');
      if (q >= 0) {
        for (String kv : uri.substring(q + 1).split("&", -1)) { // empty parts skipped
          if (kv.isEmpty()) {
            continue;
          }
          int eq = kv.indexOf('=');
          String k = decode(eq < 0 ? kv : kv.substring(0, eq));
          String v = eq < 0 ? "" : decode(kv.substring(eq + 1));
          if (!k.isEmpty()) {
            queries.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
          }
        }
      }
    }
    return queries;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
