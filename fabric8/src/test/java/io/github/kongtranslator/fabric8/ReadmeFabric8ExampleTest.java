package io.github.kongtranslator.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.fabric8.convert.ObjectConverter;
import io.github.kongtranslator.fabric8.informer.InformerBridge;
import io.github.kongtranslator.fabric8.leader.LeaderElection;
import io.github.kongtranslator.fabric8.leader.LeaderGatedSync;
import io.github.kongtranslator.fabric8.status.StatusWriter;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The README's fabric8 snippet is this class's {@code wire} method, verbatim: it compiles here (it
 * needs a cluster and Kong to run; {@code ExampleControllerIT} runs the same wiring).
 */
class ReadmeFabric8ExampleTest {

  @SuppressWarnings("unused")
  static void wire(KubernetesClient client, String podName, HasMetadata fabric8Service) {
    // README-FABRIC8-BEGIN
    // One fabric8 object into the model, without text (typed or GenericKubernetesResource).
    Optional<K8sObject> svc = ObjectConverter.create().toModel(fabric8Service);

    // Informers keep a cache in step with the cluster (on every replica: followers stay warm).
    ObjectCache cache = new ObjectCache();
    InformerBridge bridge =
        InformerBridge.builder(cache)
            .ingressClass("kong")
            .converter(ObjectConverter.using(client.getKubernetesSerialization()))
            .build()
            .start(client);

    // Only the leader pushes: each leadership term gets a fresh synchronizer (gateway UNKNOWN).
    Translator translator = Translator.create(TranslatorOptions.defaults());
    LeaderGatedSync gate =
        new LeaderGatedSync(
            () ->
                ConfigSynchronizer.builder(translator)
                    .gateway(KongAdminClient.dbLess(URI.create("http://kong-admin:8001")))
                    .build());
    LeaderElection election =
        LeaderElection.builder(client, "kong", "kong-translator", podName)
            .onStartLeading(gate::startLeading)
            .onStopLeading(gate::stopLeading)
            .build()
            .start();

    // On a change (BridgeListener.changed) or a timer, once bridge.hasSynced():
    CacheStores snapshot = cache.snapshot();
    Optional<SyncResult> result = gate.sync(snapshot); // empty on followers

    // Write the status the library computes (Statuses: KIC's conditions, route parents, Gateway
    // listeners) onto the status subresource; only changes are sent.
    StatusWriter status = StatusWriter.create(client);
    result.ifPresent(
        r ->
            Statuses.of(snapshot, r, AttachmentOptions.of(AttachmentOptions.KIC_CONTROLLER_NAME))
                .objects()
                .values()
                .forEach(status::write));
    // README-FABRIC8-END
  }

  @Test
  void readmeShowsTheSnippetVerbatim() throws Exception {
    String source =
        Files.readString(
            Path.of(
                "src/test/java/io/github/kongtranslator/fabric8/ReadmeFabric8ExampleTest.java"));
    int from = source.indexOf("// README-FABRIC8-BEGIN\n") + "// README-FABRIC8-BEGIN\n".length();
    int to = source.indexOf("    // README-FABRIC8-END");
    String snippet = source.substring(from, to).replaceAll("(?m)^    ", "");
    assertThat(snippet).contains("InformerBridge.builder(cache)");
    assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
  }
}
