package io.github.kongtranslator.testkit.gateway;

import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for {@link SimulatedGateway} and {@link KongAdminFake} fault schedules.
 */
public final class GatewayGens {
  private GatewayGens() {}

  /**
   * Any fault: none, a timeout before sending, a timeout after applying, or a failure after 0 to
   * {@code maxOperations} entity operations.
   *
   * @param maxOperations the largest operation count for {@link Fault#failAfter(int)}
   * @return the generator
   */
  public static Gen<Fault> faults(int maxOperations) {
    return Generate.oneOf(
        Generate.constant(Fault.none()),
        Generate.constant(Fault.timeoutBeforeSending()),
        Generate.constant(Fault.timeoutAfterApplying()),
        integers().between(0, maxOperations).map(Fault::failAfter));
  }

  /**
   * Transient HTTP faults for {@link KongAdminFake}: 429, 500, 502, 503, and connection resets
   * before and after processing. None of them says anything about the entity sent.
   *
   * @return the generator
   */
  public static Gen<HttpFault> transientHttpFaults() {
    return Generate.pick(
        java.util.List.of(
            HttpFault.status(429),
            HttpFault.status(500),
            HttpFault.status(502),
            HttpFault.status(503),
            HttpFault.resetBefore(),
            HttpFault.resetAfter()));
  }
}
