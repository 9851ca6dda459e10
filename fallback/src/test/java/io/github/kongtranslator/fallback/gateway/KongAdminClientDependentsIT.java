package io.github.kongtranslator.fallback.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * DB-mode sync of credentials, consumer-group members, licenses and custom entities by {@link
 * KongAdminClient} against {@link FakeAdminApi}: create, update and delete in dependency order,
 * reading back without rewriting, partial failures, and secrets kept out of URLs and outcomes.
 */
class KongAdminClientDependentsIT {
  static final String MARKER = "DEPENDENT-SEKRET";

  static String tags(String kind, String name) {
    return "[k8s-name:" + name + ", k8s-namespace:default, k8s-kind:" + kind + ", k8s-version:v1]";
  }

  /**
   * Alice with one credential of every kind, bob, group gold (both members), a license, a custom
   * entity.
   */
  static final String V1 =
      """
      _format_version: "3.0"
      licenses:
      - payload: %1$s-license
      consumer_groups:
      - name: gold
        tags: %2$s
      consumers:
      - username: alice
        tags: %3$s
        groups: [{name: gold}]
        keyauth_credentials:
        - {key: %1$s-key, tags: %4$s}
        basicauth_credentials:
        - {username: alice-basic, password: %1$s-pw, tags: %5$s}
        hmacauth_credentials:
        - {username: alice-hmac, secret: %1$s-hmac, tags: %6$s}
        jwt_secrets:
        - {key: alice-jwt, secret: %1$s-jwt, algorithm: HS256, tags: %7$s}
        oauth2_credentials:
        - {name: app, client_id: alice-client, client_secret: %1$s-oauth, redirect_uris: ["https://a.example/cb"], tags: %8$s}
        acls:
        - {group: admins, tags: %9$s}
        mtls_auth_credentials:
        - {subject_name: alice@example.com, tags: %10$s}
      - username: bob
        tags: %11$s
      consumer_group_consumers:
      - {consumer: bob, consumer_group: gold}
      services:
      - {name: echo, host: echo.default.80.svc, port: 80, protocol: http, tags: %12$s}
      degraphql_routes:
      - {query: "query{ contacts { name } }", uri: /contacts, service: {name: echo}}
      """
          .formatted(
              MARKER,
              tags("KongConsumerGroup", "gold"),
              tags("KongConsumer", "alice"),
              tags("Secret", "alice-key"),
              tags("Secret", "alice-basic"),
              tags("Secret", "alice-hmac"),
              tags("Secret", "alice-jwt"),
              tags("Secret", "alice-oauth"),
              tags("Secret", "alice-acl"),
              tags("Secret", "alice-mtls"),
              tags("KongConsumer", "bob"),
              tags("Service", "echo"));

  /**
   * V1 without bob (consumer and membership), alice's hmac credential, the license and the custom
   * entity; alice's key rotated and her ACL retagged.
   */
  static final String V2 =
      """
      _format_version: "3.0"
      consumer_groups:
      - name: gold
        tags: %2$s
      consumers:
      - username: alice
        tags: %3$s
        groups: [{name: gold}]
        keyauth_credentials:
        - {key: %1$s-key-2, tags: %4$s}
        basicauth_credentials:
        - {username: alice-basic, password: %1$s-pw, tags: %5$s}
        jwt_secrets:
        - {key: alice-jwt, secret: %1$s-jwt, algorithm: HS256, tags: %7$s}
        oauth2_credentials:
        - {name: app, client_id: alice-client, client_secret: %1$s-oauth, redirect_uris: ["https://a.example/cb"], tags: %8$s}
        acls:
        - {group: admins, tags: [retagged]}
        mtls_auth_credentials:
        - {subject_name: alice@example.com, tags: %10$s}
      services:
      - {name: echo, host: echo.default.80.svc, port: 80, protocol: http, tags: %12$s}
      """
          .formatted(
              MARKER,
              tags("KongConsumerGroup", "gold"),
              tags("KongConsumer", "alice"),
              tags("Secret", "alice-key"),
              tags("Secret", "alice-basic"),
              tags("Secret", "alice-hmac"),
              tags("Secret", "alice-jwt"),
              tags("Secret", "alice-oauth"),
              tags("Secret", "alice-acl"),
              tags("Secret", "alice-mtls"),
              tags("KongConsumer", "bob"),
              tags("Service", "echo"));

