package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.Corpus;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

class CorpusLoadTest {

  @TestFactory
  Stream<DynamicTest> everyCorpusInput_loadsWithoutError_withIndependentlyCountedKinds() {
    return Corpus.inputs().stream()
        .map(
            in ->
                DynamicTest.dynamicTest(
                    in.getParent().getFileName().toString(),
                    () -> {
                      // KIC's golden harness puts in.yaml straight into its store (no API server):
                      // as stored.
                      LoadResult loaded = Manifests.asStored().read(in);
                      Map<String, Long> actual =
                          loaded.objects().stream()
                              .collect(
                                  Collectors.groupingBy(
                                      K8sObject::kindName, TreeMap::new, Collectors.counting()));
                      assertThat(actual).isEqualTo(independentCounts(in));
                      assertThat(loaded.warnings()).isEmpty();
                      assertThat(CacheStores.of(loaded.objects()).size()).isPositive();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusInput_admitted_rejectsOnlyGatewaysWithoutAClass() {
    // With the API-server pipeline on, the only golden inputs the API server would refuse are
    // the listener-port Gateways of tcproute-example and udproute-example: they have no
    // spec.gatewayClassName, which gateway.networking.k8s.io_gateways.yaml (v1.3.0) requires.
    return Corpus.inputs().stream()
        .map(
            in ->
                DynamicTest.dynamicTest(
                    in.getParent().getFileName().toString(),
                    () -> {
                      LoadResult loaded = Manifests.load(in);
                      assertThat(loaded.rejected())
                          .allSatisfy(
                              r ->
                                  assertThat(r.getMessage())
                                      .contains("Gateway")
                                      .contains("gatewayClassName"));
                      assertThat(loaded.objects().size() + loaded.rejected().size())
                          .isEqualTo(
                              independentCounts(in).values().stream()
                                  .mapToLong(Long::longValue)
                                  .sum());
                    }));
  }

  /** Counts documents per kind with plain SnakeYAML, without our loader. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> independentCounts(Path in) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(in)) {
      for (Object doc : new Yaml().loadAll(r)) {
        if (doc instanceof Map<?, ?> m && m.get("kind") != null) {
          counts.merge((String) ((Map<String, Object>) m).get("kind"), 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
