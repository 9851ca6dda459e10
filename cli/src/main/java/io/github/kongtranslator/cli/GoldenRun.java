package io.github.kongtranslator.cli;

import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import java.util.Optional;

/** How the CLI runs one case variant. */
final class GoldenRun {
  private GoldenRun() {}

  static Optional<String> check(GoldenCase c) {
    return GoldenCorpus.check(c);
  }
}
