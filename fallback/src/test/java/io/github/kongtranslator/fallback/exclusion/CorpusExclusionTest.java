package io.github.kongtranslator.fallback.exclusion;

import static io.github.kongtranslator.fallback.Fixtures.annotatedBroken;
import static io.github.kongtranslator.fallback.Fixtures.corpusObjects;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.KicEdges;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The excluded sets of the corpus's {@code fallback-config-*} cases, as worked out by hand in
 * {@code fallback-spec.md} §7 (broken refs taken from the annotation here; deriving them from the
 * gateway's error is the golden runner's job). Both edge sets give the same sets (G-5).
 */
class CorpusExclusionTest {

  static List<Arguments> cases() {
    return List.of(
        Arguments.of("fallback-config-ingress", List.of("Ingress foo-namespace/broken-ingress")),
        Arguments.of(
            "fallback-config-ingress-class",
            List.of("IngressClass kong", "Ingress default/ingress")),
        Arguments.of(
            "fallback-config-gateway-api",
            List.of(
                "HTTPRoute default/httproute",
                "UDPRoute default/udproute",
                "TCPRoute default/tcproute",
                "TLSRoute default/tlsroute",
                "GRPCRoute default/grpcroute")),
        Arguments.of(
            "fallback-config-kong",
            List.of(
                "Ingress default/ingress",
                "KongConsumer default/consumer",
                "KongConsumerGroup default/consumer-group",
                "TCPIngress default/tcpingress",
                "UDPIngress default/udpingress",
                "KongServiceFacade default/servicefacade",
                "KongVault vault")),
        Arguments.of(
            "fallback-config-kong-plugin",
            List.of(
                "Ingress default/ingress",
                "Service default/service",
                "HTTPRoute default/httproute",
                "UDPRoute default/udproute",
                "TCPRoute default/tcproute",
                "TLSRoute default/tlsroute",
                "GRPCRoute default/grpcroute",
                "KongPlugin default/plugin",
                "KongPlugin default/plugin-consumer-group",
                "KongConsumer default/consumer",
                "KongConsumerGroup default/consumer-group",
                "TCPIngress default/tcpingress",
                "UDPIngress default/udpingress")),
        Arguments.of(
            "fallback-config-kong-upstream-policy",
            List.of(
                "Ingress default/ingress",
                "Service default/service",
                "KongUpstreamPolicy default/policy",
                "KongServiceFacade default/servicefacade")),
        Arguments.of(
            "fallback-config-secret",
            List.of(
                "Ingress default/ingress",
                "Service default/service",
                "Secret default/secret",
                "KongPlugin default/plugin",
                "KongClusterPlugin plugin")),
        Arguments.of(
            "fallback-config-kong-custom-entities-ee",
            List.of(
                "Ingress default/i2",
                "Ingress default/i3",
                "Ingress default/i4",
                "Service default/s4",
                "KongPlugin default/p3",
                "KongCustomEntity default/ce1",
                "KongCustomEntity default/ce3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exclude_corpusCase_excludesExactlyWhatTheSpecWorkedOut(
      String caseName, List<String> expected) {
    List<K8sObject> objects = corpusObjects(caseName);
    CacheStores s = CacheStores.of(objects);
    List<ObjectRef> broken = annotatedBroken(objects);

    for (ConfigGraph graph : List.of(ConfigGraph.of(s), KicEdges.graph(s))) {
      ExclusionResult r = Exclusion.exclude(graph, broken);

      assertThat(r.unknownBroken()).as(graph.toString()).isEmpty();
      assertThat(r.excluded().keySet())
          .as(graph.toString())
          .map(ObjectRef::toString)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(r.fallback().size()).isEqualTo(s.size() - expected.size());
    }
  }
}
