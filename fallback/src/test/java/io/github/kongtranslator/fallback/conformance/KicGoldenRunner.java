package io.github.kongtranslator.fallback.conformance;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.KicEdges;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.errors.FlattenedError;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.errors.GatewayRejection;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a golden case as {@link FallbackGoldenRunner} does, but with KIC's rules, for the
 * differential test that every golden passes KIC's way too: KIC's entry parsing ({@code
 * fallback-spec.md} §4.5: entries without uid or naming an unlisted cluster-scoped kind identify
 * nothing, entries without problems blame nothing), KIC's edge set ({@link KicEdges}) and
 * translation without failing closed (KIC emits a route without the plugin it cannot translate).
 * Test code only: the library never serves a configuration built this way.
 */
final class KicGoldenRunner {
  private KicGoldenRunner() {}

  /**
   * What happened when a case ran KIC's way.
   *
   * @param broken the broken refs KIC derives from the rejection body
   * @param exclusion the exclusion, when the case has broken objects
   * @param accepted the configuration the gateway accepted last
   */
  record Run(
      ImmutableList<ObjectRef> broken, Optional<ExclusionResult> exclusion, KongConfig accepted) {
    /** Whether a fallback was pushed (something was excluded). */
    boolean fallbackUsed() {
      return exclusion.isPresent() && !exclusion.get().excludedNothing();
    }
  }

  /**
   * The objects KIC would blame: for each entry that has problems and whose tags identify an object
   * under KIC's rules ({@link FlattenedError#compatRef()}), its object; deduplicated, in
   * first-occurrence order.
   *
   * @param rejection the parsed body
   * @return the blamed objects
   */
  static ImmutableList<ObjectRef> brokenObjects(GatewayRejection rejection) {
    Set<ObjectRef> out = new LinkedHashSet<>();
    for (FlattenedError e : rejection.entries()) {
      if (!e.problems().isEmpty()) {
        e.compatRef().ifPresent(out::add);
      }
    }
    return ImmutableList.copyOf(out);
  }

  static Run run(GoldenCase c) {
    List<K8sObject> objects = GoldenCorpus.load(c);
    CacheStores snapshot = CacheStores.of(objects);
    Translator translator = Translator.create(c.options());
    KongConfig desired = translator.translate(snapshot).config();
    Optional<String> body = FallbackGoldenRunner.rejectionBody(objects);
    if (body.isEmpty()) {
      return new Run(ImmutableList.of(), Optional.empty(), desired);
    }
    ImmutableList<ObjectRef> broken =
        FlattenedErrors.parse(body.get())
            .rejection()
            .map(KicGoldenRunner::brokenObjects)
            .orElse(ImmutableList.of());
    // The gateway held nothing before: its last valid configuration is the empty one.
    KongConfig lastValid = translator.translate(CacheStores.empty()).config();
    ExclusionResult ex = Exclusion.exclude(KicEdges.graph(snapshot), broken);
    KongConfig accepted =
        ex.excludedNothing() ? lastValid : translator.translate(ex.fallback()).config();
    return new Run(broken, Optional.of(ex), accepted);
  }

  static Optional<String> check(GoldenCase c) {
    return FallbackGoldenRunner.diff(c, run(c).accepted());
  }
}
