package io.github.kongtranslator.translator.gatewayapi;

import java.util.Objects;

/**
 * A route kind with its group, as in a listener's {@code supportedKinds}.
 *
 * @param group the API group
 * @param kind the kind
 */
public record RouteGroupKind(String group, String kind) {
  /**
   * Validates the components.
   *
   * @param group the API group
   * @param kind the kind
   */
  public RouteGroupKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
  }
}
