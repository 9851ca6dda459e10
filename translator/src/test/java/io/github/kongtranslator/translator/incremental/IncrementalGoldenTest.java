package io.github.kongtranslator.translator.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case input, built up object by object and torn down again through an {@link
 * ObjectCache}: after every step the incremental translation equals a full translation of the same
 * snapshot (configuration, failures and written bytes), under each case's own options; and it was
 * incremental: a change to a global kind rebuilt every unit, any other change rebuilt nothing
 * unless a global object was in the snapshot (whose reads also rebuild).
 */
class IncrementalGoldenTest {

  static Path corpus() {
    return Path.of(System.getProperty("kt.shared.dir"), "conformance", "kic-golden");
  }

  @TestFactory
  Stream<DynamicTest> everyCase_builtUpAndTornDown_equalsFullTranslationAtEveryStep() {
    List<GoldenCase> cases = GoldenCorpus.discover(corpus());
    assertThat(cases).isNotEmpty();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c, 1L)));
  }

  @TestFactory
  Stream<DynamicTest> everyCase_inShuffledOrder_equalsFullTranslationAtEveryStep() {
    return GoldenCorpus.discover(corpus()).stream()
        .map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c, c.id().hashCode())));
  }

  private static void run(GoldenCase c, long seed) {
    List<K8sObject> objects = new ArrayList<>(GoldenCorpus.load(c));
    Collections.shuffle(objects, new Random(seed));
    Translator full = Translator.create(c.options());
    IncrementalTranslator inc = IncrementalTranslator.create(c.options());
    ObjectCache cache = new ObjectCache();
    int steps = 0;
    check(full, inc, cache, c, steps++);
    assertThat(inc.lastStats().rebuilt()).as("%s first translation rebuilt", c.id()).isTrue();
    int globals = 0;
    for (K8sObject o : objects) {
      boolean globalBefore = globals > 0;
      cache.upsert(o);
      globals += GLOBAL.contains(o.kind()) ? 1 : 0;
      check(full, inc, cache, c, steps);
      checkIncremental(inc.lastStats(), o, globalBefore || globals > 0, c, steps++);
    }
    Collections.shuffle(objects, new Random(seed + 1));
    for (K8sObject o : objects) {
      boolean globalBefore = globals > 0;
      cache.delete(o);
      globals -= GLOBAL.contains(o.kind()) ? 1 : 0;
      check(full, inc, cache, c, steps);
      checkIncremental(inc.lastStats(), o, globalBefore || globals > 0, c, steps++);
    }
  }

  /** The kinds whose change re-translates everything (see {@link IncrementalTranslator}). */
  private static final Set<Kind> GLOBAL =
      EnumSet.of(
          Kind.INGRESS_CLASS,
          Kind.INGRESS_CLASS_PARAMETERS,
          Kind.GATEWAY_CLASS,
          Kind.REFERENCE_GRANT,
          Kind.KONG_VAULT,
          Kind.BACKEND_TLS_POLICY,
          Kind.KONG_CLUSTER_PLUGIN);

  /**
   * A change to a global kind rebuilds every unit; any other change re-translates only the units it
   * touches, unless a global object (which may read the changed one) was in the snapshot.
   */
  private static void checkIncremental(
      IncrementalStats stats, K8sObject changed, boolean globalPresent, GoldenCase c, int step) {
    String what = c.id() + " step " + step + " " + changed.ref() + " " + stats;
    assertThat(stats.unitsTranslated()).as(what).isLessThanOrEqualTo(stats.units());
    if (GLOBAL.contains(changed.kind())) {
      assertThat(stats.rebuilt()).as(what + ": rebuilt").isTrue();
      assertThat(stats.unitsTranslated()).as(what).isEqualTo(stats.units());
    } else if (!globalPresent) {
      assertThat(stats.rebuilt()).as(what + ": rebuilt").isFalse();
    }
  }

  private static void check(
      Translator full, IncrementalTranslator inc, ObjectCache cache, GoldenCase c, int step) {
    var snapshot = cache.snapshot();
    TranslationResult expected = full.translate(snapshot);
    TranslationResult actual = inc.translate(snapshot);
    assertThat(actual.config()).as("%s step %d config", c.id(), step).isEqualTo(expected.config());
    assertThat(actual.failures())
        .as("%s step %d failures", c.id(), step)
        .isEqualTo(expected.failures());
    assertThat(KongConfigWriter.yaml().write(actual.config()))
        .as("%s step %d YAML", c.id(), step)
        .isEqualTo(KongConfigWriter.yaml().write(expected.config()));
  }
}
