package io.github.kongtranslator.router;

/**
 * A target of the upstream that would receive the request, with its load-balancing weight.
 *
 * @param target {@code host:port} as in the configuration
 * @param weight the weight; Kong's default 100 when the configuration has none
 */
public record WeightedTarget(String target, int weight) {
  /**
   * Checks the values.
   *
   * @param target {@code host:port} as in the configuration
   * @param weight the weight; Kong's default 100 when the configuration has none
   */
  public WeightedTarget {
    if (target.isEmpty() || weight < 0) {
      throw new IllegalArgumentException("target must be non-empty and weight >= 0: " + target);
    }
  }
}
