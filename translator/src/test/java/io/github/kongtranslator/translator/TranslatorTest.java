package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslatorTest {
  private static final String SHOP =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop, namespace: demo%s}
      spec:
        ingressClassName: kong
        rules:
        - host: shop.example.com
          http:
            paths:
            - {path: /api, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: demo%s}
      spec: {ports: [{port: 8080}]}
      """;

  static CacheStores stores(String yaml) {
    return CacheStores.of(Manifests.parse(yaml, "test.yaml").objects());
  }

  static ObjectNode translate(String yaml) {
    return Translator.create(TranslatorOptions.defaults())
        .translate(stores(yaml))
        .config()
        .toJson();
  }

  static String shop(String ingressAnnotations, String serviceAnnotations) {
    return SHOP.formatted(ingressAnnotations, serviceAnnotations);
  }

  @Test
  void ingressPrefixRule_becomesServiceRouteAndUpstream() {
    ObjectNode c = translate(shop("", ""));
    JsonNode svc = c.get("services").get(0);
    assertThat(svc.get("id").asText()).isEqualTo("c817de7b-4d3f-5f10-af72-180588c80b1b");
    assertThat(svc.get("name").asText()).isEqualTo("demo.web.8080");
    assertThat(svc.get("host").asText()).isEqualTo("web.demo.8080.svc");
    assertThat(svc.get("port").asInt()).isEqualTo(8080);
    assertThat(svc.get("path").asText()).isEqualTo("/");
    JsonNode route = svc.get("routes").get(0);
    assertThat(route.get("id").asText()).isEqualTo("312d3d3d-ae5c-5f33-b50d-48459989c69f");
    assertThat(route.get("name").asText()).isEqualTo("demo.shop.web.shop.example.com.8080");
    assertThat(route.get("paths").toString()).isEqualTo("[\"/api/\",\"~/api$\"]");
    assertThat(route.get("https_redirect_status_code").asInt()).isEqualTo(426);
    assertThat(route.get("path_handling").asText()).isEqualTo("v0");
    assertThat(route.has("protocols")).isFalse();
    assertThat(c.get("upstreams").get(0).get("algorithm").asText()).isEqualTo("round-robin");
    assertThat(c.get("upstreams").get(0).has("targets")).isFalse();
  }

  @Test
  void consumerAndIngressReferringToAPlugin_yieldOnlyTheCombination() {
    String yaml =
        shop(", annotations: {konghq.com/plugins: limit}", "")
            + """
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: limit, namespace: demo}
        plugin: rate-limiting
        config: {minute: 5}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata:
          name: alice
          namespace: demo
          annotations: {kubernetes.io/ingress.class: kong, konghq.com/plugins: limit}
        username: alice
        """;
    ObjectNode c = translate(yaml);
    assertThat(c.get("plugins")).hasSize(1);
    JsonNode p = c.get("plugins").get(0);
    assertThat(p.get("id").asText()).isEqualTo("542472dd-3316-57b1-8936-fd6dc18021ac");
    assertThat(p.get("consumer").asText()).isEqualTo("alice");
    assertThat(p.get("route").asText()).isEqualTo("demo.shop.web.shop.example.com.8080");
    assertThat(p.get("config").get("minute").asInt()).isEqualTo(5);
    assertThat(c.get("consumers").get(0).get("id").asText())
        .isEqualTo("b32379d9-3d28-5683-a79c-72139be6e34f");
  }

  @Test
  void serviceReferringToAPlugin_bindsItToTheKongService() {
    String yaml =
        shop("", ", annotations: {konghq.com/plugins: limit}")
            + """
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: limit, namespace: demo}
        plugin: rate-limiting
        """;
    JsonNode p = translate(yaml).get("plugins").get(0);
    assertThat(p.get("service").asText()).isEqualTo("demo.web.8080");
    assertThat(p.get("id").asText()).isEqualTo("13470021-d6e2-56cd-8eca-774474ba9be2");
    assertThat(p.has("config")).isFalse();
  }

  @Test
  void instanceName_getsTheBindingDigestSuffix() {
    String yaml =
        shop(", annotations: {konghq.com/plugins: rl}", "")
            + """
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: rl, namespace: demo}
        plugin: rate-limiting
        instance_name: rl
        """;
    JsonNode p = translate(yaml).get("plugins").get(0);
    assertThat(p.get("instance_name").asText()).isEqualTo("rl-ea0506867");
  }

  @Test
  void missingService_keepsKongServiceWithPlaceholderTagsAndReportsFailures() {
    String yaml =
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: demo}
        spec:
          ingressClassName: kong
          rules:
          - http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: gone, port: {number: 80}}}}
        """;
    TranslationResult r = Translator.create(TranslatorOptions.defaults()).translate(stores(yaml));
    JsonNode svc = r.config().toJson().get("services").get(0);
    assertThat(svc.get("tags").toString()).contains("k8s-name:UNKNOWN", "k8s-group:core");
    assertThat(svc.get("port").asInt()).isEqualTo(80);
    assertThat(svc.get("routes").get(0).get("name").asText()).isEqualTo("demo.shop.gone..80");
    assertThat(r.failures()).hasSize(2);
    assertThat(r.failures().get(0).causingObjects().get(0).toString())
        .isEqualTo("Ingress demo/shop");
  }

  @Test
  void rewriteAnnotation_withFlagOff_dropsTheWholeKongService() {
    TranslationResult r =
        Translator.create(TranslatorOptions.defaults())
            .translate(stores(shop(", annotations: {konghq.com/rewrite: /x}", "")));
    assertThat(r.config().toJson().has("services")).isFalse();
    assertThat(r.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("RewriteURIs"));
  }

  @Test
  void rewriteAnnotation_withFlagOn_addsRequestTransformer() {
    TranslatorOptions o = TranslatorOptions.builder().flag(FeatureFlag.REWRITE_URIS, true).build();
    JsonNode route =
        Translator.create(o)
            .translate(stores(shop(", annotations: {konghq.com/rewrite: /v2/$1}", "")))
            .config()
            .toJson()
            .get("services")
            .get(0)
            .get("routes")
            .get(0);
    assertThat(route.get("plugins").get(0).toString())
        .isEqualTo(
            "{\"config\":{\"replace\":{\"uri\":\"/v2/$(uri_captures[1])\"}},\"name\":\"request-transformer\"}");
  }

  @Test
  void routeAnnotations_overrideDefaults() {
    String ann =
        ", annotations: {konghq.com/strip-path: \"TRUE\", konghq.com/methods: \"get,post\","
            + " konghq.com/protocols: \"https\", konghq.com/host-aliases: \"alt.example.com\","
            + " konghq.com/headers.x-tenant: \"a, b\", ingress.kubernetes.io/force-ssl-redirect: \"true\","
            + " konghq.com/regex-priority: \"7\"}";
    JsonNode route = translate(shop(ann, "")).get("services").get(0).get("routes").get(0);
    assertThat(route.get("strip_path").asBoolean()).isTrue();
    assertThat(route.get("methods").toString()).isEqualTo("[\"GET\",\"POST\"]");
    assertThat(route.get("protocols").toString()).isEqualTo("[\"https\"]");
    assertThat(route.get("hosts").toString())
        .isEqualTo("[\"shop.example.com\",\"alt.example.com\"]");
    assertThat(route.get("headers").get("x-tenant").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(route.get("https_redirect_status_code").asInt()).isEqualTo(302);
    assertThat(route.get("regex_priority").asInt()).isEqualTo(7);
  }

  @Test
  void serviceAnnotations_overrideKongServiceFields() {
    String ann =
        ", annotations: {konghq.com/protocol: grpc, konghq.com/read-timeout: \"5\","
            + " konghq.com/retries: \"1\", konghq.com/host-header: internal.example}";
    ObjectNode c = translate(shop("", ann));
    JsonNode svc = c.get("services").get(0);
    assertThat(svc.get("protocol").asText()).isEqualTo("grpc");
    assertThat(svc.has("path")).isFalse();
    assertThat(svc.get("read_timeout").asInt()).isEqualTo(5);
    assertThat(svc.get("retries").asInt()).isEqualTo(1);
    assertThat(c.get("upstreams").get(0).get("host_header").asText()).isEqualTo("internal.example");
  }

  @Test
  void expressionRouter_buildsExpressionAndPriority() {
    String ann =
        ", annotations: {konghq.com/host-aliases: api2.example.com, konghq.com/methods: \"get,post\"}";
    String yaml =
        shop(ann, "").replace("shop.example.com", "api.example.com").replace("/api", "/v1");
    TranslatorOptions o =
        TranslatorOptions.builder().flag(FeatureFlag.EXPRESSION_ROUTES, true).build();
    JsonNode route =
        Translator.create(o)
            .translate(stores(yaml))
            .config()
            .toJson()
            .get("services")
            .get(0)
            .get("routes")
            .get(0);
    assertThat(route.get("expression").asText())
        .isEqualTo(
            "((http.host == \"api.example.com\") || (http.host == \"api2.example.com\"))"
                + " && ((http.path == \"/v1\") || (http.path ^= \"/v1/\"))"
                + " && ((http.method == \"GET\") || (http.method == \"POST\"))");
    assertThat(route.get("priority").asLong()).isEqualTo(59377922932740L);
    assertThat(route.has("paths")).isFalse();
    assertThat(route.has("path_handling")).isFalse();
    assertThat(route.has("regex_priority")).isFalse();
  }

  @Test
  void ingressOfAnotherClass_producesOnlyTheStubUpstream() {
    String yaml = shop("", "").replace("ingressClassName: kong", "ingressClassName: other");
    ObjectNode c = translate(yaml);
    assertThat(c.get("upstreams").toString()).isEqualTo("[{\"name\":\"kong\"}]");
    assertThat(c.has("services")).isFalse();
  }

  @Test
  void endpointSlices_becomeTargets_deduplicatedAcrossSlices() {
    String yaml =
        shop("", "")
            + """
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-1, namespace: demo, labels: {kubernetes.io/service-name: web}}
        addressType: IPv4
        endpoints:
        - addresses: [10.0.0.1]
          conditions: {ready: true}
        - addresses: [10.0.0.2]
          conditions: {ready: false}
        - addresses: [fd00::1]
        ports: [{port: 8080, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-2, namespace: demo, labels: {kubernetes.io/service-name: web}}
        addressType: IPv4
        endpoints:
        - addresses: [10.0.0.1]
        ports: [{port: 8080}]
        """;
    JsonNode targets = translate(yaml).get("upstreams").get(0).get("targets");
    assertThat(targets.toString())
        .isEqualTo("[{\"target\":\"[fd00::1]:8080\"},{\"target\":\"10.0.0.1:8080\"}]");
  }

  @Test
  void externalNameWithTwoProtocols_yieldsOneTargetWithDoubledWeight() {
    String yaml =
        shop("", "")
            .replace(
                "spec: {ports: [{port: 8080}]}",
                "spec: {type: ExternalName, externalName: api.example.net,"
                    + " ports: [{port: 8080, protocol: TCP}, {port: 8081, protocol: UDP}]}");
    JsonNode targets = translate(yaml).get("upstreams").get(0).get("targets");
    assertThat(targets.toString())
        .isEqualTo("[{\"target\":\"api.example.net:8080\",\"weight\":200}]");
  }

  @Test
  void credentials_typedFieldsAndOrder() {
    String yaml =
        """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata:
          name: bob
          namespace: demo
          annotations: {kubernetes.io/ingress.class: kong}
        username: bob
        credentials: [jwt, oauth, ka]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: jwt, namespace: demo, labels: {konghq.com/credential: jwt}}
        stringData: {key: jk, secret: js, ignored: x}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: oauth, namespace: demo, labels: {konghq.com/credential: oauth2}}
        stringData: {name: app, client_id: cid, redirect_uris: "https://a,https://b", hash_secret: "true"}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: ka, namespace: demo, labels: {konghq.com/credential: key-auth}}
        stringData: {key: kk, ttl: "30"}
        """;
    TranslationResult r = Translator.create(TranslatorOptions.defaults()).translate(stores(yaml));
    assertThat(r.failures()).isEmpty();
    JsonNode consumer = r.config().toJson().get("consumers").get(0);
    // the consumer's fields, then its nested lists in the order their kinds were first used;
    // each credential's fields in the Secret's order with typed values, then defaults, tags
    assertThat(consumer.get("jwt_secrets").get(0).get("algorithm").asText()).isEqualTo("HS256");
    assertThat(consumer.get("jwt_secrets").get(0).has("ignored")).isFalse();
    JsonNode oauth = consumer.get("oauth2_credentials").get(0);
    assertThat(oauth.get("hash_secret").isBoolean()).isTrue();
    assertThat(oauth.get("redirect_uris").toString()).isEqualTo("[\"https://a\",\"https://b\"]");
    assertThat(consumer.get("keyauth_credentials").get(0).get("ttl").isInt()).isTrue();
    // as built from JSON by key before the typed builders (issue 21)
    assertThat(consumer.toString())
        .isEqualTo(
            "{\"id\":\"def4f7d3-9863-5ad2-8fa9-c949bf26f55e\",\"tags\":[\"k8s-name:bob\","
                + "\"k8s-namespace:demo\",\"k8s-kind:KongConsumer\","
                + "\"k8s-uid:1b89b143-16fd-560d-a750-65571f78c20e\","
                + "\"k8s-group:configuration.konghq.com\",\"k8s-version:v1\"],\"username\":\"bob\","
                + "\"jwt_secrets\":[{\"key\":\"jk\",\"secret\":\"js\",\"algorithm\":\"HS256\","
                + "\"tags\":[\"k8s-name:jwt\",\"k8s-namespace:demo\",\"k8s-kind:Secret\","
                + "\"k8s-uid:6dbcb364-b0e7-5227-b12b-199c5cc4e198\",\"k8s-version:v1\"]}],"
                + "\"oauth2_credentials\":[{\"name\":\"app\",\"client_id\":\"cid\","
                + "\"redirect_uris\":[\"https://a\",\"https://b\"],\"hash_secret\":true,"
                + "\"tags\":[\"k8s-name:oauth\",\"k8s-namespace:demo\",\"k8s-kind:Secret\","
                + "\"k8s-uid:6e54b5a1-ace5-5fbb-8c41-39304cb5c0ce\",\"k8s-version:v1\"]}],"
                + "\"keyauth_credentials\":[{\"key\":\"kk\",\"ttl\":30,\"tags\":[\"k8s-name:ka\","
                + "\"k8s-namespace:demo\",\"k8s-kind:Secret\","
                + "\"k8s-uid:b96e180c-6278-5e8f-b030-9d797246c901\",\"k8s-version:v1\"]}]}");
  }

  @Test
  void credentialFailures_neverContainSecretValues() {
    String yaml =
        """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata:
          name: bob
          namespace: demo
          annotations: {kubernetes.io/ingress.class: kong}
        username: bob
        credentials: [bad-ttl, dup1, dup2]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: bad-ttl, namespace: demo, labels: {konghq.com/credential: key-auth}}
        stringData: {key: topsecret-one, ttl: topsecret-ttl}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: dup1, namespace: demo, labels: {konghq.com/credential: basic-auth}}
        stringData: {username: topsecret-user, password: topsecret-pw}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: dup2, namespace: demo, labels: {konghq.com/credential: basic-auth}}
        stringData: {username: topsecret-user, password: topsecret-pw2}
        """;
    TranslationResult r = Translator.create(TranslatorOptions.defaults()).translate(stores(yaml));
    assertThat(r.failures()).isNotEmpty();
    assertThat(r.failures()).allSatisfy(f -> assertThat(f.toString()).doesNotContain("topsecret"));
    assertThat(r.toString()).doesNotContain("topsecret");
    assertThat(r.config().toJson().has("consumers")).isFalse();
  }

  @Test
  void pluginConfigFromSecret_failureDoesNotLeakTheValue() {
    String yaml =
        shop(", annotations: {konghq.com/plugins: p}", "")
            + """
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: p, namespace: demo}
        plugin: key-auth
        configFrom: {secretKeyRef: {name: conf, key: cfg}}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: conf, namespace: demo}
        stringData: {cfg: "[topsecret"}
        """;
    TranslationResult r = Translator.create(TranslatorOptions.defaults()).translate(stores(yaml));
    assertThat(r.config().toJson().has("plugins")).isFalse();
    assertThat(r.failures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.toString()).doesNotContain("topsecret").contains("KongPlugin demo/p"));
  }

  @Test
  void translator_isReusableAndDeterministic() {
    Translator t = Translator.create(TranslatorOptions.defaults());
    CacheStores s = stores(shop("", ""));
    TranslationResult first = t.translate(s);
    // KongConfig.equals ignores the order of keys: compare the written bytes
    String yaml = KongConfigWriter.yaml().write(first.config());
    assertThat(first.config().services()).isNotEmpty();
    assertThat(KongConfigWriter.yaml().write(t.translate(s).config())).isEqualTo(yaml);
    // the same objects in reverse order, through a new translator
    List<K8sObject> reversed = new ArrayList<>(s.all());
    Collections.reverse(reversed);
    TranslationResult other =
        Translator.create(TranslatorOptions.defaults()).translate(CacheStores.of(reversed));
    assertThat(KongConfigWriter.yaml().write(other.config())).isEqualTo(yaml);
    assertThat(KongConfigWriter.json().write(other.config()))
        .isEqualTo(KongConfigWriter.json().write(first.config()));
    assertThat(other.failures()).isEqualTo(first.failures());
  }

  @Test
  void kongVault_becomesVaultWithIdFromPrefix_andDuplicatePrefixFails() {
    String yaml =
        """
        kind: KongVault
        apiVersion: configuration.konghq.com/v1alpha1
        metadata: {name: env-vault, annotations: {kubernetes.io/ingress.class: kong}}
        spec: {backend: env, prefix: my-env, config: {prefix: SECRET_}}
        ---
        kind: KongVault
        apiVersion: configuration.konghq.com/v1alpha1
        metadata: {name: other-vault, annotations: {kubernetes.io/ingress.class: kong}}
        spec: {backend: env, prefix: my-env}
        """;
    TranslationResult r = Translator.create(TranslatorOptions.defaults()).translate(stores(yaml));
    JsonNode vaults = r.config().toJson().get("vaults");
    assertThat(vaults).hasSize(1);
    assertThat(vaults.get(0).get("name").asText()).isEqualTo("env");
    assertThat(vaults.get(0).get("config").toString()).isEqualTo("{\"prefix\":\"SECRET_\"}");
    assertThat(vaults.get(0).get("id").asText())
        .isEqualTo(
            io.github.kongtranslator.translator.internal.entities.KongIds.id(
                "vaults", "my-env", ""));
    // the uid loading derives for a KongVault without one (cluster-scoped, so no namespace):
    // Python uuid.uuid5(uuid.NAMESPACE_URL,
    // "kong-translator:configuration.konghq.com/KongVault//env-vault")
    assertThat(vaults.get(0).get("tags").toString())
        .isEqualTo(
            "[\"k8s-name:env-vault\",\"k8s-kind:KongVault\","
                + "\"k8s-uid:46d0b768-80c3-53ed-b100-f96c2edb4781\","
                + "\"k8s-group:configuration.konghq.com\",\"k8s-version:v1alpha1\"]");
    assertThat(r.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo("spec.prefix \"my-env\" is duplicate"));
  }
}
