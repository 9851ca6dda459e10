package io.github.kongtranslator.testkit.fallback;

import static io.github.kongtranslator.testkit.fallback.QtProfiles.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.fallback.FailClosedResult;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.FallbackGenerator;
import io.github.kongtranslator.fallback.FallbackResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.validation.KongValidator;
import io.github.kongtranslator.kongmodel.validation.RouterFlavor;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.generators.SourceDSL;

/**
 * What the configuration synchronizer and the fallback generator push by default (failing closed,
 * Kong validation on) passes {@link KongValidator} with no violation, for generated clusters
 * ({@link ClusterGens}), in either router flavor: {@link FailClosedTranslator} leaves out every
 * object an entity Kong would reject comes from, and so does the fallback after it excludes an
 * object a gateway blamed. The same translation without failing closed must yield violations for
 * some clusters, so the property is not vacuous. Replay a failure with {@code -DQT_SEED=<seed>}
 * (QuickTheories prints the seed).
 *
 * <p>Lives in testkit rather than fallback's tests: the cluster generators are testkit's, and
 * testkit depends on fallback.
 */
class FailClosedKongValidityPropertiesTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void failClosedTranslationAndFallback_passKongValidation(boolean expressions) {
    // ingress class x: the generators' class names are x and y
    Translator translator =
        Translator.create(
            TranslatorOptions.builder()
                .ingressClass("x")
                .flag(FeatureFlag.EXPRESSION_ROUTES, expressions)
                .build());
    assertThat(TranslatorOptions.builder().build().kongValidation()).as("on by default").isTrue();
    KongValidator validator =
        KongValidator.kong391()
            .withRouterFlavor(
                expressions ? RouterFlavor.EXPRESSIONS : RouterFlavor.TRADITIONAL_COMPATIBLE);
    FailClosedTranslator failClosed = FailClosedTranslator.create(translator);
    FallbackGenerator fallback = FallbackGenerator.create(translator);
    AtomicInteger invalidUnfiltered = new AtomicInteger();
    AtomicInteger fallbacks = new AtomicInteger();
    qt().forAll(ClusterGens.snapshots(), SourceDSL.integers().between(0, 1_000))
        .checkAssert(
            (CacheStores snapshot, Integer pick) -> {
              FailClosedResult r = failClosed.translate(snapshot);
              assertThat(validator.validate(r.config())).as("fail-closed configuration").isEmpty();
              if (!validator.validate(r.unfiltered().config()).isEmpty()) {
                invalidUnfiltered.incrementAndGet();
              }
              List<K8sObject> all = snapshot.all();
              if (all.isEmpty()) {
                return;
              }
              K8sObject broken = all.get(pick % all.size()); // as if a gateway had blamed it
              FallbackResult f = fallback.generate(snapshot, List.of(broken.ref()));
              if (f.isUsable()) {
                fallbacks.incrementAndGet();
                KongConfig pushed = f.config().orElseThrow();
                assertThat(validator.validate(pushed))
                    .as("fallback configuration without %s", broken.ref())
                    .isEmpty();
              }
            });
    assertThat(invalidUnfiltered.get())
        .as("clusters Kong would reject before failing closed")
        .isPositive();
    assertThat(fallbacks.get()).as("usable fallbacks").isPositive();
  }
}
