package io.github.kongtranslator.fabric8.status;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A Gateway API route's status for one parent ({@code status.parents[]}), written by one
 * controller.
 *
 * @param parentGroup the parent's group, e.g. {@code gateway.networking.k8s.io}
 * @param parentKind the parent's kind, e.g. {@code Gateway}
 * @param parentNamespace the parent's namespace
 * @param parentName the parent's name
 * @param sectionName the listener name, empty when the route attaches to the whole Gateway
 * @param controllerName the writing controller, e.g. {@code konghq.com/kic-gateway-controller}
 * @param conditions the conditions for this parent
 */
public record ParentStatus(String parentGroup, String parentKind, String parentNamespace,
    String parentName, String sectionName, String controllerName, List<StatusCondition> conditions) {
  /**
   * Freezes the conditions.
   *
   * @param parentGroup the parent's group, e.g. {@code gateway.networking.k8s.io}
   * @param parentKind the parent's kind, e.g. {@code Gateway}
   * @param parentNamespace the parent's namespace
   * @param parentName the parent's name
   * @param sectionName the listener name, empty when the route attaches to the whole Gateway
   * @param controllerName the writing controller, e.g. {@code konghq.com/kic-gateway-controller}
   * @param conditions the conditions for this parent
   */
  public ParentStatus {
    conditions = ImmutableList.copyOf(conditions);
    if (parentName.isEmpty() || controllerName.isEmpty()) {
      throw new IllegalArgumentException("a parent status needs a parent name and a controller name");
    }
  }
}
