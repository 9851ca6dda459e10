package io.github.kongtranslator.router;

import io.github.kongtranslator.core.KongTranslatorException;

/**
 * A route Kong's router would reject: its expression (written or generated from its traditional
 * fields) does not parse or does not type-check against Kong's schema, or one of its regexes is
 * invalid. The message names the route.
 */
public final class RouterConfigException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  private final String route;

  /**
   * Creates the exception.
   *
   * @param route the route's name (or id when it has no name)
   * @param reason what Kong's router would say
   */
  public RouterConfigException(String route, String reason) {
    super("route " + route + ": Kong's router would reject it: " + reason);
    this.route = route;
  }

  /**
   * The rejected route.
   *
   * @return its name, or its id when it has no name
   */
  public String route() {
    return route;
  }
}
