package io.github.kongtranslator.translator.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case input, built up object by object and torn down again through an {@link
 * ObjectCache}: after every step the incremental translation equals a full translation of the
 * same snapshot (configuration and failures), under each case's own options.
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
    for (K8sObject o : objects) {
      cache.upsert(o);
      check(full, inc, cache, c, steps++);
    }
    // the last translation re-translated only part of the objects, unless it was global
    Collections.shuffle(objects, new Random(seed + 1));
    for (K8sObject o : objects) {
      cache.delete(o);
      check(full, inc, cache, c, steps++);
    }
  }

  private static void check(Translator full, IncrementalTranslator inc, ObjectCache cache,
      GoldenCase c, int step) {
    var snapshot = cache.snapshot();
    TranslationResult expected = full.translate(snapshot);
    TranslationResult actual = inc.translate(snapshot);
    assertThat(actual.config()).as("%s step %d config", c.id(), step).isEqualTo(expected.config());
    assertThat(actual.failures()).as("%s step %d failures", c.id(), step)
        .isEqualTo(expected.failures());
  }
}
