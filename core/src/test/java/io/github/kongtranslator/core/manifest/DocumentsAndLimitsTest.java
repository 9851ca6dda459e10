package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty documents, lists, size bounds and UTF-8 handling of {@link Manifests}. */
class DocumentsAndLimitsTest {
  private static final String SVC = "apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\n";

  /** k8s.io/cli-runtime/pkg/resource/visitor.go skips empty and "null" documents. */
  @Test
  void emptyCommentOnlyAndNullDocuments_areSkipped() {
    LoadResult r =
        Manifests.parse(
            "---\n# only a comment\n---\n"
                + SVC.formatted("a")
                + "---\n---\nnull\n---\n"
                + SVC.formatted("b")
                + "---\n",
            "e.yaml");
    assertThat(r.objects()).extracting(K8sObject::name).containsExactly("a", "b");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void scalarDocument_isStillAnErrorNamingIt() {
    assertThatThrownBy(() -> Manifests.parse(SVC.formatted("a") + "---\njust text\n", "s.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "s.yaml: document 2, line 6:1: expected a Kubernetes object (a mapping), found string");
  }

  /** A reader giving a few chars at a time, across the loader's buffer growth, loses nothing. */
  @Test
  void readerInSmallChunks_readsTheWholeText() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      text.append(SVC.formatted("s" + i)).append("  labels:\n    note: \"ü€ " + i + "\"\n---\n");
    }
    java.io.Reader trickle =
        new java.io.StringReader(text.toString()) {
          @Override
          public int read(char[] cbuf, int off, int len) throws java.io.IOException {
            return super.read(cbuf, off, Math.min(len, 3));
          }
        };
    LoadResult r = Manifests.defaults().read(trickle, "t.yaml");
    assertThat(text.length()).isGreaterThan(3 * 8192);
    assertThat(r.objects()).hasSize(400);
    assertThat(r.objects().get(399).metadata().labels()).containsEntry("note", "ü€ 399");
    assertThat(r.objects()).isEqualTo(Manifests.parse(text.toString(), "t.yaml").objects());
  }

  /**
   * Objects are read while the stream is parsed, but the whole text is judged first: a malformed
   * document after a bad object is the error reported, as when every document was parsed before any
   * object was read.
   */
  @Test
  void malformedDocumentAfterABadObject_isTheErrorReported() {
    String text =
        "apiVersion: v1\nmetadata:\n  name: nokind\n---\n"
            + SVC.formatted("a")
            + "---\napiVersion: v1\nkind: [unclosed\n";
    assertThatThrownBy(() -> Manifests.parse(text, "m.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("m.yaml: document 3, line 12:")
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void documentLimitAfterABadObject_isTheErrorReported() {
    String text =
        "apiVersion: v1\nmetadata:\n  name: nokind\n---\n"
            + SVC.formatted("a")
            + "---\n"
            + SVC.formatted("b");
    assertThatThrownBy(
            () ->
                Manifests.withLimits(ManifestLimits.defaults().withMaxDocuments(2))
                    .readString(text, "m.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("document 3")
        .hasMessageContaining("limit maxDocuments");
  }

  @Test
  void twoBadObjects_theFirstIsReported() {
    String text =
        SVC.formatted("a")
            + "---\napiVersion: v1\nmetadata:\n  name: nokind\n---\n"
            + "apiVersion: v1\nkind: Service\nmetadata:\n  namespace: x\n";
    assertThatThrownBy(() -> Manifests.parse(text, "m.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("m.yaml: document 2,")
        .hasMessageContaining("every object needs a kind");
  }

  /** unstructured.go decodeToList: typed-list items without apiVersion and kind take the list's. */
  @Test
  void typedList_itemsInheritApiVersionAndKind() {
    LoadResult r =
        Manifests.parse(
            """
        apiVersion: v1
        kind: ServiceList
        items:
        - metadata: {name: a}
        - {apiVersion: v1, kind: Secret, metadata: {name: b}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRouteList
        items:
        - metadata: {name: r, namespace: n}
          spec: {parentRefs: [{name: gw}]}
        """,
            "lists.yaml");
    assertThat(r.objects())
        .extracting(K8sObject::kind)
        .containsExactly(Kind.SERVICE, Kind.SECRET, Kind.HTTP_ROUTE);
    assertThat(((HttpRoute) r.objects().get(2)).key()).isEqualTo("n/r");
  }

  @Test
  void v1List_itemWithoutKind_isStillAnError() {
    assertThatThrownBy(
            () ->
                Manifests.parse(
                    "apiVersion: v1\nkind: List\nitems:\n- metadata: {name: a}\n", "l.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("field items[0].apiVersion");
  }

  @Test
  void unknownTypedList_itemsAreSkippedWithWarnings() {
    LoadResult r =
        Manifests.parse(
            "apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: d}\n", "d.yaml");
    assertThat(r.objects()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("skipped Deployment d");
  }

  /** A 16 MB plain scalar used to take 75 s in SnakeYAML; the bound refuses it before parsing. */
  @Test
  void hugeScalar_isRefusedBeforeParsing_namingDocumentAndLine() {
    String big =
        SVC.formatted("a")
            + "---\n"
            + SVC.formatted("b")
            + "  annotations: {x: "
            + "y".repeat(16 * 1024 * 1024)
            + "}\n";
    assertThatThrownBy(() -> Manifests.parse(big, "big.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("big.yaml: document 2, line 5:1: document of 16777")
        .hasMessageContaining("limit maxObjectBytes");
  }

  @Test
  void objectBound_isConfigurable() {
    String doc = SVC.formatted("a") + "  annotations: {x: " + "y".repeat(2000) + "}\n";
    Manifests small = Manifests.withLimits(ManifestLimits.defaults().withMaxObjectBytes(1000));
    assertThatThrownBy(() -> small.read(new java.io.StringReader(doc), "s.yaml"))
        .hasMessageContaining("larger than 1000 bytes");
    assertThat(Manifests.parse(doc, "s.yaml").objects()).hasSize(1);
  }

  @Test
  void totalObjects_areBoundedAcrossFilesOfOneLoad(@TempDir Path dir) throws Exception {
    for (int f = 0; f < 3; f++) {
      Files.writeString(
          dir.resolve("f" + f + ".yaml"),
          SVC.formatted("a" + f) + "---\n" + SVC.formatted("b" + f));
    }
    Manifests loader = Manifests.withLimits(ManifestLimits.defaults().withMaxTotalObjects(5));
    assertThatThrownBy(() -> loader.read(dir))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("f2.yaml: document 2")
        .hasMessageContaining("more than 5 objects in all (limit maxTotalObjects)");
    assertThat(loader.read(dir.resolve("f0.yaml")).objects()).hasSize(2);
  }

  @Test
  void totalBytes_areBoundedAcrossPathsOfOneLoad(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), SVC.formatted("a"));
    Path b = Files.writeString(dir.resolve("b.yaml"), SVC.formatted("b"));
    long size = Files.size(a);
    Manifests loader = Manifests.withLimits(ManifestLimits.defaults().withMaxTotalBytes(size + 10));
    assertThatThrownBy(() -> loader.read(List.of(a, b)))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(b.toString())
        .hasMessageContaining("limit maxTotalBytes");
  }

  @Test
  void invalidUtf8File_namesFileAndLine(@TempDir Path dir) throws Exception {
    byte[] bytes = (SVC.formatted("a") + "  labels: {x: \"").getBytes(StandardCharsets.UTF_8);
    byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 3);
    withBad[bytes.length] = (byte) 0xC3; // a lead byte followed by an ASCII byte: malformed
    withBad[bytes.length + 1] = 'x';
    withBad[bytes.length + 2] = '"';
    Path f = Files.write(dir.resolve("bad.yaml"), withBad);
    assertThatThrownBy(() -> Manifests.load(f))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            f
                + ", line 5:16: invalid UTF-8 (byte offset "
                + bytes.length
                + "); manifests must be UTF-8");
  }

  @Test
  void invalidUtf8Stream_isAnError_notSilentlyReplaced() {
    byte[] bad = {'a', 'p', 'i', (byte) 0xFF, '\n'};
    assertThatThrownBy(() -> Manifests.defaults().read(new ByteArrayInputStream(bad), "<stdin>"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("<stdin>, line 1:4: invalid UTF-8");
  }

  @Test
  void byteOrderMark_isIgnored() {
    byte[] text = ("\uFEFF" + SVC.formatted("a")).getBytes(StandardCharsets.UTF_8);
    assertThat(Manifests.defaults().read(new ByteArrayInputStream(text), "bom.yaml").objects())
        .hasSize(1);
  }
}
