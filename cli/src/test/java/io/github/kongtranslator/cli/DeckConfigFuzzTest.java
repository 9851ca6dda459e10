package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.kongtranslator.kongmodel.io.KongConfigReadException;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Fuzzes reading deck (declarative) configurations, YAML and JSON: truncated and corrupted golden
 * files either read (and then hash) or fail with a {@link KongConfigReadException} naming the
 * source; never another exception.
 */
class DeckConfigFuzzTest {
  private static final List<String> GOLDENS = load();

  private static List<String> load() {
    Path corpus = GoldenDir.KIC_GOLDEN;
    try (Stream<Path> s = Files.walk(corpus)) {
      return s.filter(p -> p.toString().endsWith("_golden.yaml"))
          .sorted()
          .map(
              p -> {
                try {
                  return Files.readString(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readsOrFailsTyped(KongConfigReader reader, String text) {
    try {
      assertThat(ConfigSha.of(reader.read(text, "fuzz-config")).hex()).hasSize(64);
    } catch (KongConfigReadException e) {
      assertThat(e.getMessage()).contains("fuzz-config");
    }
  }

  @Test
  void corruptedOrTruncatedConfigs_readOrFailTyped() {
    String alphabet = ":-[]{}&*!|>'\"#%@`,? \t\n\\xYZ09é";
    qt().forAll(SourceDSL.integers().between(0, GOLDENS.size() - 1), SourceDSL.longs().all())
        .checkAssert(
            (i, seed) -> {
              Random rnd = new Random(seed);
              StringBuilder sb = new StringBuilder(GOLDENS.get(i));
              if (rnd.nextBoolean()) {
                sb.setLength(rnd.nextInt(sb.length() + 1));
              }
              for (int k = rnd.nextInt(4); k > 0 && sb.length() > 0; k--) {
                int at = rnd.nextInt(sb.length());
                sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
              }
              readsOrFailsTyped(KongConfigReader.yaml(), sb.toString());
              readsOrFailsTyped(KongConfigReader.json(), sb.toString());
              readsOrFailsTyped(
                  KongConfigReader.json(),
                  "{\"services\": " + sb.substring(0, Math.min(sb.length(), 50)));
            });
  }
}
