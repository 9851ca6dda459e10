package io.github.kongtranslator.translator.internal;

import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.HttpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Expression-router text and priorities for HTTPRoute and GRPCRoute units
 * (gateway-api-spec §6.2, §6.3).
 */
final class GatewayExpressions {
  static final String EXACT = "Exact";
  static final String PATH_PREFIX = "PathPrefix";
  static final String REGULAR_EXPRESSION = "RegularExpression";

  private GatewayExpressions() {}

  /** The match operand of an HTTPRoute match: And(path, headers, query, method). */
  static String httpMatch(HttpRoute.@Nullable Match m, boolean prefixRewrite) {
    if (m == null) {
      return "";
    }
    List<String> ops = new ArrayList<>();
    if (m.path() != null) {
      ops.add(httpPath(m.path(), prefixRewrite));
    }
    ops.add(Atc.and(valueMatches("http.headers.", m.headers(), true)));
    ops.add(Atc.and(valueMatches("http.queries.", m.queryParams(), false)));
    if (!Strs.isEmpty(m.method())) {
      ops.add(Atc.pred("http.method", "==", m.method()));
    }
    return Atc.and(ops);
  }

  private static String httpPath(HttpRoute.PathMatch p, boolean prefixRewrite) {
    String type = p.type() == null ? PATH_PREFIX : p.type();
    String v = Strs.nz(p.value());
    switch (type) {
      case EXACT:
        return Atc.pred("http.path", "==", v);
      case REGULAR_EXPRESSION:
        return Atc.pred("http.path", "~", v.startsWith("^") ? v : "^" + v);
      default:
        String n = HttpRouteFilters.normalizePrefix(v);
        if (prefixRewrite) {
          return n.equals("/")
              ? Atc.or(List.of(Atc.pred("http.path", "==", "/"), Atc.pred("http.path", "~", "^/(.*)")))
              : Atc.or(List.of(Atc.pred("http.path", "==", n),
                  Atc.pred("http.path", "~", "^" + n + "(/.*)")));
        }
        if (n.equals("/")) {
          return Atc.pred("http.path", "^=", "/");
        }
        return Atc.or(List.of(Atc.pred("http.path", "==", n), Atc.pred("http.path", "^=", n + "/")));
    }
  }

  /** Header or query predicates sorted by name in byte order (no de-duplication). */
  static List<String> valueMatches(String prefix, List<GatewayApi.NameValueMatch> matches,
      boolean header) {
    List<GatewayApi.NameValueMatch> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparing((GatewayApi.NameValueMatch m) -> Strs.nz(m.name()),
        Strs.BYTES));
    List<String> out = new ArrayList<>();
    for (GatewayApi.NameValueMatch m : sorted) {
      String name = Strs.nz(m.name());
      if (header) {
        name = name.toLowerCase(Locale.ROOT).replace('-', '_');
      }
      String op = REGULAR_EXPRESSION.equals(m.type()) ? "~" : "==";
      out.add(Atc.pred(prefix + name, op, Strs.nz(m.value())));
    }
    return out;
  }

  /** The base priority of an HTTPRoute unit, without the relative-order bits. */
  static long httpBasePriority(String hostname, HttpRoute.@Nullable Match m) {
    long p = 2L << 44;
    p += hostBits(hostname);
    if (m == null) {
      return p;
    }
    if (m.path() != null) {
      String type = m.path().type() == null ? PATH_PREFIX : m.path().type();
      if (EXACT.equals(type)) {
        p += 1L << 34;
      } else if (REGULAR_EXPRESSION.equals(type)) {
        p += 1L << 33;
      }
      String v = Strs.nz(m.path().value());
      if (!v.isEmpty()) {
        p += (long) (v.length() - 1) << 23;
      }
    }
    if (!Strs.isEmpty(m.method())) {
      p += 1L << 22;
    }
    p += (long) m.headers().size() << 17;
    p += (long) m.queryParams().size() << 12;
    return p;
  }

  private static long hostBits(String hostname) {
    long p = 0;
    if (!hostname.isEmpty() && !hostname.startsWith("*")) {
      p += 1L << 43;
    }
    p += (long) hostname.length() << 35;
    return p;
  }

  /** The method operand of a GRPCRoute match (§6.3). */
  static String grpcMethod(GrpcRoute.@Nullable MethodMatch mm) {
    if (mm == null) {
      return "";
    }
    String s = Strs.nz(mm.service());
    String m = Strs.nz(mm.method());
    boolean regex = REGULAR_EXPRESSION.equals(mm.type());
    if (s.isEmpty() && m.isEmpty()) {
      return Atc.pred("http.path", "^=", "/");
    }
    if (regex) {
      String sv = s.isEmpty() ? ".+" : s;
      String mv = m.isEmpty() ? ".+" : m;
      return Atc.pred("http.path", "~", "^/" + sv + "/" + mv);
    }
    if (!s.isEmpty() && !m.isEmpty()) {
      return Atc.pred("http.path", "==", "/" + s + "/" + m);
    }
    if (!s.isEmpty()) {
      return Atc.pred("http.path", "^=", "/" + s + "/");
    }
    return Atc.pred("http.path", "=^", "/" + m);
  }

  /** The base priority of a GRPCRoute unit, without the relative-order bits. */
  static long grpcBasePriority(String hostname, GrpcRoute.@Nullable Match m) {
    long p = 1L << 44;
    p += hostBits(hostname);
    if (m == null) {
      return p;
    }
    if (m.method() != null) {
      p += (long) Strs.nz(m.method().service()).length() << 24;
      p += (long) Strs.nz(m.method().method()).length() << 13;
    }
    p += (long) m.headers().size() << 8;
    return p;
  }

  /** A unit of relative-priority assignment: its base priority and sort keys. */
  interface Ranked {
    long base();

    String creationTimestamp();

    String namespace();

    String name();

    int rule();

    int match();

    void priority(long value);
  }

  /**
   * Adds the relative-order bits: units sharing a base are ordered by creation time, namespace,
   * name, rule and match and get {@code max, max-1, ...} (never below 0).
   */
  static void assignPriorities(List<? extends Ranked> units, int max) {
    List<Ranked> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingLong(Ranked::base)
        .thenComparing(Ranked::creationTimestamp, Context::compareTime)
        .thenComparing(Ranked::namespace, Strs.BYTES)
        .thenComparing(Ranked::name, Strs.BYTES)
        .thenComparingInt(Ranked::rule)
        .thenComparingInt(Ranked::match));
    long prev = -1;
    int rank = 0;
    for (Ranked u : sorted) {
      if (u.base() != prev) {
        prev = u.base();
        rank = 0;
      }
      u.priority(u.base() + Math.max(0, max - rank));
      rank++;
    }
  }
}
