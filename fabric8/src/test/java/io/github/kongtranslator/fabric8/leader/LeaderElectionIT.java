package io.github.kongtranslator.fabric8.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Two replicas elect a leader on a Lease in fabric8's mock API server; only the leader pushes. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIT {
  static KubernetesClient client;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** A gateway that accepts everything and counts pushes. */
  static final class CountingGateway implements GatewayClient {
    final AtomicInteger pushes = new AtomicInteger();

    @Override
    public String id() {
      return "kong-0";
    }

    @Override
    public boolean isAtomic() {
      return true;
    }

    @Override
    public PushOutcome push(KongConfig config, ConfigSha sha) {
      pushes.incrementAndGet();
      return PushOutcome.accepted();
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("timed out waiting for " + what).isNegative();
      Thread.sleep(20);
    }
  }

  private static LeaderElection election(String identity, LeaderGatedSync gate) {
    return LeaderElection.builder(client, "kong", "kong-translator", identity)
        .timings(Duration.ofSeconds(20), Duration.ofSeconds(15), Duration.ofMillis(300))
        .onStartLeading(gate::startLeading)
        .onStopLeading(gate::stopLeading)
        .build();
  }

  @Test
  void onlyTheLeaderPushes_andANewLeaderStartsUnknownAndPushesAgain() throws Exception {
    CacheStores snapshot =
        CacheStores.of(Manifests.load(Path.of("../examples/ingress-tls-plugin.yaml")).objects());
    Translator translator = Translator.create(TranslatorOptions.defaults());
    CountingGateway kong = new CountingGateway();
    LeaderGatedSync a =
        new LeaderGatedSync(() -> ConfigSynchronizer.builder(translator).gateway(kong).build());
    LeaderGatedSync b =
        new LeaderGatedSync(() -> ConfigSynchronizer.builder(translator).gateway(kong).build());

    try (LeaderElection ea = election("replica-a", a).start()) {
      await("replica-a leading", a::isLeading);
      try (LeaderElection eb = election("replica-b", b).start()) {
        assertThat(a.sync(snapshot)).isPresent();
        assertThat(a.sync(snapshot).orElseThrow().sentCount()).isZero(); // KNOWN: skipped
        assertThat(b.sync(snapshot)).isEmpty(); // follower: nothing
        assertThat(kong.pushes).hasValue(1);
        assertThat(eb.isLeader()).isFalse();

        ea.close(); // replica-a leaves and releases the Lease
        await("replica-b leading", b::isLeading);

        assertThat(b.synchronizer())
            .hasValueSatisfying(
                s -> assertThat(s.gatewayState("kong-0")).isEqualTo(GatewayState.unknown()));
        assertThat(b.sync(snapshot).orElseThrow().sentCount())
            .isEqualTo(1); // same config, pushed again
        assertThat(kong.pushes).hasValue(2);
        assertThat(a.sync(snapshot)).isEmpty();
        assertThat(b.terms()).isEqualTo(1);
      }
    }
  }
}
