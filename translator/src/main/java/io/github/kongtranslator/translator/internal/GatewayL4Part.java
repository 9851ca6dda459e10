package io.github.kongtranslator.translator.internal;

import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.TcpRoute;
import io.github.kongtranslator.core.model.TlsRoute;
import io.github.kongtranslator.core.model.UdpRoute;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.Entities.KRoute;
import io.github.kongtranslator.translator.internal.Entities.KService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TCPRoute, UDPRoute and TLSRoute → Kong services and routes (gateway-api-spec §5). */
final class GatewayL4Part {
  private final Context ctx;
  private final GatewayCommon common;
  private final boolean expressions;

  GatewayL4Part(Context ctx, GatewayCommon common) {
    this.ctx = ctx;
    this.common = common;
    this.expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
  }

  Map<String, KService> udp() {
    Map<String, KService> out = new LinkedHashMap<>();
    for (UdpRoute ur : ctx.sorted(Kind.UDP_ROUTE, UdpRoute.class)) {
      List<GatewayApi.L4Rule> rules = ur.spec().rules();
      if (rules.isEmpty()) {
        ctx.fail("no rules provided", ur);
        continue;
      }
      if (rules.stream().anyMatch(r -> r.backendRefs().isEmpty())) {
        ctx.fail("no backendRefs in rule", ur);
        continue;
      }
      ctx.guard(ur, () -> translate(ur, "udproute", "udp", rules,
          ports(ur, ur.spec().parentRefs(), "UDP"), List.of(), out));
    }
    return out;
  }

  Map<String, KService> tcp() {
    Map<String, KService> out = new LinkedHashMap<>();
    for (TcpRoute tr : ctx.sorted(Kind.TCP_ROUTE, TcpRoute.class)) {
      List<GatewayApi.L4Rule> rules = tr.spec().rules();
      int usable = 0;
      while (usable < rules.size() && !rules.get(usable).backendRefs().isEmpty()) {
        usable++;
      }
      List<GatewayApi.L4Rule> kept = rules.subList(0, usable);
      ctx.guard(tr, () -> translate(tr, "tcproute", "tcp", kept,
          ports(tr, tr.spec().parentRefs(), "TCP"), List.of(), out));
    }
    return out;
  }

  Map<String, KService> tls() {
    Map<String, KService> out = new LinkedHashMap<>();
    for (TlsRoute tr : ctx.sorted(Kind.TLS_ROUTE, TlsRoute.class)) {
      if (tr.spec().hostnames().isEmpty() || tr.spec().rules().isEmpty()) {
        continue;
      }
      ctx.guard(tr, () -> translate(tr, "tlsroute", "tcp", tr.spec().rules(), List.of(),
          tr.spec().hostnames(), out));
    }
    return out;
  }

  private List<Integer> ports(K8sObject route, List<GatewayApi.ParentReference> refs,
      String protocol) {
    List<Integer> out = new ArrayList<>();
    for (Gateway.Listener l : common.listeners(route, refs, false, false).orElse(List.of())) {
      if (protocol.equals(l.protocol())) {
        out.add(l.port());
      }
    }
    return out;
  }

  private void translate(K8sObject route, String kind, String protocol,
      List<GatewayApi.L4Rule> rules, List<Integer> ports, List<String> snis,
      Map<String, KService> out) {
    String prefix = kind + "." + route.metadata().namespace() + "." + route.metadata().name() + ".";
    for (int ri = 0; ri < rules.size(); ri++) {
      GatewayApi.L4Rule rule = rules.get(ri);
      KService svc = GatewayCommon.service(route, prefix + ri, protocol);
      svc.backends.addAll(common.backends(route, rule.backendRefs()));
      KRoute r = new KRoute(route);
      r.name = prefix + ri + ".0";
      r.protocols = new ArrayList<>(List.of("tlsroute".equals(kind) ? "tls" : protocol));
      r.destinations = ports.isEmpty() ? null : new ArrayList<>(ports);
      r.snis = snis.isEmpty() ? null : new ArrayList<>(snis);
      List<String> names = new ArrayList<>();
      if (rule.name() != null) {
        names.add(rule.name());
      }
      r.tags = GatewayCommon.routeTags(route, new ArrayList<>(names));
      if (expressions) {
        expression(r);
      }
      svc.routes.add(r);
      out.put(svc.name, svc);
    }
  }

  /** L4 expression: Or of SNIs And Or of destination ports; priority 1 (§5.4). */
  static void expression(KRoute r) {
    List<String> portOps = new ArrayList<>();
    if (r.destinations != null) {
      r.destinations.forEach(p -> portOps.add("net.dst.port == " + p));
    }
    r.expression = Atc.and(List.of(Atc.snis(r.snis == null ? List.of() : r.snis),
        Atc.or(portOps)));
    r.priority = 1L;
    r.snis = null;
    r.destinations = null;
  }
}
