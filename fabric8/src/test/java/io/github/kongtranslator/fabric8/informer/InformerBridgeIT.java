package io.github.kongtranslator.fabric8.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.informer.internal.KindResources;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge against fabric8's mock API server in CRUD mode: objects created, updated and deleted
 * through the client reach the cache, and the cache translates exactly as the same objects loaded
 * from YAML text with {@link Manifests}.
 */
@EnableKubernetesMockClient(crud = true)
class InformerBridgeIT {
  static KubernetesClient client;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** The kinds of the example manifests used here (one informer each). */
  private static final Set<Kind> KINDS =
      EnumSet.of(
          Kind.INGRESS,
          Kind.SERVICE,
          Kind.SECRET,
          Kind.ENDPOINT_SLICE,
          Kind.HTTP_ROUTE,
          Kind.GATEWAY,
          Kind.GATEWAY_CLASS,
          Kind.KONG_PLUGIN,
          Kind.KONG_CONSUMER,
          Kind.KONG_CONSUMER_GROUP);

  private final Translator translator = Translator.create(TranslatorOptions.defaults());
  private InformerBridge bridge;

  /** Every object a test created: the server is shared by the tests of this class. */
  private final List<HasMetadata> created = new ArrayList<>();

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    for (HasMetadata o : created) {
      if (o instanceof GenericKubernetesResource g) {
        Kind kind = Kind.forApiVersion(g.getApiVersion(), g.getKind()).orElseThrow();
        var op = client.genericKubernetesResources(KindResources.context(kind));
        (kind.namespaced() ? op.inNamespace(g.getMetadata().getNamespace()) : op)
            .withName(g.getMetadata().getName())
            .delete();
      } else {
        client.resource(o).delete();
      }
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("timed out waiting for " + what).isNegative();
      Thread.sleep(20);
    }
  }

  private List<HasMetadata> createAll(Path file) throws Exception {
    List<HasMetadata> mine = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (HasMetadata item : client.load(in).items()) {
        if (item.getKind().equals("Deployment")) {
          continue;
        }
        HasMetadata c = create(item);
        mine.add(c);
        created.add(c);
      }
    }
    return mine;
  }

  /** Creates an object through the client: typed ones directly, Kong CRDs as generic resources. */
  static HasMetadata create(HasMetadata item) {
    if (item instanceof GenericKubernetesResource g) {
      Kind kind = Kind.forApiVersion(g.getApiVersion(), g.getKind()).orElseThrow();
      var op = client.genericKubernetesResources(KindResources.context(kind));
      return kind.namespaced()
          ? op.inNamespace(g.getMetadata().getNamespace()).resource(g).create()
          : op.resource(g).create();
    }
    return client.resource(item).create();
  }

  /** The stored version of an object. */
  static HasMetadata stored(HasMetadata o) {
    if (o instanceof GenericKubernetesResource g) {
      Kind kind = Kind.forApiVersion(g.getApiVersion(), g.getKind()).orElseThrow();
      var op = client.genericKubernetesResources(KindResources.context(kind));
      return kind.namespaced()
          ? op.inNamespace(g.getMetadata().getNamespace()).withName(g.getMetadata().getName()).get()
          : op.withName(g.getMetadata().getName()).get();
    }
    return client.resource(o).get();
  }

  /** The objects as the server now stores them, as YAML text, read back with Manifests. */
  private CacheStores loadedFromServerAsYaml(List<HasMetadata> objects) {
    StringBuilder yaml = new StringBuilder();
    for (HasMetadata o : objects) {
      HasMetadata stored = stored(o);
      if (stored != null) {
        yaml.append(client.getKubernetesSerialization().asYaml(stored)).append("\n");
      }
    }
    return CacheStores.of(
        Manifests.asStored().readString(yaml.toString(), "server.yaml").objects());
  }

  /** Compared by digest: a failure must not print the example's private key. */
  private static String digest(String text) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private String kongYaml(CacheStores snapshot) {
    return KongConfigWriter.yaml().write(translator.translate(snapshot).config());
  }

  @Test
  void cacheConverges_andTranslatesLikeTheSameObjectsFromYaml() throws Exception {
    List<HasMetadata> objects = new ArrayList<>();
    for (String f :
        List.of("ingress-tls-plugin.yaml", "consumers.yaml", "gateway-api-httproute.yaml")) {
      objects.addAll(createAll(Path.of("../examples", f)));
    }
    ObjectCache cache = new ObjectCache();
    bridge = InformerBridge.builder(cache).kinds(KINDS).build().start(client);

    assertThat(bridge.awaitSynced(TIMEOUT)).isTrue();
    await("every object in the cache", () -> cache.size() == objects.size());

    CacheStores expected = loadedFromServerAsYaml(objects);
    assertThat(cache.snapshot().hash()).isEqualTo(expected.hash());
    String fromInformers = kongYaml(cache.snapshot());
    assertThat(fromInformers).contains("rate-limiting");
    assertThat(digest(fromInformers)).isEqualTo(digest(kongYaml(expected)));
  }

  @Test
  void updatesAndDeletesThroughTheClient_reachTheCache() throws Exception {
    List<HasMetadata> objects = createAll(Path.of("../examples", "ingress-tls-plugin.yaml"));
    ObjectCache cache = new ObjectCache();
    bridge = InformerBridge.builder(cache).kinds(KINDS).build().start(client);
    assertThat(bridge.awaitSynced(TIMEOUT)).isTrue();
    await("the initial objects", () -> cache.size() == objects.size());
    String before = kongYaml(cache.snapshot());

    // update: the Service gets another port; delete: the KongPlugin goes away
    client
        .services()
        .inNamespace("demo")
        .withName("shop")
        .edit(
            s ->
                new io.fabric8.kubernetes.api.model.ServiceBuilder(s)
                    .editSpec()
                    .editFirstPort()
                    .withPort(9090)
                    .endPort()
                    .endSpec()
                    .build());
    var pluginOp =
        client
            .genericKubernetesResources(KindResources.context(Kind.KONG_PLUGIN))
            .inNamespace("demo")
            .withName("rate-limit");
    pluginOp.delete();
    objects.removeIf(o -> o.getKind().equals("KongPlugin"));

    await(
        "the port change",
        () ->
            cache
                .get(ObjectRef.of(Kind.SERVICE, "demo", "shop"))
                .map(
                    o ->
                        ((io.github.kongtranslator.core.model.Service) o)
                                .spec()
                                .ports()
                                .get(0)
                                .port()
                            == 9090)
                .orElse(false));
    await(
        "the plugin's removal",
        () -> cache.get(ObjectRef.of(Kind.KONG_PLUGIN, "demo", "rate-limit")).isEmpty());

    CacheStores expected = loadedFromServerAsYaml(objects);
    assertThat(cache.snapshot().hash()).isEqualTo(expected.hash());
    String fromInformers = kongYaml(cache.snapshot());
    assertThat(digest(fromInformers))
        .isEqualTo(digest(kongYaml(expected)))
        .isNotEqualTo(digest(before));
    assertThat(fromInformers).doesNotContain("rate-limiting");
  }
}
