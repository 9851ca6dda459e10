package io.github.kongtranslator.router.internal;

/**
 * An expression or regex that Kong's router would reject; the router wraps it into a
 * {@link io.github.kongtranslator.router.RouterConfigException} naming the route.
 */
public final class AtcError extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what Kong would say, without the route
   */
  public AtcError(String message) {
    super(message);
  }
}
