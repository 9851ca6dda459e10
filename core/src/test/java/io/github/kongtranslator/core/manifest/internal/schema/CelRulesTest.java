package io.github.kongtranslator.core.manifest.internal.schema;

import static io.github.kongtranslator.core.manifest.internal.schema.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code x-kubernetes-validations} rules the translation relies on, each with an object the API
 * server refuses and (where useful) a close one it accepts. Each test names the CRD file, version
 * and schema path of the rule; the expected rule text is copied from the CRD.
 */
class CelRulesTest {
  private static final CrdSchemas SCHEMAS = CrdSchemas.bundled();

  /** The CEL rules an object breaks (after defaulting), by rule text. */
  private static List<String> broken(Kind kind, String version, String yaml) {
    ObjectNode o = yaml(yaml);
    SCHEMAS.applyDefaults(kind, version, o);
    return SCHEMAS.validate(kind, version, o).stream()
        .filter(v -> v.rule().startsWith("x-kubernetes-validations: "))
        .map(v -> v.rule().substring("x-kubernetes-validations: ".length()))
        .toList();
  }

  private static List<SchemaViolation> violations(Kind kind, String version, String yaml) {
    ObjectNode o = yaml(yaml);
    SCHEMAS.applyDefaults(kind, version, o);
    return SCHEMAS.validate(kind, version, o);
  }

