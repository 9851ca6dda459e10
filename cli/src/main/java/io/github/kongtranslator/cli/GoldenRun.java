package io.github.kongtranslator.cli;

import io.github.kongtranslator.fallback.conformance.FallbackGoldenRunner;
import io.github.kongtranslator.translator.conformance.GoldenCase;
import java.util.Optional;

/** How the CLI runs one case variant: exactly as the conformance README describes. */
final class GoldenRun {
  private GoldenRun() {}

  static Optional<String> check(GoldenCase c) {
    return FallbackGoldenRunner.check(c);
  }
}
