package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.Corpus;
import io.github.kongtranslator.core.CorpusObjects;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.K8sObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Fuzzes manifest loading: every input either loads or fails with a {@link ManifestException}
 * naming the source; never another exception. Example counts come from {@code QT_EXAMPLES} (200 in
 * the default build, 10,000 with {@code -Pfuzz}).
 */
class ManifestFuzzTest {
  private static final List<String> CORPUS_TEXTS =
      Corpus.inputs().stream()
          .map(
              p -> {
                try {
                  return Files.readString(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();

  private static Gen<String> corpusTexts() {
    return SourceDSL.integers().between(0, CORPUS_TEXTS.size() - 1).map(CORPUS_TEXTS::get);
  }

  private static void loadsOrFailsTyped(String text) {
    try {
      LoadResult r = Manifests.parse(text, "fuzz.yaml");
      assertThat(r.objects()).doesNotContainNull();
    } catch (ManifestException e) {
      assertThat(e.getMessage()).startsWith("fuzz.yaml");
    }
  }

  @Test
  void truncatedInput_loadsOrFailsTyped() {
    qt().forAll(corpusTexts(), SourceDSL.integers().between(0, 100))
        .checkAssert(
            (text, pct) -> loadsOrFailsTyped(text.substring(0, text.length() * pct / 100)));
  }

  @Test
  void corruptedInput_loadsOrFailsTyped() {
    String alphabet = ":-[]{}&*!|>'\"#%@`,? \t\n\\xYZ09";
    qt().forAll(corpusTexts(), SourceDSL.longs().all())
        .checkAssert(
            (text, seed) -> {
              Random rnd = new Random(seed);
              StringBuilder sb = new StringBuilder(text);
              int edits = 1 + rnd.nextInt(5);
              for (int i = 0; i < edits && sb.length() > 0; i++) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                  case 0 -> sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                  case 1 -> sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                  default -> sb.deleteCharAt(at);
                }
              }
              loadsOrFailsTyped(sb.toString());
            });
  }

  @Test
  void wrongTypesAndMissingFields_loadOrFailTyped() {
    qt().forAll(CorpusObjects.objectLists(), SourceDSL.longs().all())
        .checkAssert(
            (objects, seed) -> {
              Random rnd = new Random(seed);
              K8sObject o = objects.get(rnd.nextInt(objects.size()));
              ObjectNode tree = (ObjectNode) ModelJson.toTree(o);
              JsonNode mutated = CorpusObjects.replaceOneNode(tree, rnd);
              loadsOrFailsTyped(mutated.toString());
            });
  }

  @Test
  void randomUnicodeAndDeepOrHugeDocuments_loadOrFailTyped() {
    Gen<String> junk = SourceDSL.strings().allPossible().ofLengthBetween(0, 200);
    qt().forAll(junk, SourceDSL.integers().between(0, 300))
        .checkAssert(
            (s, depth) -> {
              loadsOrFailsTyped(s);
              loadsOrFailsTyped(
                  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: "
                      + "[".repeat(depth)
                      + "]".repeat(depth)
                      + "}\n");
              loadsOrFailsTyped(
                  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \""
                      + s.replace("\\", "").replace("\"", "")
                      + "\"}\n");
            });
  }
}
