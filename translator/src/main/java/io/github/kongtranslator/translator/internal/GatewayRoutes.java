package io.github.kongtranslator.translator.internal;

import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.translator.internal.Entities.KService;
import io.github.kongtranslator.translator.internal.Entities.KUpstream;
import io.github.kongtranslator.translator.internal.Entities.ResolvedBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Gateway API stage of a run: HTTPRoute, UDPRoute, TCPRoute, TLSRoute and GRPCRoute in
 * KIC's order, and the multi-backend annotation check (gateway-api-spec §2.7, §5.5).
 */
final class GatewayRoutes {
  private static final String KONG_ANNOTATION_PREFIX = "konghq.com/";

  private final Context ctx;
  private final GatewayCommon common;
  private final List<KService> dropped = new ArrayList<>();

  GatewayRoutes(Context ctx) {
    this.ctx = ctx;
    this.common = new GatewayCommon(ctx);
  }

  /** Translates every Gateway API route into {@code ctx.services} (later sources overwrite). */
  void translate() {
    ctx.services.putAll(new HttpRoutePart(ctx, common).run());
    GatewayL4Part l4 = new GatewayL4Part(ctx, common);
    ctx.services.putAll(l4.udp());
    ctx.services.putAll(l4.tcp());
    ctx.services.putAll(l4.tls());
    ctx.services.putAll(new GrpcRoutePart(ctx, common).run());
  }

  static boolean fromGatewayApi(KService svc) {
    return GatewayApi.GROUP.equals(svc.parent.kind().group());
  }

  /**
   * After backends are resolved: drops Gateway API Kong services whose Kubernetes Services
   * disagree on {@code konghq.com/*} annotations, with a failure on each of them (§2.7).
   */
  void dropInconsistentServices() {
    for (KService svc : new ArrayList<>(ctx.services.values())) {
      if (!fromGatewayApi(svc) || svc.resolved.size() < 2) {
        continue;
      }
      Map<String, String> first = kongAnnotations(svc.resolved.get(0));
      TreeSet<String> differing = new TreeSet<>(Strs.BYTES);
      for (ResolvedBackend rb : svc.resolved.subList(1, svc.resolved.size())) {
        Map<String, String> other = kongAnnotations(rb);
        for (String k : union(first, other)) {
          if (!Objects.equals(first.get(k), other.get(k))) {
            differing.add(k);
          }
        }
      }
      if (differing.isEmpty()) {
        continue;
      }
      List<K8sObject> objs = svc.resolved.stream().map(ResolvedBackend::annotated).toList();
      ctx.fail("the Kubernetes Services behind Kong service " + svc.name
          + " have inconsistent annotations: " + String.join(", ", differing), objs);
      ctx.services.remove(svc.name);
      dropped.add(svc);
    }
  }

  /** After upstreams: the bare upstream KIC still emits for each dropped service (§2.7). */
  void addOrphanUpstreams() {
    for (KService svc : dropped) {
      if (!ctx.upstreams.containsKey(svc.host)) {
        KService bare = new KService(svc.parent);
        bare.name = svc.name;
        bare.host = svc.host;
        ctx.upstreams.put(svc.host, new KUpstream(svc.host, bare));
      }
    }
  }

  private static Map<String, String> kongAnnotations(ResolvedBackend rb) {
    Map<String, String> out = new LinkedHashMap<>();
    rb.annotations().forEach((k, v) -> {
      if (k.startsWith(KONG_ANNOTATION_PREFIX)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return new ArrayList<>(keys);
  }
}
