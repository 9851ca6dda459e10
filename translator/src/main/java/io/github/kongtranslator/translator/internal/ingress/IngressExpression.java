package io.github.kongtranslator.translator.internal.ingress;

import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.routes.Atc;
import io.github.kongtranslator.translator.internal.routes.RouteOverrides;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expression and priority of an Ingress route under the expression router (gateway-api-spec §6.4).
 */
final class IngressExpression {

  private IngressExpression() {}

  static void apply(KRoute route, Ingress ing, String host, List<String[]> paths) {
    Map<String, String> ann = ing.metadata().annotations();
    String prefix = ann.get(IngressPart.REGEX_PREFIX_ANNOTATION);
    if (prefix == null || prefix.isEmpty()) {
      prefix = IngressPaths.DEFAULT_REGEX_PREFIX;
    }
    List<String> hosts = new ArrayList<>();
    if (!host.isEmpty()) {
      hosts.add(host);
    }
    hosts.addAll(Strs.list(ann.get(RouteOverrides.HOST_ALIASES)));

    List<String> pathOps = new ArrayList<>();
    boolean regex = false;
    int maxLen = 0;
    for (String[] pt : paths) {
      String p = pt[0];
      String type = pt[1];
      int len;
      switch (type) {
        case IngressPaths.PREFIX -> {
          String base = IngressPaths.trimSlashes(p);
          if (base.isEmpty()) {
            pathOps.add(Atc.pred("http.path", "^=", "/"));
            len = 1;
          } else {
            pathOps.add(
                Atc.or(
                    List.of(
                        Atc.pred("http.path", "==", "/" + base),
                        Atc.pred("http.path", "^=", "/" + base + "/"))));
            len = 2 + base.length();
          }
          regex = true;
        }
        case IngressPaths.EXACT -> {
          String rel = IngressPaths.trimLeadingSlashes(p);
          pathOps.add(Atc.pred("http.path", "==", "/" + rel));
          len = 1 + rel.length();
          regex = true;
        }
        default -> {
          if (p.startsWith(prefix)) {
            String rest = p.substring(prefix.length());
            String re = rest.isEmpty() ? "^/" : rest.startsWith("^") ? rest : "^" + rest;
            pathOps.add(Atc.pred("http.path", "~", re));
            len = rest.length();
            regex = true;
          } else {
            pathOps.add(Atc.pred("http.path", "^=", p));
            len = p.length();
          }
        }
      }
      maxLen = Math.max(maxLen, len);
    }

    TreeMap<String, List<String>> headers = new TreeMap<>(Strs.BYTES);
    String sep = ann.getOrDefault(RouteOverrides.HEADERS_SEPARATOR, ",");
    if (sep.isEmpty()) {
      sep = ",";
    }
    for (Map.Entry<String, String> e : ann.entrySet()) {
      if (e.getKey().startsWith(RouteOverrides.HEADERS_PREFIX)) {
        String name = e.getKey().substring(RouteOverrides.HEADERS_PREFIX.length());
        if (name.isEmpty() || e.getValue().isEmpty()) {
          continue;
        }
        List<String> vals = new ArrayList<>();
        for (String v : e.getValue().split(java.util.regex.Pattern.quote(sep), -1)) {
          vals.add(v.trim());
        }
        headers.put(name, vals);
      }
    }
    List<String> headerOps = new ArrayList<>();
    headers.forEach(
        (name, vals) -> {
          if (name.equalsIgnoreCase("host")) {
            return;
          }
          String field = "http.headers." + name.toLowerCase(Locale.ROOT).replace('-', '_');
          headerOps.add(
              Atc.or(
                  vals.stream()
                      .map(
                          v ->
                              v.startsWith("~*")
                                  ? Atc.pred(field, "~", v.substring(2))
                                  : Atc.pred(field, "==", v))
                      .toList()));
        });

    List<String> methods =
        Strs.list(ann.get(RouteOverrides.METHODS)).stream()
            .map(m -> m.toUpperCase(Locale.ROOT))
            .filter(m -> m.matches("^[A-Z]+$"))
            .toList();
    List<String> snis = Strs.list(ann.get(RouteOverrides.SNIS));

    String expr =
        Atc.and(
            List.of(
                Atc.hosts(hosts),
                Atc.or(pathOps),
                Atc.and(headerOps),
                Atc.or(methods.stream().map(m -> Atc.pred("http.method", "==", m)).toList()),
                Atc.snis(snis)));
    if (expr.isEmpty()) {
      expr = Atc.CATCH_ALL;
    }
    int matchFields =
        (paths.isEmpty() ? 0 : 1)
            + (hosts.isEmpty() ? 0 : 1)
            + (headers.isEmpty() ? 0 : 1)
            + (methods.isEmpty() ? 0 : 1)
            + (snis.isEmpty() ? 0 : 1);
    boolean plainHosts = !hosts.isEmpty() && hosts.stream().noneMatch(h -> h.startsWith("*"));
    long priority =
        (3L << 44)
            + ((long) matchFields << 41)
            + ((long) Math.min(headers.size(), 255) << 33)
            + ((plainHosts ? 1L : 0L) << 32)
            + ((regex ? 1L : 0L) << 16)
            + Math.min(maxLen, 65535);
    route.expression = expr;
    route.priority = priority;
  }
}
