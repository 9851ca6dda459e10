package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.Service;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {
  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: echo
        namespace: default
      spec:
        ports:
        - name: http
          port: 80
          targetPort: 8080
      """;

  @Test
  void bindingErrors_neverQuoteTheInputValue_singleQuotedByJackson() {
    // Jackson writes "from String value ('...')" for a string where an object is expected; the
    // value may be a secret, so the message names the field but not the value.
    String yaml =
        """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: p, namespace: default}
        plugin: key-auth
        configFrom: "s3cr3t-token-value"
        """;
    assertThatThrownBy(() -> Manifests.asStored().readString(yaml, "p.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("configFrom")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void parse_multiDocumentYaml_keepsInputOrderAndTypesFields() {
    LoadResult r =
        Manifests.parse(
            SERVICE
                + """
        ---
        # a comment
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: default, annotations: {konghq.com/strip-path: "true"}}
        spec:
          ingressClassName: kong
          rules:
          - host: example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: echo, port: {number: 80}}}
        """,
            "two.yaml");
    assertThat(r.objects()).extracting(K8sObject::kind).containsExactly(Kind.SERVICE, Kind.INGRESS);
    Service svc = (Service) r.objects().get(0);
    assertThat(svc.spec().ports().get(0).targetPort().number()).contains(8080);
    Ingress ing = (Ingress) r.objects().get(1);
    assertThat(ing.metadata().annotation("konghq.com/strip-path")).isEqualTo("true");
    assertThat(ing.spec().rules().get(0).http().paths().get(0).backend().service().port().number())
        .isEqualTo(80);
    assertThat(ing.ref().toString()).isEqualTo("Ingress default/web");
  }

  @Test
  void parse_json_isAccepted() {
    LoadResult r =
        Manifests.parse(
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"}}",
            "svc.json");
    assertThat(r.objects()).singleElement().extracting(K8sObject::key).isEqualTo("n/a");
  }

  @Test
  void parse_kindList_contributesItems() {
    LoadResult r =
        Manifests.parse(
            """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Service, metadata: {name: a, namespace: n}}
        - {apiVersion: apps/v1, kind: Deployment, metadata: {name: d, namespace: n}}
        - {apiVersion: v1, kind: Service, metadata: {name: b, namespace: n}}
        """,
            "list.yaml");
    assertThat(r.objects()).extracting(K8sObject::name).containsExactly("a", "b");
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("list.yaml", "document 1", "Deployment n/d", "not read");
  }

  @Test
  void parse_unreadKind_isSkippedWithWarningNamingTheObject() {
    LoadResult r =
        Manifests.parse(
            SERVICE
                + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: prod}
        """,
            "mixed.yaml");
    assertThat(r.objects()).hasSize(1);
    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.document()).isEqualTo(2);
              assertThat(w.line()).isEqualTo(12);
              assertThat(w.message()).contains("Deployment prod/web");
            });
  }

  @Test
  void parse_everyServedVersion_mapsOntoOneType() {
    LoadResult r =
        Manifests.parse(
            """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: HTTPRoute
        metadata: {name: r1, namespace: n}
        spec: {hostnames: [a.example]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r2, namespace: n}
        """,
            "routes.yaml");
    assertThat(r.objects()).allSatisfy(o -> assertThat(o).isInstanceOf(HttpRoute.class));
    assertThat(r.objects().get(0).ref().version()).isEqualTo("v1beta1");
  }

  @Test
  void parse_unservedVersion_isSkippedWithWarning() {
    LoadResult r =
        Manifests.parse(
            """
        apiVersion: networking.k8s.io/v1beta1
        kind: Ingress
        metadata: {name: old, namespace: n}
        """,
            "old.yaml");
    assertThat(r.objects()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("v1beta1", "Ingress n/old");
  }

  @Test
  void parse_malformedYaml_namesSourceDocumentAndLine() {
    assertThatThrownBy(
            () -> Manifests.parse(SERVICE + "---\napiVersion: v1\nkind: [unclosed\n", "bad.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("bad.yaml: document 2, line 14:")
        .hasMessageContaining("malformed YAML")
        .satisfies(e -> assertThat(((ManifestException) e).document()).isEqualTo(2));
  }

  @Test
  void parse_wrongTypeForModelledField_namesFieldLineAndObject() {
    String yaml = SERVICE.replace("port: 80", "port: eighty");
    assertThatThrownBy(() -> Manifests.parse(yaml, "svc.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("svc.yaml: document 1, line 9:")
        .hasMessageContaining("field spec.ports[0].port")
        .hasMessageContaining("Service default/echo")
        .hasMessageContaining("wrong type");
  }

  @Test
  void parse_numberWhereStringExpected_isRejected() {
    assertThatThrownBy(
            () ->
                Manifests.parse(
                    """
        apiVersion: v1
        kind: Service
        metadata: {name: a, namespace: n, annotations: {konghq.com/retries: 3}}
        """,
                    "s.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("field metadata.annotations.konghq.com/retries");
  }

  @Test
  void parse_missingName_isAnError() {
    assertThatThrownBy(
            () ->
                Manifests.parse(
                    "apiVersion: v1\nkind: Service\nmetadata: {namespace: n}\n", "x.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("x.yaml: document 1, line 3:")
        .hasMessageContaining("field metadata.name")
        .hasMessageContaining("Service objects need metadata.name");
  }

  @Test
  void parse_missingKind_isAnError() {
    assertThatThrownBy(() -> Manifests.parse("apiVersion: v1\nmetadata: {name: a}\n", "x.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("field kind");
  }

  @Test
  void parse_scalarDocument_isAnError() {
    assertThatThrownBy(() -> Manifests.parse("just a string\n", "s.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("expected a Kubernetes object");
  }

  @Test
  void parse_duplicateKey_isRejectedWithBothLines() {
    assertThatThrownBy(
            () ->
                Manifests.parse(
                    "apiVersion: v1\nkind: Service\nkind: Secret\nmetadata: {name: a}\n", "d.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("d.yaml: document 1, line 3:1")
        .hasMessageContaining("duplicate key 'kind' (first at line 2)");
  }

  @Test
  void parse_aliasBomb_hitsNodeLimit() {
    StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    Manifests loader = Manifests.withLimits(ManifestLimits.defaults().withMaxAliases(1000));
    assertThatThrownBy(() -> loader.read(new java.io.StringReader(y.toString()), "bomb.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("bomb.yaml: document 1")
        .hasMessageContaining("maxNodesPerDocument");
  }

  @Test
  void parse_tooManyAliases_isRejectedByDefault() {
    StringBuilder y = new StringBuilder("a: &a [1]\nb: [");
    for (int j = 0; j < 200; j++) {
      y.append(j == 0 ? "" : ", ").append("*a");
    }
    y.append("]\n");
    assertThatThrownBy(() -> Manifests.parse(y.toString(), "aliases.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("aliases.yaml");
  }

  @Test
  void parse_deepNesting_hitsDepthLimit() {
    String deep =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: "
            + "[".repeat(100)
            + "]".repeat(100)
            + "\n";
    assertThatThrownBy(() -> Manifests.parse(deep, "deep.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("deep.yaml");
  }

  @Test
  void parse_tooManyDocuments_hitsDocumentLimit() {
    Manifests loader = Manifests.withLimits(ManifestLimits.defaults().withMaxDocuments(2));
    String three =
        SERVICE + "---\n" + SERVICE.replace("echo", "b") + "---\n" + SERVICE.replace("echo", "c");
    assertThatThrownBy(() -> loader.read(new java.io.StringReader(three), "many.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("many.yaml: document 3")
        .hasMessageContaining("maxDocuments");
  }

  @Test
  void parse_oversizedStream_hitsSizeLimit() {
    Manifests loader = Manifests.withLimits(ManifestLimits.defaults().withMaxStreamChars(100));
    assertThatThrownBy(
            () ->
                loader.read(new java.io.StringReader(SERVICE + "# " + "x".repeat(500)), "big.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("big.yaml");
  }

  @Test
  void parse_invalidBase64InSecret_namesKeyButNotValue() {
    assertThatThrownBy(
            () ->
                Manifests.parse(
                    """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: n}
        data:
          password: "!!not-base64-SEKRET!!"
        """,
                    "secret.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("secret.yaml: document 1")
        .hasMessageContaining("data.password is not valid base64")
        .hasMessageNotContaining("SEKRET");
  }

  @Test
  void secret_isDecodedOnce_andNeverPrinted() {
    Secret s =
        (Secret)
            Manifests.parse(
                    """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: n}
        data: {key: TUFSS0VSLWRhdGE=}
        stringData: {other: MARKER-string}
        """,
                    "s.yaml")
                .objects()
                .get(0);
    assertThat(s.value("key"))
        .hasValueSatisfying(v -> assertThat(v.utf8()).isEqualTo("MARKER-data"));
    assertThat(s.value("other"))
        .hasValueSatisfying(v -> assertThat(v.utf8()).isEqualTo("MARKER-string"));
    assertThat(s.toString()).doesNotContain("MARKER").contains("key", "other");
    assertThat(s.data().toString()).doesNotContain("MARKER");
  }

  @Test
  void load_directory_readsManifestFilesInPathOrder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.yaml"), SERVICE.replace("echo", "second"));
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(
        dir.resolve("a/x.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"first\",\"namespace\":\"n\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    assertThat(Manifests.load(dir).objects())
        .extracting(K8sObject::name)
        .containsExactly("first", "second");
  }

  @Test
  void load_missingFile_isManifestException(@TempDir Path dir) {
    assertThatThrownBy(() -> Manifests.load(dir.resolve("nope.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("cannot read");
  }

  @Test
  void read_stream_usesSourceName() {
    LoadResult r =
        Manifests.defaults()
            .read(new ByteArrayInputStream(SERVICE.getBytes(StandardCharsets.UTF_8)), "<stdin>");
    assertThat(r.objects()).hasSize(1);
  }

  @Test
  void parse_mergeKeys_areResolved() {
    LoadResult r =
        Manifests.parse(
            """
        apiVersion: v1
        kind: Service
        metadata:
          <<: {namespace: n, labels: {a: b}}
          name: merged
        """,
            "merge.yaml");
    assertThat(r.objects().get(0).key()).isEqualTo("n/merged");
    assertThat(r.objects().get(0).metadata().labels()).containsEntry("a", "b");
  }
}
