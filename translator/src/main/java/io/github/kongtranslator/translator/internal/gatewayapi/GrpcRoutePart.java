package io.github.kongtranslator.translator.internal.gatewayapi;

import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.entities.Entities.Backend;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Tags;
import io.github.kongtranslator.translator.internal.routes.Atc;
import io.github.kongtranslator.translator.internal.routes.Priorities;
import io.github.kongtranslator.translator.internal.routes.RouteOverrides;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GRPCRoute → Kong services and routes, both routers (gateway-api-spec §4, §6.3). */
final class GrpcRoutePart {
  private final Context ctx;
  private final GatewayBackends backends;

  /** An expression route waiting for its relative priority. */
  private record Unit(KRoute route, long base, GrpcRoute source, int rule, int match) {}

  GrpcRoutePart(Context ctx) {
    this.ctx = ctx;
    this.backends = new GatewayBackends(ctx);
  }

  Map<String, KService> run() {
    Map<String, KService> out = new LinkedHashMap<>();
    List<Unit> units = new ArrayList<>();
    boolean expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
    for (GrpcRoute r : ctx.sorted(Kind.GRPC_ROUTE, GrpcRoute.class)) {
      ctx.guard(
          r,
          () -> {
            if (expressions) {
              expression(r, out, units);
            } else {
              traditional(r, out);
            }
            ignoredPluginFilters(r, out);
          });
    }
    Priorities.assign(
        units,
        Unit::base,
        255,
        Comparator.comparing((Unit u) -> u.source().metadata().creationTimestamp())
            .thenComparing(u -> u.source().metadata().namespace(), Strs.BYTES)
            .thenComparing(u -> u.source().metadata().name(), Strs.BYTES)
            .thenComparingInt(Unit::rule)
            .thenComparingInt(Unit::match),
        (u, p) -> u.route().priority = p);
    return out;
  }

  /**
   * GRPCRoute filters are ignored, as by KIC (gateway-api-spec.md: "GRPCRoute filters are ignored
   * entirely"); an ExtensionRef filter naming a KongPlugin asks for a plugin the routes would be
   * served without: an UNPROTECTED failure on the route, when it produced routes.
   */
  private void ignoredPluginFilters(GrpcRoute r, Map<String, KService> out) {
    List<String> names = new ArrayList<>();
    for (GrpcRoute.Rule rule : r.spec().rules()) {
      for (GatewayApi.Filter f : rule.filters()) {
        GatewayApi.LocalObjectReference ref = f.extensionRef();
        if ("ExtensionRef".equals(f.type())
            && ref != null
            && Kind.KONG_GROUP.equals(ref.group())
            && "KongPlugin".equals(ref.kind())) {
          names.add(Strs.nz(ref.name()));
        }
      }
    }
    if (names.isEmpty()) {
      return;
    }
    boolean routed =
        out.values().stream().anyMatch(s -> s.routes.stream().anyMatch(route -> route.source == r));
    if (routed) {
      ctx.failUnprotected(
          "GRPCRoute filters are not supported: the ExtensionRef plugin(s) "
              + String.join(", ", names)
              + " would not be applied",
          r);
    }
  }

  private List<String> tags(GrpcRoute r) {
    List<String> named = new ArrayList<>();
    r.spec().rules().forEach(rule -> named.addAll(GatewayBackends.namedRule(rule.name())));
    return Tags.of(r, named);
  }

  private String serviceProtocol(GrpcRoute r) {
    boolean http =
        backends.listeners(r, r.spec().parentRefs(), false).stream()
            .anyMatch(l -> "HTTP".equals(l.protocol()));
    return http ? "grpc" : "grpcs";
  }

  private KService service(GrpcRoute r, String name, GrpcRoute.Rule rule, int index) {
    KService svc = GatewayBackends.skeleton(name, serviceProtocol(r), r);
    List<Backend> bs =
        backends.resolve(r, rule.backendRefs(), false, "spec.rules[" + index + "].backendRefs");
    if (!rule.backendRefs().isEmpty() && bs.isEmpty()) {
      ctx.fail(
          r.ref()
              + ": spec.rules["
              + index
              + "]: no backendRef resolves; requests get KIC's"
              + " 500 request-termination stub",
          r);
    }
    svc.backends.addAll(bs);
    return svc;
  }

