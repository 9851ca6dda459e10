package io.github.kongtranslator.translator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestOptions;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Measures which golden cases would change if their {@code in.yaml} were admitted as the API server
 * would (namespace, uid, core defaults) instead of read as stored, which is how the golden runners
 * read them ({@link GoldenCorpus#load}). The measured list is printed; the property checked is that
 * a case whose admission fills in nothing translates identically.
 */
class GoldenAdmissionImpactTest {

  @Test
  void admittingGoldenInputs_changesOnlyCasesWhereSomethingWasDefaulted() {
    measure(Manifests.defaults(), "admission on");
    measure(
        Manifests.with(ManifestOptions.builder().deterministicUids(false).build()),
        "admission on, uids off");
  }

  private static void measure(Manifests loader, String label) {
    List<GoldenCase> cases =
        GoldenCorpus.discover(GoldenConformanceTest.corpus()).stream()
            .filter(c -> !GoldenCorpus.needsFallback(c))
            .toList();
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (GoldenCase c : cases) {
      LoadResult admitted = loader.read(c.input());
      Translator t = Translator.create(c.options());
      String asStored =
          KongConfigWriter.yaml().write(t.translate(CacheStores.of(GoldenCorpus.load(c))).config());
      String withAdmission =
          KongConfigWriter.yaml().write(t.translate(CacheStores.of(admitted.objects())).config());
      if (asStored.equals(withAdmission)) {
        unchanged.add(c.id());
        continue;
      }
      Optional<String> diff =
          TreeDiff.firstDifference(
              GoldenCorpus.parseYaml(asStored), GoldenCorpus.parseYaml(withAdmission));
      changed.add(
          c.id()
              + " ("
              + admitted.defaulted().size()
              + " objects defaulted, "
              + admitted.rejected().size()
              + " rejected; first difference: "
              + diff.orElse("?")
              + ")");
      assertThat(admitted.defaulted().isEmpty() && admitted.rejected().isEmpty())
          .as("%s changed although admission filled in nothing", c.id())
          .isFalse();
    }
    System.out.println(
        "golden variants that would change with "
            + label
            + ": "
            + changed.size()
            + " of "
            + cases.size());
    changed.forEach(s -> System.out.println("  " + s));
    assertThat(changed.size() + unchanged.size()).isEqualTo(cases.size());
  }
}
