package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.manifest.internal.Admission;
import io.github.kongtranslator.core.manifest.internal.schema.SchemaViolation;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongClusterPlugin;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.core.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admission pipeline of {@link Manifests}: namespaces, uids, the CRD schema step, options. */
class AdmissionPipelineTest {
  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: echo
      spec:
        ports:
        - port: 80
      """;

  @Test
  void namespacedObjectWithoutNamespace_getsDefaultNamespace() {
    LoadResult r = Manifests.parse(SERVICE, "svc.yaml");
    assertThat(r.objects()).singleElement().extracting(K8sObject::key).isEqualTo("default/echo");
    assertThat(r.defaulted())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.fields()).contains("metadata.namespace", "metadata.uid");
              assertThat(d.object().toString()).isEqualTo("Service default/echo");
              assertThat(d.source()).isEqualTo("svc.yaml");
              assertThat(d.document()).isEqualTo(1);
            });
  }

  @Test
  void namespaceOption_replacesDefault_likeKubectlDashN() {
    LoadResult r =
        Manifests.with(ManifestOptions.builder().defaultNamespace("team-a").build())
            .read(new java.io.StringReader(SERVICE), "svc.yaml");
    assertThat(r.objects()).singleElement().extracting(K8sObject::key).isEqualTo("team-a/echo");
  }

  @Test
  void objectWithNamespace_keepsIt() {
    LoadResult r =
        Manifests.parse(SERVICE.replace("name: echo", "name: echo\n  namespace: prod"), "s.yaml");
    assertThat(r.objects().get(0).metadata().namespace()).isEqualTo("prod");
  }

  /** apiserver registry/rest/create.go EnsureObjectNamespaceMatchesRequestNamespace: cleared. */
  @Test
  void clusterScopedObject_losesNamespace_asTheApiServerClearsIt() {
    LoadResult r =
        Manifests.parse(
            """
        apiVersion: configuration.konghq.com/v1
        kind: KongClusterPlugin
        metadata: {name: auth, namespace: somewhere}
        plugin: key-auth
        """,
            "kcp.yaml");
    KongClusterPlugin p = (KongClusterPlugin) r.objects().get(0);
    assertThat(p.metadata().namespace()).isEmpty();
    // uuid5(NAMESPACE_URL, "kong-translator:configuration.konghq.com/KongClusterPlugin//auth"),
    // computed with Python's uuid module
    assertThat(p.metadata().uid()).isEqualTo("c32a040c-2bbe-5f0d-8c51-5d17fb6a1452");
  }

  /**
   * Expected value from Python: uuid.uuid5(uuid.NAMESPACE_URL,
   * "kong-translator:/Service/default/echo").
   */
  @Test
  void objectWithoutUid_getsNameBasedUuid5() {
    LoadResult r = Manifests.parse(SERVICE, "svc.yaml");
    assertThat(r.objects().get(0).metadata().uid())
        .isEqualTo("a056e7e6-9fac-56ba-83e2-d12350d4f036");
    LoadResult again = Manifests.parse(SERVICE, "other.yaml");
    assertThat(again.objects().get(0).metadata().uid())
        .isEqualTo("a056e7e6-9fac-56ba-83e2-d12350d4f036");
  }

  @Test
  void uidsDifferByNamespace() {
    LoadResult r =
        Manifests.parse(
            SERVICE
                .replace("name: echo", "name: tls\n  namespace: team-a")
                .replace("Service", "Secret")
                .replace("spec:\n  ports:\n  - port: 80\n", ""),
            "s.yaml");
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, "kong-translator:/Secret/team-a/tls")
    assertThat(r.objects().get(0).metadata().uid())
        .isEqualTo("e4721b97-ded7-507d-aa01-00ff4406183f");
  }

  @Test
  void objectWithUid_keepsIt() {
    LoadResult r =
        Manifests.parse(SERVICE.replace("name: echo", "name: echo\n  uid: abc"), "s.yaml");
    assertThat(r.objects().get(0).metadata().uid()).isEqualTo("abc");
    assertThat(r.defaulted().get(0).fields()).doesNotContain("metadata.uid");
  }

  @Test
  void uidsOff_leavesUidEmpty() {
    LoadResult r =
        Manifests.with(ManifestOptions.builder().deterministicUids(false).build())
            .read(new java.io.StringReader(SERVICE), "s.yaml");
    assertThat(r.objects().get(0).metadata().uid()).isEmpty();
    assertThat(r.objects().get(0).metadata().namespace()).isEqualTo("default");
  }

  @Test
  void asStored_appliesNothing() {
    LoadResult r =
        Manifests.asStored()
            .read(
                new java.io.StringReader(
                    SERVICE
                        + """
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          rules:
          - http:
              paths:
              - path: /
                backend: {service: {name: echo, port: {number: 80}}}
        """),
                "s.yaml");
    Service svc = (Service) r.objects().get(0);
    assertThat(svc.metadata().namespace()).isEmpty();
    assertThat(svc.metadata().uid()).isEmpty();
    assertThat(svc.spec().type()).isNull();
    assertThat(svc.spec().ports().get(0).protocol()).isNull();
    assertThat(r.objects()).hasSize(2); // no validation: the pathType-less Ingress loads
    assertThat(r.defaulted()).isEmpty();
    assertThat(r.rejected()).isEmpty();
  }

  /** A fake CRD schema step: records what it saw, defaults one field, rejects one value. */
  private static final class FakeSchemas implements Admission.SchemaStep {
    final List<String> seen = new ArrayList<>();

    @Override
    public List<String> applyDefaults(Kind kind, String version, ObjectNode object) {
      seen.add(
          "defaults "
              + kind.kindName()
              + " "
              + version
              + " ns="
              + object.path("metadata").path("namespace").asText()
              + " uid="
              + !object.path("metadata").path("uid").asText().isEmpty());
      if (kind == Kind.KONG_UPSTREAM_POLICY
          && object.path("spec").isObject()
          && !object.path("spec").has("algorithm")) {
        ((ObjectNode) object.get("spec")).put("algorithm", "round-robin");
        return List.of("/spec/algorithm");
      }
      return List.of();
    }

    @Override
    public List<SchemaViolation> validate(Kind kind, String version, ObjectNode object) {
      seen.add("validate " + kind.kindName());
      JsonNode path = object.path("spec").path("hashOn").path("cookiePath");
      if (path.isTextual() && !path.textValue().startsWith("/")) {
        return List.of(
            new SchemaViolation("/spec/hashOn/cookiePath", "pattern", "must match ^/.*"));
      }
      return List.of();
    }
  }

  private static final String POLICIES =
      """
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongUpstreamPolicy
      metadata: {name: good}
      spec: {}
      ---
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongUpstreamPolicy
      metadata:
        name: bad
        namespace: team-a
      spec:
        algorithm: consistent-hashing
        hashOn:
          cookie: session
          cookiePath: no-slash
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: s}
      """;

  @Test
  void schemaStep_runsAfterNamespaceAndUid_defaultsThenValidates() {
    FakeSchemas fake = new FakeSchemas();
    LoadResult r =
        Manifests.with(ManifestOptions.defaults(), fake)
            .read(new java.io.StringReader(POLICIES), "policies.yaml");
    assertThat(fake.seen)
        .startsWith(
            "defaults KongUpstreamPolicy v1beta1 ns=default uid=true",
            "validate KongUpstreamPolicy");
    assertThat(r.defaulted().get(0).fields())
        .containsSubsequence("metadata.namespace", "spec.algorithm");
    JsonNode good = ModelJson.toTree(r.objects().get(0));
    assertThat(good.path("spec").path("algorithm").asText()).isEqualTo("round-robin");
  }

  @Test
  void schemaViolation_rejectsOnlyThatObject_withTypedErrorNamingEverything() {
    LoadResult r =
        Manifests.with(ManifestOptions.defaults(), new FakeSchemas())
            .read(new java.io.StringReader(POLICIES), "policies.yaml");
    assertThat(r.objects()).extracting(K8sObject::name).containsExactly("good", "s");
    assertThat(r.rejected())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo("policies.yaml");
              assertThat(e.document()).isEqualTo(2);
              assertThat(e.line()).isEqualTo(15);
              assertThat(e.field()).isEqualTo("spec.hashOn.cookiePath");
              assertThat(e.rule()).isEqualTo("pattern");
              assertThat(e.object())
                  .isEqualTo(
                      new ObjectRef(
                          "configuration.konghq.com",
                          "v1beta1",
                          "KongUpstreamPolicy",
                          "team-a",
                          "bad",
                          e.object().uid()));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "policies.yaml: document 2, line 15:17: field "
                          + "spec.hashOn.cookiePath: KongUpstreamPolicy team-a/bad: rejected as the API server "
                          + "would: must match ^/.* (rule pattern)");
            });
  }

  @Test
  void validationOff_keepsObjectTheSchemaWouldRefuse() {
    LoadResult r =
        Manifests.with(ManifestOptions.builder().validation(false).build(), new FakeSchemas())
            .read(new java.io.StringReader(POLICIES), "policies.yaml");
    assertThat(r.objects()).extracting(K8sObject::name).containsExactly("good", "bad", "s");
  }

  @Test
  void defaultsOff_skipsSchemaDefaults_butKeepsNamespaceAndUid() {
    FakeSchemas fake = new FakeSchemas();
    LoadResult r =
        Manifests.with(ManifestOptions.builder().apiServerDefaults(false).build(), fake)
            .read(new java.io.StringReader(POLICIES), "policies.yaml");
    assertThat(fake.seen).noneMatch(s -> s.startsWith("defaults"));
    assertThat(ModelJson.toTree(r.objects().get(0)).path("spec").has("algorithm")).isFalse();
    assertThat(r.objects().get(0).metadata().namespace()).isEqualTo("default");
  }

  @Test
  void jsonNodeEntryPoint_runsThePipeline_andDoesNotModifyTheInput() throws Exception {
    JsonNode tree =
        ModelJson.MAPPER.readTree(
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"echo\"},"
                + "\"spec\":{\"ports\":[{\"port\":80}]}}");
    JsonNode before = tree.deepCopy();
    LoadResult r = Manifests.defaults().read(tree, "<tree>");
    assertThat(tree).isEqualTo(before);
    Service svc = (Service) r.objects().get(0);
    assertThat(svc.key()).isEqualTo("default/echo");
    assertThat(svc.spec().ports().get(0).protocol()).isEqualTo("TCP");
  }

  @Test
  void jsonArrayEntryPoint_eachElementIsADocument() throws Exception {
    JsonNode tree =
        ModelJson.MAPPER.readTree(
            "[{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"a\"}},{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"b\"},\"spec\":{\"ports\":\"eighty\"}}]");
    assertThatThrownBy(() -> Manifests.defaults().read(tree, "<tree>"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(
            "<tree>: document 2: field spec.ports: Service default/b: wrong type");
  }

  @Test
  void mapEntryPoint_namesObjectAndFieldInErrors() {
    Map<String, Object> meta = new LinkedHashMap<>(Map.of("name", "web"));
    Map<String, Object> path =
        new LinkedHashMap<>(
            Map.of(
                "path",
                "/",
                "backend",
                Map.of("service", Map.of("name", "echo", "port", Map.of("number", 80)))));
    Map<String, Object> ingress = new LinkedHashMap<>();
    ingress.put("apiVersion", "networking.k8s.io/v1");
    ingress.put("kind", "Ingress");
    ingress.put("metadata", meta);
    ingress.put("spec", Map.of("rules", List.of(Map.of("http", Map.of("paths", List.of(path))))));
    LoadResult r = Manifests.defaults().read(ingress, "<map>");
    assertThat(r.objects()).isEmpty();
    assertThat(r.rejected())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "<map>: document 1: field "
                          + "spec.rules[0].http.paths[0].pathType: Ingress default/web: rejected as the API "
                          + "server would: pathType must be specified (rule required)");
              assertThat(e.line()).isZero();
            });
    assertThat(meta).doesNotContainKey("namespace");
  }
}
