package io.github.kongtranslator.fallback.sync;

/** How the loop recovers when gateways reject the desired configuration for named objects. */
public enum FallbackMode {
  /** No fallback configuration: go straight to the last valid configuration. */
  DISABLED,
  /** Push the snapshot without the broken objects and their dependents (the default). */
  EXCLUDE,
  /**
   * As {@link #EXCLUDE}, then restore excluded objects from the last valid snapshot where that is
   * consistent (fallback-spec §3.4, safe backfill).
   */
  BACKFILL
}
