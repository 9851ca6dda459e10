package io.github.kongtranslator.fallback.status;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.translator.gatewayapi.Condition;
import io.github.kongtranslator.translator.gatewayapi.ListenerStatus;
import io.github.kongtranslator.translator.gatewayapi.ParentStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of one object of the snapshot.
 *
 * @param object the object (without version and uid)
 * @param generation its {@code metadata.generation}
 * @param configuration whether its configuration is live
 * @param reason why, in CamelCase: {@code Programmed}, {@code TranslationError}, {@code Rejected}
 *     (a gateway rejected it), {@code Excluded} (it depends on a rejected object), {@code Pending}
 *     (unknown)
 * @param message a human-readable message naming objects only (for {@code Excluded} the dependency
 *     path to the rejected object)
 * @param conditions the object's own conditions, as KIC writes them: {@code Programmed} for
 *     KongConsumer, KongConsumerGroup, KongServiceFacade, KongVault and KongCustomEntity; {@code
 *     Accepted} and {@code Programmed} for a managed Gateway; empty otherwise
 * @param parents for a Gateway API route: one status per parentRef of ours, in {@code
 *     spec.parentRefs} order, each with {@code Accepted}, {@code ResolvedRefs} and (for a managed
 *     Gateway) {@code Programmed}; empty otherwise
 * @param listeners for a managed Gateway: its listener statuses; empty otherwise
 */
public record ObjectStatus(
    ObjectRef object,
    long generation,
    ConfigurationStatus configuration,
    String reason,
    String message,
    ImmutableList<Condition> conditions,
    ImmutableList<ParentStatus> parents,
    ImmutableList<ListenerStatus> listeners) {
  /**
   * Validates and copies the components.
   *
   * @param object the object (without version and uid)
   * @param generation its {@code metadata.generation}
   * @param configuration whether its configuration is live
   * @param reason why, in CamelCase: {@code Programmed}, {@code TranslationError}, {@code Rejected}
   *     (a gateway rejected it), {@code Excluded} (it depends on a rejected object), {@code
   *     Pending} (unknown)
   * @param message a human-readable message naming objects only (for {@code Excluded} the
   *     dependency path to the rejected object)
   * @param conditions the object's own conditions, as KIC writes them: {@code Programmed} for
   *     KongConsumer, KongConsumerGroup, KongServiceFacade, KongVault and KongCustomEntity; {@code
   *     Accepted} and {@code Programmed} for a managed Gateway; empty otherwise
   * @param parents for a Gateway API route: one status per parentRef of ours, in {@code
   *     spec.parentRefs} order, each with {@code Accepted}, {@code ResolvedRefs} and (for a managed
   *     Gateway) {@code Programmed}; empty otherwise
   * @param listeners for a managed Gateway: its listener statuses; empty otherwise
   */
  public ObjectStatus {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    conditions = ImmutableList.copyOf(conditions);
    parents = ImmutableList.copyOf(parents);
    listeners = ImmutableList.copyOf(listeners);
  }

  /**
   * The {@code Programmed} condition KIC writes on this object's kind.
   *
   * @return the condition, empty for kinds KIC writes no such condition on
   */
  public Optional<Condition> programmed() {
    return conditions.stream().filter(c -> c.type().equals("Programmed")).findFirst();
  }
}
