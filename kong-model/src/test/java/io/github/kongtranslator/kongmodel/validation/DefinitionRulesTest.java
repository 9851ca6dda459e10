package io.github.kongtranslator.kongmodel.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.FieldSpec;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongModelException;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The validator's rules that derive from the field definitions ({@link FieldSpec}: type, {@code
 * one_of}, {@code between}, defaults), one test per kind of rule, each with a value Kong 3.9.1
 * accepts and one it rejects, taken from Kong's schema files.
 */
class DefinitionRulesTest {

  private static List<Violation> check(String yaml) {
    return KongValidator.kong391().validate(read(yaml));
  }

  private static KongConfig read(String yaml) {
    return KongConfigReader.yaml().read("_format_version: \"3.0\"\n" + yaml, "test.yaml");
  }

  private static List<String> rules(List<Violation> vs) {
    return vs.stream().map(v -> v.field() + ": " + v.rule() + " (" + v.source() + ")").toList();
  }

  @Test
  void oneOfString() {
    // kong/db/schema/entities/upstreams.lua: algorithm one_of { "consistent-hashing",
    // "least-connections", "round-robin", "latency" }
    assertThat(check("upstreams:\n- name: up\n  algorithm: latency\n")).isEmpty();
    assertThat(rules(check("upstreams:\n- name: up\n  algorithm: random\n")))
        .containsExactly(
            "algorithm: expected one of: consistent-hashing, least-connections, round-robin, latency"
                + " (kong/db/schema/entities/upstreams.lua)");
    // kong/plugins/jwt/daos.lua: algorithm one_of { "HS256", ..., "EdDSA" }
    String jwt = "consumers:\n- username: u\n  jwt_secrets:\n  - key: k\n    algorithm: ";
    assertThat(check(jwt + "EdDSA\n")).isEmpty();
    assertThat(check(jwt + "none\n"))
        .singleElement()
        .satisfies(v -> assertThat(v.source()).isEqualTo("kong/plugins/jwt/daos.lua"));
  }

  @Test
  void oneOfInteger() {
    // routes.lua: https_redirect_status_code one_of { 426, 301, 302, 307, 308 }
    String route =
        "services:\n- name: s\n  host: h\n  routes:\n  - name: r\n    paths: [/]\n"
            + "    https_redirect_status_code: ";
    assertThat(check(route + "308\n")).isEmpty();
    assertThat(rules(check(route + "303\n")))
        .containsExactly(
            "https_redirect_status_code:"
                + " expected one of: 426, 301, 302, 307, 308 (kong/db/schema/entities/routes.lua)");
  }

  @Test
  void oneOfEachElementOfAList() {
    // plugins.lua protocols = typedefs.protocols: elements typedefs.protocol, one_of PROTOCOLS
    assertThat(check("plugins:\n- name: cors\n  protocols: [grpc, https]\n")).isEmpty();
    assertThat(rules(check("plugins:\n- name: cors\n  protocols: [https, ws]\n")))
        .containsExactly(
            "protocols: expected one of: grpc, grpcs, http, https, tcp, tls, tls_passthrough, udp"
                + " (kong/db/schema/typedefs.lua)");
  }

  @Test
  void between() {
    // services.lua: tls_verify_depth between { 0, 64 }; upstreams.lua: slots between { 10, 2^16 }
    assertThat(
            check("services:\n- name: s\n  host: h\n  protocol: https\n  tls_verify_depth: 64\n"))
        .isEmpty();
    assertThat(
            rules(
                check(
                    "services:\n- name: s\n  host: h\n  protocol: https\n"
                        + "  tls_verify_depth: 65\n")))
        .containsExactly(
            "tls_verify_depth: value should be between 0 and 64 (kong/db/schema/entities/services.lua)");
    assertThat(check("upstreams:\n- name: up\n  slots: 65536\n")).isEmpty();
    assertThat(rules(check("upstreams:\n- name: up\n  slots: 9\n")))
        .containsExactly(
            "slots: value should be between 10 and 65536 (kong/db/schema/entities/upstreams.lua)");
  }

