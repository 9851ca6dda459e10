package io.github.kongtranslator.fallback.graph.internal;

import com.google.common.graph.ElementOrder;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.Fixtures;

/**
 * The graph-shape catalogue as bare Guava graphs. Edges point from a dependent to its dependency
 * ({@code a → b}: {@code a} depends on {@code b}); exclusion walks them backwards. Nodes are refs
 * so that the shapes read like clusters.
 */
final class GraphShapes {
  private GraphShapes() {}

  static final ObjectRef SECRET = Fixtures.parse("Secret default/s");
  static final ObjectRef PLUGIN = Fixtures.parse("KongPlugin default/p");
  static final ObjectRef SERVICE = Fixtures.parse("Service default/svc");
  static final ObjectRef FACADE = Fixtures.parse("KongServiceFacade default/f");
  static final ObjectRef INGRESS = Fixtures.parse("Ingress default/ing");
  static final ObjectRef ROUTE = Fixtures.parse("HTTPRoute default/r");
  static final ObjectRef OTHER_PLUGIN = Fixtures.parse("KongPlugin other/p");
  static final ObjectRef OTHER_ROUTE = Fixtures.parse("HTTPRoute other/r");
  static final ObjectRef ABSENT = Fixtures.parse("KongPlugin default/absent");

  /** No nodes. */
  static final ImmutableGraph<ObjectRef> EMPTY = graph().build();

  /** One node, no edges: {@code [svc]}. */
  static final ImmutableGraph<ObjectRef> SINGLE = graph().addNode(SERVICE).build();

  /**
   * A chain:
   *
   * <pre>
   * ing → svc → p → s
   * </pre>
   */
  static final ImmutableGraph<ObjectRef> CHAIN =
      graph().putEdge(INGRESS, SERVICE).putEdge(SERVICE, PLUGIN).putEdge(PLUGIN, SECRET).build();

  /**
   * A diamond: the Ingress reaches the plugin through the Service and the facade.
   *
   * <pre>
   *        ┌→ svc ─┐
   * ing ───┤       ├→ p
   *        └→ f ───┘
   * </pre>
   */
  static final ImmutableGraph<ObjectRef> DIAMOND =
      graph()
          .putEdge(INGRESS, SERVICE)
          .putEdge(INGRESS, FACADE)
          .putEdge(SERVICE, PLUGIN)
          .putEdge(FACADE, PLUGIN)
          .build();

  /**
   * Two roots (objects nothing depends on) sharing a dependency, plus an isolated node:
   *
   * <pre>
   * ing → svc ← r        s
   * </pre>
   */
  static final ImmutableGraph<ObjectRef> MULTIPLE_ROOTS =
      graph().putEdge(INGRESS, SERVICE).putEdge(ROUTE, SERVICE).addNode(SECRET).build();

  /**
   * Two objects depending on each other:
   *
   * <pre>
   * svc ⇄ p
   * </pre>
   */
  static final ImmutableGraph<ObjectRef> TWO_NODE_CYCLE =
      graph().putEdge(SERVICE, PLUGIN).putEdge(PLUGIN, SERVICE).build();

  /**
   * A cycle inside a subtree: the Ingress depends on a Service/facade cycle that depends on a
   * plugin, which depends on a Secret.
   *
   * <pre>
   * ing → svc ⇄ f → p → s
   * </pre>
   */
  static final ImmutableGraph<ObjectRef> CYCLE_IN_SUBTREE =
      graph()
          .putEdge(INGRESS, SERVICE)
          .putEdge(SERVICE, FACADE)
          .putEdge(FACADE, SERVICE)
          .putEdge(FACADE, PLUGIN)
          .putEdge(PLUGIN, SECRET)
          .build();

  /**
   * A route in {@code default} depending on a plugin in {@code other}, beside a route in {@code
   * other} using it too, and a same-named plugin in {@code default} used by nobody:
   *
   * <pre>
   * default/r → other/p ← other/r      default/p
   * </pre>
   */
  static final ImmutableGraph<ObjectRef> CROSS_NAMESPACE =
      graph()
          .putEdge(ROUTE, OTHER_PLUGIN)
          .putEdge(OTHER_ROUTE, OTHER_PLUGIN)
          .addNode(PLUGIN)
          .build();

  private static ImmutableGraph.Builder<ObjectRef> graph() {
    return GraphBuilder.directed()
        .allowsSelfLoops(false)
        .nodeOrder(ElementOrder.insertion())
        .incidentEdgeOrder(ElementOrder.stable())
        .immutable();
  }
}
