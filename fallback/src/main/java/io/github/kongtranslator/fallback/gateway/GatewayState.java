package io.github.kongtranslator.fallback.gateway;

import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.util.Objects;
import java.util.Optional;

/**
 * What the update loop believes a gateway runs: exactly the configuration with a given SHA ({@link
 * Known}), or anything ({@link Unknown}). There is no third state (fallback-spec §5.9 D1).
 *
 * <p>A gateway starts {@link Unknown}. It becomes {@link Known} only when a push of that
 * configuration was accepted; it becomes {@link Unknown} after a rejected push to a partial
 * gateway, after any indeterminate outcome, and when the gateway is a new instance. A push is
 * skipped only when the state is {@code KNOWN(sha)} for the SHA being pushed.
 */
public sealed interface GatewayState permits GatewayState.Known, GatewayState.Unknown {

  /**
   * The state of a gateway whose configuration is not known.
   *
   * @return the unknown state
   */
  static GatewayState unknown() {
    return Unknown.INSTANCE;
  }

  /**
   * The state of a gateway known to run the configuration with SHA {@code sha}.
   *
   * @param sha the configuration SHA
   * @return the known state
   */
  static GatewayState known(ConfigSha sha) {
    return new Known(sha);
  }

  /**
   * The SHA the gateway is known to run.
   *
   * @return the SHA, empty when the state is unknown
   */
  Optional<ConfigSha> sha();

  /**
   * Whether the gateway is known to run exactly the configuration with SHA {@code sha}.
   *
   * @param sha the SHA to compare
   * @return true only for {@code KNOWN(sha)}
   */
  default boolean isKnown(ConfigSha sha) {
    return sha().map(sha::equals).orElse(false);
  }

  /**
   * The gateway runs exactly the configuration with this SHA.
   *
   * @param value the configuration SHA
   */
  record Known(ConfigSha value) implements GatewayState {
    /**
     * Rejects null.
     *
     * @param value the configuration SHA
     */
    public Known {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<ConfigSha> sha() {
      return Optional.of(value);
    }

    /** {@code KNOWN(<hex>)}. */
    @Override
    public String toString() {
      return "KNOWN(" + value.hex() + ")";
    }
  }

  /** The gateway may run anything: the next push is always sent. */
  final class Unknown implements GatewayState {
    private static final Unknown INSTANCE = new Unknown();

    private Unknown() {}

    @Override
    public Optional<ConfigSha> sha() {
      return Optional.empty();
    }

    /** {@code UNKNOWN}. */
    @Override
    public String toString() {
      return "UNKNOWN";
    }
  }
}
