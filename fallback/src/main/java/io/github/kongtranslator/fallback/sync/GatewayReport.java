package io.github.kongtranslator.fallback.sync;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tick did to one gateway.
 *
 * @param gatewayId the gateway's {@link
 *     io.github.kongtranslator.fallback.gateway.GatewayClient#id() id}
 * @param atomic whether the gateway is atomic
 * @param attempts the pushes of the tick, in order (empty when nothing was pushed)
 * @param stateAfter the loop's belief about the gateway after the tick
 * @param running which configuration the gateway runs after the tick, relative to the tick's
 *     snapshot; {@link RunningConfig#UNKNOWN} exactly when {@code stateAfter} is unknown
 */
public record GatewayReport(
    String gatewayId,
    boolean atomic,
    ImmutableList<PushAttempt> attempts,
    GatewayState stateAfter,
    RunningConfig running) {
  /**
   * Validates and copies the components.
   *
   * @param gatewayId the gateway's {@link
   *     io.github.kongtranslator.fallback.gateway.GatewayClient#id() id}
   * @param atomic whether the gateway is atomic
   * @param attempts the pushes of the tick, in order (empty when nothing was pushed)
   * @param stateAfter the loop's belief about the gateway after the tick
   * @param running which configuration the gateway runs after the tick, relative to the tick's
   *     snapshot; {@link RunningConfig#UNKNOWN} exactly when {@code stateAfter} is unknown
   */
  public GatewayReport {
    Objects.requireNonNull(gatewayId, "gatewayId");
    attempts = ImmutableList.copyOf(attempts);
    Objects.requireNonNull(stateAfter, "stateAfter");
    Objects.requireNonNull(running, "running");
    if ((running == RunningConfig.UNKNOWN) != (stateAfter instanceof GatewayState.Unknown)) {
      throw new IllegalArgumentException("running " + running + " contradicts state " + stateAfter);
    }
  }

  /**
   * The last push of the tick.
   *
   * @return the last attempt, empty when nothing was pushed
   */
  public Optional<PushAttempt> lastAttempt() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
  }

  /**
   * The number of requests actually sent.
   *
   * @return the number of sent pushes
   */
  public int sentCount() {
    return (int) attempts.stream().filter(PushAttempt::sent).count();
  }
}
