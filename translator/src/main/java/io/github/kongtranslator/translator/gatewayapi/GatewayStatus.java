package io.github.kongtranslator.translator.gatewayapi;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.Objects;

/**
 * The status of one Gateway managed by the controller: its conditions and one status per listener,
 * in {@code spec.listeners} order.
 *
 * @param gateway the Gateway (without version and uid)
 * @param conditions the Gateway's conditions ({@code Accepted}, {@code Programmed})
 * @param listeners the listener statuses
 */
public record GatewayStatus(
    ObjectRef gateway,
    ImmutableList<Condition> conditions,
    ImmutableList<ListenerStatus> listeners) {
  /**
   * Validates and copies the components.
   *
   * @param gateway the Gateway (without version and uid)
   * @param conditions the Gateway's conditions ({@code Accepted}, {@code Programmed})
   * @param listeners the listener statuses
   */
  public GatewayStatus {
    Objects.requireNonNull(gateway, "gateway");
    conditions = ImmutableList.copyOf(conditions);
    listeners = ImmutableList.copyOf(listeners);
  }
}