  @Test
  void defaultsAreTheValueOfAnAbsentField() {
    // routes.lua: protocols default { "http", "https" }, so a route without protocols needs
    // an https matcher (routes_subschemas.lua)
    String route = "services:\n- name: s\n  host: h\n  routes:\n  - name: r\n";
    assertThat(check(route + "    hosts: [a.example]\n")).isEmpty();
    assertThat(check(route + "    strip_path: true\n"))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).endsWith("when 'protocols' is 'https'"));
    // upstreams.lua: hash_on default "none", and hash_fallback must then be "none"
    assertThat(check("upstreams:\n- name: up\n  hash_on: ip\n  hash_fallback: consumer\n"))
        .isEmpty();
    assertThat(rules(check("upstreams:\n- name: up\n  hash_fallback: consumer\n")))
        .containsExactly(
            "hash_fallback: expected one of: none (when 'hash_on' is 'none')"
                + " (kong/db/schema/entities/upstreams.lua)");
  }

  @Test
  void typesAreTheBuildersToReject() {
    // a wrong JSON type never reaches the validator: the typed model refuses it
    assertThat(check("targets:\n- target: 10.0.0.1:80\n  upstream: up\n  weight: 5\n"))
        .extracting(Violation::rule)
        .allMatch(r -> r.contains("does not exist"));
    assertThatThrownBy(() -> read("targets:\n- target: 10.0.0.1:80\n  weight: \"5\"\n"))
        .hasRootCauseInstanceOf(KongModelException.class)
        .rootCause()
        .hasMessageContaining("weight");
  }

  /** Every kind with every defaulted field at Kong's default: the defaults obey the rules. */
  @ParameterizedTest
  @EnumSource(
      value = EntityKind.class,
      names = {"SERVICE", "UPSTREAM", "TARGET", "PLUGIN", "JWT_SECRET", "OAUTH2"})
  void kongsDefaultsPassTheirOwnDefinitions(EntityKind kind) {
    ObjectNode entity = JsonNodeFactory.instance.objectNode();
    for (FieldSpec f : kind.fieldSpecs()) {
      f.defaultValue().ifPresent(d -> entity.set(f.name(), d));
      f.defaultValue()
          .filter(d -> !f.oneOf().isEmpty())
          .ifPresent(
              d ->
                  assertThat(d.isArray() ? d.valueStream().toList() : List.of(d))
                      .as("%s.%s default", kind, f.name())
                      .isSubsetOf(f.oneOf()));
      f.between()
          .ifPresent(
              r ->
                  f.defaultValue()
                      .map(JsonNode::longValue)
                      .ifPresent(
                          v ->
                              assertThat(v)
                                  .as("%s.%s default", kind, f.name())
                                  .isBetween(r.min(), r.max())));
    }
    assertThat(entity.size()).as("defaults of %s", kind).isPositive();
    String yaml =
        switch (kind) {
          case SERVICE -> "services:\n- " + json(entity.put("host", "h"));
          case UPSTREAM -> "upstreams:\n- " + json(entity.put("name", "up"));
          case TARGET ->
              "upstreams:\n- name: up\n  targets:\n  - " + json(entity.put("target", "t:80"));
          case PLUGIN -> "plugins:\n- " + json(entity.put("name", "cors"));
          case JWT_SECRET -> "consumers:\n- username: u\n  jwt_secrets:\n  - " + json(entity);
          case OAUTH2 ->
              "consumers:\n- username: u\n  oauth2_credentials:\n  - "
                  + json(entity.put("name", "app"));
          default -> throw new AssertionError(kind);
        };
    assertThat(check(yaml)).isEmpty();
  }

  private static String json(ObjectNode o) {
    return o.toString() + "\n";
  }
}
