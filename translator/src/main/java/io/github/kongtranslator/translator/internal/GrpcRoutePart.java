package io.github.kongtranslator.translator.internal;

import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.Entities.KRoute;
import io.github.kongtranslator.translator.internal.Entities.KService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** GRPCRoute → Kong services and routes, traditional or expression router (gateway-api-spec §4). */
final class GrpcRoutePart {
  private final Context ctx;
  private final GatewayCommon common;
  private final boolean expressions;
  /** The Kong services built, by name. */
  final Map<String, KService> services = new LinkedHashMap<>();
  private final List<Unit> units = new ArrayList<>();

  /** An expression-router unit and its Kong route. */
  private record Unit(GrpcRoute route, int rule, int match, long base, KRoute kong)
      implements GatewayExpressions.Ranked {
    @Override
    public String creationTimestamp() {
      return route.metadata().creationTimestamp();
    }

    @Override
    public String namespace() {
      return route.metadata().namespace();
    }

    @Override
    public String name() {
      return route.metadata().name();
    }

    @Override
    public void priority(long value) {
      kong.priority = value;
    }
  }

  GrpcRoutePart(Context ctx, GatewayCommon common) {
    this.ctx = ctx;
    this.common = common;
    this.expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
  }

  Map<String, KService> run() {
    for (GrpcRoute gr : ctx.sorted(Kind.GRPC_ROUTE, GrpcRoute.class)) {
      ctx.guard(gr, () -> {
        if (expressions) {
          expression(gr);
        } else {
          traditional(gr);
        }
      });
    }
    GatewayExpressions.assignPriorities(units, 255);
    return services;
  }

  private String prefix(GrpcRoute gr) {
    return "grpcroute." + gr.metadata().namespace() + "." + gr.metadata().name() + ".";
  }

  private List<String> tags(GrpcRoute gr) {
    List<@Nullable String> names = new ArrayList<>();
    gr.spec().rules().forEach(r -> names.add(r.name()));
    return GatewayCommon.routeTags(gr, names);
  }

  private List<Gateway.Listener> listeners(GrpcRoute gr) {
    return common.listeners(gr, gr.spec().parentRefs(), false, false).orElse(List.of());
  }

  private KService service(GrpcRoute gr, String name, String protocol, GrpcRoute.Rule rule) {
    KService svc = GatewayCommon.service(gr, name, protocol);
    svc.backends.addAll(common.backends(gr, rule.backendRefs()));
    return svc;
  }

  private static boolean needsNoBackendPlugin(KService svc, GrpcRoute.Rule rule) {
    return !rule.backendRefs().isEmpty() && svc.backends.isEmpty();
  }

  private void traditional(GrpcRoute gr) {
    boolean http = listeners(gr).stream().anyMatch(l -> "HTTP".equals(l.protocol()));
    String protocol = http ? "grpc" : "grpcs";
    List<String> tags = tags(gr);
    List<String> hosts = new ArrayList<>(gr.spec().hostnames());
    if (hosts.isEmpty()) {
      Optional<List<Gateway.Listener>> ls =
          common.listeners(gr, gr.spec().parentRefs(), true, true);
      ls.orElse(List.of()).stream().map(Gateway.Listener::hostname)
          .filter(h -> !Strs.isEmpty(h)).forEach(hosts::add);
    }
    List<GrpcRoute.Rule> rules = gr.spec().rules();
    for (int ri = 0; ri < rules.size(); ri++) {
      GrpcRoute.Rule rule = rules.get(ri);
      KService svc = service(gr, prefix(gr) + ri, protocol, rule);
      svc.noTagsForSeveralBackends = true;
      if (needsNoBackendPlugin(svc, rule)) {
        svc.plugins.add(GatewayCommon.noBackendPlugin());
      }
      if (rule.matches().isEmpty()) {
        KRoute r = baseRoute(gr, prefix(gr) + ri + ".0", tags);
        if (!hosts.isEmpty()) {
          r.hosts = new ArrayList<>(hosts);
        } else {
          r.paths = new ArrayList<>(List.of("/"));
        }
        svc.routes.add(r);
      }
      for (int mi = 0; mi < rule.matches().size(); mi++) {
        GrpcRoute.Match m = rule.matches().get(mi);
        KRoute r = baseRoute(gr, prefix(gr) + ri + "." + mi, tags);
        if (!hosts.isEmpty()) {
          r.hosts = new ArrayList<>(hosts);
        }
        if (m.method() != null) {
          r.paths = new ArrayList<>(List.of(traditionalPath(m.method())));
        }
        if (!m.headers().isEmpty()) {
          Map<String, List<String>> headers = new LinkedHashMap<>();
          for (GatewayApi.NameValueMatch h : m.headers()) {
            headers.computeIfAbsent(Strs.nz(h.name()), k -> new ArrayList<>())
                .add(Strs.nz(h.value()));
          }
          r.headers = headers;
        }
        svc.routes.add(r);
      }
      services.put(svc.name, svc);
    }
  }

