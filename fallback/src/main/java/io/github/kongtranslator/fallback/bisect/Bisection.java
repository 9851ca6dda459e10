package io.github.kongtranslator.fallback.bisect;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.translator.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds broken objects when the gateway rejected a configuration without naming any (untagged error
 * entries, or a failure without flattened errors) — a step beyond KIC, which then only pushes its
 * last valid configuration.
 *
 * <p>It asks a validation callback (e.g. Kong's {@code POST /config?check_hash=1} against a scratch
 * DB-less instance, or a schema validator) whether a configuration is accepted. It assumes that
 * excluding more objects never turns an accepted configuration into a rejected one. The objects are
 * taken dependencies first (see {@link #find}); a binary search finds the shortest prefix whose
 * exclusion (with all dependents, as in the fallback) makes the configuration accepted; the last
 * object of that prefix is broken. It is kept excluded and the search repeats over the objects
 * after it until the configuration is accepted.
 *
 * <p>The result is a <em>sufficient</em> set: excluding it (with dependents) makes the gateway
 * accept, and each member was needed at the point it was found. When several objects explain a
 * rejection equally (a broken plugin and the Service whose exclusion drops the only route using it
 * give the same configuration), the gateway's answer cannot tell them apart; the first in
 * dependency order is reported.
 *
 * <p>Cost: one call for the full configuration, one to check that excluding everything is accepted,
 * then per broken object found at most ⌈log2(n + 1)⌉ calls for the search, up to 8 to prefer the
 * least damaging of the found object and its siblings, and one to check: {@code 2 + b · (log2 n +
 * 9)} calls at most for b broken objects among n (at most 25 for one broken object among 10,000;
 * typically far fewer refinement calls). Each call costs one graph exclusion and one translation.
 */
public final class Bisection {
  private final Translator translator;
  private final Predicate<KongConfig> accepts;

  private Bisection(Translator translator, Predicate<KongConfig> accepts) {
    this.translator = translator;
    this.accepts = accepts;
  }

  /**
   * A bisection translating with {@code translator} and validating with {@code accepts}.
   *
   * @param translator the translator
   * @param accepts whether the gateway accepts a configuration; exceptions count as rejection
   * @return the bisection
   */
  public static Bisection of(Translator translator, Predicate<KongConfig> accepts) {
    return new Bisection(translator, accepts);
  }

  /**
   * Finds the broken objects of a snapshot.
   *
   * @param snapshot the snapshot whose configuration was rejected
   * @return the broken objects found, the number of validations, and the accepted fallback
   */
  public BisectionResult find(CacheStores snapshot) {
    ConfigGraph graph = ConfigGraph.of(snapshot);
    int[] calls = {0};
    List<ObjectRef> all = dependenciesFirst(graph);
    KongConfig full = translator.translate(snapshot).config();
    if (validate(full, calls)) {
      return new BisectionResult(List.of(), calls[0], null, full);
    }
    List<ObjectRef> broken = new ArrayList<>();
    if (!acceptedWithout(graph, all, calls).isPresent()) {
      return new BisectionResult(List.of(), calls[0], null, null);
    }
    int from = 0;
    while (true) {
      // smallest k in [from+1, n] such that excluding broken + all[from..k) is accepted
      int lo = from + 1;
      int hi = all.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        List<ObjectRef> excluded = new ArrayList<>(broken);
        excluded.addAll(all.subList(from, mid));
        if (acceptedWithout(graph, excluded, calls).isPresent()) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      broken.add(leastDamaging(graph, broken, all.subList(from, lo - 1), all.get(lo - 1), calls));
      from = lo;
      ExclusionResult ex = Exclusion.exclude(graph, broken);
      KongConfig config = translator.translate(ex.fallback()).config();
      if (validate(config, calls)) {
        return new BisectionResult(broken, calls[0], ex, config);
      }
      if (from >= all.size()) {
        return new BisectionResult(broken, calls[0], ex, null);
      }
    }
  }

  /**
   * The prefix search blames the first object whose exclusion helps, which may be a bystander (a
   * Service whose exclusion also drops the route that used a broken plugin). Among the found object
   * and the other dependencies of its dependents (at most {@value #REFINE_LIMIT}), pick the one
   * whose exclusion is accepted and keeps the most Kong entities.
   */
  private ObjectRef leastDamaging(
      ConfigGraph graph,
      List<ObjectRef> broken,
      List<ObjectRef> before,
      ObjectRef found,
      int[] calls) {
    java.util.LinkedHashSet<ObjectRef> candidates = new java.util.LinkedHashSet<>();
    for (ObjectRef dependent : graph.dependents(found)) {
      candidates.addAll(graph.dependencies(dependent));
    }
    candidates.remove(found);
    candidates.removeAll(broken);
    ObjectRef best = found;
    int bestEntities = -1;
    int tried = 0;
    for (ObjectRef x :
        java.util.stream.Stream.concat(java.util.stream.Stream.of(found), candidates.stream())
            .toList()) {
      if (tried++ > REFINE_LIMIT) {
        break;
      }
      List<ObjectRef> excluded = new ArrayList<>(broken);
      excluded.addAll(before);
      excluded.add(x);
      KongConfig config =
          translator.translate(Exclusion.exclude(graph, excluded).fallback()).config();
      int entities = io.github.kongtranslator.kongmodel.sha.ConfigSha.entityDigests(config).size();
      if (entities > bestEntities && (x.equals(found) || validate(config, calls))) {
        best = x;
        bestEntities = entities;
      }
    }
    return best;
  }

  private static final int REFINE_LIMIT = 8;

  /**
   * The objects ordered so that every object comes after the objects it depends on (snapshot order
   * among equals; objects on a cycle in snapshot order at the end). Searching in this order blames
   * a plugin or a Secret before the route that merely uses it.
   */
  static List<ObjectRef> dependenciesFirst(ConfigGraph graph) {
    List<ObjectRef> order = new ArrayList<>();
    java.util.Set<ObjectRef> placed = new java.util.HashSet<>();
    List<ObjectRef> pending = new ArrayList<>(graph.nodes());
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      List<ObjectRef> next = new ArrayList<>();
      for (ObjectRef ref : pending) {
        if (placed.containsAll(graph.dependencies(ref))) {
          order.add(ref);
          placed.add(ref);
          progress = true;
        } else {
          next.add(ref);
        }
      }
      pending = next;
    }
    order.addAll(pending);
    return order;
  }

  private Optional<ExclusionResult> acceptedWithout(
      ConfigGraph graph, List<ObjectRef> excluded, int[] calls) {
    ExclusionResult ex = Exclusion.exclude(graph, excluded);
    return validate(translator.translate(ex.fallback()).config(), calls)
        ? Optional.of(ex)
        : Optional.empty();
  }

  private boolean validate(KongConfig config, int[] calls) {
    calls[0]++;
    try {
      return accepts.test(config);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
