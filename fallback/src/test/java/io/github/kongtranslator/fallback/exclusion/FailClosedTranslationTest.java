package io.github.kongtranslator.fallback.exclusion;

import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.FailClosedResult;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fail closed on translation failures (issue 18, architecture principle 4): when a protection an
 * object asks for cannot be translated, the object and its dependents are left out of the
 * configuration with the reason path, and the KIC-compatible policy gives KIC's output back (the
 * object without the protection). Each case also keeps an unrelated Ingress, which must survive.
 */
class FailClosedTranslationTest {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());

  /** A Service {@code default/echo}, an Ingress {@code default/other} using it, no plugin. */
  private static final String BASE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{name: http, port: 80, protocol: TCP}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: other, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
      spec:
        rules:
        - host: other.example.com
          http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}
      ---
      """;

  private static String ingress(String name, String plugins, String service) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: %s, namespace: default, annotations: {kubernetes.io/ingress.class: kong, konghq.com/plugins: "%s"}}
        spec:
          rules:
          - host: %s.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: %s, port: {number: 80}}}}]}
        ---
        """
        .formatted(name, plugins, name, service);
  }

  private static FailClosedResult failClosed(CacheStores s) {
    return FailClosedTranslator.create(TRANSLATOR).translate(s);
  }

  private static FailClosedResult kic(CacheStores s) {
    return FailClosedTranslator.create(TRANSLATOR, TranslationFailurePolicy.KIC_COMPATIBLE)
        .translate(s);
  }

  static List<String> routeHosts(KongConfig c) {
    List<String> out = new ArrayList<>();
    for (Service svc : c.services()) {
      for (KongEntity r : svc.nested("routes")) {
        r.field("hosts").ifPresent(h -> h.forEach(x -> out.add(x.asText())));
      }
    }
    return out;
  }

  static List<String> pluginNames(KongConfig c) {
    return c.plugins().stream().map(p -> p.field("name").orElseThrow().asText()).toList();
  }

  /** The assertions every case shares. */
  private static void assertLeftOut(
      CacheStores s, String host, String object, String... reasonNames) {
    FailClosedResult closed = failClosed(s);
    FailClosedResult open = kic(s);
    TranslationResult raw = TRANSLATOR.translate(s);

    assertThat(raw.hasUnprotected())
        .as("the plain translation flags the unprotected object")
        .isTrue();
    assertThat(routeHosts(closed.config())).doesNotContain(host).contains("other.example.com");
    assertThat(closed.excluded()).containsKey(ref(s, object));
    String reason = closed.excluded().get(ref(s, object)).toString();
    assertThat(reason).startsWith(object).contains(reasonNames);
    assertThat(closed.excluded().get(ref(s, object)).failures())
        .allMatch(f -> f.effect() == TranslationFailure.Effect.UNPROTECTED);
    assertThat(closed.failures()).containsAll(raw.failures());

    assertThat(open.excluded()).isEmpty();
    assertThat(open.config()).isEqualTo(raw.config());
    assertThat(routeHosts(open.config())).contains(host, "other.example.com");
  }

  @Test
  void missingConfigFromSecret_leavesOutTheIngress_reasonNamesPluginAndSecret() {
    CacheStores s =
        snapshot(
            BASE
                + ingress("web", "auth", "echo")
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: auth, namespace: default}
        plugin: key-auth
        configFrom: {secretKeyRef: {name: auth-conf, key: conf}}
        """);

    assertLeftOut(
        s,
        "web.example.com",
        "Ingress default/web",
        "-[P]-> KongPlugin default/auth (broken: ",
        "Secret default/auth-conf not found");
    assertThat(pluginNames(kic(s).config())).doesNotContain("key-auth");
    assertThat(failClosed(s).excluded()).containsKey(ref(s, "KongPlugin default/auth"));
  }

  @Test
  void missingConfigPatchesSecretKey_leavesOutTheIngress() {
    CacheStores s =
        snapshot(
            BASE
                + ingress("web", "auth", "echo")
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: auth, namespace: default}
        plugin: key-auth
        configPatches: [{path: /key_names, valueFrom: {secretKeyRef: {name: auth-conf, key: names}}}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: auth-conf, namespace: default}
        stringData: {other: "[]"}
        """);

    assertLeftOut(
        s,
        "web.example.com",
        "Ingress default/web",
        "KongPlugin default/auth",
        "Secret default/auth-conf has no key names");
  }

  @Test
  void unknownPluginInAnnotation_leavesOutTheIngress_reasonNamesThePlugin() {
    CacheStores s =
        snapshot((BASE + ingress("web", "key-auth-typo", "echo")).replaceAll("---\\s*$", ""));

    assertLeftOut(
        s,
        "web.example.com",
        "Ingress default/web",
        "Ingress default/web (broken: ",
        "referenced KongPlugin or KongClusterPlugin \"key-auth-typo\" does not exist");
  }

  @Test
  void remotePluginWithoutGrant_leavesOutTheIngress() {
    CacheStores s =
        snapshot(
            BASE
                + ingress("web", "security:auth", "echo")
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: auth, namespace: security}
        plugin: key-auth
        """);

    assertLeftOut(
        s,
        "web.example.com",
        "Ingress default/web",
        "no grant found to referenced \"security/auth\"");
  }

  @Test
  void invalidPluginConfigOnTheService_leavesOutTheServiceAndEveryIngressUsingIt() {
    CacheStores s =
        snapshot(
            BASE
                + ingress("web", "", "secure")
                + """
        apiVersion: v1
        kind: Service
        metadata: {name: secure, namespace: default, annotations: {konghq.com/plugins: auth}}
        spec: {ports: [{name: http, port: 80, protocol: TCP}]}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: auth, namespace: default}
        plugin: key-auth
        configFrom: {secretKeyRef: {name: auth-conf, key: conf}}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: auth-conf, namespace: default}
        stringData: {conf: "[1, 2]"}
        """);

    assertLeftOut(
        s,
        "web.example.com",
        "Ingress default/web",
        "Ingress default/web -[IB]-> Service default/secure -[P]-> KongPlugin default/auth (broken: ",
        "the configuration must be a JSON object");
    assertThat(failClosed(s).excluded()).containsKey(ref(s, "Service default/secure"));
    assertThat(failClosed(s).excluded()).doesNotContainKey(ref(s, "Secret default/auth-conf"));
  }

  @Test
  void kongClusterPluginWithMissingSecret_leavesOutTheIngress() {
    CacheStores s =
        snapshot(
            BASE
                + ingress("web", "global-auth", "echo")
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongClusterPlugin
        metadata: {name: global-auth, annotations: {kubernetes.io/ingress.class: kong}}
        plugin: basic-auth
        configFrom: {secretKeyRef: {name: auth-conf, namespace: security, key: conf}}
        """);

    assertLeftOut(
        s,
        "web.example.com",
        "Ingress default/web",
        "-[P]-> KongClusterPlugin global-auth (broken: ",
        "Secret security/auth-conf not found");
  }

  @Test
  void extensionRefToMissingPlugin_leavesOutTheHttpRoute() {
    CacheStores s =
        snapshot(
            BASE
                + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: kong}
        spec: {controllerName: konghq.com/kic-gateway-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: default}
        spec:
          gatewayClassName: kong
          listeners: [{name: http, protocol: HTTP, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: api, namespace: default}
        spec:
          parentRefs: [{name: edge}]
          hostnames: [api.example.com]
          rules:
          - matches: [{path: {type: PathPrefix, value: /}}]
            filters:
            - type: ExtensionRef
              extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: jwt-auth}
            backendRefs: [{name: echo, kind: Service, port: 80}]
        """);

    assertLeftOut(
        s,
        "api.example.com",
        "HTTPRoute default/api",
        "HTTPRoute default/api (broken: ",
        "referenced KongPlugin or KongClusterPlugin \"jwt-auth\" does not exist");
  }

  /**
   * Found by {@code FailClosedPropertiesTest} (testkit): the traditional router ignores the filters
   * of a rule without matches, as KIC, so an existing ExtensionRef plugin was silently not applied.
   */
  @Test
  void extensionRefOnARuleWithoutMatches_isNotApplied_soTheHttpRouteIsLeftOut() {
    // As stored (the API server would give the rule a PathPrefix / match, and the plugin applies)
    CacheStores s =
        io.github.kongtranslator.fallback.Fixtures.storedSnapshot(
            BASE
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: key-auth, namespace: default}
        plugin: key-auth
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: api, namespace: default}
        spec:
          hostnames: [api.example.com]
          rules:
          - filters:
            - type: ExtensionRef
              extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: key-auth}
            backendRefs: [{name: echo, kind: Service, port: 80}]
        """);

    assertLeftOut(
        s,
        "api.example.com",
        "HTTPRoute default/api",
        "HTTPRoute default/api (broken: ",
        "ExtensionRef plugin(s) key-auth not applied");
    assertThat(pluginNames(kic(s).config())).doesNotContain("key-auth");
  }

  @Test
  void extensionRefOnAGrpcRoute_isIgnoredAsByKic_soTheGrpcRouteIsLeftOut() {
    CacheStores s =
        snapshot(
            BASE
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: key-auth, namespace: default}
        plugin: key-auth
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: rpc, namespace: default}
        spec:
          hostnames: [rpc.example.com]
          rules:
          - matches: [{method: {service: shop.Cart, method: Get}}]
            filters:
            - type: ExtensionRef
              extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: key-auth}
            backendRefs: [{name: echo, kind: Service, port: 80}]
        """);

    assertLeftOut(
        s,
        "rpc.example.com",
        "GRPCRoute default/rpc",
        "GRPCRoute default/rpc (broken: ",
        "GRPCRoute filters are not supported",
        "key-auth");
  }

  private static final String CONSUMERS =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongConsumer
      metadata: {name: bob, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
      username: bob
      ---
      """;

  private static List<String> usernames(KongConfig c) {
    return c.consumers().stream().map(x -> x.field("username").orElseThrow().asText()).toList();
  }

  @Test
  void missingCredentialSecret_leavesOutTheConsumer() {
    CacheStores s =
        snapshot(
            CONSUMERS
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: alice, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
        username: alice
        credentials: [alice-acl]
        """);

    FailClosedResult closed = failClosed(s);
    assertThat(TRANSLATOR.translate(s).hasUnprotected()).isTrue();
    assertThat(usernames(closed.config())).containsExactly("bob");
    assertThat(closed.excluded().get(ref(s, "KongConsumer default/alice")))
        .asString()
        .isEqualTo(
            "KongConsumer default/alice (broken: credential Secret default/alice-acl not found)");
    assertThat(usernames(kic(s).config())).containsExactlyInAnyOrder("alice", "bob");
  }

  @Test
  void missingConsumerGroup_leavesOutTheConsumer_groupPluginMissing_leavesOutGroupAndMembers() {
    CacheStores s =
        snapshot(
            CONSUMERS
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: alice, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
        username: alice
        consumerGroups: [free-tier]
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: carol, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
        username: carol
        consumerGroups: [gold-tier]
        ---
        apiVersion: configuration.konghq.com/v1beta1
        kind: KongConsumerGroup
        metadata: {name: gold-tier, namespace: default, annotations: {kubernetes.io/ingress.class: kong, konghq.com/plugins: gold-limit}}
        """);

    FailClosedResult closed = failClosed(s);
    assertThat(usernames(closed.config())).containsExactly("bob");
    assertThat(closed.excluded().get(ref(s, "KongConsumer default/alice")))
        .asString()
        .contains("nonexistent consumer group: default/free-tier");
    assertThat(closed.excluded().get(ref(s, "KongConsumer default/carol")))
        .asString()
        .startsWith(
            "KongConsumer default/carol -[M3]-> KongConsumerGroup default/gold-tier (broken: ")
        .contains("\"gold-limit\" does not exist");
    assertThat(closed.config().consumerGroups()).isEmpty();
    assertThat(usernames(kic(s).config())).containsExactlyInAnyOrder("alice", "bob", "carol");
  }

  @Test
  void nothingFailsClosed_translatesOnce_andEqualsThePlainTranslation() {
    CacheStores s =
        snapshot(
            BASE
                + ingress("web", "auth", "echo")
                + """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: auth, namespace: default}
        plugin: key-auth
        """);
    int[] calls = {0};
    FailClosedResult r =
        FailClosedTranslator.of(
                snap -> {
                  calls[0]++;
                  return TRANSLATOR.translate(snap);
                },
                TranslationFailurePolicy.FAIL_CLOSED)
            .translate(s);

    assertThat(calls[0]).isEqualTo(1);
    assertThat(r.excluded()).isEmpty();
    assertThat(r.config()).isEqualTo(TRANSLATOR.translate(s).config());
    assertThat(pluginNames(r.config())).contains("key-auth");
  }
}
