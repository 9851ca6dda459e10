package io.github.kongtranslator.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KongAdminFake}: each test repeats a case of Kong 3.9.1's Admin API specs
 * ({@code spec/02-integration/04-admin_api/*_spec.lua} in {@code Kong/kong}), named in the test,
 * with the status and body fields that case asserts.
 */
class KongAdminFakeContractIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private record Res(int status, JsonNode json) {}

  private static Res call(KongAdminFake kong, String method, String path, String body)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kong.url() + path));
    if (body.isEmpty()) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> r =
          HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Res(
          r.statusCode(),
          r.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(r.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static Res get(KongAdminFake k, String path) throws IOException {
    return call(k, "GET", path, "");
  }

  // ---- 08-targets_routes_spec.lua ---------------------------------------------------------

  @Test
  void targets_createdWithPost_putOnlyUpdates_duplicatesConflict() throws IOException {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      assertThat(call(kong, "PUT", "/upstreams/u1", "{}").status()).isEqualTo(200);
      // "/targets returns a 404"
      assertThat(get(kong, "/targets").status()).isEqualTo(404);
      // "creates a target with defaults": weight 100, port 8000
      Res created = call(kong, "POST", "/upstreams/u1/targets", "{\"target\":\"mashape.com\"}");
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.json().path("weight").asInt()).isEqualTo(100);
      assertThat(created.json().path("target").asText()).isEqualTo("mashape.com:8000");
      // "fails to create duplicated targets"
      assertThat(
              call(kong, "POST", "/upstreams/u1/targets", "{\"target\":\"mashape.com:8000\"}")
                  .status())
          .isEqualTo(409);
      // upstreams.lua target_endpoint: PUT of a missing target is 404, it never creates one
      assertThat(
              call(kong, "PUT", "/upstreams/u1/targets/10.0.0.1:80", "{\"target\":\"10.0.0.1:80\"}")
                  .status())
          .isEqualTo(404);
      assertThat(kong.database().values("targets", "target")).containsExactly("mashape.com:8000");
      // "updates target (by target)" and "(by id)"
      Res byTarget =
          call(
              kong,
              "PUT",
              "/upstreams/u1/targets/mashape.com:8000",
              "{\"target\":\"mashape.com:8000\",\"weight\":10}");
      assertThat(byTarget.status()).isEqualTo(200);
      assertThat(byTarget.json().path("weight").asInt()).isEqualTo(10);
      String id = created.json().path("id").asText();
      assertThat(
              call(
                      kong,
                      "PUT",
                      "/upstreams/u1/targets/" + id,
                      "{\"target\":\"mashape.com:8000\",\"weight\":5}")
                  .json()
                  .path("weight")
                  .asInt())
          .isEqualTo(5);
      // "method DELETE actually deletes targets (by id)"; a missing one is 404
      assertThat(call(kong, "DELETE", "/upstreams/u1/targets/" + id, "").status()).isEqualTo(204);
      assertThat(call(kong, "DELETE", "/upstreams/u1/targets/" + id, "").status()).isEqualTo(404);
      assertThat(kong.database().entities("targets")).isEmpty();
    }
  }

  // ---- 09-routes_routes_spec.lua, 10-services_routes_spec.lua -----------------------------

  @Test
  void services_putCreatesOrReplaces_namesAreUnique_deletesDoNotCascadeToRoutes()
      throws IOException {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      // "creates if not found" (PUT by id) and by name
      String id = "0175e0e8-3de9-56b4-96f1-b12dcb4b6691";
      Res put = call(kong, "PUT", "/services/" + id, "{\"name\":\"echo\",\"host\":\"echo.svc\"}");
      assertThat(put.status()).isEqualTo(200);
      assertThat(put.json().path("id").asText()).isEqualTo(id);
      assertThat(put.json().path("retries").asInt()).as("Kong's default").isEqualTo(5);
      // "retrieves by name"
      assertThat(get(kong, "/services/echo").json().path("id").asText()).isEqualTo(id);
      // unique name: errors.lua unique_violation, HTTP 409
      Res dup =
          call(
              kong,
              "PUT",
              "/services/11111111-1111-1111-1111-111111111111",
              "{\"name\":\"echo\",\"host\":\"other.svc\"}");
      assertThat(dup.status()).isEqualTo(409);
      assertThat(dup.json().path("name").asText()).isEqualTo("unique constraint violation");
      assertThat(dup.json().path("code").asInt()).isEqualTo(5);
      // foreign key: a route naming a missing service is 400 foreign key violation (code 4)
      Res fk =
          call(
              kong,
              "POST",
              "/routes",
              "{\"name\":\"r\",\"paths\":[\"/\"],\"service\":{\"id\":\"22222222-2222-2222-2222-222222222222\"}}");
      assertThat(fk.status()).isEqualTo(400);
      assertThat(fk.json().path("code").asInt()).isEqualTo(4);
      // "references a Service by name"
      assertThat(
              call(
                      kong,
                      "POST",
                      "/routes",
                      "{\"name\":\"r\",\"paths\":[\"/\"],\"service\":{\"name\":\"echo\"}}")
                  .json()
                  .path("service")
                  .path("id")
                  .asText())
          .isEqualTo(id);
      assertThat(call(kong, "POST", "/routes/r/plugins", "{\"name\":\"cors\"}").status())
          .as("nested plugin endpoints are not modelled")
          .isEqualTo(404);
      assertThat(
              call(kong, "POST", "/plugins", "{\"name\":\"cors\",\"route\":{\"name\":\"r\"}}")
                  .status())
          .isEqualTo(201);
      // routes.service has no on_delete: deleting a referenced service is refused
      Res restricted = call(kong, "DELETE", "/services/echo", "");
      assertThat(restricted.status()).isEqualTo(400);
      assertThat(restricted.json().path("message").asText())
          .isEqualTo("an existing 'routes' entity references this 'services' entity");
      // plugins.route on_delete = "cascade"
      assertThat(call(kong, "DELETE", "/routes/r", "").status()).isEqualTo(204);
      assertThat(kong.database().entities("plugins")).isEmpty();
      assertThat(call(kong, "DELETE", "/services/echo", "").status()).isEqualTo(204);
      // "returns HTTP 204 even if not found"
      assertThat(call(kong, "DELETE", "/services/echo", "").status()).isEqualTo(204);
      // "returns 404 if not found by name"
      assertThat(get(kong, "/services/echo").status()).isEqualTo(404);
    }
  }

  @Test
  void lists_pageWithOffsetAndNext_emptyIsEmptyArray_invalidSizeIs400() throws IOException {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      // "data property is an empty array and not an empty hash"
      Res empty = get(kong, "/services");
      assertThat(empty.json().path("data").isArray()).isTrue();
      assertThat(empty.json().path("data")).isEmpty();
      assertThat(empty.json().path("next").isNull()).isTrue();
      for (int i = 0; i < 5; i++) {
        call(kong, "POST", "/services", "{\"name\":\"s" + i + "\",\"host\":\"h\"}");
      }
      // "paginates a set"
      List<String> names = new ArrayList<>();
      String next = "/services?size=2";
      int pages = 0;
      while (next != null) {
        Res page = get(kong, next);
        page.json().path("data").forEach(s -> names.add(s.path("name").asText()));
        next = page.json().path("next").isNull() ? null : page.json().path("next").asText();
        pages++;
      }
      assertThat(names).containsExactly("s0", "s1", "s2", "s3", "s4");
      assertThat(pages).isEqualTo(3);
      // "handles invalid size"
      Res bad = get(kong, "/routes?size=x");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().path("message").asText()).isEqualTo("size must be a number");
    }
  }

  // ---- 14-tags_spec.lua -------------------------------------------------------------------

  @Test
  void tags_andOrFilters_mixIsAnError_nextKeepsTags_nestedListsIgnoreTags() throws IOException {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      call(
          kong,
          "POST",
          "/consumers",
          "{\"username\":\"c1\",\"tags\":[\"corp_ a\",\"consumer_ 1\"]}");
      call(
          kong,
          "POST",
          "/consumers",
          "{\"username\":\"c2\",\"tags\":[\"corp_ a\",\"consumer_ 2\"]}");
      call(kong, "POST", "/consumers", "{\"username\":\"c3\",\"tags\":[\"other\"]}");
      // "filter by multiple tags with AND"
      assertThat(get(kong, "/consumers?tags=corp_%20a,consumer_%201").json().path("data"))
          .hasSize(1);
      // "filter by multiple tags with OR"
      assertThat(get(kong, "/consumers?tags=consumer_%202/consumer_%201").json().path("data"))
          .hasSize(2);
      // "errors if filter by mix of AND and OR"
      Res mix = get(kong, "/consumers?tags=consumer_%203,consumer_%202/consumer_%201");
      assertThat(mix.status()).isEqualTo(400);
      assertThat(mix.json().path("message").asText())
          .isEqualTo("invalid option (tags: invalid filter syntax)");
      // "returns the correct 'next' arg"
      Res first = get(kong, "/consumers?tags=corp_%20a&size=1");
      assertThat(first.json().path("data")).hasSize(1);
      assertThat(first.json().path("next").asText()).contains("tags=corp_%20a");
      assertThat(
              get(kong, first.json().path("next").asText())
                  .json()
                  .path("data")
                  .get(0)
                  .path("username")
                  .asText())
          .isEqualTo("c2");
      // "ignores tags when filtering by multiple filters #6779" (a nested list)
      call(kong, "POST", "/consumers/c1/key-auth", "{\"key\":\"k1\",\"tags\":[\"corp_ a\"]}");
      assertThat(get(kong, "/consumers/c1/key-auth?tags=nothing").json().path("data")).hasSize(1);
      assertThat(get(kong, "/key-auths?tags=nothing").json().path("data")).isEmpty();
    }
  }

  // ---- OSS vs Enterprise ------------------------------------------------------------------

  @Test
  void enterpriseCollections_are404OnOss_andServedOnEnterprise() throws IOException {
    try (KongAdminFake oss = KongAdminFake.start(KongAdminFake.Edition.OSS);
        KongAdminFake ee = KongAdminFake.start(KongAdminFake.Edition.ENTERPRISE)) {
      for (String c :
          List.of("/consumer_groups", "/licenses", "/mtls-auths", "/degraphql_routes")) {
        assertThat(get(oss, c).status()).as(c).isEqualTo(404);
        assertThat(get(ee, c).status()).as(c).isEqualTo(200);
      }
      assertThat(get(oss, "/").json().path("version").asText()).isEqualTo("3.9.1");
      assertThat(get(ee, "/").json().path("version").asText()).contains("enterprise");
      // licenses have no tags field: kong/db/dao/init.lua "cannot be used with 'licenses'"
      assertThat(get(ee, "/licenses?tags=a").status()).isEqualTo(400);
      call(ee, "POST", "/consumer_groups", "{\"name\":\"gold\"}");
      call(ee, "POST", "/consumers", "{\"username\":\"alice\"}");
      assertThat(
              call(ee, "POST", "/consumer_groups/gold/consumers", "{\"consumer\":\"alice\"}")
                  .status())
          .isEqualTo(201);
      assertThat(
              get(ee, "/consumer_groups/gold/consumers")
                  .json()
                  .path("data")
                  .get(0)
                  .path("username")
                  .asText())
          .isEqualTo("alice");
      assertThat(call(ee, "DELETE", "/consumers/alice", "").status()).isEqualTo(204);
      assertThat(get(ee, "/consumer_groups/gold/consumers").json().path("data"))
          .as("membership cascades")
          .isEmpty();
    }
  }

  // ---- 15-off_spec.lua ----------------------------------------------------------------------

  @Test
  void dbLess_config_accepts_304OnSameHash_flattenedErrors_405OnEntityWrites() throws IOException {
    try (KongAdminFake kong = KongAdminFake.dbLess()) {
      String cfg = "{\"_format_version\":\"3.0\",\"consumers\":[{\"username\":\"bobby_tables\"}]}";
      // "accepts configuration as JSON body"
      assertThat(call(kong, "POST", "/config?check_hash=1", cfg).status()).isEqualTo(201);
      // "returns 304 if checking hash and configuration is identical"
      assertThat(call(kong, "POST", "/config?check_hash=1", cfg).status()).isEqualTo(304);
      assertThat(get(kong, "/status").json().path("configuration_hash").asText())
          .isNotEqualTo("00000000000000000000000000000000");
      // "returns 400 on an endpoint key uniqueness error", flattened
      Res dup =
          call(
              kong,
              "POST",
              "/config?flatten_errors=1",
              "{\"_format_version\":\"3.0\",\"services\":["
                  + "{\"name\":\"foo\",\"host\":\"a\",\"tags\":[\"t1\"]},{\"name\":\"foo\",\"host\":\"b\",\"tags\":[\"t2\"]}]}");
      assertThat(dup.status()).isEqualTo(400);
      assertThat(dup.json().path("code").asInt()).isEqualTo(14);
      assertThat(dup.json().path("name").asText()).isEqualTo("invalid declarative configuration");
      JsonNode entry = dup.json().path("flattened_errors").get(0);
      assertThat(entry.path("entity_type").asText()).isEqualTo("service");
      assertThat(entry.path("entity_tags").get(0).asText()).isEqualTo("t2");
      assertThat(entry.path("errors").get(0).path("message").asText())
          .isEqualTo(
              "uniqueness violation: 'services' entity with name set to 'foo' already declared");
      assertThat(kong.declarativeConfig().path("consumers"))
          .as("the previous configuration stays")
          .hasSize(1);
      // "returns HTTP 405 on invalid method"
      Res post = call(kong, "POST", "/routes", "{\"paths\":[\"/\"]}");
      assertThat(post.status()).isEqualTo(405);
      assertThat(post.json().path("message").asText())
          .isEqualTo("cannot create 'routes' entities when not using a database");
      assertThat(call(kong, "PUT", "/routes/x", "{}").json().path("message").asText())
          .isEqualTo("Method not allowed");
    }
  }

  // ---- faults and shared databases ----------------------------------------------------------

  @Test
  void faults_statusAndResets_onTheNthOrMatchingRequest() throws IOException {
    try (KongAdminFake kong = KongAdminFake.start(KongAdminFake.Edition.OSS)) {
      kong.failRequest(1, HttpFault.status(429));
      assertThat(call(kong, "PUT", "/services/a", "{\"host\":\"h\"}").status()).isEqualTo(429);
      assertThat(kong.database().entities("services")).as("a 429 changes nothing").isEmpty();
      kong.failMatching(r -> r.startsWith("PUT /services/"), HttpFault.resetBefore(), 1);
      assertThatThrownBy(() -> call(kong, "PUT", "/services/a", "{\"host\":\"h\"}"))
          .isInstanceOf(IOException.class);
      assertThat(kong.database().entities("services")).isEmpty();
      kong.failMatching(r -> r.startsWith("PUT /services/"), HttpFault.resetAfter(), 1);
      assertThatThrownBy(() -> call(kong, "PUT", "/services/a", "{\"host\":\"h\"}"))
          .isInstanceOf(IOException.class);
      assertThat(kong.database().values("services", "name"))
          .as("applied, answer lost")
          .containsExactly("a");
      assertThat(kong.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void twoNodes_shareOneDatabase() throws IOException {
    try (KongAdminFake a = KongAdminFake.start(KongAdminFake.Edition.OSS);
        KongAdminFake b = KongAdminFake.node(a.database())) {
      assertThat(a.nodeId()).isNotEqualTo(b.nodeId());
      call(a, "PUT", "/services/echo", "{\"host\":\"h\"}");
      assertThat(get(b, "/services/echo").status()).isEqualTo(200);
      assertThat(get(b, "/").json().path("node_id").asText()).isEqualTo(b.nodeId());
    }
  }
}
