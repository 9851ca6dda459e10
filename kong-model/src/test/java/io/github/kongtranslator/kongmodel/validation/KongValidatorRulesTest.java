package io.github.kongtranslator.kongmodel.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.kongmodel.atc.AtcParser;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per rule: a value Kong 3.9.1 accepts passes, one it rejects is reported with the entity,
 * field and Kong's file. Values follow Kong's schema files and their unit specs ({@code
 * spec/01-unit/01-db/01-schema/}).
 */
class KongValidatorRulesTest {

  private static List<Violation> check(String yaml) {
    return KongValidator.kong391()
        .validate(KongConfigReader.yaml().read("_format_version: \"3.0\"\n" + yaml, "test.yaml"));
  }

  private static List<Violation> service(String fields) {
    return check("services:\n- name: svc\n  host: example.com\n" + fields);
  }

  private static List<Violation> route(String fields) {
    return check("services:\n- name: svc\n  host: example.com\n  routes:\n  - name: r\n" + fields);
  }

  private static List<Violation> upstream(String fields) {
    return check("upstreams:\n- name: up.example\n" + fields);
  }

  private static void assertOne(
      List<Violation> vs,
      String section,
      String entity,
      String field,
      String ruleContains,
      String source) {
    assertThat(vs)
        .as("%s", vs)
        .anySatisfy(
            v -> {
              assertThat(v.kind().sectionKey()).isEqualTo(section);
              assertThat(v.entity()).isEqualTo(entity);
              assertThat(v.field()).isEqualTo(field);
              assertThat(v.rule()).contains(ruleContains);
              assertThat(v.source()).isEqualTo(source);
            });
  }

  @Test
  void service_requiresHost() {
    assertThat(service("")).isEmpty();
    assertOne(
        check("services:\n- name: svc\n"),
        "services",
        "svc",
        "host",
        "required field missing",
        "kong/db/schema/entities/services.lua");
    assertThat(check("services:\n- name: svc\n  url: http://example.com/\n")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "port: 65535,port: 65536,port",
    "retries: 32767,retries: 32768,retries",
    "connect_timeout: 1,connect_timeout: 0,connect_timeout",
    "read_timeout: 2147483646,read_timeout: 2147483647,read_timeout"
  })
  void service_ranges(String good, String bad, String field) {
    assertThat(service("  " + good + "\n")).isEmpty();
    assertThat(service("  " + bad + "\n")).extracting(Violation::field).containsExactly(field);
    assertThat(service("  " + bad + "\n").get(0).rule()).startsWith("value should be between");
  }

  @Test
  void service_types() {
    // the model already rejects a wrong JSON type in a typed field; these are inside records
    assertOne(
        upstream("  healthchecks:\n    active:\n      concurrency: \"5\"\n"),
        "upstreams",
        "up.example",
        "healthchecks.active.concurrency",
        "expected an integer",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream("  healthchecks:\n    active:\n      https_verify_certificate: \"yes\"\n"),
        "upstreams",
        "up.example",
        "healthchecks.active.https_verify_certificate",
        "expected a boolean",
        "kong/db/schema/entities/upstreams.lua");
  }

