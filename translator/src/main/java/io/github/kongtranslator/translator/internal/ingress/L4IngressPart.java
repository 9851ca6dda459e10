package io.github.kongtranslator.translator.internal.ingress;

import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.core.model.UdpIngress;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.entities.Entities.Backend;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Entities.PortDef;
import io.github.kongtranslator.translator.internal.routes.Atc;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TCPIngress and UDPIngress → Kong services and routes (translator-spec §3.8). */
final class L4IngressPart {
  private final Context ctx;

  L4IngressPart(Context ctx) {
    this.ctx = ctx;
  }

  List<TcpIngress> acceptedTcp() {
    return ctx.sorted(Kind.TCP_INGRESS, TcpIngress.class).stream()
        .filter(ctx::annotationClassMatches)
        .toList();
  }

  Map<String, KService> tcp() {
    Map<String, KService> services = new LinkedHashMap<>();
    for (TcpIngress ing : acceptedTcp()) {
      String ns = ing.metadata().namespace();
      List<TcpIngress.Rule> rules = ing.spec().rules();
      for (int i = 0; i < rules.size(); i++) {
        TcpIngress.Rule rule = rules.get(i);
        var backend = rule.backend();
        String svcName = backend == null ? null : backend.serviceName();
        if (backend == null || svcName == null || svcName.isEmpty()) {
          continue;
        }
        int port = backend.servicePort();
        KRoute r = new KRoute(ing);
        r.name = ns + "." + ing.metadata().name() + "." + i;
        r.protocols = new ArrayList<>(List.of("tcp", "tls"));
        r.destinations = new ArrayList<>(List.of(rule.port()));
        if (!Strs.isEmpty(rule.host())) {
          r.snis = new ArrayList<>(List.of(rule.host()));
        }
        r.tags = ctx.tags(ing);
        if (ctx.flag(FeatureFlag.EXPRESSION_ROUTES)) {
          l4Expression(r, rule.port(), Strs.nz(rule.host()));
        }
        String name = ns + "." + svcName + "." + port;
        KService svc = services.get(name);
        if (svc == null) {
          svc = new KService(ing);
          svc.name = name;
          svc.host = svcName + "." + ns + "." + port + ".svc";
          svc.protocol = "tcp";
          svc.port = 80;
          svc.connectTimeout = 60000;
          svc.readTimeout = 60000;
          svc.writeTimeout = 60000;
          svc.retries = 5;
          svc.backends.add(new Backend(ns, svcName, PortDef.ofNumber(port), false));
          services.put(name, svc);
        }
        svc.routes.add(r);
      }
    }
    return services;
  }

  Map<String, KService> udp() {
    Map<String, KService> services = new LinkedHashMap<>();
    List<UdpIngress> list =
        ctx.sorted(Kind.UDP_INGRESS, UdpIngress.class).stream()
            .filter(ctx::annotationClassMatches)
            .toList();
    for (UdpIngress ing : list) {
      String ns = ing.metadata().namespace();
      List<UdpIngress.Rule> rules = ing.spec().rules();
      for (int i = 0; i < rules.size(); i++) {
        UdpIngress.Rule rule = rules.get(i);
        var backend = rule.backend();
        String svcName = backend == null ? null : backend.serviceName();
        if (backend == null || svcName == null || svcName.isEmpty()) {
          continue;
        }
        int port = backend.servicePort();
        KRoute r = new KRoute(ing);
        r.name = ns + "." + ing.metadata().name() + "." + i + ".udp";
        r.protocols = new ArrayList<>(List.of("udp"));
        r.destinations = new ArrayList<>(List.of(rule.port()));
        r.tags = ctx.tags(ing);
        if (ctx.flag(FeatureFlag.EXPRESSION_ROUTES)) {
          l4Expression(r, rule.port(), "");
        }
        String name = ns + "." + svcName + "." + port + ".udp";
        KService svc = services.get(name);
        if (svc == null) {
          svc = new KService(ing);
          svc.name = name;
          svc.host = svcName + "." + ns + "." + port + ".svc";
          svc.protocol = "udp";
          svc.port = port;
          svc.backends.add(new Backend(ns, svcName, PortDef.ofNumber(port), false));
          services.put(name, svc);
        }
        svc.routes.add(r);
      }
    }
    return services;
  }

  /** L4 expression: destination port and SNI; priority 1 (gateway-api-spec §5.4, §6.5). */
  private static void l4Expression(KRoute r, int port, String host) {
    List<String> ops = new ArrayList<>();
    if (!host.isEmpty()) {
      ops.add(Atc.snis(List.of(host)));
    }
    ops.add("net.dst.port == " + port);
    r.expression = Atc.and(ops);
    r.priority = 1L;
    r.destinations = null;
    r.snis = null;
  }
}
