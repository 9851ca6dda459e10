package io.github.kongtranslator.testkit.fallback;

import static io.github.kongtranslator.testkit.fallback.QtProfiles.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongClusterPlugin;
import io.github.kongtranslator.core.model.KongConsumer;
import io.github.kongtranslator.core.model.KongCustomEntity;
import io.github.kongtranslator.core.model.KongPlugin;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.core.model.TcpRoute;
import io.github.kongtranslator.core.model.TlsRoute;
import io.github.kongtranslator.core.model.UdpIngress;
import io.github.kongtranslator.core.model.UdpRoute;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * G7: with KIC's edge set ({@link KicEdges}) the edge set is exactly the table of {@code
 * fallback-spec.md} §2.2, compared with the reference implementation below, written from that table
 * alone (string dispatch on kind names, no shared helpers with the resolver).
 */
class KicEdgeSetReferenceTest {

  private static Set<String> referenceEdges(CacheStores s) {
    Set<String> edges = new HashSet<>();
    for (K8sObject o : s.all()) {
      List<K8sObject> deps = new ArrayList<>();
      String ns = o.namespace();
      String kind = o.kindName();
      if (List.of(
              "Service",
              "Ingress",
              "HTTPRoute",
              "UDPRoute",
              "TCPRoute",
              "TLSRoute",
              "GRPCRoute",
              "KongConsumer",
              "KongConsumerGroup",
              "TCPIngress",
              "UDPIngress",
              "KongServiceFacade")
          .contains(kind)) {
        String ann = o.metadata().annotations().getOrDefault("konghq.com/plugins", "");
        for (String raw : ann.split(",")) {
          String token = raw.trim();
          if (token.isEmpty()) {
            continue;
          }
          Optional<K8sObject> p = s.get(Kind.KONG_PLUGIN, ns, token);
          p.or(() -> s.get(Kind.KONG_CLUSTER_PLUGIN, "", token)).ifPresent(deps::add);
        }
      }
      if (List.of("Service", "KongServiceFacade", "Ingress").contains(kind)) {
        String policy = o.metadata().annotations().get("konghq.com/upstream-policy");
        if (policy != null && !policy.isEmpty()) {
          s.get(Kind.KONG_UPSTREAM_POLICY, ns, policy).ifPresent(deps::add);
        }
      }
      switch (kind) {
        case "Ingress" -> {
          Ingress ing = (Ingress) o;
          String cls = ing.spec().ingressClassName();
          if (cls == null || cls.isEmpty()) {
            cls = ing.metadata().annotations().get("kubernetes.io/ingress.class");
          }
          if (cls != null && !cls.isEmpty()) {
            s.get(Kind.INGRESS_CLASS, "", cls).ifPresent(deps::add);
          }
          for (Ingress.Rule rule : ing.spec().rules()) {
            if (rule.http() == null) {
              continue;
            }
            for (Ingress.Path path : rule.http().paths()) {
              Ingress.Backend b = path.backend();
              if (b == null) {
                continue;
              }
              if (b.service() != null && b.service().name() != null) {
                s.get(Kind.SERVICE, ns, b.service().name()).ifPresent(deps::add);
              }
              if (b.resource() != null
                  && "incubator.ingress-controller.konghq.com".equals(b.resource().apiGroup())
                  && "KongServiceFacade".equals(b.resource().kind())
                  && b.resource().name() != null) {
                s.get(Kind.KONG_SERVICE_FACADE, ns, b.resource().name()).ifPresent(deps::add);
              }
            }
          }
        }
        case "HTTPRoute" ->
            ((HttpRoute) o).spec().rules().forEach(r -> backends(s, ns, r.backendRefs(), deps));
        case "GRPCRoute" ->
            ((GrpcRoute) o).spec().rules().forEach(r -> backends(s, ns, r.backendRefs(), deps));
        case "TCPRoute" ->
            ((TcpRoute) o).spec().rules().forEach(r -> backends(s, ns, r.backendRefs(), deps));
        case "UDPRoute" ->
            ((UdpRoute) o).spec().rules().forEach(r -> backends(s, ns, r.backendRefs(), deps));
        case "TLSRoute" ->
            ((TlsRoute) o).spec().rules().forEach(r -> backends(s, ns, r.backendRefs(), deps));
        case "KongPlugin" -> {
          KongPlugin p = (KongPlugin) o;
          if (p.configFrom() != null && p.configFrom().secretKeyRef() != null) {
            secret(s, ns, p.configFrom().secretKeyRef().name(), deps);
          }
          p.configPatches()
              .forEach(
                  c -> {
                    if (c.valueFrom() != null && c.valueFrom().secretKeyRef() != null) {
                      secret(s, ns, c.valueFrom().secretKeyRef().name(), deps);
                    }
                  });
        }
        case "KongClusterPlugin" -> {
          KongClusterPlugin p = (KongClusterPlugin) o;
          if (p.configFrom() != null && p.configFrom().secretKeyRef() != null) {
            secret(
                s,
                p.configFrom().secretKeyRef().namespace(),
                p.configFrom().secretKeyRef().name(),
                deps);
          }
          p.configPatches()
              .forEach(
                  c -> {
                    if (c.valueFrom() != null && c.valueFrom().secretKeyRef() != null) {
                      secret(
                          s,
                          c.valueFrom().secretKeyRef().namespace(),
                          c.valueFrom().secretKeyRef().name(),
                          deps);
                    }
                  });
        }
        case "KongConsumer" ->
            ((KongConsumer) o).credentials().forEach(c -> secret(s, ns, c, deps));
        case "TCPIngress" ->
            ((TcpIngress) o)
                .spec()
                .rules()
                .forEach(
                    r -> {
                      if (r.backend() != null && r.backend().serviceName() != null) {
                        s.get(Kind.SERVICE, ns, r.backend().serviceName()).ifPresent(deps::add);
                      }
                    });
        case "UDPIngress" ->
            ((UdpIngress) o)
                .spec()
                .rules()
                .forEach(
                    r -> {
                      if (r.backend() != null && r.backend().serviceName() != null) {
                        s.get(Kind.SERVICE, ns, r.backend().serviceName()).ifPresent(deps::add);
                      }
                    });
        case "KongCustomEntity" -> {
          KongCustomEntity.ParentRef p = ((KongCustomEntity) o).spec().parentRef();
          if (p != null && "configuration.konghq.com".equals(p.group()) && p.name() != null) {
            if ("KongPlugin".equals(p.kind())
                && (p.namespace() == null || p.namespace().isEmpty() || p.namespace().equals(ns))) {
              s.get(Kind.KONG_PLUGIN, ns, p.name()).ifPresent(deps::add);
            } else if ("KongClusterPlugin".equals(p.kind())) {
              s.get(Kind.KONG_CLUSTER_PLUGIN, "", p.name()).ifPresent(deps::add);
            }
          }
        }
        default -> {}
      }
      for (K8sObject d : deps) {
        if (!(d.kind() == o.kind() && d.key().equals(o.key()))) {
          edges.add(o.ref() + " -> " + d.ref());
        }
      }
    }
    return edges;
  }

  private static void backends(
      CacheStores s, String ns, List<GatewayApi.BackendRef> refs, List<K8sObject> deps) {
    for (GatewayApi.BackendRef r : refs) {
      boolean core = r.group() == null || r.group().isEmpty() || r.group().equals("core");
      if ("Service".equals(r.kind()) && core && r.name() != null) {
        String target = r.namespace() == null || r.namespace().isEmpty() ? ns : r.namespace();
        s.get(Kind.SERVICE, target, r.name()).ifPresent(deps::add);
      }
    }
  }

  private static void secret(CacheStores s, String ns, String name, List<K8sObject> deps) {
    if (ns != null && !ns.isEmpty() && name != null && !name.isEmpty()) {
      s.get(Kind.SECRET, ns, name).ifPresent(deps::add);
    }
  }

  @Test
  void g7_kicEdgeSetIsExactlyTheSpecTable() {
    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              Set<String> actual = new HashSet<>();
              KicEdges.graph(s)
                  .edges()
                  .forEach(d -> actual.add(d.dependent() + " -> " + d.dependency()));

              assertThat(actual).isEqualTo(referenceEdges(s));
            });
  }
}
