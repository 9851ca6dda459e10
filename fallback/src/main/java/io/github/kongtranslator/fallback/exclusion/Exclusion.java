package io.github.kongtranslator.fallback.exclusion;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.Dependency;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Excludes broken objects and everything that transitively depends on them
 * ({@code fallback-spec.md} §3.2 with the target rules of §3.5 and §4.10).
 *
 * <p>Usage:
 *
 * <pre>{@code
 * ExclusionResult r = Exclusion.exclude(snapshot, brokenRefs);
 * if (r.excludedNothing()) {
 *   // the gateway named nothing we have: push the last valid configuration instead
 * } else {
 *   r.excluded().values().forEach(reason -> log.warn("excluded: {}", reason));
 *   translate(r.fallback());
 * }
 * }</pre>
 *
 * <p>A broken ref names an object when group, kind, namespace (ignored for cluster-scoped
 * kinds) and name match and the uids are equal (an empty uid matches only an object without
 * uid); the version is ignored. Duplicates and order of the broken refs change neither the
 * fallback snapshot nor the excluded set.
 */
public final class Exclusion {
  private Exclusion() {}

  /**
   * Excludes with the {@link io.github.kongtranslator.fallback.graph.EdgeSet#COMPLETE} graph of
   * {@code snapshot}.
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed, possibly with duplicates or unknown refs
   * @return the result; never fails
   */
  public static ExclusionResult exclude(CacheStores snapshot, Collection<ObjectRef> broken) {
    return exclude(ConfigGraph.of(snapshot), broken);
  }

  /**
   * Excludes with a prebuilt graph.
   *
   * @param graph the graph of the snapshot whose configuration was rejected
   * @param broken the objects the gateway blamed, possibly with duplicates or unknown refs
   * @return the result; never fails
   */
  public static ExclusionResult exclude(ConfigGraph graph, Collection<ObjectRef> broken) {
    ImmutableList<ObjectRef> requested = ImmutableList.copyOf(broken);
    Set<ObjectRef> found = new LinkedHashSet<>();
    Set<ObjectRef> unknown = new LinkedHashSet<>();
    for (ObjectRef ref : requested) {
      Optional<ObjectRef> node = graph.findExact(ref);
      if (node.isPresent()) {
        found.add(node.get());
      } else {
        unknown.add(ref);
      }
    }
    ImmutableMap<ObjectRef, ImmutableList<ObjectRef>> paths =
        graph.pathsToDependencies(ImmutableList.copyOf(found));
    ImmutableMap.Builder<ObjectRef, ExclusionReason> excluded = ImmutableMap.builder();
    CacheStores.Builder fallback = graph.snapshot().toBuilder();
    for (Map.Entry<ObjectRef, ImmutableList<ObjectRef>> e : paths.entrySet()) {
      ImmutableList<ObjectRef> path = e.getValue();
      ImmutableList.Builder<Dependency> steps = ImmutableList.builder();
      for (int i = 0; i + 1 < path.size(); i++) {
        ObjectRef from = path.get(i);
        ObjectRef to = path.get(i + 1);
        steps.add(new Dependency(from, to, graph.rules(from, to).iterator().next()));
      }
      excluded.put(e.getKey(), new ExclusionReason(e.getKey(), path.get(path.size() - 1), steps.build()));
      fallback.remove(e.getKey());
    }
    return new ExclusionResult(graph, requested, ImmutableSet.copyOf(found),
        ImmutableSet.copyOf(unknown), excluded.build(),
        paths.isEmpty() ? graph.snapshot() : fallback.build());
  }
}
