package io.github.kongtranslator.translator.gatewayapi;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The status of a route for one of its {@code spec.parentRefs} ({@code RouteParentStatus}).
 *
 * @param parentRef the parentRef as written, with group and kind filled in (their CRD defaults)
 * @param controllerName the controller that wrote the status
 * @param gateway the Gateway the parentRef resolves to (without version and uid), null when it
 *     names no Gateway of the snapshot or is not a Gateway reference
 * @param acceptingListeners the names of the listeners that accept the route for this parentRef, in
 *     {@code spec.listeners} order; empty when not accepted
 * @param conditions {@code Accepted} then {@code ResolvedRefs} (a status writer adds {@code
 *     Programmed})
 */
public record ParentStatus(
    GatewayApi.ParentReference parentRef,
    String controllerName,
    @Nullable ObjectRef gateway,
    ImmutableList<String> acceptingListeners,
    ImmutableList<Condition> conditions) {
  /**
   * Validates and copies the components.
   *
   * @param parentRef the parentRef as written, with group and kind filled in (their CRD defaults)
   * @param controllerName the controller that wrote the status
   * @param gateway the Gateway the parentRef resolves to (without version and uid), null when it
   *     names no Gateway of the snapshot or is not a Gateway reference
   * @param acceptingListeners the names of the listeners that accept the route for this parentRef,
   *     in {@code spec.listeners} order; empty when not accepted
   * @param conditions {@code Accepted} then {@code ResolvedRefs} (a status writer adds {@code
   *     Programmed})
   */
  public ParentStatus {
    Objects.requireNonNull(parentRef, "parentRef");
    Objects.requireNonNull(controllerName, "controllerName");
    acceptingListeners = ImmutableList.copyOf(acceptingListeners);
    conditions = ImmutableList.copyOf(conditions);
  }

  /**
   * Whether the parent accepts the route ({@code Accepted=True}).
   *
   * @return true when accepted
   */
  public boolean accepted() {
    return condition("Accepted").map(Condition::isTrue).orElse(false);
  }

  /**
   * The Gateway the parentRef resolves to.
   *
   * @return the Gateway, empty when none
   */
  public Optional<ObjectRef> resolvedGateway() {
    return Optional.ofNullable(gateway);
  }

  /**
   * The condition of a type.
   *
   * @param type the type
   * @return the condition, empty when absent
   */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