  static KongConfig read(String yaml) {
    return KongConfigReader.yaml().read(yaml, "test");
  }

  static KongAdminClient client(FakeAdminApi api) {
    // without select tags: these tests are about dependents, and seed entities without tags
    return KongAdminClient.builder(api.url())
        .mode(KongAdminClient.Mode.DATABASE)
        .timeout(Duration.ofSeconds(2))
        .selectTags(List.of())
        .retry(RetryPolicy.defaults().withSleeper(d -> {}))
        .build();
  }

  static PushOutcome push(KongAdminClient c, KongConfig config) {
    return c.push(config, ConfigSha.of(config));
  }

  static List<String> writes(FakeAdminApi api) {
    return api.requests.stream().filter(r -> !r.startsWith("GET")).toList();
  }

  private static int indexOf(List<String> requests, String prefix) {
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no request " + prefix + " in " + requests);
  }

  private static String id(FakeAdminApi api, String collection, String field, String value) {
    return api.collection(collection).values().stream()
        .filter(e -> value.equals(e.path(field).asText()))
        .map(e -> e.get("id").asText())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void create_inDependencyOrder_thenReadBackRewritesOnlyHashedPasswords() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api);
      assertThat(push(kong, read(V1))).isEqualTo(PushOutcome.accepted());

      String alice = id(api, "consumers", "username", "alice");
      String bob = id(api, "consumers", "username", "bob");
      String gold = id(api, "consumer_groups", "name", "gold");
      for (String coll :
          List.of(
              "key-auths", "basic-auths", "hmac-auths", "jwts", "oauth2", "acls", "mtls-auths")) {
        assertThat(api.collection(coll).values())
            .as(coll)
            .singleElement()
            .satisfies(c -> assertThat(c.path("consumer").path("id").asText()).isEqualTo(alice));
      }
      assertThat(api.collection("key-auths").values().iterator().next().path("key").asText())
          .isEqualTo(MARKER + "-key");
      assertThat(api.collection("basic-auths").values().iterator().next().path("password").asText())
          .as("Kong keeps a hash")
          .doesNotContain(MARKER);
      assertThat(api.members.get(gold)).containsExactly(alice, bob);
      assertThat(api.collection("licenses")).hasSize(1);
      assertThat(api.collection("degraphql_routes").values())
          .singleElement()
          .satisfies(
              d ->
                  assertThat(d.path("service").path("id").asText())
                      .isEqualTo(id(api, "services", "name", "echo")));

      List<String> w = writes(api);
      assertThat(w.get(0)).as("the license comes first").isEqualTo("POST /licenses");
      assertThat(indexOf(w, "PUT /consumers/alice"))
          .isLessThan(indexOf(w, "POST /consumers/alice/key-auth"));
      assertThat(indexOf(w, "PUT /consumer_groups/gold"))
          .isLessThan(indexOf(w, "POST /consumer_groups/gold/consumers"));
      assertThat(indexOf(w, "PUT /consumers/bob"))
          .isLessThan(indexOf(w, "POST /consumer_groups/gold/consumers"));
      assertThat(indexOf(w, "POST /consumers/alice/mtls-auth"))
          .isLessThan(indexOf(w, "POST /consumer_groups/gold/consumers"));
      assertThat(w.get(w.size() - 1))
          .as("custom entities last")
          .isEqualTo("POST /degraphql_routes");
      assertThat(api.collection("consumers").values())
          .as("memberships are not fields")
          .noneMatch(c -> c.has("groups"));
      assertThat(api.collection("consumer_groups").values()).noneMatch(g -> g.has("consumers"));
      assertThat(api.requests).as("no secret in any URL").noneMatch(r -> r.contains(MARKER));
      assertThat(api.requests)
          .as("credentials read from their listings, paged")
          .contains(
              "GET /key-auths?size=1000",
              "GET /mtls-auths?size=1000",
              "GET /licenses?size=1000",
              "GET /degraphql_routes?size=1000");

