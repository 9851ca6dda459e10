package io.github.kongtranslator.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncListener;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The controller loop of the {@code ConfigSynchronizer} documentation, compiled and run against a
 * simulated gateway instead of {@code KongAdminClient}.
 */
class ControllerLoopExampleTest {

  @Test
  void controllerLoop_appliesFallbackWhileAPluginIsBroken_thenTheRepairedConfig() {
    Set<ObjectRef> invalid = new HashSet<>(List.of(Fixtures.KEY_AUTH)); // what the gateway refuses
    SimulatedGateway kong =
        SimulatedGateway.partial("kong-db", SimulatedGateway.taggedByAny(invalid));
    List<String> log = new ArrayList<>();

    // --- the example ---
    ObjectCache cache = new ObjectCache(); // fed by informers
    GatewayClient gateway = kong; // e.g. KongAdminClient.dbLess(uri)
    ConfigSynchronizer sync =
        ConfigSynchronizer.builder(Translator.create(TranslatorOptions.defaults()))
            .gateway(gateway)
            .listener(
                new SyncListener() {
                  @Override
                  public void syncCompleted(SyncResult r) {
                    log.add(r.outcome() + " sent=" + r.sentCount());
                  }
                })
            .build();
    for (K8sObject o :
        Manifests.parse(
                String.join(
                    "\n---\n",
                    Fixtures.SERVICE,
                    Fixtures.ingress("working-ingress", "/ingress-testing", "1", ""),
                    Fixtures.ingress("for-auth", "/for-auth-users", "1", "key-auth"),
                    Fixtures.KEY_AUTH_PLUGIN),
                "cluster")
            .objects()) {
      cache.upsert(o);
    }
    SyncResult first = sync.sync(cache.snapshot()); // never throws for gateway problems
    first.excluded().values().forEach(reason -> log.add("excluded: " + reason));
    SyncResult second = sync.sync(cache.snapshot()); // unchanged: nothing is sent,
    second
        .excluded()
        .values()
        .forEach(reason -> log.add("still excluded: " + reason)); // still reported
    // --- end of the example ---

    assertThat(first.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(second.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
    assertThat(second.isSuccess()).isFalse();
    assertThat(second.excluded()).isEqualTo(first.excluded());
    assertThat(kong.servesEntityOf(Fixtures.FOR_AUTH)).isFalse();
    assertThat(log).contains("FALLBACK_APPLIED sent=2", "FALLBACK_APPLIED sent=0");
    assertThat(log)
        .anyMatch(
            l ->
                l.startsWith("excluded: Ingress default/for-auth -[")
                    && l.endsWith("KongPlugin default/key-auth (broken)"));

    // the user repairs the plugin: the desired configuration applies, the route comes back
    invalid.clear();
    Manifests.parse(Fixtures.KEY_AUTH_PLUGIN_FIXED, "fix").objects().forEach(cache::upsert);
    SyncResult repaired = sync.sync(cache.snapshot());
    assertThat(repaired.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
    assertThat(kong.servesEntityOf(Fixtures.FOR_AUTH)).isTrue();
    assertThat(kong.served())
        .isEqualTo(SimulatedGateway.entitiesOf(Loop.translate(cache.snapshot())));
  }
}
