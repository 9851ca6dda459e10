package io.github.kongtranslator.kongmodel.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/** Every golden of the shared corpus reads and writes back, as a tree and byte for byte. */
class GoldenRoundTripTest {

  static List<Path> goldens() throws IOException {
    Path dir =
        Path.of(System.getProperty("kt.shared.dir", "../../shared"), "conformance", "kic-golden");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith("_golden.yaml")).sorted().toList();
    }
  }

  /** An independent tree view: snakeyaml's own Java objects (maps compare without order). */
  private static Object tree(String yaml) {
    return new Yaml().load(yaml);
  }

  @Test
  void corpus_hasTheExpectedNumberOfGoldens() throws IOException {
    assertThat(goldens()).hasSize(43); // counted with: ls */*_golden.yaml | wc -l
  }

  @TestFactory
  Stream<DynamicTest> yamlRoundTrip_isTreeEqual() throws IOException {
    return goldens().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    name(p),
                    () -> {
                      String text = Files.readString(p, StandardCharsets.UTF_8);
                      KongConfig c = KongConfigReader.yaml().read(text, p.toString());
                      String written = KongConfigWriter.yaml().write(c);
                      assertThat(tree(written)).isEqualTo(tree(text));
                      assertThat(KongConfigReader.yaml().read(written, "written")).isEqualTo(c);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> yamlRoundTrip_isByteIdentical() throws IOException {
    return goldens().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    name(p),
                    () -> {
                      String text = Files.readString(p, StandardCharsets.UTF_8);
                      String written =
                          KongConfigWriter.yaml()
                              .write(KongConfigReader.yaml().read(text, p.toString()));
                      assertThat(written).isEqualTo(text);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> jsonRoundTrip_givesTheSameConfig() throws IOException {
    return goldens().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    name(p),
                    () -> {
                      KongConfig c = KongConfigReader.read(p);
                      String json = KongConfigWriter.json().write(c);
                      assertThat(json).isEqualTo(KongConfigWriter.json().writeTree(c.toJson()));
                      assertThat(KongConfigReader.json().read(json, "json")).isEqualTo(c);
                      assertThat(tree(json))
                          .isEqualTo(tree(Files.readString(p, StandardCharsets.UTF_8)));
                    }));
  }

  private static String name(Path p) {
    return p.getParent().getFileName() + "/" + p.getFileName();
  }
}
