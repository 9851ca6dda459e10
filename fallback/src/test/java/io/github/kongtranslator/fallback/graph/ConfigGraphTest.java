package io.github.kongtranslator.fallback.graph;

import static io.github.kongtranslator.fallback.Fixtures.parse;
import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph-shape catalogue built from real objects, and the graph's lookup contract. */
class ConfigGraphTest {

  /**
   * Chain:
   *
   * <pre>
   * Ingress ing → Service svc → KongPlugin auth → Secret conf
   * </pre>
   */
  static final String CHAIN =
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: conf, namespace: default, uid: u-conf}
      ---
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: auth, namespace: default, uid: u-auth}
      plugin: key-auth
      configFrom: {secretKeyRef: {name: conf, key: config}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: default, uid: u-svc, annotations: {konghq.com/plugins: auth}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: ing, namespace: default, uid: u-ing}
      spec:
        rules:
        - http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}
      """;

  /**
   * Diamond: the Ingress reaches the policy through the Service and the facade.
   *
   * <pre>
   *              ┌→ Service svc ─────────────┐
   * Ingress ing ─┤                           ├→ KongUpstreamPolicy pol
   *              └→ KongServiceFacade facade ┘
   * </pre>
   */
  static final String DIAMOND =
      """
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongUpstreamPolicy
      metadata: {name: pol, namespace: default}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: default, annotations: {konghq.com/upstream-policy: pol}}
      ---
      apiVersion: incubator.ingress-controller.konghq.com/v1alpha1
      kind: KongServiceFacade
      metadata: {name: facade, namespace: default, annotations: {konghq.com/upstream-policy: pol}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: ing, namespace: default}
      spec:
        rules:
        - http:
            paths:
            - {path: /a, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}
            - path: /b
              pathType: Prefix
              backend: {resource: {apiGroup: incubator.ingress-controller.konghq.com, kind: KongServiceFacade, name: facade}}
      """;

  /**
   * Multiple roots sharing a dependency, and an isolated object:
   *
   * <pre>
   * Ingress ing → Service svc ← HTTPRoute route        ConfigMap lonely
   * </pre>
   */
  static final String MULTIPLE_ROOTS =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: default}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: lonely, namespace: default}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: ing, namespace: default}
      spec:
        rules:
        - http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: route, namespace: default}
      spec:
        rules:
        - backendRefs: [{kind: Service, name: svc, port: 80}]
      """;

  /**
   * Dangling references: a plugin, a backend and a class that do not exist.
   *
   * <pre>
   * Ingress ing ╳→ (Service missing), (KongPlugin missing), (IngressClass missing)
   * </pre>
   */
  static final String DANGLING =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: ing, namespace: default, annotations: {konghq.com/plugins: missing}}
      spec:
        ingressClassName: missing
        rules:
        - http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: missing, port: {number: 80}}}}
      """;

  /**
   * Cross-namespace: each Ingress reaches the Service of its own namespace; the route in {@code b}
   * reaches the Service in {@code a} through its backend ref namespace.
   *
   * <pre>
   * Ingress a/ing → Service a/svc ← HTTPRoute b/route
   * Ingress b/ing → Service b/svc
   * </pre>
   */
  static final String CROSS_NAMESPACE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: a}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: b}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: ing, namespace: a}
      spec:
        rules:
        - http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: ing, namespace: b}
      spec:
        rules:
        - http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: route, namespace: b}
      spec:
        rules:
        - backendRefs: [{kind: Service, name: svc, namespace: a, port: 80}]
      """;

  @Test
  void empty_hasNoNodesEdgesOrCycles() {
    ConfigGraph g = ConfigGraph.of(CacheStores.empty());

    assertThat(g.nodes()).isEmpty();
    assertThat(g.edges()).isEmpty();
    assertThat(g.cycles()).isEmpty();
    assertThat(g.dependentsClosure(List.of(parse("Service default/svc")))).isEmpty();
  }

  @Test
  void single_isOneNodeWithoutEdges() {
    CacheStores s =
        snapshot(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: svc, namespace: default, uid: u1}
        """);
    ConfigGraph g = ConfigGraph.of(s);

    assertThat(g.nodes()).containsExactly(ref(s, "Service default/svc"));
    assertThat(g.edges()).isEmpty();
  }

  @Test
  void chain_linksEachObjectToWhatItReads() {
    CacheStores s = snapshot(CHAIN);
    ConfigGraph g = ConfigGraph.of(s);

    assertThat(g.dependencies(ref(s, "Ingress default/ing")))
        .containsExactly(ref(s, "Service default/svc"));
    assertThat(g.dependencies(ref(s, "Service default/svc")))
        .containsExactly(ref(s, "KongPlugin default/auth"));
    assertThat(g.dependencies(ref(s, "KongPlugin default/auth")))
        .containsExactly(ref(s, "Secret default/conf"));
    assertThat(g.dependencies(ref(s, "Secret default/conf"))).isEmpty();
    assertThat(g.dependents(ref(s, "Secret default/conf")))
        .containsExactly(ref(s, "KongPlugin default/auth"));
    assertThat(g.dependentsClosure(List.of(ref(s, "KongPlugin default/auth"))))
        .containsExactly(
            ref(s, "Ingress default/ing"),
            ref(s, "Service default/svc"),
            ref(s, "KongPlugin default/auth"));
    assertThat(g.cycles()).isEmpty();
  }

  @Test
  void diamond_sharedDependencyHasBothDependents() {
    CacheStores s = snapshot(DIAMOND);
    ConfigGraph g = ConfigGraph.of(s);

    assertThat(g.dependents(ref(s, "KongUpstreamPolicy default/pol")))
        .containsExactlyInAnyOrder(
            ref(s, "Service default/svc"), ref(s, "KongServiceFacade default/facade"));
    assertThat(g.dependencies(ref(s, "Ingress default/ing")))
        .containsExactly(ref(s, "Service default/svc"), ref(s, "KongServiceFacade default/facade"));
    assertThat(
            g.pathsToDependencies(List.of(ref(s, "KongUpstreamPolicy default/pol")))
                .get(ref(s, "Ingress default/ing")))
        .containsExactly(
            ref(s, "Ingress default/ing"),
            ref(s, "Service default/svc"),
            ref(s, "KongUpstreamPolicy default/pol"));
  }

  @Test
  void multipleRoots_bothRootsDependOnTheSharedService_isolatedNodeHasNoEdges() {
    CacheStores s = snapshot(MULTIPLE_ROOTS);
    ConfigGraph g = ConfigGraph.of(s);

    assertThat(g.dependents(ref(s, "Service default/svc")))
        .containsExactly(ref(s, "Ingress default/ing"), ref(s, "HTTPRoute default/route"));
    assertThat(g.dependents(ref(s, "ConfigMap default/lonely"))).isEmpty();
    assertThat(g.dependencies(ref(s, "ConfigMap default/lonely"))).isEmpty();
  }

  @Test
  void dangling_referencesToAbsentObjects_giveNoEdgeAndNoFailure() {
    CacheStores s = snapshot(DANGLING);
    ConfigGraph g = ConfigGraph.of(s);

    assertThat(g.nodes()).containsExactly(ref(s, "Ingress default/ing"));
    assertThat(g.edges()).isEmpty();
  }

  @Test
  void crossNamespace_sameNamesInOtherNamespaces_areDistinctNodes() {
    CacheStores s = snapshot(CROSS_NAMESPACE);
    ConfigGraph g = ConfigGraph.of(s);

    assertThat(g.dependencies(ref(s, "Ingress a/ing"))).containsExactly(ref(s, "Service a/svc"));
    assertThat(g.dependencies(ref(s, "Ingress b/ing"))).containsExactly(ref(s, "Service b/svc"));
    assertThat(g.dependencies(ref(s, "HTTPRoute b/route")))
        .containsExactly(ref(s, "Service a/svc"));
  }

  @Test
  void nodes_objectsSharingAUidAcrossKinds_areDistinct() {
    CacheStores s =
        snapshot(
            """
        apiVersion: configuration.konghq.com/v1beta1
        kind: KongConsumerGroup
        metadata: {name: x, namespace: default, uid: same}
        ---
        apiVersion: configuration.konghq.com/v1beta1
        kind: UDPIngress
        metadata: {name: x, namespace: default, uid: same}
        """);

    assertThat(ConfigGraph.of(s).nodes()).hasSize(2);
  }

  @Test
  void pluginPrecedence_namespacedPluginHidesClusterPluginOfSameName() {
    CacheStores s =
        snapshot(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: svc, namespace: default, annotations: {konghq.com/plugins: auth}}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: auth, namespace: default}
        plugin: key-auth
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongClusterPlugin
        metadata: {name: auth}
        plugin: key-auth
        """);
    ConfigGraph g = ConfigGraph.of(s);

    assertThat(g.dependencies(ref(s, "Service default/svc")))
        .containsExactly(ref(s, "KongPlugin default/auth"));
    assertThat(g.rules(ref(s, "Service default/svc"), ref(s, "KongPlugin default/auth")))
        .containsExactly(DependencyRule.PLUGINS_ANNOTATION);
  }

  @Test
  void kicEdges_areASubsetOfCompleteEdges() {
    CacheStores s =
        snapshot(
            CHAIN
                + "---\n"
                + DIAMOND.replace("namespace: default", "namespace: d2")
                + "---\n"
                + CROSS_NAMESPACE);

    assertThat(ConfigGraph.of(s).edges()).containsAll(KicEdges.graph(s).edges());
  }

  @Test
  void equalSnapshots_giveEqualGraphs() {
    assertThat(ConfigGraph.of(snapshot(DIAMOND)).edges())
        .containsExactlyElementsOf(ConfigGraph.of(snapshot(DIAMOND)).edges());
  }

  @Test
  void find_ignoresVersionAndUid_findExact_requiresEqualUid() {
    CacheStores s = snapshot(CHAIN);
    ConfigGraph g = ConfigGraph.of(s);
    ObjectRef full = ref(s, "KongPlugin default/auth");
    ObjectRef noUid = parse("KongPlugin default/auth");
    ObjectRef otherUid =
        new ObjectRef(full.group(), "v9", full.kind(), "default", "auth", "u-other");

    assertThat(g.find(noUid)).contains(full);
    assertThat(g.find(otherUid)).contains(full);
    assertThat(g.findExact(full)).contains(full);
    assertThat(g.findExact(noUid)).isEmpty();
    assertThat(g.findExact(otherUid)).isEmpty();
  }

  @Test
  void find_aRefWhoseNamespaceAndNameJoinToAnotherObjectsKey_isNotThatObject() {
    CacheStores s =
        snapshot(
            """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: b/c, namespace: a, uid: u-p}
        plugin: key-auth
        """);
    ConfigGraph g = ConfigGraph.of(s);
    ObjectRef same = parse("KongPlugin a/b/c");
    ObjectRef otherSplit = new ObjectRef(same.group(), "", same.kind(), "a/b", "c", "");

    assertThat(same.namespace()).isEqualTo("a");
    assertThat(g.find(same)).isPresent();
    assertThat(g.find(otherSplit)).isEmpty();
    assertThat(g.contains(otherSplit)).isFalse();
  }

  @Test
  void find_clusterScopedRefWithANamespace_stillMatches() {
    CacheStores s =
        snapshot(
            """
        apiVersion: configuration.konghq.com/v1alpha1
        kind: KongVault
        metadata: {name: vault, uid: u-v}
        spec: {backend: env, prefix: env}
        """);
    ObjectRef tagged =
        new ObjectRef(
            "configuration.konghq.com", "v1alpha1", "KongVault", "default", "vault", "u-v");

    assertThat(ConfigGraph.of(s).findExact(tagged)).contains(ref(s, "KongVault vault"));
  }

  @Test
  void toString_countsNodesEdgesAndCycles() {
    assertThat(ConfigGraph.of(snapshot(CHAIN)))
        .hasToString("ConfigGraph[all rules, 4 nodes, 3 edges, 0 cycles]");
  }
}
