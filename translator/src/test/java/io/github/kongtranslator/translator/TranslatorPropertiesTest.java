package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Properties over random inputs built from a vocabulary of valid, odd and broken objects:
 * translation never throws, is deterministic, blames only objects, and its output round-trips
 * through the deck writer.
 */
class TranslatorPropertiesTest {

  static QuickTheory qt() {
    return QuickTheory.qt()
        .withExamples(Integer.getInteger("QT_EXAMPLES", 0) >= 10_000 ? 10_000 : 100);
  }

  private static final List<String> INGRESS_ANNOTATIONS =
      List.of(
          "",
          "konghq.com/strip-path: 'TRUE'",
          "konghq.com/methods: 'get,p0st'",
          "konghq.com/protocols: 'grpc,https'",
          "konghq.com/protocols: 'http,bogus'",
          "konghq.com/regex-prefix: ''",
          "konghq.com/rewrite: '/x/$1'",
          "konghq.com/plugins: 'p1, other:p2,'",
          "konghq.com/host-aliases: '*.a.example,b.*'",
          "konghq.com/headers.x-a: '~*re, v'",
          "ingress.kubernetes.io/force-ssl-redirect: 'true'",
          "konghq.com/snis: 'a.example,*bad'",
          "konghq.com/https-redirect-status-code: '308'",
          "konghq.com/tags: 'a,b,a'",
          "kubernetes.io/ingress.class: other");
  private static final List<String> SERVICE_ANNOTATIONS =
      List.of(
          "",
          "konghq.com/protocol: grpcs",
          "konghq.com/protocol: nonsense",
          "konghq.com/path: /base",
          "konghq.com/override: ki",
          "konghq.com/upstream-policy: pol",
          "konghq.com/upstream-policy: gone",
          "konghq.com/client-cert: tls",
          "konghq.com/ca-certificates-secrets: ca",
          "konghq.com/tls-verify: 'true'",
          "konghq.com/plugins: p1",
          "ingress.kubernetes.io/service-upstream: 'true'",
          "konghq.com/host-header: h.example",
          "konghq.com/retries: '-1'");
  private static final List<String> PATHS =
      List.of(
          "{path: /a, pathType: Prefix}",
          "{path: //, pathType: Exact}",
          "{pathType: ImplementationSpecific}",
          "{path: '/~/x/\\\\d+', pathType: ImplementationSpecific}",
          "{path: /a.b, pathType: Exact}",
          "{path: /a/, pathType: Prefix}");
  private static final List<String> PORTS =
      List.of("{number: 80}", "{name: http}", "{}", "{number: 81}");
  private static final List<String> EXTRAS =
      List.of(
          """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: p1, namespace: ns, annotations: {}}
      plugin: rate-limiting
      instance_name: rl
      config: {minute: 5, x: 1.0}
      """,
          """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: p1, namespace: ns}
      plugin: key-auth
      configFrom: {secretKeyRef: {name: cfg, key: c}}
      """,
          """
      apiVersion: v1
      kind: Secret
      metadata: {name: cfg, namespace: ns}
      stringData: {c: "not: [valid"}
      """,
          """
      apiVersion: configuration.konghq.com/v1
      kind: KongConsumer
      metadata: {name: c1, namespace: ns, annotations: {kubernetes.io/ingress.class: kong, konghq.com/plugins: p1}}
      username: alice
      credentials: [cred, missing]
      consumerGroups: [g1, nope]
      """,
          """
      apiVersion: v1
      kind: Secret
      metadata: {name: cred, namespace: ns, labels: {konghq.com/credential: key-auth}}
      stringData: {key: k, ttl: soon, tags: x}
      """,
          """
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongConsumerGroup
      metadata: {name: g1, namespace: ns, annotations: {kubernetes.io/ingress.class: kong, konghq.com/plugins: p1}}
      """,
          """
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongUpstreamPolicy
      metadata: {name: pol, namespace: ns}
      spec: {algorithm: sticky-sessions, hashOn: {cookie: c}, healthchecks: {threshold: 1.5}}
      """,
          """
      apiVersion: configuration.konghq.com/v1
      kind: KongIngress
      metadata: {name: ki, namespace: ns}
      upstream: {slots: 10, hash_on: ip}
      """,
          """
      apiVersion: v1
      kind: Secret
      metadata: {name: tls, namespace: ns}
      stringData: {tls.crt: garbage, tls.key: garbage}
      """,
          """
      apiVersion: configuration.konghq.com/v1
      kind: KongClusterPlugin
      metadata: {name: glob, labels: {global: "true"}, annotations: {kubernetes.io/ingress.class: kong}}
      plugin: prometheus
      """,
          """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: hr, namespace: ns, annotations: {konghq.com/plugins: p1}}
      spec:
        hostnames: ['*.example.com']
        rules:
        - matches: [{path: {type: RegularExpression, value: /r}, headers: [{name: A, value: b}, {name: a, value: c}]}]
          filters: [{type: ExtensionRef, extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: p1}}]
          backendRefs: [{name: svc, kind: Service, port: 80, weight: 3}, {name: svc, kind: Service}]
        - backendRefs: []
      """,
          """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: s1, namespace: ns, labels: {kubernetes.io/service-name: svc}}
      addressType: IPv4
      endpoints: [{addresses: [10.0.0.1]}, {addresses: [10.0.0.2], conditions: {ready: false}}]
      ports: [{port: 8080, name: http}, {port: 8080}]
      """);

