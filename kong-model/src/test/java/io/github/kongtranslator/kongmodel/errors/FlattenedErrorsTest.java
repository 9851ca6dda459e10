package io.github.kongtranslator.kongmodel.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.model.ObjectRef;
import org.junit.jupiter.api.Test;

class FlattenedErrorsTest {
  private static final String HARNESS_BODY =
      "{\"flattened_errors\": [{\"errors\": [{\"messages\": [\"broken object\"]}],"
          + " \"entity_tags\": [\"k8s-name:plugin\", \"k8s-namespace:default\", \"k8s-kind:KongPlugin\","
          + " \"k8s-group:configuration.konghq.com\", \"k8s-version:v1\","
          + " \"k8s-uid:6faea5d6-ce95-439e-b223-421a0a142e3f\"]}]}";

  private static GatewayRejection parsed(String body) {
    ParseOutcome o = FlattenedErrors.parse(body);
    assertThat(o.status()).isEqualTo(ParseOutcome.Status.PARSED);
    return o.rejection().orElseThrow();
  }

  @Test
  void harnessBody_identifiesTheKongPlugin() {
    GatewayRejection r = parsed(HARNESS_BODY);
    ObjectRef expected =
        new ObjectRef(
            "configuration.konghq.com",
            "v1",
            "KongPlugin",
            "default",
            "plugin",
            "6faea5d6-ce95-439e-b223-421a0a142e3f");
    assertThat(r.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.problems()).containsExactly(java.util.Map.entry("[0]", "broken object"));
              assertThat(e.compatRef()).contains(expected);
              assertThat(e.targetRef()).contains(expected);
            });
    assertThat(KicBlame.brokenObjects(r)).containsExactly(expected);
    assertThat(r.hasFlattenedErrors()).isTrue();
  }

  @Test
  void specExampleBody_yieldsProblemsPerSection44() {
    String body =
        "{ \"code\": 14, \"name\": \"invalid declarative configuration\","
            + " \"message\": \"declarative config is invalid: {}\", \"fields\": { \"x\": \"nested, unused\" },"
            + " \"flattened_errors\": [ { \"entity_type\": \"route\", \"entity_name\": \"default.demo.echo.80\","
            + " \"entity_id\": \"0b1c\", \"entity_tags\": [\"k8s-name:demo\", \"k8s-namespace:default\","
            + " \"k8s-kind:Ingress\", \"k8s-uid:1d6c\", \"k8s-group:networking.k8s.io\", \"k8s-version:v1\"],"
            + " \"entity\": { \"name\": \"x\" },"
            + " \"errors\": [ { \"type\": \"field\", \"field\": \"methods\", \"message\": \"cannot set methods\" },"
            + " { \"type\": \"entity\", \"message\": \"bad entity\" },"
            + " { \"type\": \"field\", \"field\": \"paths\", \"messages\": [\"p0\", \"\"] },"
            + " { \"type\": \"other\", \"message\": \"ignored\" },"
            + " { \"type\": \"field\", \"field\": \"both\", \"message\": \"m\", \"messages\": [\"n\"] } ] } ] }";
    GatewayRejection r = parsed(body);
    assertThat(r.code()).hasValue(14);
    assertThat(r.name()).isEqualTo("invalid declarative configuration");
    FlattenedError e = r.entries().get(0);
    assertThat(e.problems())
        .containsExactly(
            java.util.Map.entry("methods", "cannot set methods"),
            java.util.Map.entry("route:default.demo.echo.80", "bad entity"),
            java.util.Map.entry("paths[0]", "p0"));
    assertThat(e.compatRef())
        .contains(new ObjectRef("networking.k8s.io", "v1", "Ingress", "default", "demo", "1d6c"));
  }

  @Test
  void entriesWithoutUsableTags_areKeptWithAReason() {
    String body =
        "{\"flattened_errors\":[{\"entity_tags\":[\"k8s-name:a\",\"k8s-kind:IngressClass\","
            + "\"k8s-group:networking.k8s.io\",\"k8s-version:v1\",\"k8s-uid:u\"],\"errors\":[{\"messages\":[\"x\"]}]},"
            + "{\"entity_tags\":[\"user-tag\"],\"errors\":[{\"messages\":[\"x\"]}]},"
            + "{\"entity_tags\":[\"k8s-name:b\",\"k8s-namespace:ns\",\"k8s-kind:KongPlugin\","
            + "\"k8s-group:configuration.konghq.com\",\"k8s-version:v1\"],\"errors\":[{\"messages\":[\"x\"]}]}]}";
    GatewayRejection r = parsed(body);
    assertThat(r.entries()).hasSize(3);
    assertThat(r.entries().get(0).tagIdentity().compatDropReason())
        .contains(TagIdentity.DropReason.MISSING_NAMESPACE);
    assertThat(r.entries().get(0).targetRef())
        .contains(new ObjectRef("networking.k8s.io", "v1", "IngressClass", "", "a", "u"));
    assertThat(r.entries().get(1).tagIdentity().compatDropReason())
        .contains(TagIdentity.DropReason.MISSING_NAME);
    assertThat(r.entries().get(1).targetRef()).isEmpty();
    assertThat(r.entries().get(2).tagIdentity().compatDropReason())
        .contains(TagIdentity.DropReason.MISSING_UID);
    assertThat(r.entries().get(2).targetRef())
        .contains(new ObjectRef("configuration.konghq.com", "v1", "KongPlugin", "ns", "b", ""));
    assertThat(KicBlame.brokenObjects(r)).isEmpty();
    assertThat(r.targetBrokenObjects()).hasSize(2);
  }

  @Test
  void clusterScopedKind_ignoresNamespaceTag_underTargetRules() {
    TagIdentity t =
        TagIdentity.fromTags(
            java.util.List.of(
                "k8s-name:p",
                "k8s-namespace:default",
                "k8s-kind:KongClusterPlugin",
                "k8s-group:configuration.konghq.com",
                "k8s-version:v1",
                "k8s-uid:1"));
    assertThat(t.targetRef()).hasValueSatisfying(r -> assertThat(r.namespace()).isEmpty());
    assertThat(t.compatRef())
        .hasValueSatisfying(r -> assertThat(r.namespace()).isEqualTo("default"));
  }

  @Test
  void compat_kicClusterScopedList_allowsEmptyNamespace() {
    TagIdentity vault =
        TagIdentity.fromTags(
            java.util.List.of(
                "k8s-name:v",
                "k8s-kind:KongVault",
                "k8s-group:configuration.konghq.com",
                "k8s-version:v1alpha1",
                "k8s-uid:1"));
    assertThat(vault.compatDropReason()).isEmpty();
  }

  @Test
  void coreGroupPlaceholder_yieldsGroupCore() {
    TagIdentity t =
        TagIdentity.fromTags(
            java.util.List.of(
                "k8s-name:s",
                "k8s-namespace:n",
                "k8s-kind:Service",
                "k8s-group:core",
                "k8s-version:v1",
                "k8s-uid:1"));
    assertThat(t.group()).isEqualTo("core");
    assertThat(t.apiVersion()).isEqualTo("core/v1");
    TagIdentity noGroup =
        TagIdentity.fromTags(java.util.List.of("k8s-kind:Service", "k8s-version:v1"));
    assertThat(noGroup.group()).isEmpty();
    assertThat(noGroup.apiVersion()).isEqualTo("v1");
  }

  @Test
  void identifiedEntryWithoutProblems_isBlamedOnlyUnderTargetRules() {
    String body =
        "{\"flattened_errors\":[{\"entity_tags\":[\"k8s-name:b\",\"k8s-namespace:ns\",\"k8s-kind:KongPlugin\","
            + "\"k8s-group:configuration.konghq.com\",\"k8s-version:v1\",\"k8s-uid:u\"],\"errors\":[{\"messages\":[\"\"]}]}]}";
    GatewayRejection r = parsed(body);
    assertThat(KicBlame.brokenObjects(r)).isEmpty();
    assertThat(r.targetBrokenObjects()).hasSize(1);
  }

  @Test
  void emptyAndBlankBodies_areEmpty() {
    assertThat(FlattenedErrors.parse("").status()).isEqualTo(ParseOutcome.Status.EMPTY);
    assertThat(FlattenedErrors.parse(" \n").status()).isEqualTo(ParseOutcome.Status.EMPTY);
    assertThat(FlattenedErrors.parse(null).status()).isEqualTo(ParseOutcome.Status.EMPTY);
  }

  @Test
  void htmlAndWrongTypes_areUnparseable_withThePointer() {
    assertThat(FlattenedErrors.parse("<html><body>502 Bad Gateway</body></html>").status())
        .isEqualTo(ParseOutcome.Status.UNPARSEABLE);
    assertThat(FlattenedErrors.parse("[1,2]").status()).isEqualTo(ParseOutcome.Status.UNPARSEABLE);
    assertThat(FlattenedErrors.parse("{\"flattened_errors\": {}}"))
        .isInstanceOfSatisfying(
            ParseOutcome.Unparseable.class,
            u -> assertThat(u.reason()).startsWith("/flattened_errors: expected a list"));
    assertThat(
            FlattenedErrors.parse(
                "{\"message\":\"m\",\"flattened_errors\":[{\"entity_tags\":[1]}]}"))
        .isInstanceOfSatisfying(
            ParseOutcome.Unparseable.class,
            u -> {
              assertThat(u.reason())
                  .startsWith("/flattened_errors/0/entity_tags/0: expected a string");
              assertThat(u.topLevelMessage()).isEqualTo("m");
            });
    assertThat(FlattenedErrors.parse(HARNESS_BODY.substring(0, 40)).status())
        .isEqualTo(ParseOutcome.Status.UNPARSEABLE);
  }

  @Test
  void bodyWithoutFlattenedErrors_isParsedWithNoEntries() {
    GatewayRejection r = parsed("{\"message\":\"oops\",\"code\":5}");
    assertThat(r.hasFlattenedErrors()).isFalse();
    assertThat(r.entries()).isEmpty();
    assertThat(r.message()).isEqualTo("oops");
  }

  @Test
  void deeplyNestedBody_isUnparseable_notAStackOverflow() {
    String deep = "{\"fields\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThat(FlattenedErrors.parse(deep).status()).isEqualTo(ParseOutcome.Status.UNPARSEABLE);
  }

  @Test
  void toString_neverShowsMessagesOrBody() {
    String secret = "SECRET-MARKER-77";
    String body =
        "{\"message\":\""
            + secret
            + "\",\"flattened_errors\":[{\"entity\":{\"key\":\""
            + secret
            + "\"},\"errors\":[{\"type\":\"field\",\"field\":\"key\",\"message\":\"bad "
            + secret
            + "\"}]}]}";
    ParseOutcome o = FlattenedErrors.parse(body);
    assertThat(o.toString()).doesNotContain(secret);
    assertThat(o.rejection().orElseThrow().rawBody()).contains(secret);
    assertThat(FlattenedErrors.parse("{\"message\":\"" + secret + "\",\"code\":\"x\"}").toString())
        .doesNotContain(secret);
  }

  @Test
  void keys_matchCaseInsensitively_lastOneWinning_asGoDecodes() {
    GatewayRejection r =
        parsed(
            "{\"Message\":\"a\",\"MESSAGE\":\"b\",\"Flattened_Errors\":[{\"Entity_Tags\":[\"k8s-name:x\"]}]}");
    assertThat(r.message()).isEqualTo("b");
    assertThat(r.entries())
        .singleElement()
        .satisfies(e -> assertThat(e.tagIdentity().name()).isEqualTo("x"));
  }

  @Test
  void byteBodies_areDecodedAsUtf8_andInvalidUtf8IsUnparseable() {
    assertThat(
            FlattenedErrors.parseUtf8(
                    HARNESS_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .status())
        .isEqualTo(ParseOutcome.Status.PARSED);
    assertThat(FlattenedErrors.parseUtf8(new byte[] {'{', (byte) 0xff, '}'}).status())
        .isEqualTo(ParseOutcome.Status.UNPARSEABLE);
    assertThat(FlattenedErrors.parseUtf8(new byte[0]).status())
        .isEqualTo(ParseOutcome.Status.EMPTY);
  }
}
