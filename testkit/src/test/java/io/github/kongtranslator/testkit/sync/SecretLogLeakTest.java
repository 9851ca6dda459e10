package io.github.kongtranslator.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Log lines never carry secrets: a sync whose gateways reject the entities built from credential
 * and TLS Secrets seeded with a marker logs (captured through a real SLF4J binding at debug level)
 * without the marker, and so do its result and reports.
 */
class SecretLogLeakTest {
  private static final String MARKER = "LOG-SEKRET-MARKER";

  @Test
  void syncWithRejectedSecretEntities_logsNoSecret() {
    List<K8sObject> objects =
        Manifests.parse(
                """
        apiVersion: v1
        kind: Secret
        metadata: {name: cred, namespace: n, labels: {konghq.com/credential: key-auth}}
        stringData: {key: %1$s-key}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: basic, namespace: n, labels: {konghq.com/credential: basic-auth}}
        stringData: {username: u, password: %1$s-pw}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: c, namespace: n, annotations: {kubernetes.io/ingress.class: kong}}
        username: c
        credentials: [cred, basic]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: conf, namespace: n}
        stringData: {conf: '{"header_name": "%1$s-conf"}'}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: p, namespace: n}
        plugin: key-auth
        configFrom: {secretKeyRef: {name: conf, key: conf}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: n}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i, namespace: n, annotations: {konghq.com/plugins: p}}
        spec:
          ingressClassName: kong
          rules: [{host: a.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}]}}]
        """
                    .formatted(MARKER),
                "leak.yaml")
            .objects();
    CacheStores snapshot = CacheStores.of(objects);
    List<io.github.kongtranslator.core.model.ObjectRef> secrets =
        snapshot.list(Kind.SECRET).stream().map(K8sObject::ref).toList();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringBuilder reports = new StringBuilder();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (SimulatedGateway gateway :
          List.of(
              SimulatedGateway.atomic("a", SimulatedGateway.taggedByAny(secrets)),
              SimulatedGateway.partial("p", SimulatedGateway.taggedByAny(secrets)))) {
        ConfigSynchronizer sync =
            ConfigSynchronizer.builder(Translator.create(TranslatorOptions.defaults()))
                .gateway(gateway)
                .build();
        for (int tick = 0; tick < 3; tick++) {
          SyncResult r = sync.sync(snapshot);
          reports.append(r).append(r.excluded()).append(r.gateways());
        }
      }
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).as("the sync logged through SLF4J").isNotBlank();
    assertThat(logs).doesNotContain(MARKER);
    assertThat(reports.toString()).isNotBlank().doesNotContain(MARKER);
  }
}