  @Test
  void service_protocolIsOneOfKongs() {
    assertThat(service("  protocol: grpcs\n")).isEmpty();
    assertOne(
        service("  protocol: ftp\n"),
        "services",
        "svc",
        "protocol",
        "expected one of",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void service_hostTypedef() {
    assertThat(check("services:\n- name: svc\n  host: 10.0.0.1\n")).isEmpty();
    assertOne(
        check("services:\n- name: svc\n  host: example.com:80\n"),
        "services",
        "svc",
        "host",
        "must not have a port",
        "kong/db/schema/typedefs.lua");
    assertOne(
        check("services:\n- name: svc\n  host: bad_host-.com\n"),
        "services",
        "svc",
        "host",
        "invalid value",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void service_pathTypedef() {
    assertThat(service("  path: /foo/bar\n")).isEmpty();
    assertOne(
        service("  path: foo\n"),
        "services",
        "svc",
        "path",
        "should start with: /",
        "kong/db/schema/typedefs.lua");
    assertOne(
        service("  path: /foo//bar\n"),
        "services",
        "svc",
        "path",
        "must not have empty segments",
        "kong/db/schema/typedefs.lua");
    assertOne(
        service("  path: /foo%2\n"),
        "services",
        "svc",
        "path",
        "invalid url-encoded value",
        "kong/db/schema/typedefs.lua");
    assertOne(
        service("  path: /foo bar\n"),
        "services",
        "svc",
        "path",
        "RFC 3986",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void service_nameTypedef() {
    assertThat(check("services:\n- name: ns.svc_1~x\n  host: h\n")).isEmpty();
    assertOne(
        check("services:\n- name: a/b\n  host: h\n"),
        "services",
        "a/b",
        "name",
        "the only accepted ascii",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void service_pathOnlyForHttp() {
    assertThat(service("  protocol: http\n  path: /x\n")).isEmpty();
    assertOne(
        service("  protocol: tcp\n  path: /x\n"),
        "services",
        "svc",
        "path",
        "must be null",
        "kong/db/schema/entities/services.lua");
  }

  @Test
  void service_tlsVerifyOnlyForHttpsOrTls() {
    assertThat(service("  protocol: https\n  tls_verify: true\n")).isEmpty();
    assertOne(
        service("  protocol: http\n  tls_verify: true\n"),
        "services",
        "svc",
        "tls_verify",
        "must be null",
        "kong/db/schema/entities/services.lua");
  }

  @Test
  void uuidTypedef() {
    assertThat(service("  id: 0b8e0a9f-0a2c-4e5e-9c1c-c7d6c7b0e1a2\n")).isEmpty();
    assertOne(
        service("  id: not-a-uuid\n"),
        "services",
        "svc",
        "id",
        "expected a valid UUID",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void tagsTypedef() {
    assertThat(service("  tags:\n  - k8s-name:foo\n  - with space\n")).isEmpty();
    assertOne(
        service("  tags:\n  - a,b\n"),
        "services",
        "svc",
        "tags",
        "invalid tag",
        "kong/db/schema/typedefs.lua");
    assertOne(
        service("  tags:\n  - a/b\n"),
        "services",
        "svc",
        "tags",
        "invalid tag",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void unknownField() {
    assertOne(
        service("  colour: blue\n"),
        "services",
        "svc",
        "colour",
        "unknown field",
        "kong/db/schema/init.lua");
    assertThat(service("  colour: null\n")).isEmpty();
  }

  @Test
  void route_httpNeedsAMatcher() {
    assertThat(route("    paths:\n    - /\n")).isEmpty();
    assertOne(
        route("    protocols:\n    - http\n"),
        "routes",
        "r",
        "@entity",
        "must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http'",
        "kong/db/schema/entities/routes_subschemas.lua");
    assertOne(
        route("    strip_path: true\n"),
        "routes",
        "r",
        "@entity",
        "'snis' when 'protocols' is 'https'",
        "kong/db/schema/entities/routes_subschemas.lua");
  }

  @Test
  void route_streamNeedsSourcesDestinationsOrSnis() {
    assertThat(route("    protocols:\n    - tcp\n    destinations:\n    - port: 9000\n")).isEmpty();
    assertOne(
        route("    protocols:\n    - tcp\n"),
        "routes",
        "r",
        "@entity",
        "must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', 'tls' or 'udp'",
        "kong/db/schema/entities/routes_subschemas.lua");
    assertOne(
        route("    protocols:\n    - tls_passthrough\n"),
        "routes",
        "r",
        "@entity",
        "'snis' when 'protocols' is 'tls_passthrough'",
        "kong/db/schema/entities/routes_subschemas.lua");
    assertOne(
        route(
            "    protocols:\n    - tcp\n    destinations:\n    - port: 9000\n    paths:\n    - /\n"),
        "routes",
        "r",
        "paths",
        "cannot set 'paths'",
        "kong/db/schema/entities/routes_subschemas.lua");
  }

  @Test
  void route_httpMustNotSetSources() {
    assertOne(
        route("    paths:\n    - /\n    sources:\n    - ip: 10.0.0.0/8\n"),
        "routes",
        "r",
        "sources",
        "cannot set 'sources' when 'protocols' is 'http' or 'https'",
        "kong/db/schema/entities/routes_subschemas.lua");
  }

  @Test
  void route_grpcMustNotStripPath() {
    assertThat(route("    protocols:\n    - grpc\n    paths:\n    - /\n    strip_path: false\n"))
        .isEmpty();
    assertOne(
        route("    protocols:\n    - grpc\n    paths:\n    - /\n    strip_path: true\n"),
        "routes",
        "r",
        "strip_path",
        "cannot set 'strip_path'",
        "kong/db/schema/entities/routes_subschemas.lua");
  }

  @Test
  void route_protocolsAreMutuallyExclusiveSubsets() {
    assertThat(route("    protocols:\n    - http\n    - https\n    paths:\n    - /\n")).isEmpty();
    assertOne(
        route("    protocols:\n    - http\n    - tcp\n    paths:\n    - /\n"),
        "routes",
        "r",
        "protocols",
        "mutually exclusive",
        "kong/db/schema/entities/routes.lua");
    assertOne(
        route("    protocols: []\n    paths:\n    - /\n"),
        "routes",
        "r",
        "protocols",
        "length must be at least 1",
        "kong/db/schema/entities/routes.lua");
  }

  @Test
  void route_snisOnlyWithTlsProtocols() {
    assertThat(route("    protocols:\n    - https\n    snis:\n    - example.com\n")).isEmpty();
    assertOne(
        route("    protocols:\n    - http\n    paths:\n    - /\n    snis:\n    - example.com\n"),
        "routes",
        "r",
        "snis",
        "'snis' can only be set",
        "kong/db/schema/entities/routes.lua");
  }

  @Test
  void route_hostsTypedef() {
    assertThat(
            route("    hosts:\n    - '*.example.com'\n    - example.*\n    - example.com:8080\n"))
        .isEmpty();
    assertOne(
        route("    hosts:\n    - foo.*.com\n"),
        "routes",
        "r",
        "hosts",
        "leftmost or rightmost label",
        "kong/db/schema/typedefs.lua");
    assertOne(
        route("    hosts:\n    - '*.example.*'\n"),
        "routes",
        "r",
        "hosts",
        "at most one wildcard",
        "kong/db/schema/typedefs.lua");
    assertOne(
        route("    hosts:\n    - exa mple.com\n"),
        "routes",
        "r",
        "hosts",
        "invalid value",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void route_pathsTypedef() {
    assertThat(route("    paths:\n    - /foo\n    - ~/foo/(?<id>\\d+)$\n")).isEmpty();
    assertOne(
        route("    paths:\n    - foo\n"),
        "routes",
        "r",
        "paths",
        "should start with: / (fixed path) or ~/ (regex path)",
        "kong/db/schema/typedefs.lua");
    assertOne(
        route("    paths:\n    - /foo/../bar\n"),
        "routes",
        "r",
        "paths",
        "non-normalized path, consider use '/bar'",
        "kong/db/schema/typedefs.lua");
    assertOne(
        route("    paths:\n    - /foo//bar\n"),
        "routes",
        "r",
        "paths",
        "empty segments",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void route_methodsAndHeaders() {
    assertThat(route("    methods:\n    - GET\n    headers:\n      x-foo:\n      - bar\n"))
        .isEmpty();
    assertOne(
        route("    methods:\n    - get\n"),
        "routes",
        "r",
        "methods",
        "^%u+$",
        "kong/db/schema/typedefs.lua");
    assertOne(
        route("    paths:\n    - /\n    headers:\n      Host:\n      - a\n"),
        "routes",
        "r",
        "headers",
        "cannot contain 'host' header",
        "kong/db/schema/entities/routes.lua");
  }

  @Test
  void route_redirectCodeAndPathHandling() {
    assertThat(
            route(
                "    paths:\n    - /\n    https_redirect_status_code: 301\n    path_handling: v1\n"))
        .isEmpty();
    assertOne(
        route("    paths:\n    - /\n    https_redirect_status_code: 303\n"),
        "routes",
        "r",
        "https_redirect_status_code",
        "expected one of",
        "kong/db/schema/entities/routes.lua");
    assertOne(
        route("    paths:\n    - /\n    path_handling: v2\n"),
        "routes",
        "r",
        "path_handling",
        "expected one of",
        "kong/db/schema/entities/routes.lua");
  }

  @Test
  void route_expression() {
    assertThat(
            route(
                "    expression: http.path ^= \"/foo\" && !(http.host == \"a\")\n    priority: 1\n"))
        .isEmpty();
    assertOne(
        route("    expression: http.path ^= \n    priority: 1\n"),
        "routes",
        "r",
        "expression",
        "Router Expression failed validation",
        "Kong/atc-router src/atc_grammar.pest");
    assertOne(
        route("    expression: http.path == \"/\"\n    paths:\n    - /\n"),
        "routes",
        "r",
        "@entity",
        "cannot set 'expression' with",
        "kong/db/schema/entities/routes.lua");
    // an empty expression is no expression (init.lua drops empty strings): no matcher is left
    assertOne(
        route("    expression: \"\"\n    priority: 1\n"),
        "routes",
        "r",
        "@entity",
        "must set one of",
        "kong/db/schema/entities/routes_subschemas.lua");
  }

  @Test
  void route_expressionIsUnknownOutsideTheExpressionsFlavor() {
    List<Violation> vs =
        KongValidator.kong391()
            .withRouterFlavor(RouterFlavor.TRADITIONAL_COMPATIBLE)
            .validate(
                KongConfigReader.yaml()
                    .read(
                        "services:\n- name: s\n  host: h\n  routes:\n  - name: r\n"
                            + "    expression: http.path == \"/\"\n",
                        "t"));
    assertOne(vs, "routes", "r", "expression", "unknown field", "kong/db/schema/init.lua");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "http.path == \"/\";true",
        "lower(http.host) =^ \".com\";true",
        "net.src.ip in 10.0.0.0/8;true",
        "http.headers.x_a contains r#\"x\"#;true",
        "net.dst.port == 80 || net.dst.port != -1;true",
        "tls.sni not in \"a\";true",
        "http.path == ;false",
        "(http.path == \"/\";false",
        "== \"/\";false",
        "http.path = \"/\";false",
        "\"\";false",
        "http.path == \"/\" &&;false"
      })
  void atcSyntax(String expression, boolean valid) {
    assertThat(AtcParser.checkSyntax(expression).isEmpty()).as(expression).isEqualTo(valid);
  }

  @Test
  void upstream_name() {
    assertThat(upstream("")).isEmpty();
    assertOne(
        check("upstreams:\n- name: 10.0.0.1\n"),
        "upstreams",
        "10.0.0.1",
        "name",
        "no ip addresses allowed",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        check("upstreams:\n- name: up.example:80\n"),
        "upstreams",
        "up.example:80",
        "name",
        "no port allowed",
        "kong/db/schema/entities/upstreams.lua");
  }

  @Test
  void upstream_hashOnCookiePath() {
    assertThat(upstream("  hash_on: cookie\n  hash_on_cookie: c\n  hash_on_cookie_path: /p\n"))
        .isEmpty();
    assertOne(
        upstream("  hash_on: cookie\n  hash_on_cookie: c\n  hash_on_cookie_path: p\n"),
        "upstreams",
        "up.example",
        "hash_on_cookie_path",
        "should start with: /",
        "kong/db/schema/typedefs.lua");
    assertOne(
        upstream("  hash_on: cookie\n"),
        "upstreams",
        "up.example",
        "hash_on_cookie",
        "required field missing",
        "kong/db/schema/entities/upstreams.lua");
  }

  @Test
  void upstream_hashRules() {
    assertThat(upstream("  hash_on: header\n  hash_on_header: x-a\n  hash_fallback: ip\n"))
        .isEmpty();
    assertOne(
        upstream("  hash_on: header\n"),
        "upstreams",
        "up.example",
        "hash_on_header",
        "required field missing",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream("  hash_fallback: ip\n"),
        "upstreams",
        "up.example",
        "hash_fallback",
        "expected one of: none",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream("  hash_on: ip\n  hash_fallback: ip\n"),
        "upstreams",
        "up.example",
        "hash_fallback",
        "must not equal",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream(
            "  hash_on: header\n  hash_on_header: a\n  hash_fallback: header\n  hash_fallback_header: a\n"),
        "upstreams",
        "up.example",
        "@entity",
        "must be distinct",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream("  algorithm: fastest\n"),
        "upstreams",
        "up.example",
        "algorithm",
        "expected one of",
        "kong/db/schema/entities/upstreams.lua");
  }

  @Test
  void upstream_slotsAndHealthchecks() {
    assertThat(
            upstream(
                "  slots: 10\n  healthchecks:\n    threshold: 50\n    active:\n      concurrency: 5\n"
                    + "      healthy:\n        http_statuses: [200]\n"))
        .isEmpty();
    assertOne(
        upstream("  slots: 9\n"),
        "upstreams",
        "up.example",
        "slots",
        "between 10 and 65536",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream("  healthchecks:\n    active:\n      healthy:\n        http_statuses: [99]\n"),
        "upstreams",
        "up.example",
        "healthchecks.active.healthy.http_statuses",
        "between 100 and 999",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream("  healthchecks:\n    active:\n      timeout: 70000\n"),
        "upstreams",
        "up.example",
        "healthchecks.active.timeout",
        "between 0 and 65535",
        "kong/db/schema/entities/upstreams.lua");
    assertOne(
        upstream("  healthchecks:\n    active:\n      concurrency: 0\n"),
        "upstreams",
        "up.example",
        "healthchecks.active.concurrency",
        "between 1 and",
        "kong/db/schema/entities/upstreams.lua");
  }

  @Test
  void target_addressAndWeight() {
    assertThat(
            upstream(
                "  targets:\n  - target: 10.0.0.1:80\n    weight: 0\n  - target: '[::1]:8080'\n"))
        .isEmpty();
    assertOne(
        upstream("  targets:\n  - target: 10.0.0.1:80\n    weight: 65536\n"),
        "targets",
        "10.0.0.1:80",
        "weight",
        "between 0 and 65535",
        "kong/db/schema/entities/targets.lua");
    assertOne(
        upstream("  targets:\n  - target: a..b:80\n"),
        "targets",
        "a..b:80",
        "target",
        "not a valid hostname",
        "kong/db/schema/entities/targets.lua");
    assertOne(
        check("targets:\n- target: 10.0.0.1\n"),
        "targets",
        "10.0.0.1",
        "upstream",
        "required field missing",
        "kong/db/schema/entities/targets.lua");
  }

  @Test
  void certificate_requiredAndMutuallyRequired() {
    assertThat(check("certificates:\n- cert: c\n  key: k\n  snis:\n  - name: '*.example.com'\n"))
        .isEmpty();
    assertOne(
        check(
            "certificates:\n- cert: c\n  key: k\n  cert_alt: c2\n  id: 0b8e0a9f-0a2c-4e5e-9c1c-c7d6c7b0e1a2\n"),
        "certificates",
        "0b8e0a9f-0a2c-4e5e-9c1c-c7d6c7b0e1a2",
        "@entity",
        "'cert_alt', 'key_alt'",
        "kong/db/schema/entities/certificates.lua");
    assertOne(
        check("certificates:\n- cert: c\n"),
        "certificates",
        "certificates[0]",
        "key",
        "required field missing",
        "kong/db/schema/entities/certificates.lua");
  }

  @Test
  void sni_wildcardHost() {
    assertOne(
        check("certificates:\n- cert: c\n  key: k\n  snis:\n  - name: a.*.com\n"),
        "snis",
        "a.*.com",
        "name",
        "wildcard must be leftmost or rightmost",
        "kong/db/schema/typedefs.lua");
    assertOne(
        check("certificates:\n- cert: c\n  key: k\n  snis:\n  - name: 10.0.0.1\n"),
        "snis",
        "10.0.0.1",
        "name",
        "must not be an IP",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void consumer_needsUsernameOrCustomId() {
    assertThat(check("consumers:\n- custom_id: c\n")).isEmpty();
    assertOne(
        check("consumers:\n- tags: [a]\n"),
        "consumers",
        "consumers[0]",
        "@entity",
        "'custom_id', 'username'",
        "kong/db/schema/entities/consumers.lua");
  }

  @Test
  void vault_prefix() {
    assertThat(check("vaults:\n- name: env\n  prefix: my-env\n")).isEmpty();
    assertOne(
        check("vaults:\n- name: env\n  prefix: env\n"),
        "vaults",
        "env",
        "prefix",
        "must not be one of: env",
        "kong/db/schema/entities/vaults.lua");
    assertOne(
        check("vaults:\n- name: env\n  prefix: My_Env\n"),
        "vaults",
        "env",
        "prefix",
        "must match",
        "kong/db/schema/entities/vaults.lua");
  }

  @Test
  void plugin_nameAndProtocols() {
    assertThat(check("plugins:\n- name: cors\n  protocols: [http, grpc]\n")).isEmpty();
    assertOne(
        check("plugins:\n- protocols: [http]\n"),
        "plugins",
        "plugins[0]",
        "name",
        "required field missing",
        "kong/db/schema/entities/plugins.lua");
    assertOne(
        check("plugins:\n- name: cors\n  protocols: [ws]\n"),
        "plugins",
        "cors",
        "protocols",
        "expected one of",
        "kong/db/schema/typedefs.lua");
  }

  @Test
  void credentials() {
    assertThat(
            check(
                "consumers:\n- username: u\n  basicauth_credentials:\n  - username: b\n    password: p\n"))
        .isEmpty();
    List<Violation> vs =
        check("consumers:\n- username: u\n  basicauth_credentials:\n  - username: b\n");
    assertOne(
        vs,
        "basicauth_credentials",
        "consumers[0].basicauth_credentials[0]",
        "password",
        "required field missing",
        "kong/plugins/basic-auth/daos.lua");
    // a credential's values come from a Secret: never in a rule or a label, not even its username
    List<Violation> dup =
        check(
            "consumers:\n- username: u\n  basicauth_credentials:\n  - username: s3cr3t-user\n"
                + "    password: p\n- username: v\n  basicauth_credentials:\n  - username: s3cr3t-user\n    password: p\n");
    assertThat(dup)
        .singleElement()
        .satisfies(v -> assertThat(v.line()).contains("UNIQUE violation").doesNotContain("s3cr3t"));
    assertOne(
        check("consumers:\n- username: u\n  jwt_secrets:\n  - algorithm: XX\n"),
        "jwt_secrets",
        "consumers[0].jwt_secrets[0]",
        "algorithm",
        "expected one of",
        "kong/plugins/jwt/daos.lua");
  }

  @Test
  void uniqueIdsAndNames() {
    assertOne(
        check("services:\n- name: a\n  host: h\n- name: a\n  host: h\n"),
        "services",
        "a",
        "name",
        "UNIQUE violation",
        "kong/db/schema/entities/services.lua");
    String id = "0b8e0a9f-0a2c-4e5e-9c1c-c7d6c7b0e1a2";
    assertOne(
        check(
            "services:\n- name: a\n  host: h\n  id: "
                + id
                + "\n- name: b\n  host: h\n  id: "
                + id
                + "\n"),
        "services",
        "b",
        "id",
        "also used by a",
        "kong/db/schema/init.lua (primary key)");
    assertThat(
            check(
                "consumers:\n- username: u\n  keyauth_credentials:\n  - key: s3cr3t\n- username: v\n"
                    + "  keyauth_credentials:\n  - key: s3cr3t\n"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).contains("UNIQUE violation").doesNotContain("s3cr3t");
              assertThat(v.line()).doesNotContain("s3cr3t");
            });
  }

  @Test
  void danglingReferences() {
    assertThat(check("upstreams:\n- name: up\ntargets:\n- target: t:80\n  upstream: up\n"))
        .isEmpty();
    assertOne(
        check("targets:\n- target: t:80\n  upstream: nowhere\n"),
        "targets",
        "t:80",
        "upstream",
        "references upstreams 'nowhere', which does not exist",
        "kong/db/schema/entities/targets.lua");
    assertOne(
        check("plugins:\n- name: cors\n  service: nowhere\n"),
        "plugins",
        "cors",
        "service",
        "does not exist",
        "kong/db/schema/entities/plugins.lua");
  }

  @Test
  void nestedEntities_inheritTheirParentsTags() {
    List<Violation> vs =
        check(
            "certificates:\n- cert: c\n  key: k\n  tags: [k8s-name:s]\n  snis:\n  - name: a.*.com\n");
    assertThat(vs)
        .singleElement()
        .satisfies(v -> assertThat(v.tags()).containsExactly("k8s-name:s"));
  }
}
