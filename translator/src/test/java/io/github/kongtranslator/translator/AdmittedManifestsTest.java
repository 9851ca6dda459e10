package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 end to end: manifests as people write them (no namespace, no uid, a backendRef without
 * {@code kind}, a rule without {@code matches}) translate as the same objects read from an API
 * server would, through the loader's admission (core defaults, namespace, uid, CRD defaults from
 * the bundled Gateway API v1.3.0 schemas).
 */
class AdmittedManifestsTest {
  private static final String YAML =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: echo-1
        labels: {kubernetes.io/service-name: echo}
      addressType: IPv4
      ports: [{port: 8080}]
      endpoints:
      - addresses: [10.0.0.7]
        conditions: {ready: true}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: web}
      spec:
        rules:
        - backendRefs:
          - {name: echo, port: 80}
      """;

  private static JsonNode translate(Manifests loader) {
    return Translator.create(TranslatorOptions.defaults())
        .translate(CacheStores.of(loader.readString(YAML, "web.yaml").objects()))
        .config()
        .toJson();
  }

  @Test
  void kindlessBackendRef_andMatchlessRule_translateAsTheApiServerWouldStoreThem() {
    JsonNode c = translate(Manifests.defaults());
    JsonNode svc = c.path("services").get(0);
    // namespace "default" (not ".."), the backendRef's kind defaulted to Service: real tags
    assertThat(svc.path("name").asText()).isEqualTo("httproute.default.web.0");
    assertThat(svc.path("tags").toString())
        .contains("k8s-name:echo", "k8s-namespace:default")
        .doesNotContain("UNKNOWN");
    // the EndpointSlice's address is a target, weight 1 from the CRD default
    assertThat(c.path("upstreams").get(0).path("targets").toString())
        .contains("10.0.0.7:8080")
        .contains("\"weight\":1");
    // the rule without matches got the CRD default PathPrefix / and matches "/"
    assertThat(svc.path("routes").get(0).path("paths").toString()).contains("\"/\"");
    // every id a UUID: derived uids, no empty ids
    assertThat(c.toString()).doesNotContain("\"id\":\"\"");
  }

  @Test
  void asStored_keepsKicsBehaviourOnTheSameText() {
    // gateway-api-spec §1.2: as stored, a kind-less backendRef is unresolvable (placeholder tags,
    // no targets) and the namespace stays empty.
    JsonNode c = translate(Manifests.asStored());
    assertThat(c.path("services").get(0).path("tags").toString()).contains("k8s-name:UNKNOWN");
    assertThat(c.toString()).doesNotContain("10.0.0.7");
  }
}
