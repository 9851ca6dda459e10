package io.github.kongtranslator.testkit.fallback;

import org.quicktheories.QuickTheory;
import org.quicktheories.core.Profile;

/**
 * QuickTheories profiles selected by the {@code QT_PROFILE} system property: {@code ci}
 * (default, modest) and {@code fuzz} (10,000 examples). Replay a failure with {@code
 * -DQT_SEED=<seed>}.
 */
final class QtProfiles {
  static {
    Profile.registerDefaultProfile(QtProfiles.class, s -> s.withExamples(40));
    Profile.registerProfile(QtProfiles.class, "ci", s -> s.withExamples(40));
    Profile.registerProfile(QtProfiles.class, "fuzz", s -> s.withExamples(10_000));
  }

  private QtProfiles() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withRegisteredProfiles(QtProfiles.class);
  }
}
