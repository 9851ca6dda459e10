package io.github.kongtranslator.fallback.graph;

/**
 * Which dependencies a {@link ConfigGraph} links.
 *
 * <p>Pick {@link #COMPLETE} (the default of {@link ConfigGraph#of}) for anything that serves
 * traffic; {@link #KIC} exists for differential tests against the Kong Ingress Controller.
 * Every {@code KIC} edge is also a {@code COMPLETE} edge.
 */
public enum EdgeSet {
  /**
   * Exactly the edges KIC resolves ({@code fallback-spec.md} §2.2), its quirks X1–X5 included.
   * Misses real dependencies (§2.4), so exclusion with it can keep an object without something
   * it needs, such as a route without its cross-namespace authentication plugin.
   */
  KIC,
  /**
   * The KIC edges plus every dependency KIC misses ({@code fallback-spec.md} §2.4, rules
   * {@code M1}–{@code M16}) and the Ingress class as the store's class filter and the default
   * class resolve it. Exclusion with this set fails closed.
   */
  COMPLETE
}
