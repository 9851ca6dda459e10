package io.github.kongtranslator.fallback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.fallback.Fixtures;
import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case variant of the shared golden corpus exactly as its README describes, through
 * {@link FallbackGoldenRunner}. Variants listed in {@code known-failures.txt} (the one list of
 * known failures, {@code case/variant: reason} per line) must fail; every other must pass.
 */
class GoldenConformanceTest {

  static Map<String, String> knownFailures() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = GoldenConformanceTest.class.getResourceAsStream("/known-failures.txt")) {
      assertThat(in).as("known-failures.txt").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int colon = l.indexOf(':');
        out.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCaseVariant_matchesItsGolden_unlessKnownToFail() throws IOException {
    Map<String, String> known = knownFailures();
    return GoldenCorpus.discover(Fixtures.goldenDir()).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.id(),
                    () -> {
                      Optional<String> diff = FallbackGoldenRunner.check(c);
                      if (known.containsKey(c.id())) {
                        assertThat(diff)
                            .as(
                                "%s is listed as a known failure (%s) but now passes: remove it"
                                    + " from known-failures.txt",
                                c.id(), known.get(c.id()))
                            .isPresent();
                      } else {
                        assertThat(diff).as("%s differs from its golden", c.id()).isEmpty();
                      }
                    }));
  }

  @Test
  void knownFailures_nameExistingCaseVariants() throws IOException {
    List<String> ids =
        GoldenCorpus.discover(Fixtures.goldenDir()).stream().map(GoldenCase::id).toList();
    assertThat(ids).hasSize(43).containsAll(knownFailures().keySet());
  }
}
