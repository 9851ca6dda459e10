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
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge against fabric8's mock API server in CRUD mode: objects created, updated and
 * deleted through the client reach the cache, and the cache translates exactly as the same
 * objects loaded from YAML text with {@link Manifests}.
 */
@EnableKubernetesMockClient(crud = true)
class InformerBridgeIT {
  static KubernetesClient client;

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Translator translator = Translator.create(TranslatorOptions.defaults());
  private InformerBridge bridge;

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
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
    List<HasMetadata> created = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (HasMetadata item : client.load(in).items()) {
        if (item.getKind().equals("Deployment")) {
          continue;
        }
        created.add(create(item));
      }
    }
    return created;
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
    return CacheStores.of(Manifests.parse(yaml.toString(), "server.yaml").objects());
  }

  private String kongYaml(CacheStores snapshot) {
    return KongConfigWriter.yaml().write(translator.translate(snapshot).config());
  }

  @Test
  void cacheConverges_andTranslatesLikeTheSameObjectsFromYaml() throws Exception {
    long T0 = System.nanoTime();
    List<HasMetadata> objects = new ArrayList<>();
    for (String f : List.of("ingress-tls-plugin.yaml", "consumers.yaml", "gateway-api-httproute.yaml",
        "gateway-api-grpc-l4.yaml")) {
      objects.addAll(createAll(Path.of("../examples", f)));
    }
    System.err.println("T created " + (System.nanoTime() - T0) / 1_000_000);
    ObjectCache cache = new ObjectCache();
    bridge = InformerBridge.builder(cache).build().start(client);

    assertThat(bridge.awaitSynced(TIMEOUT)).isTrue();
    System.err.println("T synced " + (System.nanoTime() - T0) / 1_000_000);
    await("every object in the cache", () -> cache.size() == objects.size());
    System.err.println("T converged " + (System.nanoTime() - T0) / 1_000_000);

    CacheStores expected = loadedFromServerAsYaml(objects);
    assertThat(cache.snapshot().hash()).isEqualTo(expected.hash());
    String fromInformers = kongYaml(cache.snapshot());
    System.err.println("T done " + (System.nanoTime() - T0) / 1_000_000);
    assertThat(fromInformers).contains("rate-limiting").isEqualTo(kongYaml(expected));
  }
}
