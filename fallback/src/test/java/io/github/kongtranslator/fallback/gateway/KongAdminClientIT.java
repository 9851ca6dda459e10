package io.github.kongtranslator.fallback.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@link KongAdminClient} against {@link FakeAdminApi}, an in-process Admin API. */
class KongAdminClientIT {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());
  private static final ObjectRef KEY_AUTH = ObjectRef.of(Kind.KONG_PLUGIN, "default", "key-auth");
  private static final String TOKEN = "s3cr3t-admin-token";

  /** Entities tagged by the KongPlugin {@code key-auth} are invalid (seed 000's plugin). */
  private static final Predicate<JsonNode> KEY_AUTH_BROKEN =
      entity -> {
        List<String> tags =
            StreamSupport.stream(entity.path("tags").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
        return tags.contains("k8s-kind:KongPlugin") && tags.contains("k8s-name:key-auth");
      };

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default, uid: 00000000-0000-0000-0000-000000000001}
      spec: {ports: [{port: 80}]}
      """;
  private static final String WORKING = ingress("working-ingress", "/ingress-testing", "");
  private static final String FOR_AUTH = ingress("for-auth", "/for-auth-users", "key-auth");
  private static final String PLUGIN =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: key-auth, namespace: default, uid: 00000000-0000-0000-0000-000000000003}
      plugin: key-auth
      config: {keys: [apikey]}
      """;

  private static String ingress(String name, String path, String plugins) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: %s
          namespace: default
          uid: 00000000-0000-0000-0000-0000000000%d
          annotations: {%s}
        spec:
          ingressClassName: kong
          rules:
          - http:
              paths:
              - {path: %s, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}
        """
        .formatted(
            name, name.length(), plugins.isEmpty() ? "" : "konghq.com/plugins: " + plugins, path);
  }

  private static CacheStores cluster(String... docs) {
    return CacheStores.of(Manifests.parse(String.join("\n---\n", docs), "test").objects());
  }

  private static KongConfig config(String... docs) {
    return TRANSLATOR.translate(cluster(docs)).config();
  }

  private static KongAdminClient client(FakeAdminApi api, KongAdminClient.Mode mode) {
    return KongAdminClient.builder(api.url())
        .mode(mode)
        .timeout(Duration.ofSeconds(2))
        .retry(RetryPolicy.defaults().withSleeper(d -> {}))
        .header("Kong-Admin-Token", TOKEN)
        .build();
  }

  private static PushOutcome push(KongAdminClient c, KongConfig config) {
    return c.push(config, ConfigSha.of(config));
  }

  // ---- DB-less ------------------------------------------------------------------------------

  @Test
  void dbLess_accepted_postsWholeConfigWithCheckHashAndFlattenErrors() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DB_LESS);
      assertThat(kong.reportsEmptyConfig()).isTrue();
      KongConfig cfg = config(SERVICE, WORKING);
      assertThat(push(kong, cfg).kind()).isEqualTo(PushOutcome.Kind.ACCEPTED);
      assertThat(api.requests).contains("POST /config?check_hash=1&flatten_errors=1");
      assertThat(api.declarative).isEqualTo(cfg.toJson());
      assertThat(api.authorization).containsOnly(TOKEN);
      assertThat(kong.reportsEmptyConfig()).isFalse();
      assertThat(kong.instance()).isEqualTo("node-1");
      assertThat(kong.isAtomic()).isTrue();
    }
  }

  @Test
  void dbLess_400WithFlattenedErrors_isRejectedEntitiesNamingTheObject() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", KEY_AUTH_BROKEN)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DB_LESS);
      PushOutcome o = push(kong, config(SERVICE, WORKING, FOR_AUTH, PLUGIN));
      assertThat(o).isInstanceOf(PushOutcome.RejectedEntities.class);
      assertThat(((PushOutcome.RejectedEntities) o).brokenObjects())
          .extracting(ObjectRef::withoutVersionAndUid)
          .containsExactly(KEY_AUTH.withoutVersionAndUid());
      assertThat(api.configHash)
          .as("nothing applied")
          .isEqualTo("00000000000000000000000000000000");
    }
  }

  @Test
  void dbLess_statusClasses_mapToOutcomes() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DB_LESS);
      KongConfig cfg = config(SERVICE, WORKING);
      api.forcedStatus = 400;
      api.forcedBody = "<html>bad gateway</html>";
      assertThat(push(kong, cfg).kind()).isEqualTo(PushOutcome.Kind.REJECTED_UNPARSEABLE);
      api.forcedBody = "";
      assertThat(push(kong, cfg).kind()).isEqualTo(PushOutcome.Kind.REJECTED_ENTITIES);
      api.forcedStatus = 401;
      api.forcedBody = "{\"message\":\"Invalid credentials\"}";
      assertThat(push(kong, cfg).kind()).isEqualTo(PushOutcome.Kind.TRANSIENT);
      api.forcedStatus = 500;
      assertThat(push(kong, cfg).kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
      api.forcedStatus = 304;
      api.forcedBody = "";
      assertThat(push(kong, cfg).kind()).isEqualTo(PushOutcome.Kind.ACCEPTED);
    }
  }

  @Test
  void dbLess_timeoutAfterSending_isIndeterminate() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong =
          KongAdminClient.builder(api.url()).timeout(Duration.ofMillis(200)).build();
      api.delayMillis = 1000;
      PushOutcome o = push(kong, config(SERVICE, WORKING));
      assertThat(o.kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
    }
  }

  @Test
  void dbLess_connectionRefused_isTransient_andSecretsStayOut() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    KongAdminClient kong =
        KongAdminClient.builder(URI.create("http://admin:" + TOKEN + "@127.0.0.1:" + port))
            .header("Kong-Admin-Token", TOKEN)
            .timeout(Duration.ofSeconds(2))
            .build();
    PushOutcome o = push(kong, config(SERVICE, WORKING));
    assertThat(o.kind()).isEqualTo(PushOutcome.Kind.TRANSIENT);
    assertThat(o.toString()).doesNotContain(TOKEN);
    assertThat(kong.toString()).doesNotContain(TOKEN);
    assertThat(kong.id()).doesNotContain(TOKEN).isEqualTo("http://127.0.0.1:" + port);
    assertThat(kong.reportsEmptyConfig()).as("doubt means push").isTrue();
  }

  // ---- DB mode ------------------------------------------------------------------------------

  @Test
  void dbMode_createsParentsFirst_thenDeletesChildrenFirst() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DATABASE);
      assertThat(kong.isAtomic()).isFalse();
      String goodPlugin = PLUGIN.replace("keys:", "key_names:");
      assertThat(push(kong, config(SERVICE, WORKING, FOR_AUTH, goodPlugin)).kind())
          .isEqualTo(PushOutcome.Kind.ACCEPTED);
      assertThat(api.collection("services")).hasSize(1);
      assertThat(api.collection("routes")).hasSize(2);
      assertThat(api.collection("plugins")).hasSize(1);
      assertThat(api.collection("upstreams")).hasSize(1);
      List<String> writes = api.requests.stream().filter(r -> r.startsWith("PUT")).toList();
      assertThat(writes.get(0)).startsWith("PUT /services/");
      assertThat(writes.get(writes.size() - 1)).startsWith("PUT /plugins/");

      api.requests.clear();
      assertThat(push(kong, config(SERVICE, WORKING)).kind()).isEqualTo(PushOutcome.Kind.ACCEPTED);
      assertThat(api.collection("routes")).hasSize(1);
      assertThat(api.collection("plugins")).isEmpty();
      List<String> deletes = api.requests.stream().filter(r -> r.startsWith("DELETE")).toList();
      assertThat(deletes).hasSize(2);
      assertThat(deletes.get(0)).startsWith("DELETE /plugins/");
      assertThat(deletes.get(1)).startsWith("DELETE /routes/");
      assertThat(api.requests)
          .as("unchanged entities are not rewritten")
          .noneMatch(r -> r.startsWith("PUT"));
    }
  }

  @Test
  void dbMode_rejectedPlugin_leavesRouteApplied_andBlamesThePlugin() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", KEY_AUTH_BROKEN)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DATABASE);
      PushOutcome o = push(kong, config(SERVICE, WORKING, FOR_AUTH, PLUGIN));
      assertThat(o).isInstanceOf(PushOutcome.RejectedEntities.class);
      PushOutcome.RejectedEntities re = (PushOutcome.RejectedEntities) o;
      assertThat(re.brokenObjects())
          .extracting(ObjectRef::withoutVersionAndUid)
          .containsExactly(KEY_AUTH.withoutVersionAndUid());
      assertThat(re.errors().get(0).problems().values())
          .allMatch(p -> p.contains("schema violation"));
      assertThat(api.collection("routes").values())
          .as("partial: the unprotected route exists")
          .anyMatch(r -> r.path("paths").toString().contains("/for-auth-users"));
    }
  }

  @Test
  void dbMode_5xxMidway_isIndeterminate() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DATABASE);
      api.fail5xxAfterWrites = 1;
      PushOutcome o = push(kong, config(SERVICE, WORKING));
      assertThat(o.kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
      assertThat(api.collection("services")).hasSize(1);
    }
  }

  @Test
  void dbMode_unsupportedKinds_areRefusedBeforeWriting() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DATABASE);
      KongConfig cfg =
          io.github.kongtranslator.kongmodel.io.KongConfigReader.yaml()
              .read(
                  "_format_version: \"3.0\"\nkeyauth_credentials:\n- {key: k}\n",
                  "orphan credential");
      PushOutcome o = push(kong, cfg);
      assertThat(o.kind()).isEqualTo(PushOutcome.Kind.TRANSIENT);
      assertThat(api.requests).noneMatch(r -> r.startsWith("PUT") || r.startsWith("DELETE"));
    }
  }

  // ---- end to end with the synchronizer ------------------------------------------------------

  @Test
  void synchronizer_seed000_onDatabaseKong_removesTheUnprotectedRoute() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", KEY_AUTH_BROKEN)) {
      KongAdminClient kong = client(api, KongAdminClient.Mode.DATABASE);
      ConfigSynchronizer sync = ConfigSynchronizer.builder(TRANSLATOR).gateway(kong).build();
      assertThat(sync.sync(cluster(SERVICE, WORKING)).outcome())
          .isEqualTo(SyncOutcome.DESIRED_APPLIED);
      for (int i = 0; i < 3; i++) {
        SyncResult r =
            sync.sync(
                cluster(
                    SERVICE,
                    WORKING.replace(
                        "namespace: default",
                        "namespace: default\n  resourceVersion: \"" + i + "\""),
                    FOR_AUTH,
                    PLUGIN));
        assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
        assertThat(api.collection("routes").values())
            .as("tick %s", i)
            .noneMatch(route -> route.path("paths").toString().contains("/for-auth-users"));
        assertThat(api.collection("routes")).hasSize(1);
        assertThat(api.collection("plugins")).isEmpty();
      }
    }
  }
}