      api.requests.clear();
      assertThat(push(kong, read(V1))).isEqualTo(PushOutcome.accepted());
      String basic = api.collection("basic-auths").keySet().iterator().next();
      assertThat(writes(api))
          .as("only the hashed basic-auth password cannot be compared")
          .containsExactly("PUT /consumers/alice/basic-auth/" + basic);
      assertThat(api.requests).contains("GET /consumer_groups/" + gold + "/consumers?size=1000");
    }
  }

  @Test
  void update_andDelete_dependentsBeforeTheirParents_licenseLast() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api);
      assertThat(push(kong, read(V1))).isEqualTo(PushOutcome.accepted());
      String alice = id(api, "consumers", "username", "alice");
      String bob = id(api, "consumers", "username", "bob");
      String gold = id(api, "consumer_groups", "name", "gold");
      String hmac = api.collection("hmac-auths").keySet().iterator().next();
      String oldKey = api.collection("key-auths").keySet().iterator().next();
      String acl = api.collection("acls").keySet().iterator().next();
      String license = api.collection("licenses").keySet().iterator().next();
      String custom = api.collection("degraphql_routes").keySet().iterator().next();

      api.requests.clear();
      assertThat(push(kong, read(V2))).isEqualTo(PushOutcome.accepted());
      List<String> w = writes(api);
      assertThat(w)
          .contains(
              "PUT /consumers/alice/acls/" + acl,
              "POST /consumers/alice/key-auth",
              "DELETE /consumers/" + alice + "/key-auth/" + oldKey,
              "DELETE /consumers/" + alice + "/hmac-auth/" + hmac,
              "DELETE /consumer_groups/" + gold + "/consumers/" + bob,
              "DELETE /consumers/" + bob,
              "DELETE /licenses/" + license,
              "DELETE /degraphql_routes/" + custom);
      List<String> deletes = w.stream().filter(r -> r.startsWith("DELETE")).toList();
      assertThat(deletes.get(0)).isEqualTo("DELETE /degraphql_routes/" + custom);
      assertThat(deletes.get(deletes.size() - 1)).isEqualTo("DELETE /licenses/" + license);
      assertThat(indexOf(w, "DELETE /consumer_groups/"))
          .isLessThan(indexOf(w, "DELETE /consumers/" + bob));
      assertThat(indexOf(w, "DELETE /consumers/" + alice + "/hmac-auth"))
          .isLessThan(indexOf(w, "DELETE /consumers/" + bob));
      assertThat(indexOf(w, "POST /consumers/alice/key-auth"))
          .isLessThan(indexOf(w, "DELETE /consumers/" + alice));

      assertThat(api.collection("key-auths").values())
          .singleElement()
          .satisfies(k -> assertThat(k.path("key").asText()).isEqualTo(MARKER + "-key-2"));
      assertThat(api.collection("hmac-auths")).isEmpty();
      assertThat(api.collection("acls").get(acl).path("tags").toString()).contains("retagged");
      assertThat(api.members.get(gold)).containsExactly(alice);
      assertThat(api.collection("consumers")).containsOnlyKeys(alice);
      assertThat(api.collection("licenses")).isEmpty();
      assertThat(api.collection("degraphql_routes"))
          .as("the client remembers the type it pushed")
          .isEmpty();
      assertThat(api.requests).noneMatch(r -> r.contains(MARKER));
    }
  }

  @Test
  void customTypesDeclaredOnTheBuilder_areCleanedUpByANewClient_andMissingEndpointsReadAsEmpty()
      throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      assertThat(push(client(api), read(V1))).isEqualTo(PushOutcome.accepted());
      api.absent.add("mtls-auths"); // e.g. an OSS Kong: the mtls-auth plugin does not exist
      KongAdminClient restarted =
          KongAdminClient.builder(api.url())
              .mode(KongAdminClient.Mode.DATABASE)
              .selectTags(List.of())
              .customEntityType("degraphql_routes")
              .build();
      KongConfig noMtls =
          read(
              V2.replace(
                  "  mtls_auth_credentials:\n  - {subject_name: alice@example.com, tags: "
                      + tags("Secret", "alice-mtls")
                      + "}\n",
                  ""));
      assertThat(noMtls.consumers().get(0).mtlsAuthCredentials()).isEmpty();
      assertThat(push(restarted, noMtls)).isEqualTo(PushOutcome.accepted());
      assertThat(api.collection("degraphql_routes")).isEmpty();
    }
  }

  @Test
  void rejectedCredential_isRejectedEntitiesBlamingItsSecret_andTheRestStaysApplied()
      throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", tagged("alice-hmac"))) {
      PushOutcome o = push(client(api), read(V1));
      assertThat(o).isInstanceOf(PushOutcome.RejectedEntities.class);
      PushOutcome.RejectedEntities re = (PushOutcome.RejectedEntities) o;
      assertThat(re.brokenObjects())
          .extracting(ObjectRef::withoutVersionAndUid)
          .containsExactly(
              ObjectRef.of(Kind.SECRET, "default", "alice-hmac").withoutVersionAndUid());
      assertThat(re.errors().get(0).entityType()).isEqualTo("hmac_auth");
      assertThat(api.collection("key-auths")).as("partial: the other credentials exist").hasSize(1);
      assertThat(api.collection("jwts")).hasSize(1);
      assertThat(api.collection("hmac-auths")).isEmpty();
    }
  }

  @Test
  void failureAfterSomeDependentsWereWritten_isIndeterminate() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongConfig v1 = read(V1);
      int writesBeforeCredentials = 1 + 1 + 2 + 1; // license, group, two consumers, service
      api.fail5xxAfterWrites = writesBeforeCredentials + 2;
      PushOutcome o = push(client(api), v1);
      assertThat(o.kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
      assertThat(api.collection("key-auths")).hasSize(1);
      assertThat(api.collection("jwts")).isEmpty();
      assertThat(o.toString()).doesNotContain(MARKER);
    }
  }

  @Test
  void unsupportedPlacements_areRefusedBeforeWriting() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      PushOutcome o =
          push(
              client(api),
              read(
                  """
          _format_version: "3.0"
          keyauth_credentials:
          - {key: %s-orphan}
          consumer_group_consumers:
          - {consumer: alice}
          """
                      .formatted(MARKER)));
      assertThat(o.kind()).isEqualTo(PushOutcome.Kind.TRANSIENT);
      assertThat(o.toString())
          .contains("keyauth_credentials without consumer")
          .contains("consumer_group_consumers without consumer and consumer group")
          .doesNotContain(MARKER);
      assertThat(writes(api)).isEmpty();
    }
  }

  @Test
  void topLevelCredentials_withAConsumerReference_areSyncedUnderThatConsumer() throws IOException {
    try (FakeAdminApi api = new FakeAdminApi("node-1", e -> false)) {
      KongAdminClient kong = client(api);
      KongConfig cfg =
          read(
              """
          _format_version: "3.0"
          consumers:
          - {username: carol}
          keyauth_credentials:
          - {key: %s-carol, consumer: {username: carol}}
          acls:
          - {group: ops, consumer: carol}
          - {group: dev, consumer: carol}
          - {group: qa, consumer: carol}
          """
                  .formatted(MARKER));
      assertThat(push(kong, cfg)).isEqualTo(PushOutcome.accepted());
      assertThat(writes(api))
          .containsExactly(
              "PUT /consumers/carol",
              "POST /consumers/carol/key-auth",
              "POST /consumers/carol/acls",
              "POST /consumers/carol/acls",
              "POST /consumers/carol/acls");
      api.requests.clear();
      assertThat(push(kong, cfg)).isEqualTo(PushOutcome.accepted());
      assertThat(api.requests).as("the fake pages by two").contains("GET /acls?size=1000&offset=2");
      assertThat(writes(api)).as("matched by natural key: nothing to write").isEmpty();
      api.requests.clear();
      KongConfig fewer =
          read(cfg.toJson().toString().replace(",{\"group\":\"qa\",\"consumer\":\"carol\"}", ""));
      assertThat(fewer.sections().get("acls")).hasSize(2);
      assertThat(push(kong, fewer)).isEqualTo(PushOutcome.accepted());
      assertThat(writes(api))
          .singleElement()
          .satisfies(d -> assertThat(d).startsWith("DELETE /consumers/"));
      assertThat(api.collection("acls").values())
          .extracting(a -> a.path("group").asText())
          .containsExactlyInAnyOrder("ops", "dev");
    }
  }

  static java.util.function.Predicate<JsonNode> tagged(String name) {
    return entity ->
        StreamSupport.stream(entity.path("tags").spliterator(), false)
            .anyMatch(t -> t.asText().equals("k8s-name:" + name));
  }
}
