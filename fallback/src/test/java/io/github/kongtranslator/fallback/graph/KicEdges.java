package io.github.kongtranslator.fallback.graph;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import io.github.kongtranslator.core.cache.CacheStores;
import java.util.Arrays;

/**
 * KIC's edge set ({@code fallback-spec.md} §2.2, quirks X1–X5 included) for differential tests: the
 * subgraph of the rules KIC resolves ({@link DependencyRule#inKic()}). Every KIC edge is also an
 * edge of the complete graph; exclusion with it misses real dependencies (§2.4), so it never serves
 * traffic and lives in test code only.
 */
public final class KicEdges {
  /** The rules KIC resolves. */
  public static final ImmutableSet<DependencyRule> RULES =
      Sets.immutableEnumSet(
          Arrays.stream(DependencyRule.values()).filter(DependencyRule::inKic).toList());

  private KicEdges() {}

  /**
   * KIC's graph of a snapshot.
   *
   * @param snapshot the snapshot
   * @return the subgraph of {@link #RULES}
   */
  public static ConfigGraph graph(CacheStores snapshot) {
    return ConfigGraph.of(snapshot, RULES);
  }
}
