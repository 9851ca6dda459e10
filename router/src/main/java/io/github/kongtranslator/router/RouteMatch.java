package io.github.kongtranslator.router;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.config.Upstream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The route Kong's router chose for a request, what it leads to and why it won.
 *
 * <p>Immutable. Built only by {@link KongRouter}.
 */
public final class RouteMatch {
  private final Route route;
  private final String routeName;
  private final long priority;
  private final String expression;
  private final @Nullable Service service;
  private final @Nullable Upstream upstream;
  private final ImmutableList<WeightedTarget> targets;
  private final ImmutableList<Plugin> plugins;
  private final @Nullable String upstreamPath;
  private final ImmutableMap<String, String> captures;
  private final ImmutableList<Candidate> outranked;
  private final ImmutableList<String> notes;

  RouteMatch(
      Route route,
      String routeName,
      long priority,
      String expression,
      @Nullable Service service,
      @Nullable Upstream upstream,
      ImmutableList<WeightedTarget> targets,
      ImmutableList<Plugin> plugins,
      @Nullable String upstreamPath,
      ImmutableMap<String, String> captures,
      ImmutableList<Candidate> outranked,
      ImmutableList<String> notes) {
    this.route = route;
    this.routeName = routeName;
    this.priority = priority;
    this.expression = expression;
    this.service = service;
    this.upstream = upstream;
    this.targets = targets;
    this.plugins = plugins;
    this.upstreamPath = upstreamPath;
    this.captures = captures;
    this.outranked = outranked;
    this.notes = notes;
  }

  /**
   * The matched route as configured (the original route when Kong split it by path).
   *
   * @return the route
   */
  public Route route() {
    return route;
  }

  /**
   * The route's name, or its id when it has none.
   *
   * @return the name
   */
  public String routeName() {
    return routeName;
  }

  /**
   * The ATC priority the route won with: unsigned 64-bit ({@link Long#toUnsignedString(long)}).
   *
   * @return the priority
   */
  public long priority() {
    return priority;
  }

  /**
   * The ATC expression the router evaluated for the route (written, or generated from the
   * traditional fields).
   *
   * @return the expression
   */
  public String expression() {
    return expression;
  }

  /**
   * The route's service.
   *
   * @return the service, empty for a route without service
   */
  public Optional<Service> service() {
    return Optional.ofNullable(service);
  }

  /**
   * The upstream named by the service's host.
   *
   * @return the upstream, empty when the service's host is not an upstream (Kong resolves it by
   *     DNS)
   */
  public Optional<Upstream> upstream() {
    return Optional.ofNullable(upstream);
  }

  /**
   * The upstream's targets with their weights (100 when the configuration has none), in
   * configuration order.
   *
   * @return the targets, empty without upstream
   */
  public ImmutableList<WeightedTarget> targets() {
    return targets;
  }

  /**
   * The plugins that would run for any consumer: for each plugin name the most specific enabled
   * instance among route and service, route, service and global ({@code
   * kong/runloop/plugins_iterator.lua} {@code lookup_cfg}), sorted by name.
   *
   * @return the plugins
   */
  public ImmutableList<Plugin> plugins() {
    return plugins;
  }

  /**
   * The path (and query) the upstream receives, escaped as Kong does.
   *
   * @return the path, empty for a stream route or a route without service
   */
  public Optional<String> upstreamPath() {
    return Optional.ofNullable(upstreamPath);
  }

  /**
   * The regex captures of the match, by index and name.
   *
   * @return the captures, empty when no regex matched
   */
  public ImmutableMap<String, String> captures() {
    return captures;
  }

  /**
   * Other routes that matched the request and lost, best first; filled only by {@link
   * KongRouter#explain(RouteRequest)}.
   *
   * @return the losing candidates
   */
  public ImmutableList<Candidate> outranked() {
    return outranked;
  }

  /**
   * What happens after the match besides proxying, e.g. Kong answering 426 to a plain-http request
   * on an https-only route.
   *
   * @return the notes, empty when the request is proxied
   */
  public ImmutableList<String> notes() {
    return notes;
  }

  @Override
  public String toString() {
    return "route "
        + routeName
        + " (priority "
        + Long.toUnsignedString(priority)
        + ")"
        + (service == null ? "" : " service " + service.name().orElse("?"))
        + (upstreamPath == null ? "" : " path " + upstreamPath);
  }
}
