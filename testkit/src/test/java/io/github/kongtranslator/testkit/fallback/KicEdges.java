package io.github.kongtranslator.testkit.fallback;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.DependencyRule;
import java.util.Arrays;

/**
 * KIC's edge set ({@code fallback-spec.md} §2.2, quirks X1–X5 included) for differential tests: the
 * subgraph of the rules KIC resolves ({@link DependencyRule#inKic()}). Test code only.
 */
final class KicEdges {
  /** The rules KIC resolves. */
  static final ImmutableSet<DependencyRule> RULES =
      Sets.immutableEnumSet(
          Arrays.stream(DependencyRule.values()).filter(DependencyRule::inKic).toList());

  private KicEdges() {}

  /**
   * KIC's graph of a snapshot.
   *
   * @param snapshot the snapshot
   * @return the subgraph of {@link #RULES}
   */
  static ConfigGraph graph(CacheStores snapshot) {
    return ConfigGraph.of(snapshot, RULES);
  }
}
