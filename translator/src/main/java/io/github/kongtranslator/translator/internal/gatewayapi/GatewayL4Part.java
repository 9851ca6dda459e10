package io.github.kongtranslator.translator.internal.gatewayapi;

import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.TcpRoute;
import io.github.kongtranslator.core.model.TlsRoute;
import io.github.kongtranslator.core.model.UdpRoute;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Tags;
import io.github.kongtranslator.translator.internal.routes.Atc;
import io.github.kongtranslator.translator.internal.support.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * TCPRoute, UDPRoute and TLSRoute → one Kong service and route per rule (gateway-api-spec §5). A
 * TLSRoute is {@code tls_passthrough} when its {@code status.parents} name a Gateway listener in
 * passthrough mode (§5.3), else plain {@code tls}.
 */
final class GatewayL4Part {
  private final Context ctx;
  private final GatewayBackends backends;

  GatewayL4Part(Context ctx) {
    this.ctx = ctx;
    this.backends = new GatewayBackends(ctx);
  }

  Map<String, KService> udp() {
    Map<String, KService> out = new LinkedHashMap<>();
    for (UdpRoute r : ctx.sorted(Kind.UDP_ROUTE, UdpRoute.class)) {
      ctx.guard(
          r,
          () -> {
            if (r.spec().rules().isEmpty()) {
              ctx.fail("UDPRoute can't be routed: no rules provided", r);
              return;
            }
            if (r.spec().rules().stream().anyMatch(x -> x.backendRefs().isEmpty())) {
              ctx.fail("UDPRoute can't be routed: no backendRefs in rule", r);
              return;
            }
            translate(r, r.spec().parentRefs(), List.of(), r.spec().rules(), "udp", "UDP", out);
          });
    }
    return out;
  }

  Map<String, KService> tcp() {
    Map<String, KService> out = new LinkedHashMap<>();
    for (TcpRoute r : ctx.sorted(Kind.TCP_ROUTE, TcpRoute.class)) {
      ctx.guard(
          r,
          () -> {
            List<GatewayApi.L4Rule> rules = new ArrayList<>();
            for (GatewayApi.L4Rule rule : r.spec().rules()) {
              if (rule.backendRefs().isEmpty()) {
                break;
              }
              rules.add(rule);
            }
            translate(r, r.spec().parentRefs(), List.of(), rules, "tcp", "TCP", out);
          });
    }
    return out;
  }

  Map<String, KService> tls() {
    Map<String, KService> out = new LinkedHashMap<>();
    for (TlsRoute r : ctx.sorted(Kind.TLS_ROUTE, TlsRoute.class)) {
      ctx.guard(
          r,
          () -> {
            if (r.spec().hostnames().isEmpty() || r.spec().rules().isEmpty()) {
              return;
            }
            translate(
                r, r.spec().parentRefs(), r.spec().hostnames(), r.spec().rules(), "tcp", null, out);
          });
    }
    return out;
  }

  /**
   * Whether a TLSRoute's status names, through a Gateway parentRef, an existing Gateway with a
   * passthrough listener (the named section, or any listener when no section is named) (§5.3).
   */
  boolean passthrough(TlsRoute r) {
    if (r.status() == null) {
      return false;
    }
    for (TlsRoute.ParentStatus ps : r.status().parents()) {
      GatewayApi.ParentReference p = ps.parentRef();
      if (p == null
          || (p.group() != null && !GatewayApi.GROUP.equals(p.group()))
          || (p.kind() != null && !"Gateway".equals(p.kind()))) {
        continue;
      }
      Optional<Gateway> gw = backends.gateway(r, p);
      if (gw.isPresent()
          && gw.get().spec().listeners().stream()
              .anyMatch(
                  l ->
                      (p.sectionName() == null || p.sectionName().equals(l.name()))
                          && l.tls() != null
                          && "Passthrough".equals(l.tls().mode()))) {
        return true;
      }
    }
    return false;
  }

  private void translate(
      K8sObject r,
      List<GatewayApi.ParentReference> parents,
      List<String> hostnames,
      List<GatewayApi.L4Rule> rules,
      String protocol,
      @Nullable String listenerProtocol,
      Map<String, KService> out) {
    String kind = r.kind().kindName().toLowerCase(Locale.ROOT);
    String base = kind + "." + r.metadata().namespace() + "." + r.metadata().name();
    List<Integer> ports = new ArrayList<>();
    if (listenerProtocol != null) {
      for (Gateway.Listener l : backends.listeners(r, parents, false)) {
        if (listenerProtocol.equals(l.protocol())) {
          ports.add(l.port());
        }
      }
    }
    boolean expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
    for (int i = 0; i < rules.size(); i++) {
      GatewayApi.L4Rule rule = rules.get(i);
      KService svc = GatewayBackends.skeleton(base + "." + i, protocol, r);
      svc.backends.addAll(
          backends.resolve(r, rule.backendRefs(), false, "spec.rules[" + i + "].backendRefs"));
      KRoute route = new KRoute(r);
      route.name = base + "." + i + ".0";
      route.tags = Tags.of(r, GatewayBackends.namedRule(rule.name()));
      if (listenerProtocol == null) {
        route.protocols =
            new ArrayList<>(
                List.of(r instanceof TlsRoute tls && passthrough(tls) ? "tls_passthrough" : "tls"));
        route.snis = new ArrayList<>(hostnames);
      } else {
        route.protocols = new ArrayList<>(List.of(protocol));
        route.destinations = ports.isEmpty() ? null : new ArrayList<>(ports);
      }
      if (expressions) {
        List<String> snis = route.snis == null ? List.of() : route.snis;
        List<String> portOps =
            route.destinations == null
                ? List.of()
                : route.destinations.stream().map(p -> "net.dst.port == " + p).toList();
        route.expression = Atc.and(List.of(Atc.snis(snis), Atc.or(portOps)));
        route.priority = 1L;
        route.snis = null;
        route.destinations = null;
      }
      svc.routes.add(route);
      out.put(svc.name, svc);
    }
  }
}