  private static String route(String spec) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n"
        + spec.indent(2);
  }

  private static List<String> routeBroken(String spec) {
    return broken(Kind.HTTP_ROUTE, "v1", route(spec));
  }

  // ------------------------------------------------ gateway.networking.k8s.io_httproutes.yaml, v1

  // spec.rules[].matches[].path
  @Test
  void httpRoutePathMustStartWithSlash() {
    assertThat(routeBroken("rules: [{matches: [{path: {type: PathPrefix, value: api}}]}]\n"))
        .containsExactly(
            "(self.type in ['Exact','PathPrefix']) ? self.value.startsWith('/') : true");
    assertThat(
            routeBroken(
                "rules: [{matches: [{path: {type: RegularExpression, value: 'api.*'}}]}]\n"))
        .isEmpty();
  }

  // spec.rules[].matches[].path
  @Test
  void httpRoutePathMustNotHoldDoubleSlashesOrEncodedSlashes() {
    assertThat(routeBroken("rules: [{matches: [{path: {type: Exact, value: '/a//b'}}]}]\n"))
        .containsExactly(
            "(self.type in ['Exact','PathPrefix']) ? !self.value.contains('//') : true");
    assertThat(routeBroken("rules: [{matches: [{path: {type: Exact, value: '/a%2fb'}}]}]\n"))
        .containsExactly(
            "(self.type in ['Exact','PathPrefix']) ? !self.value.contains('%2f') : true");
    assertThat(routeBroken("rules: [{matches: [{path: {type: PathPrefix, value: '/a/..'}}]}]\n"))
        .containsExactly(
            "(self.type in ['Exact','PathPrefix']) ? !self.value.endsWith('/..') : true");
    assertThat(routeBroken("rules: [{matches: [{path: {type: PathPrefix, value: '/a b'}}]}]\n"))
        .containsExactly(
            "(self.type in ['Exact','PathPrefix']) ? self.value.matches(r\"\"\"^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$\"\"\") : true");
  }

  // spec.rules[].filters[]
  @Test
  void httpRouteFilterTypeNeedsItsField() {
    assertThat(routeBroken("rules: [{filters: [{type: RequestHeaderModifier}]}]\n"))
        .containsExactly(
            "!(!has(self.requestHeaderModifier) && self.type == 'RequestHeaderModifier')");
    assertThat(
            routeBroken(
                "rules: [{filters: [{type: URLRewrite, requestHeaderModifier: {set: [{name: a, value: b}]}}]}]\n"))
        .containsExactlyInAnyOrder(
            "!(has(self.requestHeaderModifier) && self.type != 'RequestHeaderModifier')",
            "!(!has(self.urlRewrite) && self.type == 'URLRewrite')");
  }

  // spec.rules[].filters
  @Test
  void httpRouteRedirectAndRewriteExcludeEachOtherAndDoNotRepeat() {
    assertThat(
            routeBroken(
                """
        rules: [{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 301}}, {type: URLRewrite, urlRewrite: {hostname: a.example}}]}]
        """))
        .containsExactly(
            "!(self.exists(f, f.type == 'RequestRedirect') && self.exists(f, f.type == 'URLRewrite'))");
    assertThat(
            routeBroken(
                """
        rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [a]}}, {type: RequestHeaderModifier, requestHeaderModifier: {remove: [b]}}]}]
        """))
        .containsExactly("self.filter(f, f.type == 'RequestHeaderModifier').size() <= 1");
  }

  // spec.rules[]
  @Test
  void httpRouteRedirectNotWithBackendRefs() {
    assertThat(
            routeBroken(
                """
        rules: [{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 301}}], backendRefs: [{name: s, port: 80}]}]
        """))
        .containsExactly(
            "(has(self.backendRefs) && size(self.backendRefs) > 0) ? (!has(self.filters) || self.filters.all(f, !has(f.requestRedirect))): true");
  }

  // spec.rules[]
  @Test
  void httpRouteReplacePrefixMatchNeedsOnePathPrefixMatch() {
    String rule =
        "(has(self.filters) && self.filters.exists_one(f, has(f.urlRewrite) && has(f.urlRewrite.path) && f.urlRewrite.path.type == 'ReplacePrefixMatch' && has(f.urlRewrite.path.replacePrefixMatch))) ? ((size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type != 'PathPrefix') ? false : true) : true";
    assertThat(
            routeBroken(
                """
        rules: [{matches: [{path: {type: Exact, value: /a}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]
        """))
        .containsExactly(rule);
    // with no matches, the defaulted PathPrefix / match satisfies it
    assertThat(
            routeBroken(
                """
        rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]
        """))
        .isEmpty();
  }

  // spec.rules[].backendRefs[]
  @Test
  void httpRouteServiceBackendNeedsPort() {
    assertThat(routeBroken("rules: [{backendRefs: [{name: s}]}]\n"))
        .containsExactly(
            "(size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true");
    assertThat(
            routeBroken("rules: [{backendRefs: [{name: s, kind: Other, group: example.com}]}]\n"))
        .isEmpty();
  }

  // spec.parentRefs
  @Test
  void httpRouteParentRefsToTheSameParentNeedDistinctSections() {
    assertThat(routeBroken("parentRefs: [{name: gw}, {name: gw}]\n"))
        .hasSize(1)
        .allMatch(r -> r.startsWith("self.all(p1, self.exists_one(p2, "));
    assertThat(routeBroken("parentRefs: [{name: gw}, {name: gw, sectionName: http}]\n"))
        .hasSize(1)
        .allMatch(r -> r.startsWith("self.all(p1, self.all(p2, "));
    assertThat(
            routeBroken(
                "parentRefs: [{name: gw, sectionName: https}, {name: gw, sectionName: http}, {name: gw, namespace: other}]\n"))
        .isEmpty();
  }

  // spec.rules: "the total number of matches across all rules in a route must be less than 128"
  @Test
  void httpRouteTotalMatchesAtMost128() {
    StringBuilder rules = new StringBuilder("rules:\n");
    for (int r = 0; r < 15; r++) {
      rules.append("- matches: [");
      for (int m = 0; m < 9; m++) {
        rules
            .append(m == 0 ? "" : ", ")
            .append("{path: {value: /r")
            .append(r)
            .append('m')
            .append(m)
            .append("}}");
      }
      rules.append("]\n");
    }
    assertThat(routeBroken(rules.toString()))
        .hasSize(1)
        .allMatch(r -> r.startsWith("(self.size() > 0 ? self[0].matches.size() : 0) + "));
    assertThat(
            routeBroken(
                "rules: [{matches: [{path: {value: /a}}]}, {matches: [{path: {value: /b}}]}]\n"))
        .isEmpty();
  }

  // spec.rules[].timeouts
  @Test
  void httpRouteBackendTimeoutNotLongerThanRequestTimeout() {
    String rule =
        "!(has(self.request) && has(self.backendRequest) && duration(self.request) != duration('0s') && duration(self.backendRequest) > duration(self.request))";
    assertThat(routeBroken("rules: [{timeouts: {request: 10s, backendRequest: 1m}}]\n"))
        .containsExactly(rule);
    assertThat(routeBroken("rules: [{timeouts: {request: 1m, backendRequest: 500ms}}]\n"))
        .isEmpty();
    assertThat(routeBroken("rules: [{timeouts: {request: 0s, backendRequest: 1h}}]\n")).isEmpty();
  }

  // spec.rules (experimental channel): rule names unique
  @Test
  void httpRouteRuleNamesUnique() {
    assertThat(routeBroken("rules: [{name: a}, {name: a}]\n"))
        .containsExactly(
            "self.all(l1, !has(l1.name) || self.exists_one(l2, has(l2.name) && l1.name == l2.name))");
  }

  // ------------------------------------------------ gateway.networking.k8s.io_grpcroutes.yaml, v1

  // spec.rules[].matches[].method
  @Test
  void grpcRouteMethodMatchNeedsServiceOrMethodAndValidNames() {
    String head =
        "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata: {name: g}\nspec:\n";
    assertThat(broken(Kind.GRPC_ROUTE, "v1", head + "  rules: [{matches: [{method: {}}]}]\n"))
        .containsExactly("has(self.type) ? has(self.service) || has(self.method) : true");
    assertThat(
            broken(
                Kind.GRPC_ROUTE,
                "v1",
                head + "  rules: [{matches: [{method: {service: 1bad, method: Get}}]}]\n"))
        .containsExactly(
            "(!has(self.type) || self.type == 'Exact') && has(self.service) ? self.service.matches(r\"\"\"^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$\"\"\"): true");
    assertThat(
            broken(
                Kind.GRPC_ROUTE,
                "v1",
                head + "  rules: [{matches: [{method: {service: Foo.Bar, method: Get}}]}]\n"))
        .isEmpty();
  }

  // ------------------------------------------------ gateway.networking.k8s.io_gateways.yaml, v1

  private static List<String> gatewayBroken(String listeners) {
    return broken(
        Kind.GATEWAY,
        "v1",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
            + "metadata: {name: g}\nspec:\n  gatewayClassName: kong\n  listeners:\n"
            + listeners.indent(2));
  }

  // spec.listeners
  @Test
  void gatewayListenerRules() {
    assertThat(
            gatewayBroken(
                "- {name: http, port: 80, protocol: HTTP, tls: {certificateRefs: [{name: c}]}}\n"))
        .containsExactly("self.all(l, l.protocol in ['HTTP', 'TCP', 'UDP'] ? !has(l.tls) : true)");
    assertThat(gatewayBroken("- {name: tcp, port: 9000, protocol: TCP, hostname: a.example}\n"))
        .containsExactly(
            "self.all(l, l.protocol in ['TCP', 'UDP']  ? (!has(l.hostname) || l.hostname == '') : true)");
    assertThat(
            gatewayBroken(
                "- {name: a, port: 80, protocol: HTTP}\n- {name: b, port: 80, protocol: HTTP}\n"))
        .containsExactly(
            "self.all(l1, self.exists_one(l2, l1.port == l2.port && l1.protocol == l2.protocol && (has(l1.hostname) && has(l2.hostname) ? l1.hostname == l2.hostname : !has(l1.hostname) && !has(l2.hostname))))");
    assertThat(
            gatewayBroken(
                "- {name: a, port: 80, protocol: HTTP}\n- {name: a, port: 81, protocol: HTTP}\n"))
        .containsExactly("self.all(l1, self.exists_one(l2, l1.name == l2.name))");
    assertThat(
            gatewayBroken(
                "- {name: a, port: 80, protocol: HTTP}\n- {name: b, port: 443, protocol: HTTPS, hostname: a.example, tls: {certificateRefs: [{name: c}]}}\n"))
        .isEmpty();
  }

  // spec.listeners[].tls: mode defaults to Terminate, which needs certificateRefs or options
  @Test
  void gatewayTerminateNeedsCertificates() {
    List<SchemaViolation> v =
        violations(
            Kind.GATEWAY,
            "v1",
            "apiVersion: gateway.networking.k8s.io/v1\n"
                + "kind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: kong\n  listeners:\n"
                + "  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: []}}\n");
    assertThat(v).extracting(SchemaViolation::pointer).containsExactly("/spec/listeners/0/tls");
    assertThat(v.get(0).message())
        .contains("certificateRefs or options must be specified when mode is Terminate");
  }

  // ---------------------------------------- configuration.konghq.com_kongupstreampolicies.yaml,
  // v1beta1

  private static List<String> policyBroken(String spec) {
    return broken(
        Kind.KONG_UPSTREAM_POLICY,
        "v1beta1",
        "apiVersion: configuration.konghq.com/v1beta1\n"
            + "kind: KongUpstreamPolicy\nmetadata: {name: p}\nspec:\n"
            + spec.indent(2));
  }

  // root (self.spec...) rules
  @Test
  void upstreamPolicyHashOnRules() {
    assertThat(policyBroken("algorithm: consistent-hashing\nhashOn: {input: ip, header: x}\n"))
        .containsExactly(
            "has(self.spec.hashOn) ? [has(self.spec.hashOn.input), has(self.spec.hashOn.cookie), has(self.spec.hashOn.header), has(self.spec.hashOn.uriCapture), has(self.spec.hashOn.queryArg)].filter(fieldSet, fieldSet == true).size() <= 1 : true");
    assertThat(policyBroken("algorithm: round-robin\nhashOn: {input: ip}\n"))
        .containsExactly(
            "has(self.spec.hashOn) ? has(self.spec.algorithm) && (self.spec.algorithm == \"consistent-hashing\" || self.spec.algorithm == \"sticky-sessions\") : true");
    assertThat(policyBroken("algorithm: consistent-hashing\nhashOn: {cookie: c}\n"))
        .containsExactly(
            "has(self.spec.hashOn) && has(self.spec.hashOn.cookie) ? has(self.spec.hashOn.cookiePath) : true");
    assertThat(
            policyBroken(
                "algorithm: consistent-hashing\nhashOn: {cookie: c, cookiePath: /}\nhashOnFallback: {input: ip}\n"))
        .containsExactly(
            "has(self.spec.hashOn) && has(self.spec.hashOn.cookie) ? !has(self.spec.hashOnFallback) : true");
    assertThat(
            policyBroken(
                "algorithm: sticky-sessions\nhashOn: {input: none}\nhashOnFallback: {input: ip}\n"))
        .containsExactly(
            "has(self.spec.hashOnFallback) ? has(self.spec.algorithm) && self.spec.algorithm == \"consistent-hashing\" : true");
    assertThat(
            policyBroken(
                "algorithm: consistent-hashing\nhashOn: {header: x-user}\nhashOnFallback: {input: ip}\n"))
        .isEmpty();
  }

  @Test
  void upstreamPolicyStickySessionRules() {
    assertThat(policyBroken("algorithm: round-robin\nstickySessions: {cookie: s}\n"))
        .containsExactlyInAnyOrder(
            "has(self.spec.stickySessions) ? (has(self.spec.algorithm) && self.spec.algorithm == \"sticky-sessions\") : true",
            "has(self.spec.stickySessions) ? (has(self.spec.hashOn) && has(self.spec.hashOn.input) && self.spec.hashOn.input == 'none' && !has(self.spec.hashOn.cookie) && !has(self.spec.hashOn.cookiePath) && !has(self.spec.hashOn.header) && !has(self.spec.hashOn.uriCapture) && !has(self.spec.hashOn.queryArg)) : true");
    assertThat(
            policyBroken(
                "algorithm: sticky-sessions\nhashOn: {input: none}\nstickySessions: {cookie: s}\n"))
        .isEmpty();
  }

  @Test
  void upstreamPolicyPassiveHealthchecksHaveNoInterval() {
    assertThat(policyBroken("healthchecks: {passive: {healthy: {interval: 5}}}\n"))
        .containsExactly(
            "has(self.spec.healthchecks) && has(self.spec.healthchecks.passive) && has(self.spec.healthchecks.passive.healthy) ? !has(self.spec.healthchecks.passive.healthy.interval) : true");
  }

  // ---------------------------------------- configuration.konghq.com_kongplugins.yaml /
  // kongclusterplugins.yaml, v1 (root)

  @Test
  void pluginConfigAndConfigFromExcludeEachOther() {
    String both =
        "metadata: {name: p}\nplugin: key-auth\nconfig: {a: 1}\nconfigFrom: {secretKeyRef: {name: s, key: k}}\n";
    assertThat(
            broken(
                Kind.KONG_PLUGIN,
                "v1",
                "apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\n" + both))
        .containsExactly("!(has(self.config) && has(self.configFrom))");
    assertThat(
            broken(
                Kind.KONG_CLUSTER_PLUGIN,
                "v1",
                "apiVersion: configuration.konghq.com/v1\nkind: KongClusterPlugin\n"
                    + both.replace(
                        "secretKeyRef: {name: s, key: k}",
                        "secretKeyRef: {name: s, key: k, namespace: ns}")))
        .containsExactly("!(has(self.config) && has(self.configFrom))");
    assertThat(
            broken(
                Kind.KONG_PLUGIN,
                "v1",
                "apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\n"
                    + "metadata: {name: p}\nplugin: key-auth\nconfigFrom: {secretKeyRef: {name: s, key: k}}\n"
                    + "configPatches: [{path: /a, valueFrom: {secretKeyRef: {name: s, key: k}}}]\n"))
        .containsExactly("!(has(self.configFrom) && has(self.configPatches))");
    assertThat(
            broken(
                Kind.KONG_PLUGIN,
                "v1",
                "apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\n"
                    + "metadata: {name: p}\nplugin: key-auth\nconfig: {key_names: [k]}\n"))
        .isEmpty();
  }

  // ---------------------------------------- configuration.konghq.com_kongconsumers.yaml, v1 (root)

  @Test
  void consumerNeedsUsernameOrCustomId() {
    assertThat(
            broken(
                Kind.KONG_CONSUMER,
                "v1",
                "apiVersion: configuration.konghq.com/v1\n"
                    + "kind: KongConsumer\nmetadata: {name: c}\ncredentials: [a]\n"))
        .containsExactly("has(self.username) || has(self.custom_id)");
    assertThat(
            broken(
                Kind.KONG_CONSUMER,
                "v1",
                "apiVersion: configuration.konghq.com/v1\n"
                    + "kind: KongConsumer\nmetadata: {name: c}\ncustom_id: '42'\n"))
        .isEmpty();
  }

  // ---------------------------------------- configuration.konghq.com_kongingresses.yaml, v1 (root)

  @Test
  void kongIngressProxyAndRouteAreNoLongerSupported() {
    assertThat(
            broken(
                Kind.KONG_INGRESS,
                "v1",
                "apiVersion: configuration.konghq.com/v1\n"
                    + "kind: KongIngress\nmetadata: {name: k}\nproxy: {retries: 3}\nroute: {methods: [GET]}\n"))
        .containsExactlyInAnyOrder("!has(self.proxy)", "!has(self.route)");
    assertThat(
            broken(
                Kind.KONG_INGRESS,
                "v1",
                "apiVersion: configuration.konghq.com/v1\n"
                    + "kind: KongIngress\nmetadata: {name: k}\nupstream: {slots: 100}\n"))
        .isEmpty();
  }

  // ---------------------------------------- configuration.konghq.com_kongcustomentities.yaml,
  // v1alpha1 spec

  @Test
  void customEntityTypeIsNotAKongEntity() {
    assertThat(
            broken(
                Kind.KONG_CUSTOM_ENTITY,
                "v1alpha1",
                "apiVersion: configuration.konghq.com/v1alpha1\n"
                    + "kind: KongCustomEntity\nmetadata: {name: e}\nspec: {type: services, fields: {}, controllerName: kong}\n"))
        .containsExactly(
            "!(self.type in ['services','routes','upstreams','targets','plugins','consumers','consumer_groups'])");
  }

  // transition rules (oldSelf) are not evaluated on create, as the API server does
  @Test
  void transitionRulesAreSkipped() {
    assertThat(SCHEMAS.skippedRules(Kind.KONG_CLUSTER_PLUGIN))
        .containsKey("self.plugin == oldSelf.plugin");
    assertThat(SCHEMAS.skippedRules(Kind.KONG_CLUSTER_PLUGIN).values())
        .allMatch(why -> why.startsWith("transition rule"));
    assertThat(SCHEMAS.skippedRules(Kind.HTTP_ROUTE)).isEmpty();
  }
}
