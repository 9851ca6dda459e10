package io.github.kongtranslator.router;

import java.util.Optional;

/**
 * The router flavours of Kong 3.9 that KIC uses ({@code router_flavor} in {@code kong.conf}). Both
 * run on the ATC engine ({@code kong/router/atc.lua}); they differ in how a route becomes an ATC
 * matcher.
 */
public enum RouterFlavor {
  /**
   * Kong's default: traditional route fields become ATC expressions ({@code
   * kong/router/compat.lua}, {@code kong/router/transform.lua}); the protocol is checked after
   * matching (a plain-http request on an https-only route gets 426).
   */
  TRADITIONAL_COMPATIBLE("traditional_compatible"),
  /**
   * Routes carry an {@code expression} and a {@code priority} ({@code
   * kong/router/expressions.lua}); the route's protocols are added to the expression.
   */
  EXPRESSIONS("expressions");

  private final String wireName;

  RouterFlavor(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name Kong uses in {@code router_flavor}.
   *
   * @return e.g. {@code traditional_compatible}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The flavour with a {@code router_flavor} name.
   *
   * @param name e.g. {@code expressions}
   * @return the flavour, empty when unknown
   */
  public static Optional<RouterFlavor> byWireName(String name) {
    for (RouterFlavor f : values()) {
      if (f.wireName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
