package io.github.kongtranslator.translator.gatewayapi;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.Objects;

/**
 * The Gateway API status of one route: one entry per parentRef that names a Gateway managed by the
 * controller, or no Gateway of the snapshot, or something that is not a Gateway, in {@code
 * spec.parentRefs} order. ParentRefs to Gateways of other controllers are left out (their status is
 * not ours to write).
 *
 * @param route the route (without version and uid)
 * @param parents the parent statuses
 */
public record RouteStatus(ObjectRef route, ImmutableList<ParentStatus> parents) {
  /**
   * Validates and copies the components.
   *
   * @param route the route (without version and uid)
   * @param parents the parent statuses
   */
  public RouteStatus {
    Objects.requireNonNull(route, "route");
    parents = ImmutableList.copyOf(parents);
  }

  /**
   * Whether some parent accepts the route.
   *
   * @return true when accepted by at least one parent
   */
  public boolean accepted() {
    return parents.stream().anyMatch(ParentStatus::accepted);
  }
}
