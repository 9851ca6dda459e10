package io.github.kongtranslator.fallback;

import static io.github.kongtranslator.fallback.Fixtures.parse;
import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FallbackGenerator}'s steps, as the update loop calls them: {@link
 * FallbackGenerator#prepare} excludes and backfills without translating, {@link
 * FallbackGenerator#translate(FallbackSnapshot)} translates, and together they are {@link
 * FallbackGenerator#generate}.
 */
class FallbackGeneratorStepsTest {

  private final Translator translator = Translator.create(TranslatorOptions.defaults());
  private final CacheStores s = snapshot(FallbackGeneratorTest.CLUSTER);
  private final List<CacheStores> translated = new ArrayList<>();
  private final FallbackGenerator generator =
      FallbackGenerator.of(
          FailClosedTranslator.of(
              snap -> {
                translated.add(snap);
                return translator.translate(snap);
              },
              TranslationFailurePolicy.FAIL_CLOSED));

  @Test
  void prepare_excludesWithoutTranslating_andTranslateTranslatesItsSnapshotOnce() {
    FallbackSnapshot prepared = generator.prepare(s, List.of(ref(s, "Ingress default/bad")));

    assertThat(translated).isEmpty();
    assertThat(prepared.excludedNothing()).isFalse();
    assertThat(prepared.excluded().keySet()).containsExactly(ref(s, "Ingress default/bad"));
    assertThat(prepared.backfill()).isEmpty();
    assertThat(prepared.snapshot().get(ref(s, "Ingress default/bad"))).isEmpty();

    FallbackResult r = generator.translate(prepared);

    assertThat(translated).containsExactly(prepared.snapshot());
    assertThat(r.prepared()).isSameAs(prepared);
    assertThat(r.isUsable()).isTrue();
    assertThat(r.failClosedTranslation().orElseThrow().snapshot()).isSameAs(prepared.snapshot());
    assertThat(r.config()).contains(translator.translate(prepared.snapshot()).config());
  }

  @Test
  void steps_giveWhatGenerateGives_withAndWithoutBackfill() {
    CacheStores now =
        snapshot(FallbackGeneratorTest.CLUSTER.replace("path: /bad", "path: /bad-edited"));
    FallbackGenerator plain = FallbackGenerator.create(translator);

    FallbackResult stepped =
        generator.translate(generator.prepare(now, List.of(ref(now, "Ingress default/bad")), s));
    FallbackResult whole = plain.generate(now, List.of(ref(now, "Ingress default/bad")), s);

    assertThat(stepped.backfilled()).containsExactly(ref(now, "Ingress default/bad"));
    assertThat(stepped.backfilled()).isEqualTo(whole.backfilled());
    assertThat(stepped.excluded()).isEqualTo(whole.excluded());
    assertThat(stepped.snapshot().all()).containsExactlyElementsOf(whole.snapshot().all());
    assertThat(stepped.config()).isEqualTo(whole.config());
    assertThat(stepped.translation().map(TranslationResult::failures))
        .isEqualTo(whole.translation().map(TranslationResult::failures));
  }

  @Test
  void prepare_withLastValid_whenNothingIsExcluded_neitherBackfillsNorTranslates() {
    FallbackSnapshot prepared = generator.prepare(s, List.of(parse("Ingress default/bad")), s);

    assertThat(prepared.excludedNothing()).isTrue();
    assertThat(prepared.backfill()).isEmpty();
    assertThat(prepared.backfillRefusals()).isEmpty();
    assertThat(prepared.unknownBroken()).containsExactly(parse("Ingress default/bad"));
    assertThat(prepared).hasToString("FallbackSnapshot[nothing excluded, backfilled=0]");

    FallbackResult r = generator.translate(prepared);

    assertThat(translated).isEmpty();
    assertThat(r.isUsable()).isFalse();
    assertThat(r.failClosedTranslation()).isEmpty();
  }
}
