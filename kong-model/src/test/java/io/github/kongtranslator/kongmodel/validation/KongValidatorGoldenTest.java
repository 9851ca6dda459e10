package io.github.kongtranslator.kongmodel.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The validator never rejects what Kong accepts: every KIC golden output (all variants) passes. */
class KongValidatorGoldenTest {

  static List<Path> goldens() throws IOException {
    Path dir =
        Path.of(System.getProperty("kt.shared.dir", "../../shared"), "conformance", "kic-golden");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith("_golden.yaml")).sorted().toList();
    }
  }

  @Test
  void corpus_hasEveryVariant() throws IOException {
    assertThat(goldens()).hasSize(43);
  }

  @TestFactory
  Stream<DynamicTest> everyGolden_passes() throws IOException {
    return goldens().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getParent().getFileName() + "/" + p.getFileName(),
                    () ->
                        assertThat(KongValidator.kong391().validate(KongConfigReader.read(p)))
                            .extracting(Violation::line)
                            .isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> expressionGoldens_passWithTheExpressionsFlavor() throws IOException {
    return goldens().stream()
        .filter(p -> p.getFileName().toString().startsWith("expression"))
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getParent().getFileName() + "/" + p.getFileName(),
                    () ->
                        assertThat(
                                KongValidator.kong391()
                                    .withRouterFlavor(RouterFlavor.EXPRESSIONS)
                                    .validate(KongConfigReader.read(p)))
                            .extracting(Violation::line)
                            .isEmpty()));
  }
}
