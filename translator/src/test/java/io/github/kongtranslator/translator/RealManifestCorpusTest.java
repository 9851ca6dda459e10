package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestException;
import io.github.kongtranslator.core.manifest.ManifestOptions;
import io.github.kongtranslator.core.manifest.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads and translates every file of a corpus of real manifests (Gateway API v1.3.0 examples and
 * conformance manifests, KIC's examples at 1fa68f86; see {@code corpus/NOTICE}) as people write
 * them: no file refused, no empty namespace in any Kong name or host, no empty id, no two
 * certificates collapsed into one. The same corpus loaded as stored (no admission) is the "before"
 * measurement, printed for comparison.
 *
 * <p>Checks that need the CRD defaults (every backendRef without {@code kind} resolving to its
 * Service, HTTPRoute rules without {@code matches}) come with the bundled CRD schemas.
 */
class RealManifestCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static List<Path> files;

  @BeforeAll
  static void listFiles() throws IOException {
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
  }

  /** Measurements over the corpus for one way of loading. */
  private static final class Stats {
    int filesRefused;
    int objects;
    int objectsDefaulted;
    int fieldsDefaulted;
    int rejected;
    int translationFailures;
    int kindlessBackendRefsDropped;
    int certificates;
    int matchlessRoutes;
    final List<String> matchlessAt = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    final List<String> rejectedObjects = new ArrayList<>();
    final List<String> emptyNamespaceNames = new ArrayList<>();
    final List<String> emptyIds = new ArrayList<>();
    final List<String> collapsedCertificates = new ArrayList<>();

    @Override
    public String toString() {
      return "files refused "
          + filesRefused
          + ", objects "
          + objects
          + ", objects defaulted "
          + objectsDefaulted
          + " ("
          + fieldsDefaulted
          + " fields), rejected "
          + rejected
          + ", translation failures "
          + translationFailures
          + " (kind-less backendRefs dropped "
          + kindlessBackendRefsDropped
          + ", until the CRD defaults apply)"
          + ", certificates "
          + certificates
          + ", routes matching nothing "
          + matchlessRoutes
          + ", names/hosts with an empty namespace "
          + emptyNamespaceNames.size()
          + ", empty ids "
          + emptyIds.size()
          + ", collapsed certificates "
          + collapsedCertificates.size();
    }
  }

  private static Stats measure(ManifestOptions options) {
    Stats st = new Stats();
    Translator translator = Translator.create(TranslatorOptions.defaults());
    for (Path f : files) {
      LoadResult loaded;
      try {
        loaded = Manifests.with(options).read(f);
      } catch (ManifestException e) {
        st.filesRefused++;
        st.refused.add(e.getMessage());
        continue;
      }
      st.objects += loaded.objects().size();
      st.objectsDefaulted += loaded.defaulted().size();
      loaded.defaulted().forEach(d -> st.fieldsDefaulted += d.fields().size());
      st.rejected += loaded.rejected().size();
      loaded.rejected().forEach(e -> st.rejectedObjects.add(e.getMessage()));
      TranslationResult r = translator.translate(CacheStores.of(loaded.objects()));
      st.translationFailures += r.failures().size();
      st.kindlessBackendRefsDropped +=
          (int)
              r.failures().stream()
                  .filter(x -> x.reason().contains("dropped: it has no kind"))
                  .count();
      JsonNode config = r.config().toJson();
      walk(config, f + ":", st);
      for (JsonNode svc : config.path("services")) {
        for (JsonNode route : svc.path("routes")) {
          // HTTP-family routes only (a stream route without ports is KongValidator's business)
          boolean http =
              !route.has("protocols")
                  || route.get("protocols").toString().matches(".*\"(http|https|grpc|grpcs)\".*");
          if (http
              && java.util.stream.Stream.of(
                      "paths",
                      "hosts",
                      "methods",
                      "headers",
                      "snis",
                      "expression",
                      "sources",
                      "destinations")
                  .noneMatch(
                      k ->
                          route.has(k)
                              && !route.get(k).isEmpty()
                              && !(route.get(k).isTextual() && route.get(k).asText().isEmpty()))) {
            st.matchlessRoutes++;
            st.matchlessAt.add(f + ": " + route);
          }
        }
      }
      Set<String> certIds = new HashSet<>();
      for (JsonNode cert : config.path("certificates")) {
        st.certificates++;
        if (!certIds.add(cert.path("id").asText())) {
          st.collapsedCertificates.add(f + ": certificate id " + cert.path("id").asText());
        }
      }
      int tlsSecrets =
          (int)
              loaded.objects().stream()
                  .filter(
                      o ->
                          o instanceof io.github.kongtranslator.core.model.Secret s
                              && s.value("tls.crt").isPresent()
                              && s.value("tls.key").isPresent())
                  .map(o -> o.key())
                  .distinct()
                  .count();
      int usedIds = certIds.size();
      if (options.admission()
          && usedIds < Math.min(tlsSecrets, config.path("certificates").size())) {
        st.collapsedCertificates.add(f + ": " + tlsSecrets + " TLS secrets, " + usedIds + " ids");
      }
    }
    return st;
  }

  private static void walk(JsonNode node, String at, Stats st) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if ((k.equals("name") || k.equals("host") || k.equals("target"))
            && v.isTextual()
            && emptyNamespace(v.textValue())) {
          st.emptyNamespaceNames.add(at + " " + k + "=" + v.textValue());
        }
        if (k.equals("id") && v.isTextual() && v.textValue().isEmpty()) {
          st.emptyIds.add(at + " id");
        }
        walk(v, at, st);
      }
    } else if (node.isArray()) {
      node.forEach(n -> walk(n, at, st));
    }
  }

  /**
   * A KIC name or host built from an empty namespace: a service host or upstream {@code
   * echo..80.svc}, a name starting with the namespace ({@code .echo.80}), or a Gateway API name
   * {@code httproute..route.0}. (An Ingress route name {@code ns.ingress.svc..80} has an empty
   * host, not an empty namespace.)
   */
  private static boolean emptyNamespace(String s) {
    return s.startsWith(".")
        || s.matches(".*\\.\\.\\d+\\.svc(\\..*)?(:\\d+)?")
        || s.matches("(httproute|grpcroute|tcproute|udproute|tlsroute)\\.\\..*");
  }

  @Test
  void corpus_loadsAndTranslates_withNoEmptyNamespaceIdOrCollapsedCertificate() {
    Stats before = measure(ManifestOptions.asStored());
    Stats after = measure(ManifestOptions.defaults());
    System.out.println("real-manifest corpus, " + files.size() + " files");
    System.out.println("  as stored (before): " + before);
    System.out.println("  admitted  (after):  " + after);
    // No file is refused for an empty document (10 in the corpus were). One file is
    // refused for a real error: KIC's cross-namespace-plugin-grant.yaml has a ReferenceGrant
    // without apiVersion (document 5), which kubectl refuses too ("apiVersion not set").
    assertThat(after.refused).allSatisfy(m -> assertThat(m).doesNotContain("found null"));
    assertThat(after.refused)
        .containsExactly(
            "src/test/resources/corpus/kic-1fa68f86/examples/"
                + "cross-namespace-plugin-grant.yaml: document 5, line 76:1: field apiVersion: missing or"
                + " not a string: every object needs an apiVersion");
    assertThat(after.emptyNamespaceNames).isEmpty();
    assertThat(after.emptyIds).isEmpty();
    assertThat(after.collapsedCertificates).isEmpty();
    assertThat(files).hasSizeGreaterThan(150);
    // Nothing is lost: every object either loads or is refused with a reason, as the API server
    // would (here two Gateway API conformance manifests that break CRD rules on purpose or by age).
    assertThat(after.objects + after.rejected).isGreaterThanOrEqualTo(before.objects);
    assertThat(after.rejectedObjects)
        .hasSizeLessThanOrEqualTo(2)
        .allSatisfy(m -> assertThat(m).contains("rejected as the API server would"));
    // With the CRD defaults, no backendRef is dropped for lack of a kind (157 as stored) and no
    // HTTPRoute rule becomes an HTTP route matching nothing (the rule gets PathPrefix /).
    assertThat(before.kindlessBackendRefsDropped).isPositive();
    assertThat(after.kindlessBackendRefsDropped).isZero();
    assertThat(before.matchlessRoutes).isPositive();
    assertThat(after.matchlessAt).isEmpty();
  }
}
