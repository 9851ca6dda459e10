package io.github.kongtranslator.fallback.gateway;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;

/**
 * One gateway (or one shared database, or Konnect) that the update loop configures.
 *
 * <p>Implementations classify every answer into a {@link PushOutcome}; they should not throw (the
 * loop treats any exception from {@link #push} as {@link PushOutcome.Kind#INDETERMINATE}). The loop
 * never calls one client from two threads at once, but pushes run on the synchronizer's executor,
 * concurrently with the pushes to other gateways, so state a client shares with other clients must
 * be guarded.
 *
 * <p>Implementations: {@link KongAdminClient} for Kong's Admin API; the testkit's {@code
 * SimulatedGateway} for tests.
 */
public interface GatewayClient {

  /**
   * A stable name for this target, used to keep the loop's per-gateway state and in reports (e.g.
   * the Admin API URL without credentials). Two clients with the same id are the same target.
   *
   * @return the id
   */
  String id();

  /**
   * Whether the gateway applies a configuration wholly or not at all (Kong DB-less), as opposed to
   * entity by entity without rollback (Kong with a database, Konnect). Declared by the client type,
   * never derived from a global flag (fallback-spec §5.9 D2).
   *
   * @return true for an atomic gateway
   */
  boolean isAtomic();

  /**
   * Pushes a configuration.
   *
   * @param config the configuration
   * @param sha its {@link ConfigSha#of(KongConfig) SHA} (sent as the configuration hash where the
   *     gateway supports it)
   * @return the classified outcome
   */
  PushOutcome push(KongConfig config, ConfigSha sha);

  /**
   * Whether the gateway currently reports running an empty configuration (Kong's {@code /status}
   * {@code configuration_hash} of 32 zeros), e.g. because it restarted. When it does, the loop
   * pushes even a configuration it believes applied. Return {@code true} when the check itself
   * fails, so that doubt leads to a push; the default never reports empty.
   *
   * @return whether the gateway reports an empty configuration
   */
  default boolean reportsEmptyConfig() {
    return false;
  }

  /**
   * Whether the gateway may no longer hold the last configuration this client pushed and the
   * gateway accepted: entities under the client's tags deleted or changed behind the loop's back
   * (drift), or the check itself failed. Asked like {@link #reportsEmptyConfig()}, only while the
   * loop believes the gateway {@code KNOWN}; when it returns true the loop forgets what it knew and
   * pushes again. Clients may check only now and then (see {@link
   * KongAdminClient.Builder#driftCheckInterval}); the default never reports drift.
   *
   * @return whether the gateway drifted from the last accepted configuration
   */
  default boolean configurationDrifted() {
    return false;
  }

  /**
   * A token that changes whenever the gateway may have lost or changed its configuration without
   * this client pushing: a restart, a new pod behind the same address, a restored database. The
   * loop forgets what it knew about the gateway when the token changes. The default never changes.
   *
   * @return the current instance token
   */
  default String instance() {
    return "";
  }
}
