package io.github.kongtranslator.testkit.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.testkit.cluster.SyntheticCluster;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.incremental.IncrementalTranslator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;

/**
 * Incremental translation equals full translation: for random clusters (ClusterGens: 25 kinds,
 * references that resolve, dangle or cross namespaces) and random sequences of changes (add, update
 * to another version, delete, of any kind, one to three per step), after every step the incremental
 * result equals a full translation of the same snapshot — configuration entity for entity, config
 * SHA, and failures. Runs under several option sets. Replay a failure with {@code -DQT_SEED=<seed>}
 * (QuickTheories prints the seed).
 */
class IncrementalTranslationPropertiesTest {

  static int examples() {
    int configured = Integer.getInteger("QT_EXAMPLES", 200);
    return configured >= 10_000 ? configured : Math.max(50, configured / 2);
  }

  static TranslatorOptions options(String set) {
    TranslatorOptions.Builder b = TranslatorOptions.builder();
    switch (set) {
      case "expressions" -> b.flag(FeatureFlag.EXPRESSION_ROUTES, true);
      case "combined-services" ->
          b.flag(FeatureFlag.COMBINED_SERVICES_FROM_DIFFERENT_HTTP_ROUTES, true)
              .flag(FeatureFlag.KONG_SERVICE_FACADE, true)
              .flag(FeatureFlag.KONG_CUSTOM_ENTITY, true);
      case "managed-gateways" -> b.gatewayControllerName("konghq.com/kic-gateway-controller");
      default -> {}
    }
    return b.build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "expressions", "combined-services", "managed-gateways"})
  void randomChangeSequences_incrementalEqualsFull(String optionSet) {
    TranslatorOptions options = options(optionSet);
    int[] sequences = {0};
    QuickTheory.qt()
        .withExamples(examples())
        .forAll(
            lists().of(longs().all()).ofSizeBetween(1, 25),
            lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 30))
        .checkAssert(
            (seeds, ops) -> {
              sequences[0]++;
              run(options, seeds, ops);
            });
    assertThat(sequences[0]).isGreaterThan(0);
  }

  /**
   * Smallest cases the fuzz run (10,000 examples per option set) found, pinned: plugins named
   * {@code namespace:name} in another namespace were keyed as local ones (fuzz seeds
   * 15428988949566, 15613160788517, 15794058468387), so a unit missed the remote plugin and its
   * configuration Secret.
   */
  @ParameterizedTest
  @ValueSource(strings = {"defaults", "expressions", "combined-services", "managed-gateways"})
  void regressions_remotePluginReferences(String optionSet) {
    TranslatorOptions options = options(optionSet);
    for (List<Long> seeds :
        List.of(
            List.of(0L, 0L, 0L, 177L, 0L, 0L, 0L, 0L, 0L, 1386L, 1940L),
            List.of(
                0L, 0L, 0L, 0L, 0L, 345L, 0L, 0L, 0L, -3L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
                -1337L),
            List.of(0L, 0L, 0L, 0L, 0L, -58L, 0L, 758L, 0L, 0L, 0L, 0L, 0L, 1895L))) {
      run(options, seeds, List.of(0));
      run(options, seeds, List.of(1, 7, 13, 2, 5));
    }
  }

  /**
   * The same over realistic clusters (SyntheticCluster: Services with EndpointSlices, Ingresses
   * with TLS and plugins, consumers with credentials and groups, HTTPRoutes); an update replaces an
   * object by its namesake from the same cluster generated with another seed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"defaults", "expressions"})
  void randomChangesOfRealisticClusters_incrementalEqualsFull(String optionSet) {
    TranslatorOptions options = options(optionSet);
    QuickTheory.qt()
        .withExamples(Math.max(20, examples() / 5))
        .forAll(
            integers().between(1, 120),
            longs().all(),
            longs().all(),
            lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 40))
        .checkAssert(
            (size, seed, editSeed, ops) ->
                run(
                    options,
                    SyntheticCluster.generate(size, seed).objects(),
                    SyntheticCluster.generate(size, editSeed).objects(),
                    ops,
                    true));
  }

  private static void run(TranslatorOptions options, List<Long> seeds, List<Integer> ops) {
    run(
        options,
        load(ClusterGens.manifest(seeds, List.of())),
        load(ClusterGens.manifest(seeds, seeds)),
        ops,
        ops.get(0) % 2 == 0);
  }

  /** Starts from an empty cache, or from one holding every base object, then applies ops. */
  private static void run(
      TranslatorOptions options,
      List<? extends K8sObject> base,
      List<? extends K8sObject> variants,
      List<Integer> ops,
      boolean startFull) {
    Map<String, K8sObject> edited = new LinkedHashMap<>();
    for (K8sObject o : variants) {
      edited.put(o.kind() + "/" + o.key(), o);
    }
    Translator full = Translator.create(options);
    IncrementalTranslator inc = IncrementalTranslator.create(options);
    ObjectCache cache = new ObjectCache();
    if (startFull) {
      base.forEach(cache::upsert);
    }
    List<K8sObject> all = new ArrayList<>(base);
    all.addAll(edited.values());
    int step = 0;
    int i = 0;
    if (startFull) {
      CacheStores first = cache.snapshot();
      TranslationResult expected = full.translate(first);
      TranslationResult actual = inc.translate(first);
      assertThat(actual.config()).as("first translation").isEqualTo(expected.config());
      assertThat(actual.failures()).as("first failures").isEqualTo(expected.failures());
    }
    while (i < ops.size()) {
      int batch = 1 + ops.get(i) % 3;
      for (int j = 0; j < batch && i < ops.size(); j++, i++) {
        int op = ops.get(i);
        K8sObject o = all.get(op % all.size());
        switch ((op / all.size()) % 4) {
          case 0, 1 -> cache.upsert(o);
          case 2 -> cache.upsert(edited.getOrDefault(o.kind() + "/" + o.key(), o));
          default -> cache.delete(o);
        }
      }
      CacheStores snapshot = cache.snapshot();
      TranslationResult expected = full.translate(snapshot);
      TranslationResult actual = inc.translate(snapshot);
      int s = step++;
      assertThat(actual.config()).as("config after step %d", s).isEqualTo(expected.config());
      assertThat(ConfigSha.of(actual.config()))
          .as("config SHA after step %d", s)
          .isEqualTo(ConfigSha.of(expected.config()));
      assertThat(actual.failures()).as("failures after step %d", s).isEqualTo(expected.failures());
    }
  }

  private static List<K8sObject> load(String manifest) {
    return Manifests.with(
            io.github.kongtranslator.core.manifest.ManifestOptions.builder()
                .validation(false)
                .build())
        .readString(manifest, "generated")
        .objects();
  }
}
