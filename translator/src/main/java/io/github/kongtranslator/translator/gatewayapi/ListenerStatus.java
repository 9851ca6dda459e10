package io.github.kongtranslator.translator.gatewayapi;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * The status of one listener of a managed Gateway ({@code Gateway.status.listeners[]}).
 *
 * @param name the listener name
 * @param supportedKinds the route kinds the listener supports, in {@code allowedRoutes.kinds} order
 *     (or the protocol's kinds)
 * @param attachedRoutes the number of routes attached to the listener
 * @param conditions the conditions, sorted as KIC sorts them (type, status, reason, message)
 */
public record ListenerStatus(
    String name,
    ImmutableList<RouteGroupKind> supportedKinds,
    int attachedRoutes,
    ImmutableList<Condition> conditions) {
  /**
   * Validates and copies the components.
   *
   * @param name the listener name
   * @param supportedKinds the route kinds the listener supports, in {@code allowedRoutes.kinds}
   *     order (or the protocol's kinds)
   * @param attachedRoutes the number of routes attached to the listener
   * @param conditions the conditions, sorted as KIC sorts them (type, status, reason, message)
   */
  public ListenerStatus {
    Objects.requireNonNull(name, "name");
    supportedKinds = ImmutableList.copyOf(supportedKinds);
    conditions = ImmutableList.copyOf(conditions);
  }

  /**
   * The listener status with copies of the lists.
   *
   * @param name the name
   * @param supportedKinds the kinds
   * @param attachedRoutes the attached routes
   * @param conditions the conditions
   * @return the status
   */
  public static ListenerStatus of(
      String name,
      List<RouteGroupKind> supportedKinds,
      int attachedRoutes,
      List<Condition> conditions) {
    return new ListenerStatus(
        name,
        ImmutableList.copyOf(supportedKinds),
        attachedRoutes,
        ImmutableList.copyOf(conditions));
  }

  /**
   * Whether the listener has {@code Programmed=True}.
   *
   * @return true when programmed
   */
  public boolean programmed() {
    return conditions.stream().anyMatch(c -> c.type().equals("Programmed") && c.isTrue());
  }
}
