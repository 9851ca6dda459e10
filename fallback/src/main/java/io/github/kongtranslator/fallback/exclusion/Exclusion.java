package io.github.kongtranslator.fallback.exclusion;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.translator.TranslationFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Excludes broken objects and everything that transitively depends on them ({@code
 * fallback-spec.md} §3.2 with the target rules of §3.5 and §4.10).
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
 * <p>A broken ref names an object when group, kind, namespace (ignored for cluster-scoped kinds)
 * and name match and the uids are equal (an empty uid matches only an object without uid); the
 * version is ignored. Duplicates and order of the broken refs change neither the fallback snapshot
 * nor the excluded set.
 */
public final class Exclusion {
  private Exclusion() {}

  /**
   * Excludes with the complete graph ({@link ConfigGraph#of(CacheStores)}) of {@code snapshot}.
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
    return result(
        graph,
        requested,
        found,
        unknown,
        graph.pathsToDependencies(ImmutableList.copyOf(found)),
        ImmutableMap.of(),
        Map.of());
  }

  /**
   * Fails closed on translation failures: excludes the objects blamed by the failures that {@link
   * TranslationFailure#failsClosed() fail closed} (others are ignored) and everything that
   * transitively depends on them, exactly as for objects a gateway blamed.
   *
   * <p>A failure blames the object that could not be translated first (e.g. a KongPlugin whose
   * configuration Secret is missing), then the objects that would be served without it (the Ingress
   * or Service asking for it). Every blamed object is excluded, but an object's reason prefers a
   * path to a first-blamed object, so it names what could not be translated, e.g. {@code Ingress
   * default/web -[P]-> KongPlugin default/auth (broken: invalid configuration of KongPlugin
   * default/auth: Secret default/auth-conf not found)}; each reason carries the failures that
   * blamed its cause ({@link ExclusionReason#failures()}).
   *
   * @param graph the graph of the translated snapshot
   * @param failures the translation failures of that snapshot
   * @return the result; {@link ExclusionResult#requestedBroken()} lists the blamed refs of the
   *     failing-closed failures in order; never fails
   */
  public static ExclusionResult excludeFailures(
      ConfigGraph graph, Collection<TranslationFailure> failures) {
    ImmutableList.Builder<ObjectRef> requested = ImmutableList.builder();
    Set<ObjectRef> first = new LinkedHashSet<>();
    Set<ObjectRef> rest = new LinkedHashSet<>();
    Set<ObjectRef> unknown = new LinkedHashSet<>();
    Map<ObjectRef, List<TranslationFailure>> byBlamed = new HashMap<>();
    for (TranslationFailure f : failures) {
      if (!f.failsClosed()) {
        continue;
      }
      for (int i = 0; i < f.causingObjects().size(); i++) {
        ObjectRef ref = f.causingObjects().get(i);
        requested.add(ref);
        Optional<ObjectRef> node = graph.findExact(ref);
        if (node.isEmpty()) {
          unknown.add(ref);
          continue;
        }
        (i == 0 ? first : rest).add(node.get());
        List<TranslationFailure> of = byBlamed.computeIfAbsent(node.get(), k -> new ArrayList<>());
        if (!of.contains(f)) {
          of.add(f);
        }
      }
    }
    Set<ObjectRef> found = new LinkedHashSet<>(first);
    found.addAll(rest);
    return result(
        graph,
        requested.build(),
        found,
        unknown,
        graph.pathsToDependencies(ImmutableList.copyOf(first)),
        graph.pathsToDependencies(ImmutableList.copyOf(rest)),
        byBlamed);
  }

  /**
   * Builds the result from the paths to the broken objects, in snapshot order; an object's path in
   * {@code preferred} wins over its path in {@code others}.
   */
  private static ExclusionResult result(
      ConfigGraph graph,
      ImmutableList<ObjectRef> requested,
      Set<ObjectRef> found,
      Set<ObjectRef> unknown,
      ImmutableMap<ObjectRef, ImmutableList<ObjectRef>> preferred,
      ImmutableMap<ObjectRef, ImmutableList<ObjectRef>> others,
      Map<ObjectRef, List<TranslationFailure>> failuresByCause) {
    ImmutableMap.Builder<ObjectRef, ExclusionReason> excluded = ImmutableMap.builder();
    CacheStores.Builder fallback = graph.snapshot().toBuilder();
    boolean any = false;
    for (ObjectRef node : others.isEmpty() ? preferred.keySet() : graph.nodes()) {
      ImmutableList<ObjectRef> path = preferred.get(node);
      if (path == null) {
        path = others.get(node);
      }
      if (path == null) {
        continue;
      }
      ImmutableList.Builder<Dependency> steps = ImmutableList.builder();
      for (int i = 0; i + 1 < path.size(); i++) {
        ObjectRef from = path.get(i);
        ObjectRef to = path.get(i + 1);
        steps.add(new Dependency(from, to, graph.rules(from, to).iterator().next()));
      }
      ObjectRef cause = path.get(path.size() - 1);
      excluded.put(
          node,
          new ExclusionReason(
              node,
              cause,
              steps.build(),
              ImmutableList.copyOf(failuresByCause.getOrDefault(cause, List.of()))));
      fallback.remove(node);
      any = true;
    }
    return new ExclusionResult(
        graph,
        requested,
        ImmutableSet.copyOf(found),
        ImmutableSet.copyOf(unknown),
        excluded.build(),
        any ? fallback.build() : graph.snapshot());
  }
}
