package io.github.kongtranslator.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared conformance corpus ({@code ../shared} beside the clone). */
public final class Corpus {
  private Corpus() {}

  /** The {@code kic-golden} directory. */
  public static Path goldenDir() {
    String shared = System.getProperty("kt.shared.dir", "../../shared");
    Path dir = Path.of(shared, "conformance", "kic-golden").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "conformance corpus not found at "
              + dir
              + " (clone the project beside ../shared, or set -Dkt.shared.dir)");
    }
    return dir;
  }

  /** Every case's {@code in.yaml}, sorted. */
  public static List<Path> inputs() {
    try (Stream<Path> s = Files.list(goldenDir())) {
      return s.map(p -> p.resolve("in.yaml")).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
