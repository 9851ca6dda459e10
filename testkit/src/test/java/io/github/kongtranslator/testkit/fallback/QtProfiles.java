package io.github.kongtranslator.testkit.fallback;

import org.quicktheories.QuickTheory;

/**
 * Example counts for the fallback properties, from the build's {@code QT_EXAMPLES} (200 by default,
 * 10,000 with {@code -Pfuzz}). Each example loads, hashes and graphs whole clusters, so the default
 * build runs a fifth of {@code QT_EXAMPLES} (at least 20); from 10,000 on, all of them. Replay a
 * failure with {@code -DQT_SEED=<seed>}.
 */
final class QtProfiles {
  private QtProfiles() {}

  static int examples() {
    int configured = Integer.getInteger("QT_EXAMPLES", 200);
    return configured >= 10_000 ? configured : Math.max(20, configured / 5);
  }

  static QuickTheory qt() {
    return QuickTheory.qt().withExamples(examples());
  }
}
