package io.github.kongtranslator.kongmodel.validation;

/**
 * Kong's {@code router_flavor}, which changes the route schema ({@code
 * kong/db/schema/entities/routes.lua}, {@code routes_subschemas.lua}).
 */
public enum RouterFlavor {
  /** {@code traditional}: no expression checks, SNIs are plain SNIs. */
  TRADITIONAL,
  /**
   * {@code traditional_compatible}, Kong 3.x's default: no {@code expression} or {@code priority}
   * field.
   */
  TRADITIONAL_COMPATIBLE,
  /**
   * {@code expressions}: routes may carry an {@code expression} and a {@code priority}, and HTTP
   * routes may match on sources and destinations.
   */
  EXPRESSIONS
}
