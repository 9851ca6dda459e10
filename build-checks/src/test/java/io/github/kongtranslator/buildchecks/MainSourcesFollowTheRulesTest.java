package io.github.kongtranslator.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.buildchecks.SourceRules.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every module's src/main/java (examples and bench included) follows {@link SourceRules}, except
 * the violations listed in {@code known-violations.txt}: a ratchet that may only shrink. A new
 * violation fails; a listed one that is gone is reported so that its line can be deleted.
 */
class MainSourcesFollowTheRulesTest {

  /** A violation without its line number, so that unrelated edits do not move it. */
  private static String key(Violation v) {
    return v.file().replace('\\', '/') + " | " + v.rule() + " | " + v.detail();
  }

  private static Set<String> known() throws IOException {
    try (InputStream in =
        MainSourcesFollowTheRulesTest.class.getResourceAsStream("/known-violations.txt")) {
      assertThat(in).as("known-violations.txt on the test classpath").isNotNull();
      Set<String> keys = new LinkedHashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          keys.add(line.strip());
        }
      }
      return keys;
    }
  }

  @Test
  void everyModulesMainCodeFollowsTheSourceRules() throws Exception {
    Path root = Path.of(System.getProperty("kt.root.dir", "..")).toAbsolutePath().normalize();
    List<Path> files = SourceRules.mainSources(root);
    // the reactor's modules are there: a wrong root would pass vacuously
    assertThat(files)
        .anySatisfy(f -> assertThat(f.toString()).contains("core/src/main/java"))
        .anySatisfy(f -> assertThat(f.toString()).contains("translator/src/main/java"))
        .hasSizeGreaterThan(200);
    Set<String> known = known();
    List<Violation> found = SourceRules.checkFiles(root, files);
    Set<String> foundKeys = new LinkedHashSet<>();
    found.forEach(v -> foundKeys.add(key(v)));
    known.stream()
        .filter(k -> !foundKeys.contains(k))
        .forEach(k -> System.err.println("fixed, delete from known-violations.txt: " + k));
    assertThat(found).filteredOn(v -> !known.contains(key(v))).isEmpty();
  }
}
