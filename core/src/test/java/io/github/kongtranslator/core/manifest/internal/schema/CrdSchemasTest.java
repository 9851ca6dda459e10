package io.github.kongtranslator.core.manifest.internal.schema;

import static io.github.kongtranslator.core.manifest.internal.schema.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Defaulting and validation of whole objects against the bundled CRDs, with the examples of issue
 * 17. Each test names the CRD file and schema path its expectation comes from.
 */
class CrdSchemasTest {
  private static final CrdSchemas SCHEMAS = CrdSchemas.bundled();

  private static ObjectNode route(String spec) {
    return yaml(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: echo, namespace: default}
        spec:
        """
            + spec.indent(2));
  }

  private static List<SchemaViolation> defaultedViolations(
      Kind kind, String version, ObjectNode o) {
    SCHEMAS.applyDefaults(kind, version, o);
    return SCHEMAS.validate(kind, version, o);
  }

  // gateway.networking.k8s.io_httproutes.yaml, v1 spec.rules[].backendRefs[].kind default Service,
  // .group default "", .weight default 1 (issue 17: backendRefs without kind lost their targets)
  @Test
  void backendRefWithoutKindGetsServiceEmptyGroupAndWeightOne() {
    ObjectNode r =
        route(
            """
        parentRefs: [{name: kong}]
        rules:
        - matches: [{path: {type: PathPrefix, value: /echo}}]
          backendRefs: [{name: echo, port: 80}]
        """);
    List<String> defaulted = SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v1", r);
    ObjectNode ref = (ObjectNode) r.at("/spec/rules/0/backendRefs/0");
    assertThat(ref.get("kind").asText()).isEqualTo("Service");
    assertThat(ref.get("group").asText()).isEqualTo("");
    assertThat(ref.get("weight").asInt()).isEqualTo(1);
    assertThat(ref.get("name").asText()).isEqualTo("echo");
    assertThat(defaulted)
        .contains(
            "/spec/rules/0/backendRefs/0/kind",
            "/spec/rules/0/backendRefs/0/group",
            "/spec/rules/0/backendRefs/0/weight",
            // parentRefs[].group default gateway.networking.k8s.io, .kind default Gateway
            "/spec/parentRefs/0/group",
            "/spec/parentRefs/0/kind");
    assertThat(r.at("/spec/parentRefs/0/kind").asText()).isEqualTo("Gateway");
    assertThat(SCHEMAS.validate(Kind.HTTP_ROUTE, "v1", r)).isEmpty();
  }

  // gateway.networking.k8s.io_httproutes.yaml, v1 spec.rules[].matches
  // default [{path: {type: PathPrefix, value: /}}] (issue 17: rules without matches matched
  // nothing)
  @Test
  void ruleWithoutMatchesGetsOnePathPrefixSlashMatch() {
    ObjectNode r =
        route(
            """
        rules:
        - backendRefs: [{name: echo, port: 80}]
        """);
    List<String> defaulted = SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v1", r);
    assertThat(r.at("/spec/rules/0/matches"))
        .isEqualTo(TestObjects.json("[{\"path\":{\"type\":\"PathPrefix\",\"value\":\"/\"}}]"));
    assertThat(defaulted).contains("/spec/rules/0/matches");
  }

  // Same default when YAML says "matches:" with nothing after it (a null): algorithm.go replaces a
  // non-nullable null that has a default.
  @Test
  void nullMatchesIsDefaultedLikeMissingMatches() {
    ObjectNode r =
        route(
            """
        rules:
        - matches:
          backendRefs: [{name: echo, port: 80}]
        """);
    assertThat(r.at("/spec/rules/0/matches").isNull()).isTrue();
    SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v1", r);
    assertThat(r.at("/spec/rules/0/matches/0/path/value").asText()).isEqualTo("/");
  }

  // gateway.networking.k8s.io_httproutes.yaml, v1 spec.rules default
  // [{matches: [{path: {type: PathPrefix, value: /}}]}]
  @Test
  void routeWithoutRulesGetsOneCatchAllRule() {
    ObjectNode r = route("parentRefs: [{name: kong}]\n");
    SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v1", r);
    assertThat(r.at("/spec/rules/0/matches/0/path/type").asText()).isEqualTo("PathPrefix");
  }

  // prunenulls.go: a null field without default whose schema is not nullable is dropped
  // (gateway.networking.k8s.io_httproutes.yaml, v1 spec.rules[].filters has no default).
  @Test
  void nonNullableNullWithoutDefaultIsDropped() {
    ObjectNode r =
        route(
            """
        rules:
        - filters:
          backendRefs: [{name: echo, port: 80}]
        """);
    SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v1", r);
    assertThat(r.at("/spec/rules/0").has("filters")).isFalse();
    assertThat(SCHEMAS.validate(Kind.HTTP_ROUTE, "v1", r)).isEmpty();
  }

  @Test
  void presentValuesAreNeverReplaced() {
    ObjectNode r =
        route(
            """
        rules:
        - matches: [{path: {type: Exact, value: /x}}]
          backendRefs: [{name: echo, kind: Other, group: example.com, weight: 0}]
        """);
    SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v1", r);
    assertThat(r.at("/spec/rules/0/backendRefs/0/kind").asText()).isEqualTo("Other");
    assertThat(r.at("/spec/rules/0/backendRefs/0/group").asText()).isEqualTo("example.com");
    assertThat(r.at("/spec/rules/0/backendRefs/0/weight").asInt()).isZero();
    assertThat(r.at("/spec/rules/0/matches/0/path/type").asText()).isEqualTo("Exact");
  }

  // The version's own schema is used: v1beta1 HTTPRoute has the same backendRef defaults.
  @Test
  void versionSelectsTheSchema() {
    ObjectNode r = route("rules: [{backendRefs: [{name: echo, port: 80}]}]\n");
    r.put("apiVersion", "gateway.networking.k8s.io/v1beta1");
    assertThat(SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v1beta1", r)).isNotEmpty();
    ObjectNode other = route("rules: [{backendRefs: [{name: echo, port: 80}]}]\n");
    assertThat(SCHEMAS.hasSchema(Kind.HTTP_ROUTE, "v9")).isFalse();
    assertThat(SCHEMAS.applyDefaults(Kind.HTTP_ROUTE, "v9", other)).isEmpty();
    assertThat(other.at("/spec/rules/0/backendRefs/0").has("kind")).isFalse();
  }

  @Test
  void coreKindsHaveNoCrd() {
    ObjectNode svc =
        yaml("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");
    assertThat(SCHEMAS.hasSchema(Kind.SERVICE, "v1")).isFalse();
    assertThat(SCHEMAS.applyDefaults(Kind.SERVICE, "v1", svc)).isEmpty();
    assertThat(SCHEMAS.validate(Kind.SERVICE, "v1", svc)).isEmpty();
  }

  // configuration.konghq.com_kongupstreampolicies.yaml, v1beta1
  // spec.healthchecks.active.httpPath pattern ^/.*$
  @Test
  void upstreamPolicyHealthcheckPathMustStartWithSlash() {
    ObjectNode p =
        yaml(
            """
        apiVersion: configuration.konghq.com/v1beta1
        kind: KongUpstreamPolicy
        metadata: {name: p}
        spec:
          healthchecks: {active: {httpPath: health}}
        """);
    List<SchemaViolation> v = defaultedViolations(Kind.KONG_UPSTREAM_POLICY, "v1beta1", p);
    assertThat(v)
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/spec/healthchecks/active/httpPath", "pattern"));
  }

  // Issue 17 names "a KongUpstreamPolicy cookie path that does not start with /" as refused by
  // the API server. The CRD KIC pins (kubernetes-configuration v2.0.0-alpha.1,
  // configuration.konghq.com_kongupstreampolicies.yaml, v1beta1 spec.hashOn.cookiePath and
  // spec.stickySessions.cookiePath) has no pattern or rule for it: the API server accepts it, so
  // we do too (Kong's own validation refuses it later). Its CEL rules do refuse a cookie without
  // a cookie path and a cookie path without a cookie.
  @Test
  void upstreamPolicyCookiePathRules() {
    ObjectNode noSlash =
        yaml(
            """
        apiVersion: configuration.konghq.com/v1beta1
        kind: KongUpstreamPolicy
        metadata: {name: p}
        spec:
          algorithm: consistent-hashing
          hashOn: {cookie: session, cookiePath: session}
        """);
    assertThat(defaultedViolations(Kind.KONG_UPSTREAM_POLICY, "v1beta1", noSlash)).isEmpty();

    ObjectNode pathOnly =
        yaml(
            """
        apiVersion: configuration.konghq.com/v1beta1
        kind: KongUpstreamPolicy
        metadata: {name: p}
        spec:
          algorithm: consistent-hashing
          hashOn: {cookiePath: /}
        """);
    assertThat(defaultedViolations(Kind.KONG_UPSTREAM_POLICY, "v1beta1", pathOnly))
        .extracting(SchemaViolation::rule)
        .containsExactly(
            "x-kubernetes-validations: has(self.spec.hashOn) && "
                + "has(self.spec.hashOn.cookiePath) ? has(self.spec.hashOn.cookie) : true");
  }

  // configuration.konghq.com_kongplugins.yaml, v1 config: x-kubernetes-preserve-unknown-fields;
  // other unknown fields are pruned by the API server.
  @Test
  void unknownFieldsAreListedExceptUnderPreserveUnknownFields() {
    ObjectNode plugin =
        yaml(
            """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: p, labels: {a: b}}
        plugin: key-auth
        config: {key_names: [apikey], anything: {goes: here}}
        configFom: {secretKeyRef: {name: s, key: k}}
        """);
    assertThat(SCHEMAS.unknownFields(Kind.KONG_PLUGIN, "v1", plugin)).containsExactly("/configFom");
    ObjectNode r = route("rules: [{backendRefs: [{name: echo, port: 80, weigth: 2}]}]\n");
    assertThat(SCHEMAS.unknownFields(Kind.HTTP_ROUTE, "v1", r))
        .containsExactly("/spec/rules/0/backendRefs/0/weigth");
  }

  // ---------------------------------------------------------------- OpenAPI keywords

  // httproutes.yaml, v1 spec.rules[].backendRefs[].port type integer
  @Test
  void typeMismatchIsReportedOnceAndNotDescended() {
    ObjectNode r = route("rules: [{backendRefs: [{name: echo, port: \"80\"}]}]\n");
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", r))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .contains(org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/0/port", "type"));
    ObjectNode spec = route("rules: notalist\n");
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", spec))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/spec/rules", "type"));
  }

  // httproutes.yaml, v1 spec.rules[].matches[].path.type enum [Exact, PathPrefix,
  // RegularExpression]
  @Test
  void enumViolation() {
    ObjectNode r = route("rules: [{matches: [{path: {type: Prefix, value: /}}]}]\n");
    List<SchemaViolation> v = defaultedViolations(Kind.HTTP_ROUTE, "v1", r);
    assertThat(v)
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .contains(org.assertj.core.groups.Tuple.tuple("/spec/rules/0/matches/0/path/type", "enum"));
    assertThat(v.stream().filter(x -> x.rule().equals("enum")).findFirst().orElseThrow().message())
        .contains("\"Prefix\"")
        .contains("\"PathPrefix\"");
  }

  // httproutes.yaml, v1 spec.hostnames[] pattern
  // ^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$
  @Test
  void patternViolationAndAnchoredMatch() {
    ObjectNode ok = route("hostnames: ['*.example.com', foo.bar]\n");
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", ok)).isEmpty();
    ObjectNode bad = route("hostnames: [Foo.example.com, \"a.b\\n\"]\n");
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", bad))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/spec/hostnames/0", "pattern"),
            // Go's $ does not match before a final newline (Java's would)
            org.assertj.core.groups.Tuple.tuple("/spec/hostnames/1", "pattern"));
  }

  // httproutes.yaml, v1 spec.rules[].backendRefs[].port minimum 1 maximum 65535;
  // .weight minimum 0 maximum 1000000
  @Test
  void minimumAndMaximum() {
    ObjectNode r =
        route(
            """
        rules: [{backendRefs: [{name: a, port: 0}, {name: b, port: 65536}, {name: c, port: 1, weight: 1000001}, {name: d, port: 65535, weight: 0}]}]
        """);
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", r))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/0/port", "minimum"),
            org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/1/port", "maximum"),
            org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/2/weight", "maximum"));
  }

  // httproutes.yaml, v1 spec.rules[].backendRefs[].name minLength 1 maxLength 253, required [name]
  @Test
  void lengthsAndRequired() {
    ObjectNode r =
        route(
            "rules: [{backendRefs: [{name: '', port: 80}, {port: 80}, {name: "
                + "a".repeat(254)
                + ", port: 80}]}]\n");
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", r))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/0/name", "minLength"),
            org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/1/name", "required"),
            org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/2/name", "maxLength"));
  }

  // httproutes.yaml, v1 spec.hostnames maxItems 16
  @Test
  void maxItems() {
    StringBuilder hosts = new StringBuilder("hostnames: [");
    for (int i = 0; i < 17; i++) {
      hosts.append(i == 0 ? "" : ", ").append("h").append(i).append(".example.com");
    }
    ObjectNode r = route(hosts + "]\n");
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", r))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/spec/hostnames", "maxItems"));
  }

  // httproutes.yaml, v1 spec.rules[].matches[].headers x-kubernetes-list-type map, keys [name]
  @Test
  void listMapKeysAreUnique() {
    ObjectNode r =
        route(
            """
        rules: [{matches: [{headers: [{name: a, value: "1"}, {name: b, value: "2"}, {name: a, value: "3"}]}]}]
        """);
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", r))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/spec/rules/0/matches/0/headers/2", "x-kubernetes-list-type: map"));
  }

  // configuration.konghq.com_kongconsumers.yaml, v1 credentials x-kubernetes-list-type set
  @Test
  void listSetItemsAreUnique() {
    ObjectNode c =
        yaml(
            """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: c}
        username: alice
        credentials: [a, b, a]
        """);
    assertThat(defaultedViolations(Kind.KONG_CONSUMER, "v1", c))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/credentials/2", "x-kubernetes-list-type: set"));
  }

  // gateway.networking.k8s.io_gateways.yaml, v1 spec.addresses[]: oneOf [{type enum [IPAddress],
  // value anyOf [format ipv4, format ipv6]}, {type not enum [IPAddress]}]
  @Test
  void oneOfAnyOfNotAndIpFormats() {
    ObjectNode gw =
        yaml(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g}
        spec:
          gatewayClassName: kong
          listeners: [{name: http, port: 80, protocol: HTTP}]
          addresses:
          - {type: IPAddress, value: 10.0.0.1}
          - {value: "fd00::1"}
          - {type: Hostname, value: gw.example.com}
          - {type: IPAddress, value: gw.example.com}
        """);
    assertThat(defaultedViolations(Kind.GATEWAY, "v1", gw))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/spec/addresses/3", "oneOf"));
    // spec.addresses[].type default IPAddress
    assertThat(gw.at("/spec/addresses/1/type").asText()).isEqualTo("IPAddress");
  }

  // gateway.networking.k8s.io_gateways.yaml, v1 spec.infrastructure.labels maxProperties 8
  @Test
  void maxProperties() {
    StringBuilder labels = new StringBuilder("{");
    for (int i = 0; i < 9; i++) {
      labels.append(i == 0 ? "" : ", ").append("l").append(i).append(": v");
    }
    ObjectNode gw =
        yaml(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g}
        spec:
          gatewayClassName: kong
          listeners: [{name: http, port: 80, protocol: HTTP}]
          infrastructure: {labels: %s}}
        """
                .formatted(labels));
    assertThat(defaultedViolations(Kind.GATEWAY, "v1", gw))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/spec/infrastructure/labels", "maxProperties"));
  }

  @Test
  void metadataIsNotValidatedHere() {
    ObjectNode r = route("rules: [{backendRefs: [{name: echo, port: 80}]}]\n");
    ((ObjectNode) r.get("metadata")).put("whatever", 1);
    assertThat(defaultedViolations(Kind.HTTP_ROUTE, "v1", r)).isEmpty();
    assertThat(SCHEMAS.unknownFields(Kind.HTTP_ROUTE, "v1", r)).isEmpty();
  }
}
