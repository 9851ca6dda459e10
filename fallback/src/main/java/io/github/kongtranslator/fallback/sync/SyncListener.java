package io.github.kongtranslator.fallback.sync;

import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.time.Duration;
import java.util.Objects;

/**
 * Receives the loop's events, e.g. to record metrics or Kubernetes events. Every method has an
 * empty default; override what you need. Called on the thread running {@link
 * ConfigSynchronizer#sync}, never on a push thread, in event order (the push events of one
 * concurrent push step in the gateways' order, after all of them finished); exceptions thrown by a
 * listener are logged and ignored.
 */
public interface SyncListener {

  /** A listener that ignores every event. */
  SyncListener NONE = new SyncListener() {};

  /**
   * A push was sent and answered (any outcome).
   *
   * @param event the push
   */
  default void pushSent(PushEvent event) {}

  /**
   * A push was skipped because the gateway is known to run the configuration.
   *
   * @param event the push ({@code sent} is false, outcome accepted, duration zero)
   */
  default void pushSkipped(PushEvent event) {}

  /**
   * A fallback configuration was built because gateways rejected the desired one.
   *
   * @param brokenObjects the number of distinct blamed objects
   * @param excludedObjects the number of excluded objects (broken ones included)
   * @param backfilledObjects the number of objects restored from the last valid snapshot
   * @param refusedObjects the number of excluded objects backfill refused to restore ({@link
   *     SyncResult#backfillRefusals()}); 0 when no backfill ran
   */
  default void fallbackGenerated(
      int brokenObjects, int excludedObjects, int backfilledObjects, int refusedObjects) {}

  /**
   * A snapshot was translated.
   *
   * @param kind {@link PushKind#DESIRED} for the tick's snapshot, {@link PushKind#FALLBACK} for the
   *     fallback snapshot
   * @param failures the number of translation failures
   * @param entities the number of entities in the configuration, nested ones included
   * @param duration the translation time
   */
  default void translated(PushKind kind, int failures, int entities, Duration duration) {}

  /**
   * A tick finished.
   *
   * @param result the tick's report
   */
  default void syncCompleted(SyncResult result) {}

  /**
   * The status of one object changed (issue 19): write it to the object. Called only when the
   * synchronizer computes status ({@link ConfigSynchronizer.Builder#status}), once per changed, new
   * or removed object after each tick, after {@link #syncCompleted}, in the report's order. The
   * first tick reports every object.
   *
   * @param change the object's previous and current status
   */
  default void statusChanged(io.github.kongtranslator.fallback.status.StatusChange change) {}

  /**
   * One push to one gateway.
   *
   * @param gatewayId the gateway
   * @param kind which configuration
   * @param sha its SHA
   * @param entities the number of entities in the configuration, nested ones included
   * @param sent whether a request was made
   * @param outcome the outcome
   * @param duration the push time
   */
  record PushEvent(
      String gatewayId,
      PushKind kind,
      ConfigSha sha,
      int entities,
      boolean sent,
      PushOutcome outcome,
      Duration duration) {
    /**
     * Validates the components.
     *
     * @param gatewayId the gateway
     * @param kind which configuration
     * @param sha its SHA
     * @param entities the number of entities in the configuration, nested ones included
     * @param sent whether a request was made
     * @param outcome the outcome
     * @param duration the push time
     */
    public PushEvent {
      Objects.requireNonNull(gatewayId, "gatewayId");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(sha, "sha");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(duration, "duration");
    }
  }
}
