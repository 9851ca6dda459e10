package io.github.kongtranslator.fallback;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Translates a snapshot and fails closed on translation failures (architecture principle 4): the
 * objects blamed by failures that {@link TranslationFailure#failsClosed() fail closed} (a plugin
 * that cannot be translated and the routes, services and consumers asking for it; a consumer whose
 * credential or consumer group is missing; an entity Kong would reject) are left out together with
 * everything that depends on them, through the same dependency graph and {@link Exclusion} the
 * fallback uses for objects a gateway rejected, and the rest is translated again.
 *
 * <pre>{@code
 * FailClosedTranslator translator = FailClosedTranslator.create(Translator.create(options));
 * FailClosedResult result = translator.translate(snapshot);
 * result.excluded().values().forEach(why -> log.warn("left out: {}", why));
 * push(result.config()); // no route without the plugin it asks for
 * }</pre>
 *
 * <p>{@link io.github.kongtranslator.fallback.sync.ConfigSynchronizer}, {@link FallbackGenerator}
 * and the CLI {@code translate} and {@code fallback} commands translate this way by default; {@link
 * TranslationFailurePolicy#KIC_COMPATIBLE} turns it off (KIC's behaviour: the route is emitted
 * without the plugin). A plain {@link Translator#translate} does not fail closed: see {@link
 * TranslationResult#hasUnprotected()}.
 *
 * <p>If translating what is left reports new failing-closed failures (exclusion is not
 * entity-local, {@code fallback-spec.md} §3.6), their objects are excluded too and the rest
 * translated again, until no failing-closed failure blames an object still present. Usually that
 * means two translations when something fails closed and one otherwise.
 *
 * <p>Thread-safe when the translation function is.
 */
public final class FailClosedTranslator {
  private final Function<CacheStores, TranslationResult> translate;
  private final TranslationFailurePolicy policy;

  private FailClosedTranslator(
      Function<CacheStores, TranslationResult> translate, TranslationFailurePolicy policy) {
    this.translate = Objects.requireNonNull(translate, "translate");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Fails closed with the complete edge set.
   *
   * @param translator the translator
   * @return the fail-closed translator
   */
  public static FailClosedTranslator create(Translator translator) {
    return create(translator, TranslationFailurePolicy.FAIL_CLOSED);
  }

  /**
   * A translator with a chosen policy and the complete edge set.
   *
   * @param translator the translator
   * @param policy {@link TranslationFailurePolicy#FAIL_CLOSED}, or {@link
   *     TranslationFailurePolicy#KIC_COMPATIBLE} to exclude nothing
   * @return the translator
   */
  public static FailClosedTranslator create(
      Translator translator, TranslationFailurePolicy policy) {
    Objects.requireNonNull(translator, "translator");
    return new FailClosedTranslator(translator::translate, policy);
  }

  /**
   * A translator over any translation function (e.g. a test double).
   *
   * @param translate translates a snapshot; must not return null
   * @param policy the policy
   * @return the translator
   */
  public static FailClosedTranslator of(
      Function<CacheStores, TranslationResult> translate, TranslationFailurePolicy policy) {
    return new FailClosedTranslator(translate, policy);
  }

  /** {@return the policy} */
  public TranslationFailurePolicy policy() {
    return policy;
  }

  /**
   * Translates a snapshot, leaving out the objects of failing-closed failures and their dependents
   * (nothing with {@link TranslationFailurePolicy#KIC_COMPATIBLE}).
   *
   * @param snapshot the snapshot
   * @return the configuration, the failures and the objects left out with their reasons
   * @throws RuntimeException whatever the translation function throws
   */
  public FailClosedResult translate(CacheStores snapshot) {
    TranslationResult first =
        Objects.requireNonNull(translate.apply(snapshot), "translation result");
    if (policy == TranslationFailurePolicy.KIC_COMPATIBLE || first.failClosedFailures().isEmpty()) {
      return new FailClosedResult(snapshot, first, first, null);
    }
    ConfigGraph graph = ConfigGraph.of(snapshot);
    List<TranslationFailure> closing = new ArrayList<>(first.failClosedFailures());
    Set<TranslationFailure> all = new LinkedHashSet<>(first.failures());
    while (true) {
      ExclusionResult ex = Exclusion.excludeFailures(graph, closing);
      if (ex.excludedNothing()) {
        return new FailClosedResult(snapshot, first, first, ex);
      }
      TranslationResult next =
          Objects.requireNonNull(translate.apply(ex.fallback()), "translation result");
      all.addAll(next.failures());
      boolean more = false;
      for (TranslationFailure f : next.failClosedFailures()) {
        if (!closing.contains(f) && blamesPresent(graph, ex, f)) {
          closing.add(f);
          more = true;
        }
      }
      if (!more) {
        return new FailClosedResult(
            snapshot, first, new TranslationResult(next.config(), canonical(all)), ex);
      }
    }
  }

  /** Whether a failure blames an object of the snapshot that is not excluded yet. */
  private static boolean blamesPresent(
      ConfigGraph graph, ExclusionResult ex, TranslationFailure f) {
    for (ObjectRef ref : f.causingObjects()) {
      Optional<ObjectRef> node = graph.findExact(ref);
      if (node.isPresent() && !ex.excluded().containsKey(node.get())) {
        return true;
      }
    }
    return false;
  }

  /** Without repeats, by blamed objects then reason (the translator's canonical order). */
  private static List<TranslationFailure> canonical(Set<TranslationFailure> failures) {
    return failures.stream()
        .sorted(
            java.util.Comparator.comparing((TranslationFailure f) -> f.causingObjects().toString())
                .thenComparing(TranslationFailure::reason))
        .toList();
  }

  /** {@code FailClosedTranslator[policy]}. */
  @Override
  public String toString() {
    return "FailClosedTranslator[" + policy + "]";
  }
}
