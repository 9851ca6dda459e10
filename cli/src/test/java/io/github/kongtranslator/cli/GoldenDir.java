package io.github.kongtranslator.cli;

import java.nio.file.Path;

/**
 * The shared conformance corpus ({@code ../shared} beside the clone, or {@code -Dkt.shared.dir}).
 */
final class GoldenDir {
  static final Path KIC_GOLDEN =
      Path.of(System.getProperty("kt.shared.dir", "../../shared"), "conformance", "kic-golden");

  private GoldenDir() {}
}
