package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Compiles and runs the Java example of the README, and checks the README shows it verbatim. */
class ReadmeExampleTest {

  @Test
  void readmeExample_compilesRunsAndIsQuotedVerbatim() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String source = Files.readString(
        Path.of("src/test/java/io/github/kongtranslator/cli/ReadmeExampleTest.java"));
    String snippet = source.substring(source.lastIndexOf("// README-BEGIN\n") + 16, source.lastIndexOf("    // README-END"))
        .lines().map(l -> l.length() >= 4 ? l.substring(4) : l).reduce("", (a, b) -> a + b + "\n");
    assertThat(readme).contains(snippet);
    assertThat(example()).isEqualTo(1);
  }

  private static int example() {
    // README-BEGIN
    // Load manifests (files, directories, streams or strings) into typed objects.
    LoadResult loaded = Manifests.load(Path.of("../examples/ingress-tls-plugin.yaml"));
    loaded.warnings().forEach(w -> System.err.println("warning: " + w));

    // An immutable snapshot with a store for every kind, never null.
    CacheStores snapshot = CacheStores.of(loaded.objects());
    for (Ingress ingress : snapshot.list(Kind.INGRESS, Ingress.class)) {
      System.out.println(ingress.ref() + " rules: " + ingress.spec().rules().size());
    }

    // A controller feeds a thread-safe cache and takes cheap snapshots.
    ObjectCache cache = new ObjectCache();
    loaded.objects().forEach(cache::upsert);
    String hash = cache.snapshot().hash(); // changes whenever any object changes

    // Translate a snapshot into Kong's declarative configuration.
    Translator translator = Translator.create(TranslatorOptions.defaults()); // thread-safe
    TranslationResult result = translator.translate(snapshot);
    result.failures().forEach(f -> System.err.println("translation failure: " + f));
    String yaml = KongConfigWriter.yaml().write(result.config());
    // README-END
    assertThat(yaml).contains("rate-limiting");
    assertThat(hash).isEqualTo(snapshot.hash());
    return snapshot.list(Kind.INGRESS).size();
  }
}
