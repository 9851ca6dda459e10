package io.github.kongtranslator.fallback.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.internal.AdminHttp;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The synchronizer with a DB-mode {@link KongAdminClient} against {@link FakeAdminApi}, on a
 * cluster whose credential Secrets carry a marker: credentials and consumer-group members reach
 * Kong; a rejected credential, Kong's 409 that echoes a duplicate key, and a 5xx in the middle of
 * the credentials leave the gateway {@code UNKNOWN} (or on the fallback) as fallback-spec §5.9
 * says; and the marker appears in no URL, outcome, report or log line (captured through the SLF4J
 * binding of the integration tests, at debug level).
 */
class KongAdminClientSecretLeakIT {
  private static final String MARKER = "LEAK-SEKRET-MARKER";
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());

  private static String secret(String name, String type, String data) {
    return """
        apiVersion: v1
        kind: Secret
        metadata: {name: %s, namespace: default, labels: {konghq.com/credential: %s}}
        stringData: {%s}
        """
        .formatted(name, type, data);
  }

  private static String consumer(String name, String credentials) {
    return """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: %1$s, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
        username: %1$s
        credentials: [%2$s]
        consumerGroups: [gold]
        """
        .formatted(name, credentials);
  }

  private static final String GROUP =
      """
      apiVersion: configuration.konghq.com/v1beta1
      kind: KongConsumerGroup
      metadata: {name: gold, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
      """;

  /**
   * Alice with key-auth, basic-auth, hmac-auth, jwt and acl credentials; the given key for
   * key-auth.
   */
  private static CacheStores cluster(String aliceKey, String... more) {
    List<String> docs =
        new ArrayList<>(
            List.of(
                GROUP,
                secret("alice-key", "key-auth", "key: " + aliceKey),
                secret(
                    "alice-basic",
                    "basic-auth",
                    "username: alice-basic, password: %s-pw".formatted(MARKER)),
                secret(
                    "alice-hmac",
                    "hmac-auth",
                    "username: alice-hmac, secret: %s-hmac".formatted(MARKER)),
                secret(
                    "alice-jwt",
                    "jwt",
                    "key: alice-jwt, secret: %s-jwt, algorithm: HS256".formatted(MARKER)),
                secret("alice-acl", "acl", "group: admins"),
                consumer("alice", "alice-key, alice-basic, alice-hmac, alice-jwt, alice-acl")));
    docs.addAll(List.of(more));
    return CacheStores.of(Manifests.parse(String.join("---\n", docs), "leak.yaml").objects());
  }

  private static Predicate<JsonNode> tagged(String name) {
    return entity ->
        StreamSupport.stream(entity.path("tags").spliterator(), false)
            .anyMatch(t -> t.asText().equals("k8s-name:" + name));
  }

  private static KongAdminClient client(FakeAdminApi api) {
    // without select tags: the stale consumer below is seeded without them
    return KongAdminClient.builder(api.url())
        .mode(KongAdminClient.Mode.DATABASE)
        .timeout(Duration.ofSeconds(2))
        .selectTags(java.util.List.of())
        .retry(RetryPolicy.defaults().withSleeper(d -> {}))
        .build();
  }

  private static void assertServes(FakeAdminApi api, KongConfig config) {
    assertThat(api.collection("consumers").values())
        .extracting(c -> c.path("username").asText())
        .containsExactlyInAnyOrderElementsOf(
            config.consumers().stream().map(c -> c.username().orElseThrow()).toList());
    int creds =
        config.consumers().stream()
            .mapToInt(
                c ->
                    c.keyauthCredentials().size()
                        + c.basicauthCredentials().size()
                        + c.hmacauthCredentials().size()
                        + c.jwtSecrets().size()
                        + c.acls().size())
            .sum();
    int served = 0;
    for (String coll : FakeAdminApi.CREDENTIALS.values()) {
      served += api.collection(coll).size();
    }
    assertThat(served).as("credentials served").isEqualTo(creds);
  }

  @Test
  void credentialsAndMembers_syncThroughTheLoop_andNoSecretLeaks() throws IOException {
    StringBuilder reports = new StringBuilder();
    List<String> urls = new ArrayList<>();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // 1. everything accepted: credentials under the consumer, membership in gold
      try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
        KongAdminClient kong = client(api);
        ConfigSynchronizer sync = ConfigSynchronizer.builder(TRANSLATOR).gateway(kong).build();
        CacheStores c = cluster(MARKER + "-key");
        SyncResult r = sync.sync(c);
        reports.append(r).append(r.gateways());
        assertThat(r.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
        assertServes(api, TRANSLATOR.translate(c).config());
        assertThat(api.members.values()).singleElement().satisfies(m -> assertThat(m).hasSize(1));

        // 2. a 5xx after two credentials were written: INDETERMINATE, UNKNOWN, next tick repairs
        api.fail5xxAfterWrites = countWrites(api) + 2; // two more writes succeed, then 503
        CacheStores rotated =
            cluster(
                MARKER + "-key-2",
                consumer("bob", "bob-key"),
                secret("bob-key", "key-auth", "key: %s-bob".formatted(MARKER)));
        SyncResult broken = sync.sync(rotated);
        reports.append(broken).append(broken.gateways());
        assertThat(broken.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(broken.gateways().get(0).lastAttempt().orElseThrow().outcome().kind())
            .isEqualTo(PushOutcome.Kind.INDETERMINATE);
        assertThat(sync.gatewayState(kong.id())).isEqualTo(GatewayState.unknown());
        api.fail5xxAfterWrites = -1;
        SyncResult repaired = sync.sync(rotated);
        reports.append(repaired).append(repaired.gateways());
        assertThat(repaired.outcome()).isEqualTo(SyncOutcome.DESIRED_APPLIED);
        assertServes(api, TRANSLATOR.translate(rotated).config());
        assertThat(api.collection("key-auths").values())
            .extracting(k -> k.path("key").asText())
            .containsExactlyInAnyOrder(MARKER + "-key-2", MARKER + "-bob");
        urls.addAll(api.requests);
      }

      // 3. a rejected credential: the partial gateway becomes UNKNOWN, the fallback removes the
      //    consumer that uses it (and what was already written of it)
      try (FakeAdminApi api = new FakeAdminApi("node-2", tagged("alice-hmac"))) {
        KongAdminClient kong = client(api);
        ConfigSynchronizer sync = ConfigSynchronizer.builder(TRANSLATOR).gateway(kong).build();
        SyncResult r = sync.sync(cluster(MARKER + "-key"));
        reports.append(r).append(r.gateways()).append(r.excluded());
        assertThat(r.outcome()).isEqualTo(SyncOutcome.FALLBACK_APPLIED);
        assertThat(r.brokenObjects())
            .extracting(ObjectRef::withoutVersionAndUid)
            .containsExactly(
                ObjectRef.of(Kind.SECRET, "default", "alice-hmac").withoutVersionAndUid());
        assertThat(r.excluded().keySet())
            .extracting(ObjectRef::name)
            .contains("alice-hmac", "alice");
        assertThat(api.collection("consumers")).as("the fallback removed alice").isEmpty();
        assertThat(api.collection("key-auths")).isEmpty();
        urls.addAll(api.requests);
      }

      // 4. Kong's 409 for a duplicate key echoes the key in its message and field: not copied.
      //    A stale consumer (deleted only after the upserts) still holds alice's new key.
      try (FakeAdminApi api = new FakeAdminApi("node-3", e -> false)) {
        KongAdminClient kong = client(api);
        api.collection("consumers")
            .put(
                "m-1",
                AdminHttp.MAPPER.createObjectNode().put("id", "m-1").put("username", "mallory"));
        api.collection("key-auths")
            .put(
                "k-1",
                (com.fasterxml.jackson.databind.node.ObjectNode)
                    AdminHttp.MAPPER
                        .createObjectNode()
                        .put("id", "k-1")
                        .put("key", MARKER + "-same")
                        .set("consumer", AdminHttp.MAPPER.createObjectNode().put("id", "m-1")));
        CacheStores dup = cluster(MARKER + "-same");
        PushOutcome o =
            kong.push(
                TRANSLATOR.translate(dup).config(),
                ConfigSha.of(TRANSLATOR.translate(dup).config()));
        assertThat(o).isInstanceOf(PushOutcome.RejectedEntities.class);
        PushOutcome.RejectedEntities re = (PushOutcome.RejectedEntities) o;
        assertThat(re.errors().get(0).problems().values())
            .allMatch(p -> p.contains("unique constraint violation"));
        reports
            .append(o)
            .append(re.errors())
            .append(re.errors().get(0).problems())
            .append(re.brokenObjects());
        assertThat(re.brokenObjects()).extracting(ObjectRef::name).containsExactly("alice-key");
        assertThat(api.collection("consumers"))
            .as("after the upserts the stale consumer went")
            .hasSize(1);
        ConfigSynchronizer sync = ConfigSynchronizer.builder(TRANSLATOR).gateway(kong).build();
        SyncResult r = sync.sync(dup);
        reports.append(r).append(r.gateways()).append(r.excluded());
        assertThat(r.outcome())
            .as("the stale key is gone now: accepted")
            .isEqualTo(SyncOutcome.DESIRED_APPLIED);
        urls.addAll(api.requests);
      }

      // 5. connection refused: nothing was sent
      FakeAdminApi gone = new FakeAdminApi("node-4", e -> false);
      KongAdminClient kong = client(gone);
      gone.close();
      SyncResult r =
          ConfigSynchronizer.builder(TRANSLATOR)
              .gateway(kong)
              .build()
              .sync(cluster(MARKER + "-key"));
      reports.append(r).append(r.gateways());
      assertThat(r.outcome()).isEqualTo(SyncOutcome.FAILED);
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).as("the loop logged through SLF4J").contains("INFO").contains("WARN");
    assertThat(logs).doesNotContain(MARKER);
    assertThat(reports.toString()).isNotBlank().doesNotContain(MARKER);
    assertThat(urls).isNotEmpty().noneMatch(u -> u.contains(MARKER));
  }

  private static int countWrites(FakeAdminApi api) {
    return (int) api.requests.stream().filter(r -> !r.startsWith("GET")).count();
  }
}
