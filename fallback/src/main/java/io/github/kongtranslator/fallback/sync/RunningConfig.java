package io.github.kongtranslator.fallback.sync;

/**
 * Which configuration one gateway runs after a tick, relative to the tick's snapshot (see {@link
 * GatewayReport#running()}).
 */
public enum RunningConfig {
  /** The desired configuration of the tick's snapshot. */
  DESIRED,
  /**
   * The fallback configuration of the tick's snapshot: the objects of {@link SyncResult#excluded()}
   * are left out.
   */
  FALLBACK,
  /** The last valid configuration (accepted by every gateway of an earlier tick). */
  LAST_VALID,
  /**
   * A configuration known by its SHA that is none of the above (an earlier snapshot's, accepted by
   * this gateway but not by all).
   */
  EARLIER,
  /** Unknown: the gateway may run anything (a failed partial push, a restart, a timeout). */
  UNKNOWN;

  /**
   * Whether this is the tick's desired configuration.
   *
   * @return true for {@link #DESIRED}
   */
  public boolean isDesired() {
    return this == DESIRED;
  }
}