  private void traditional(GrpcRoute r, Map<String, KService> out) {
    String base = "grpcroute." + r.metadata().namespace() + "." + r.metadata().name();
    List<String> hosts = new ArrayList<>(r.spec().hostnames());
    if (hosts.isEmpty()) {
      boolean missing = false;
      List<String> fromListeners = new ArrayList<>();
      for (GatewayApi.ParentReference p : r.spec().parentRefs()) {
        if (p.kind() != null && !p.kind().equals("Gateway")) {
          continue;
        }
        var gw = backends.gateway(r, p);
        if (gw.isEmpty()) {
          missing = true;
          continue;
        }
        for (Gateway.Listener l : gw.get().spec().listeners()) {
          if ((p.sectionName() == null || p.sectionName().equals(l.name()))
              && !Strs.isEmpty(l.hostname())) {
            fromListeners.add(l.hostname());
          }
        }
      }
      if (!missing) {
        hosts = fromListeners;
      }
    }
    List<String> tags = tags(r);
    List<GrpcRoute.Rule> rules = r.spec().rules();
    for (int i = 0; i < rules.size(); i++) {
      GrpcRoute.Rule rule = rules.get(i);
      KService svc = service(r, base + "." + i, rule, i);
      svc.noParentTags = true;
      boolean noBackend = !rule.backendRefs().isEmpty() && svc.backends.isEmpty();
      if (noBackend) {
        svc.plugins.add(GatewayBackends.noBackendPlugin());
      }
      if (rule.matches().isEmpty()) {
        KRoute route = route(r, base + "." + i + ".0", tags);
        if (!hosts.isEmpty()) {
          route.hosts = new ArrayList<>(hosts);
        } else {
          route.paths = new ArrayList<>(List.of("/"));
        }
        svc.routes.add(route);
      }
      for (int m = 0; m < rule.matches().size(); m++) {
        GrpcRoute.Match match = rule.matches().get(m);
        KRoute route = route(r, base + "." + i + "." + m, tags);
        if (!hosts.isEmpty()) {
          route.hosts = new ArrayList<>(hosts);
        }
        GrpcRoute.MethodMatch mm = match.method();
        if (mm != null) {
          boolean regex = "RegularExpression".equals(mm.type());
          String service = Strs.isEmpty(mm.service()) ? ".+" : mm.service();
          String method = Strs.isEmpty(mm.method()) ? (regex ? ".+" : "") : mm.method();
          route.paths = new ArrayList<>(List.of("~/" + service + "/" + method));
        }
        if (!match.headers().isEmpty()) {
          Map<String, List<String>> headers = new LinkedHashMap<>();
          for (GatewayApi.NameValueMatch h : match.headers()) {
            headers
                .computeIfAbsent(Strs.nz(h.name()), k -> new ArrayList<>())
                .add(Strs.nz(h.value()));
          }
          route.headers = headers;
        }
        svc.routes.add(route);
      }
      out.put(svc.name, svc);
    }
  }

  private static KRoute route(GrpcRoute r, String name, List<String> tags) {
    KRoute route = new KRoute(r);
    route.name = name;
    route.protocols = new ArrayList<>(List.of("grpc", "grpcs"));
    route.tags = tags;
    return route;
  }

