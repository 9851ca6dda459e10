package io.github.kongtranslator.router;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What Kong's router decides for one request: a {@link RouteMatch}, or no route (Kong answers 404
 * "no Route matched with those values").
 */
public final class RouteResult {
  private final RouterFlavor flavor;
  private final RouteRequest request;
  private final @Nullable RouteMatch match;

  RouteResult(RouterFlavor flavor, RouteRequest request, @Nullable RouteMatch match) {
    this.flavor = flavor;
    this.request = request;
    this.match = match;
  }

  /**
   * Whether a route matched.
   *
   * @return true when {@link #match()} is present
   */
  public boolean matched() {
    return match != null;
  }

  /**
   * The match.
   *
   * @return the match, empty when no route matched
   */
  public Optional<RouteMatch> match() {
    return Optional.ofNullable(match);
  }

  /**
   * The flavour that routed.
   *
   * @return the flavour
   */
  public RouterFlavor flavor() {
    return flavor;
  }

  /**
   * The request.
   *
   * @return the request
   */
  public RouteRequest request() {
    return request;
  }

  @Override
  public String toString() {
    return request + " -> " + (match == null ? "no route" : match.toString());
  }
}