  static String document(List<Integer> picks) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (int p : picks) {
      i++;
      sb.append("---\n");
      switch (p % 3) {
        case 0 ->
            sb.append(
                """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ing%d, namespace: ns, annotations: {%s}}
            spec:
              ingressClassName: kong
              tls: [{hosts: [a.example], secretName: tls}]
              rules:
              - host: %s
                http:
                  paths:
                  - %s
                  - {path: /z, pathType: Prefix, backend: {service: {name: svc, port: %s}}}
            """
                    .formatted(
                        i,
                        INGRESS_ANNOTATIONS.get(p % INGRESS_ANNOTATIONS.size()),
                        p % 2 == 0 ? "'*.example.com'" : "''",
                        PATHS
                            .get(p % PATHS.size())
                            .replace(
                                "}",
                                ", backend: {service: {name: svc, port: "
                                    + PORTS.get(p % PORTS.size())
                                    + "}}}"),
                        PORTS.get((p / 3) % PORTS.size())));
        case 1 ->
            sb.append(
                """
            apiVersion: v1
            kind: Service
            metadata: {name: svc, namespace: ns, annotations: {%s}}
            spec: {type: %s, externalName: ext.example, ports: [{port: 80, name: http, protocol: TCP}, {port: 81, protocol: UDP}]}
            """
                    .formatted(
                        SERVICE_ANNOTATIONS.get(p % SERVICE_ANNOTATIONS.size()),
                        p % 7 == 0 ? "ExternalName" : "ClusterIP"));
        default -> sb.append(EXTRAS.get(p % EXTRAS.size()));
      }
    }
    return sb.toString();
  }

  static Gen<List<Integer>> picks() {
    return lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 12);
  }

  @Test
  void translation_neverThrows_isDeterministic_andRoundTrips() {
    qt().forAll(picks(), org.quicktheories.generators.SourceDSL.booleans().all())
        .checkAssert(
            (picks, expressions) -> {
              String yaml = document(picks);
              CacheStores stores = CacheStores.of(Manifests.parse(yaml, "gen.yaml").objects());
              TranslatorOptions o =
                  TranslatorOptions.builder()
                      .flag(FeatureFlag.EXPRESSION_ROUTES, expressions)
                      .flag(FeatureFlag.REWRITE_URIS, picks.size() % 2 == 0)
                      .build();
              Translator t = Translator.create(o);
              TranslationResult a = t.translate(stores);
              TranslationResult b = t.translate(stores);
              // KongConfig.equals ignores the order of keys: compare the written bytes, and those
              // of the same objects in reverse order through a new translator
              List<K8sObject> reversed = new ArrayList<>(stores.all());
              Collections.reverse(reversed);
              TranslationResult c = Translator.create(o).translate(CacheStores.of(reversed));
              String aYaml = KongConfigWriter.yaml().write(a.config());
              String aJson = KongConfigWriter.json().write(a.config());
              for (TranslationResult x : List.of(b, c)) {
                assertThat(KongConfigWriter.yaml().write(x.config())).isEqualTo(aYaml);
                assertThat(KongConfigWriter.json().write(x.config())).isEqualTo(aJson);
                assertThat(x.failures()).isEqualTo(a.failures());
              }
              assertThat(a.failures())
                  .allSatisfy(
                      f -> {
                        assertThat(f.causingObjects()).isNotEmpty();
                        assertThat(f.reason()).doesNotStartWith("unexpected error");
                      });
              assertThat(KongConfigReader.yaml().read(aYaml, "out.yaml")).isEqualTo(a.config());
              assertThat(KongConfigReader.json().read(aJson, "out.json")).isEqualTo(a.config());
            });
  }
}