  private static KRoute baseRoute(GrpcRoute gr, String name, List<String> tags) {
    KRoute r = new KRoute(gr);
    r.name = name;
    r.protocols = new ArrayList<>(List.of("grpc", "grpcs"));
    r.tags = new ArrayList<>(tags);
    return r;
  }

  /** The traditional-router path of a method match (§4.1). */
  static String traditionalPath(GrpcRoute.MethodMatch mm) {
    boolean regex = GatewayExpressions.REGULAR_EXPRESSION.equals(mm.type());
    String s = Strs.isEmpty(mm.service()) ? ".+" : mm.service();
    String m = Strs.isEmpty(mm.method()) ? (regex ? ".+" : "") : mm.method();
    return "~/" + s + "/" + m;
  }

  private void expression(GrpcRoute gr) {
    List<Gateway.Listener> listeners = listeners(gr);
    List<String> protocols = new ArrayList<>();
    if (listeners.stream().anyMatch(l -> "HTTP".equals(l.protocol()))) {
      protocols.add("grpc");
    }
    if (listeners.stream().anyMatch(l -> "HTTPS".equals(l.protocol()))) {
      protocols.add("grpcs");
    }
    String serviceProtocol = protocols.contains("grpc") ? "grpc" : "grpcs";
    List<String> tags = tags(gr);
    List<String> hosts = gr.spec().hostnames().isEmpty() ? List.of("") : gr.spec().hostnames();
    List<String> snis = Strs.list(gr.metadata().annotation(RouteOverrides.SNIS));
    List<GrpcRoute.Rule> rules = gr.spec().rules();
    for (String host : hosts) {
      String seg = host.isEmpty() ? "_" : host.replace('*', '_');
      for (int ri = 0; ri < rules.size(); ri++) {
        GrpcRoute.Rule rule = rules.get(ri);
        String name = prefix(gr) + seg + "." + ri;
        KService svc = services.get(name);
        if (svc == null) {
          svc = service(gr, name, serviceProtocol, rule);
          services.put(name, svc);
        }
        List<GrpcRoute.@Nullable Match> matches = new ArrayList<>(rule.matches());
        if (matches.isEmpty()) {
          matches.add(null);
        }
        for (int mi = 0; mi < matches.size(); mi++) {
          GrpcRoute.Match m = matches.get(mi);
          KRoute r = new KRoute(gr);
          r.name = name + "." + mi;
          r.preserveHost = true;
          r.tags = new ArrayList<>(tags);
          r.protocols = protocols.isEmpty() ? null : new ArrayList<>(protocols);
          List<String> ops = new ArrayList<>();
          if (m != null) {
            ops.add(GatewayExpressions.grpcMethod(m.method()));
            ops.add(Atc.and(GatewayExpressions.valueMatches("http.headers.", m.headers(), true)));
          }
          ops.add(host.isEmpty() ? "" : Atc.hosts(List.of(host)));
          ops.add(Atc.snis(snis));
          String expr = Atc.and(ops);
          r.expression = expr.isEmpty() ? Atc.CATCH_ALL : expr;
          long base = GatewayExpressions.grpcBasePriority(host, m);
          r.priority = base;
          units.add(new Unit(gr, ri, mi, base, r));
          svc.routes.add(r);
          if (needsNoBackendPlugin(svc, rule)) {
            svc.plugins.add(GatewayCommon.noBackendPlugin());
          }
        }
      }
    }
  }
}
