package io.github.kongtranslator.fallback;

import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.backfill.Backfill;
import io.github.kongtranslator.fallback.backfill.BackfillResult;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports about excluded Secrets name them by ref and never contain their data. */
class SecretRedactionTest {
  private static final String VALUE = "s3cr3t-p4ssw0rd";

  private final CacheStores s =
      snapshot(
          """
      apiVersion: v1
      kind: Secret
      metadata: {name: creds, namespace: default, uid: u-creds}
      stringData: {key: %s}
      ---
      apiVersion: configuration.konghq.com/v1
      kind: KongConsumer
      metadata: {name: alice, namespace: default}
      username: alice
      credentials: [creds]
      """
              .formatted(VALUE));

  @Test
  void reports_ofAnExcludedSecret_neverContainItsData() {
    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "Secret default/creds")));
    BackfillResult b = Backfill.apply(r, s);
    FallbackResult f =
        FallbackGenerator.create(Translator.create(TranslatorOptions.defaults()))
            .generate(s, List.of(ref(s, "Secret default/creds")));

    String everything =
        String.join(
            "\n",
            r.toString(),
            r.excluded().toString(),
            b.toString(),
            b.refused().toString(),
            f.toString(),
            f.excluded().toString(),
            ConfigGraph.of(s).edges().toString(),
            ConfigGraph.of(s).toString());

    assertThat(everything).contains("Secret default/creds").doesNotContain(VALUE);
  }
}
