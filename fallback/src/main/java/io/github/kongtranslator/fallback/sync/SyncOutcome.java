package io.github.kongtranslator.fallback.sync;

/** What one {@link ConfigSynchronizer#sync} achieved. */
public enum SyncOutcome {
  /**
   * Nothing was pushed: the snapshot is unchanged and every gateway is known to run its desired
   * configuration. (When the gateways run a fallback or the last valid configuration and nothing
   * was pushed, the outcome says so: {@link #FALLBACK_APPLIED}, {@link #LAST_VALID_APPLIED}.)
   */
  IN_SYNC,
  /** Every gateway runs the desired configuration (pushed or already applied). */
  DESIRED_APPLIED,
  /**
   * The desired configuration was rejected, or left out objects whose translation failed closed
   * ({@link SyncResult#translationExcluded()}, e.g. a route whose authentication plugin cannot be
   * translated); every gateway accepted the fallback configuration (in the second case: the desired
   * configuration without those objects, pushed as {@link PushKind#DESIRED}). The desired
   * configuration still counts as failed.
   */
  FALLBACK_APPLIED,
  /**
   * The desired configuration (and the fallback, if any) failed; every gateway runs the last valid
   * configuration (pushed in this tick or in an earlier one for the same snapshot).
   */
  LAST_VALID_APPLIED,
  /**
   * At least one gateway runs neither the desired, the fallback nor the last valid configuration.
   */
  FAILED;

  /**
   * Whether the desired configuration of the tick runs on every gateway.
   *
   * @return true for {@link #IN_SYNC} and {@link #DESIRED_APPLIED}
   */
  public boolean isSuccess() {
    return this == IN_SYNC || this == DESIRED_APPLIED;
  }
}
