package io.github.kongtranslator.testkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.kongmodel.errors.TagIdentity;
import io.github.kongtranslator.kongmodel.validation.KongValidator;
import io.github.kongtranslator.kongmodel.validation.RouterFlavor;
import io.github.kongtranslator.kongmodel.validation.Violation;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;

/**
 * Kong's validation of what the translator produces, for generated clusters ({@link ClusterGens}):
 * every entity Kong would reject is reported as a {@code KONG_INVALID} failure blaming the object
 * its tags name, and once the blamed objects are left out (what the fail-closed exclusion does),
 * the configuration passes {@link KongValidator}. Replay a failure with {@code -DQT_SEED=<seed>}
 * (QuickTheories prints the seed).
 *
 * <p>What the generated clusters make the translator emit, as KIC does, and Kong rejects: routes
 * without any matcher (HTTPRoutes without matches or hostnames; TCPRoutes and UDPRoutes whose
 * Gateway listeners give no port, so no {@code destinations}), and the same plugin twice on one
 * route (a duplicate primary key).
 */
class TranslatedConfigValidityPropertiesTest {

  static int examples() {
    return Math.max(30, Integer.getInteger("QT_EXAMPLES", 200) / 3);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void generatedClusters_everyKongViolationIsReported_andLeavingTheBlamedOutPasses(
      boolean expressions) {
    TranslatorOptions options =
        TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, expressions).build();
    KongValidator validator =
        KongValidator.kong391()
            .withRouterFlavor(
                expressions ? RouterFlavor.EXPRESSIONS : RouterFlavor.TRADITIONAL_COMPATIBLE);
    Translator translator = Translator.create(options);
    int[] examples = {0};
    QuickTheory.qt()
        .withExamples(examples())
        .forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              examples[0]++;
              CacheStores snapshot = s;
              for (int round = 0; ; round++) {
                TranslationResult r = translator.translate(snapshot);
                List<Violation> violations = validator.validate(r.config());
                Set<String> blamed = new HashSet<>();
                for (TranslationFailure f : r.failures()) {
                  if (f.effect() == TranslationFailure.Effect.KONG_INVALID) {
                    f.causingObjects().forEach(o -> blamed.add(key(o)));
                  }
                }
                for (Violation v : violations) {
                  TagIdentity.fromTags(v.tags())
                      .targetRef()
                      .ifPresent(
                          ref -> assertThat(blamed).as("%s is reported", v).contains(key(ref)));
                }
                assertThat(
                        r.failures().stream()
                            .filter(f -> f.effect() == TranslationFailure.Effect.KONG_INVALID)
                            .map(TranslationFailure::reason)
                            .distinct())
                    .as("one KONG_INVALID failure per violation with an object")
                    .containsExactlyInAnyOrderElementsOf(
                        violations.stream()
                            .filter(v -> TagIdentity.fromTags(v.tags()).targetRef().isPresent())
                            .map(v -> "Kong would reject " + v.line())
                            .distinct()
                            .toList());
                if (blamed.isEmpty()) {
                  assertThat(violations).as("violations naming no object").isEmpty();
                  break;
                }
                assertThat(round).as("leaving out the blamed objects converges").isLessThan(5);
                List<K8sObject> kept =
                    snapshot.all().stream().filter(o -> !blamed.contains(key(o.ref()))).toList();
                assertThat(kept).hasSizeLessThan(snapshot.size());
                snapshot = CacheStores.of(kept);
              }
            });
    assertThat(examples[0]).isGreaterThan(0);
  }

  private static String key(ObjectRef r) {
    return r.kind() + "/" + r.namespace() + "/" + r.name();
  }
}
