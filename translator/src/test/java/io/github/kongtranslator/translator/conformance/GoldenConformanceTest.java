package io.github.kongtranslator.translator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case variant of the shared golden corpus whose input has no broken object with the
 * translator alone; each must match its golden. Cases with broken objects need the fallback; the
 * fallback module's {@code GoldenConformanceTest} runs the whole corpus as its README says and
 * holds the one list of known failures.
 */
class GoldenConformanceTest {

  static Path corpus() {
    String shared = System.getProperty("kt.shared.dir");
    assertThat(shared).as("system property kt.shared.dir").isNotNull();
    return Path.of(shared, "conformance", "kic-golden");
  }

  @TestFactory
  Stream<DynamicTest> everyCaseVariantWithoutBrokenObjects_matchesItsGolden() {
    List<GoldenCase> cases =
        GoldenCorpus.discover(corpus()).stream()
            .filter(c -> !GoldenCorpus.needsFallback(c))
            .toList();
    assertThat(cases).hasSize(33);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.id(),
                    () ->
                        assertThat(GoldenCorpus.check(c))
                            .as("%s differs from its golden", c.id())
                            .isEmpty()));
  }

  @Test
  void corpus_isPresent() {
    assertThat(Files.isDirectory(corpus())).isTrue();
  }
}
