package io.github.kongtranslator.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.fallback.gateway.RetryPolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DB-less {@link KongAdminClient} against {@link KongAdminFake#dbLess()}, on the {@code
 * /config} cases of Kong's {@code 15-off_spec.lua}: accepted (201), unchanged (304 with {@code
 * check_hash}), rejected with flattened errors naming the object, and transient answers retried and
 * never blamed.
 */
class KongAdminClientDbLessIT {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());

  private static final String CLUSTER =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        namespace: default
        annotations: {konghq.com/plugins: bad}
      spec:
        ingressClassName: kong
        rules:
        - http:
            paths:
            - {path: /web, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}
      ---
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: bad, namespace: default}
      plugin: correlation-id
      """;

  private final List<Duration> sleeps = new ArrayList<>();

  private static KongConfig config() {
    return TRANSLATOR
        .translate(CacheStores.of(Manifests.parse(CLUSTER, "dbless").objects()))
        .config();
  }

  /** The same cluster without the plugin on the Ingress: another configuration. */
  private static KongConfig other() {
    return TRANSLATOR
        .translate(
            CacheStores.of(
                Manifests.parse(
                        CLUSTER.replace(
                            "annotations: {konghq.com/plugins: bad}", "annotations: {}"),
                        "dbless")
                    .objects()))
        .config();
  }

  private KongAdminClient client(KongAdminFake kong) {
    return KongAdminClient.builder(kong.url())
        .timeout(Duration.ofSeconds(5))
        .retry(RetryPolicy.defaults().withSleeper(sleeps::add))
        .build();
  }

  private static PushOutcome push(KongAdminClient c, KongConfig cfg) {
    return c.push(cfg, ConfigSha.of(cfg));
  }

  @Test
  void accepted_thenUnchangedIs304_andStillAccepted() {
    try (KongAdminFake kong = KongAdminFake.dbLess()) {
      KongAdminClient c = client(kong);
      assertThat(c.reportsEmptyConfig()).isTrue();
      // "accepts configuration as JSON body"
      assertThat(push(c, config())).isEqualTo(PushOutcome.accepted());
      assertThat(kong.declarativeConfig()).isEqualTo(config().toJson());
      assertThat(c.reportsEmptyConfig()).isFalse();
      // "returns 304 if checking hash and configuration is identical"
      assertThat(push(c, config())).isEqualTo(PushOutcome.accepted());
      assertThat(c.instance()).isEqualTo(kong.nodeId());
    }
  }

  @Test
  void flattenedErrors_nameTheObject_andNothingChanges() {
    try (KongAdminFake kong = KongAdminFake.dbLess()) {
      kong.rejectEntities(e -> e.path("tags").toString().contains("k8s-name:bad"));
      PushOutcome o = push(client(kong), config());
      assertThat(o).isInstanceOf(PushOutcome.RejectedEntities.class);
      assertThat(((PushOutcome.RejectedEntities) o).brokenObjects())
          .extracting(ObjectRef::name)
          .containsExactly("bad");
      assertThat(kong.declarativeConfig()).as("the previous configuration stays").isEmpty();
    }
  }

  @Test
  void transientAnswers_areRetried_andNeverBlamed() {
    try (KongAdminFake kong = KongAdminFake.dbLess()) {
      KongAdminClient c = client(kong);
      kong.failMatching(r -> r.startsWith("POST /config"), HttpFault.status(429), 1);
      assertThat(push(c, config())).isEqualTo(PushOutcome.accepted());
      assertThat(sleeps).containsExactly(Duration.ofMillis(200));

      kong.failMatching(r -> r.startsWith("POST /config"), HttpFault.status(503), 4);
      assertThat(push(c, other()).kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
      kong.failMatching(r -> r.startsWith("POST /config"), HttpFault.status(429), 4);
      assertThat(push(c, other()).kind()).isEqualTo(PushOutcome.Kind.TRANSIENT);
      kong.failMatching(r -> r.startsWith("POST /config"), HttpFault.resetAfter(), 4);
      assertThat(push(c, other()).kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
      assertThat(kong.declarativeConfig()).as("applied, answer lost").isEqualTo(other().toJson());
      assertThat(sleeps)
          .containsExactly(
              Duration.ofMillis(200),
              Duration.ofMillis(200),
              Duration.ofMillis(400),
              Duration.ofMillis(800),
              Duration.ofMillis(200),
              Duration.ofMillis(400),
              Duration.ofMillis(800),
              Duration.ofMillis(200),
              Duration.ofMillis(400),
              Duration.ofMillis(800));
    }
  }
}