  private void expression(GrpcRoute r, Map<String, KService> out, List<Unit> units) {
    String base = "grpcroute." + r.metadata().namespace() + "." + r.metadata().name();
    List<String> hostnames = r.spec().hostnames().isEmpty() ? List.of("") : r.spec().hostnames();
    List<String> tags = tags(r);
    List<Gateway.Listener> listeners = backends.listeners(r, r.spec().parentRefs(), false);
    List<String> protocols = new ArrayList<>();
    if (listeners.stream().anyMatch(l -> "HTTP".equals(l.protocol()))) {
      protocols.add("grpc");
    }
    if (listeners.stream().anyMatch(l -> "HTTPS".equals(l.protocol()))) {
      protocols.add("grpcs");
    }
    List<String> snis = Strs.list(r.metadata().annotation(RouteOverrides.SNIS));
    for (String host : hostnames) {
      String h = host.isEmpty() ? "_" : host.replace('*', '_');
      List<GrpcRoute.Rule> rules = r.spec().rules();
      for (int i = 0; i < rules.size(); i++) {
        GrpcRoute.Rule rule = rules.get(i);
        String svcName = base + "." + h + "." + i;
        KService svc = out.get(svcName);
        if (svc == null) {
          svc = service(r, svcName, rule, i);
          out.put(svcName, svc);
        }
        boolean noBackend = !rule.backendRefs().isEmpty() && svc.backends.isEmpty();
        List<GrpcRoute.Match> matches =
            rule.matches().isEmpty() ? java.util.Collections.singletonList(null) : rule.matches();
        for (int m = 0; m < matches.size(); m++) {
          GrpcRoute.Match match = matches.get(m);
          KRoute route = new KRoute(r);
          route.name = svcName + "." + m;
          route.preserveHost = true;
          route.tags = tags;
          route.protocols = protocols.isEmpty() ? null : new ArrayList<>(protocols);
          String methodOp = "";
          String headerOp = "";
          int serviceLen = 0;
          int methodLen = 0;
          int headerCount = 0;
          if (match != null) {
            GrpcRoute.MethodMatch mm = match.method();
            if (mm != null) {
              methodOp = methodOperand(mm);
              serviceLen = Strs.nz(mm.service()).length();
              methodLen = Strs.nz(mm.method()).length();
            }
            List<GatewayApi.NameValueMatch> hs = new ArrayList<>(match.headers());
            hs.sort(Comparator.comparing(x -> Strs.nz(x.name()), Strs.BYTES));
            headerOp = Atc.and(hs.stream().map(HttpRoutePart::headerPredicate).toList());
            headerCount = hs.size();
          }
          String expr =
              Atc.and(
                  List.of(
                      methodOp,
                      headerOp,
                      host.isEmpty() ? "" : Atc.hosts(List.of(host)),
                      Atc.snis(snis)));
          route.expression = expr.isEmpty() ? Atc.CATCH_ALL : expr;
          long priority =
              (1L << 44)
                  + (!host.isEmpty() && !host.startsWith("*") ? 1L << 43 : 0)
                  + ((long) host.length() << 35)
                  + ((long) serviceLen << 24)
                  + ((long) methodLen << 13)
                  + ((long) headerCount << 8);
          units.add(new Unit(route, priority, r, i, m));
          svc.routes.add(route);
          if (noBackend) {
            svc.plugins.add(GatewayBackends.noBackendPlugin());
          }
        }
      }
    }
  }

  private static String methodOperand(GrpcRoute.MethodMatch mm) {
    boolean regex = "RegularExpression".equals(mm.type());
    String s = Strs.nz(mm.service());
    String m = Strs.nz(mm.method());
    if (s.isEmpty() && m.isEmpty()) {
      return Atc.pred("http.path", "^=", "/");
    }
    if (!regex) {
      if (!s.isEmpty() && !m.isEmpty()) {
        return Atc.pred("http.path", "==", "/" + s + "/" + m);
      }
      return !s.isEmpty()
          ? Atc.pred("http.path", "^=", "/" + s + "/")
          : Atc.pred("http.path", "=^", "/" + m);
    }
    if (!s.isEmpty() && !m.isEmpty()) {
      return Atc.pred("http.path", "~", "^/" + s + "/" + m);
    }
    return !s.isEmpty()
        ? Atc.pred("http.path", "~", "^/" + s + "/.+")
        : Atc.pred("http.path", "~", "^/.+/" + m);
  }
}
