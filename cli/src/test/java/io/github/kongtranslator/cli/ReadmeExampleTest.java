package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.FailClosedResult;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.FallbackGenerator;
import io.github.kongtranslator.fallback.FallbackResult;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.status.ConfigurationStatus;
import io.github.kongtranslator.fallback.status.StatusReport;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.errors.GatewayRejection;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.router.KongRouter;
import io.github.kongtranslator.router.RouteRequest;
import io.github.kongtranslator.router.RouteResult;
import io.github.kongtranslator.router.RouterFlavor;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import io.github.kongtranslator.translator.incremental.IncrementalTranslator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles and runs the Java example of the README, and checks the README shows it verbatim. */
class ReadmeExampleTest {

  @Test
  void readmeExample_compilesRunsAndIsQuotedVerbatim() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String source =
        Files.readString(
            Path.of("src/test/java/io/github/kongtranslator/cli/ReadmeExampleTest.java"));
    assertThat(readme).contains(snippet(source, "// README-BEGIN\n", "    // README-END"));
    assertThat(readme)
        .contains(snippet(source, "// README-FALLBACK-BEGIN\n", "    // README-FALLBACK-END"));
    assertThat(readme)
        .contains(snippet(source, "// README-ROUTER-BEGIN\n", "    // README-ROUTER-END"));
    assertThat(routerExample()).isEqualTo("demo.shop.shop.shop.example.com.8080");
    assertThat(example()).isEqualTo(1);
    assertThat(fallbackExample()).isEqualTo(SyncOutcome.FAILED);
  }

  private static String snippet(String source, String begin, String end) {
    return source
        .substring(source.lastIndexOf(begin) + begin.length(), source.lastIndexOf(end))
        .lines()
        .map(l -> l.length() >= 4 ? l.substring(4) : l)
        .reduce("", (a, b) -> a + b + "\n");
  }

  private static SyncOutcome fallbackExample() throws Exception {
    Translator translator = Translator.create(TranslatorOptions.defaults());
    CacheStores snapshot =
        CacheStores.of(Manifests.load(Path.of("../examples/ingress-tls-plugin.yaml")).objects());
    // the uid loading derives for the example's KongPlugin demo/rate-limit (it has none):
    // Python uuid.uuid5(uuid.NAMESPACE_URL,
    // "kong-translator:configuration.konghq.com/KongPlugin/demo/rate-limit")
    String errorBody =
        """
        {"flattened_errors": [{"errors": [{"messages": ["invalid config"]}], "entity_tags": [
          "k8s-name:rate-limit", "k8s-namespace:demo", "k8s-kind:KongPlugin",
          "k8s-group:configuration.konghq.com", "k8s-version:v1", "k8s-uid:c6518568-7610-5aff-b9a9-a0aa323d6096"]}]}""";
    // README-FALLBACK-BEGIN
    // The gateway rejected the configuration: find the broken objects in its error body...
    List<ObjectRef> broken =
        FlattenedErrors.parse(errorBody)
            .rejection()
            .map(GatewayRejection::targetBrokenObjects)
            .orElse(ImmutableList.of());
    // ...and exclude them and everything that depends on them, saying why.
    FallbackResult fallback = FallbackGenerator.create(translator).generate(snapshot, broken);
    fallback.excluded().values().forEach(why -> System.err.println("excluded: " + why));
    KongConfig toPush = fallback.config().orElseThrow(); // empty when nothing usable was named

    // Serve only what fails closed: an object whose plugin, credential or consumer group cannot
    // be translated is left out with its dependents (translator.translate() alone emits it
    // without them, as KIC does: see TranslationResult.hasUnprotected()).
    FailClosedResult safe = FailClosedTranslator.create(translator).translate(snapshot);
    safe.excluded().values().forEach(why -> System.err.println("left out: " + why));

    // Or let the synchronizer run the whole loop: translate, push, fall back, remember.
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(translator)
            .gateway(
                KongAdminClient.dbLess(URI.create("http://127.0.0.1:1"))) // your Kong Admin API
            .build();
    SyncResult result = sync.sync(snapshot); // never throws for gateway or translation problems
    System.out.println(result.outcome());
    // Success only when every gateway runs the desired configuration; each says what it runs.
    if (!result.isSuccess()) {
      result.gateways().forEach(g -> System.err.println(g.gatewayId() + " runs " + g.running()));
    }
    // The status a controller writes back per object (Programmed, Gateway API conditions).
    StatusReport status =
        Statuses.of(snapshot, result, AttachmentOptions.of(AttachmentOptions.KIC_CONTROLLER_NAME));
    status
        .objects()
        .values()
        .forEach(s -> System.out.println(s.object() + ": " + s.configuration()));
    // README-FALLBACK-END
    assertThat(status.objects()).hasSize(snapshot.size());
    assertThat(status.objects().values())
        .noneMatch(s -> s.configuration() == ConfigurationStatus.SUCCEEDED);
    assertThat(fallback.excluded()).containsKey(broken.get(0));
    assertThat(toPush.services()).isEmpty();
    assertThat(safe.excluded()).isEmpty();
    assertThat(safe.config()).isEqualTo(translator.translate(snapshot).config());
    return result.outcome();
  }

  private static String routerExample() {
    TranslationResult result =
        Translator.create(TranslatorOptions.defaults())
            .translate(
                CacheStores.of(
                    Manifests.load(Path.of("../examples/ingress-tls-plugin.yaml")).objects()));
    // README-ROUTER-BEGIN
    // Build Kong 3.9's router over a configuration (traditional_compatible, Kong's default).
    KongRouter router = KongRouter.build(result.config(), RouterFlavor.TRADITIONAL_COMPATIBLE);
    RouteResult routed =
        router.explain(
            RouteRequest.fromUrl("https://shop.example.com/api/cart?id=7").method("POST").build());
    routed
        .match()
        .ifPresent(
            m ->
                System.out.println(
                    m.routeName()
                        + " -> "
                        + m.targets()
                        + " path "
                        + m.upstreamPath().orElse("")
                        + ", plugins "
                        + m.plugins().size()
                        + ", won over "
                        + m.outranked()));
    // README-ROUTER-END
    assertThat(routed.match().orElseThrow().upstreamPath()).contains("/cart?id=7");
    return routed.match().orElseThrow().routeName();
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

    // Or keep the previous work and, on a change, re-translate only what it touches:
    // the result equals a full translation, entity for entity.
    IncrementalTranslator incremental = IncrementalTranslator.create(TranslatorOptions.defaults());
    TranslationResult first = incremental.translate(cache.snapshot()); // translates everything
    cache.delete(loaded.objects().get(0));
    TranslationResult next = incremental.translate(cache.snapshot()); // only the touched units
    System.out.println(incremental.lastStats()); // units, units translated again, ...
    // README-END
    assertThat(first.config()).isEqualTo(result.config());
    assertThat(next.config()).isEqualTo(translator.translate(cache.snapshot()).config());
    assertThat(yaml).contains("rate-limiting");
    assertThat(hash).isEqualTo(snapshot.hash());
    return snapshot.list(Kind.INGRESS).size();
  }
}
