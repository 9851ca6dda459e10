package io.github.kongtranslator.kongmodel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class KongEntityTest {
  private static final String SECRET = "S3CRET-MARKER-5d1f";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void builder_typedSetters_areReadBackByTypedAccessors() {
    Service s =
        Service.builder()
            .name("demo.web.80")
            .host("web.demo.80.svc")
            .port(80)
            .retries(5)
            .tags("k8s-name:web", "k8s-namespace:demo")
            .addRoute(
                Route.builder().name("r").paths("/").stripPath(false).priority(1L << 40).build())
            .build();
    assertThat(s.name()).contains("demo.web.80");
    assertThat(s.port()).hasValue(80);
    assertThat(s.tags()).containsExactly("k8s-name:web", "k8s-namespace:demo");
    assertThat(s.routes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.stripPath()).contains(false);
              assertThat(r.priority()).hasValue(1L << 40);
            });
    assertThat(s.path()).isEmpty();
    assertThat(s.kind()).isEqualTo(EntityKind.SERVICE);
  }

  @Test
  void absentList_differsFromEmptyList() {
    Route absent = Route.builder().name("r").build();
    Route empty = Route.builder().name("r").paths(List.of()).build();
    assertThat(absent.paths()).isEmpty();
    assertThat(empty.paths()).isEmpty();
    assertThat(absent.has("paths")).isFalse();
    assertThat(empty.has("paths")).isTrue();
    assertThat(absent).isNotEqualTo(empty);
    assertThat(empty.toJson().get("paths").isArray()).isTrue();
    assertThat(absent.toJson().has("paths")).isFalse();
  }

  @Test
  void absentNestedList_differsFromEmptyNestedList() {
    Service a = Service.builder().name("s").build();
    Service e = Service.builder().name("s").routes(List.of()).build();
    assertThat(a).isNotEqualTo(e);
    assertThat(e.toJson().get("routes").size()).isZero();
  }

  @Test
  void unknownFields_areKeptAndEqualityIgnoresFieldOrder() throws Exception {
    Plugin a =
        Plugin.builder()
            .name("p")
            .set("future_field", JSON.readTree("{\"x\":[1,2]}"))
            .config(JSON.readTree("{\"a\":1,\"b\":null}"))
            .build();
    Plugin b =
        Plugin.builder()
            .config(JSON.readTree("{\"b\":null,\"a\":1}"))
            .set("future_field", JSON.readTree("{\"x\":[1,2]}"))
            .name("p")
            .build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.field("future_field"))
        .hasValueSatisfying(v -> assertThat(v.get("x").size()).isEqualTo(2));
  }

  @Test
  void integralFloats_becomeIntegers_asInTheGoldens() {
    Target t =
        Target.builder().target("10.0.0.1:80").set("weight", DoubleNode.valueOf(100.0)).build();
    assertThat(t.weight()).hasValue(100);
    assertThat(t).isEqualTo(Target.builder().target("10.0.0.1:80").weight(100).build());
  }

  @Test
  void returnedJson_isACopy() throws Exception {
    Plugin p = Plugin.builder().name("p").config(JSON.readTree("{\"a\":1}")).build();
    ((ObjectNode) p.config().orElseThrow()).put("a", 2);
    ((ObjectNode) p.toJson().get("config")).put("a", 3);
    assertThat(p.config().orElseThrow().get("a").intValue()).isEqualTo(1);
  }

  @Test
  void givenJson_isCopied() throws Exception {
    ObjectNode cfg = (ObjectNode) JSON.readTree("{\"a\":1}");
    Plugin p = Plugin.builder().name("p").config(cfg).build();
    cfg.put("a", 2);
    assertThat(p.config().orElseThrow().get("a").intValue()).isEqualTo(1);
  }

  @Test
  void knownField_withWrongType_isRejectedWithoutShowingTheValue() {
    assertThatThrownBy(
            () -> KeyAuthCredential.builder().set("key", JsonNodeFactory.instance.numberNode(42)))
        .isInstanceOf(KongModelException.class)
        .hasMessageContaining("/key")
        .hasMessageContaining("must be a string, found an integer")
        .hasMessageNotContaining("42");
    assertThatThrownBy(() -> Service.builder().set("port", TextNode.valueOf(SECRET)))
        .isInstanceOf(KongModelException.class)
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void toString_neverShowsSecrets() {
    List<KongEntity> secretBearing =
        List.of(
            KeyAuthCredential.builder().key(SECRET).build(),
            BasicAuthCredential.builder().username("u").password(SECRET).build(),
            HmacAuthCredential.builder().username("u").secret(SECRET).build(),
            JwtSecret.builder().key(SECRET).secret(SECRET).build(),
            Oauth2Credential.builder().name("o").clientId("c").clientSecret(SECRET).build(),
            Certificate.builder().cert("CERT").key(SECRET).keyAlt(SECRET).build(),
            License.builder().payload(SECRET).build(),
            Vault.builder()
                .prefix("v")
                .config(JsonNodeFactory.instance.objectNode().put("token", SECRET))
                .build(),
            Plugin.builder()
                .name("p")
                .config(JsonNodeFactory.instance.objectNode().put("password", SECRET))
                .build());
    for (KongEntity e : secretBearing) {
      assertThat(e.toString()).doesNotContain(SECRET);
    }
    Consumer c =
        Consumer.builder()
            .username("alice")
            .addKeyAuthCredential(KeyAuthCredential.builder().key(SECRET).build())
            .build();
    assertThat(c.toString()).contains("alice").doesNotContain(SECRET);
    KongConfig config = KongConfig.builder().addConsumer(c).build();
    assertThat(config.toString()).doesNotContain(SECRET);
  }

  @Test
  void toBuilder_copiesEverything_andLeavesTheOriginalUnchanged() {
    Upstream u =
        Upstream.builder()
            .name("u")
            .algorithm("round-robin")
            .addTarget(Target.builder().target("a:1").build())
            .build();
    Upstream v = u.toBuilder().slots(100).addTarget(Target.builder().target("b:1").build()).build();
    assertThat(u.slots()).isEmpty();
    assertThat(u.targets()).hasSize(1);
    assertThat(v.targets()).extracting(t -> t.target().orElseThrow()).containsExactly("a:1", "b:1");
    assertThat(v.algorithm()).contains("round-robin");
  }

  @Test
  void customEntity_cannotUseABuiltInSection() {
    assertThatThrownBy(() -> CustomEntity.builder("services"))
        .isInstanceOf(KongModelException.class)
        .hasMessageContaining("'services'");
    CustomEntity d =
        CustomEntity.builder("degraphql_routes").set("uri", TextNode.valueOf("/x")).build();
    KongConfig c = KongConfig.builder().addCustomEntity(d).build();
    assertThat(c.customEntities()).containsOnlyKeys("degraphql_routes");
    assertThat(d)
        .isNotEqualTo(
            CustomEntity.builder("other_routes").set("uri", TextNode.valueOf("/x")).build());
  }

  @Test
  void contentEmpty_onlyForFormatVersionAndInfo() {
    assertThat(KongConfig.builder().build().isContentEmpty()).isTrue();
    assertThat(KongConfig.builder().services(List.of()).build().isContentEmpty()).isTrue();
    assertThat(
            KongConfig.builder()
                .addUpstream(Upstream.builder().name("kong").build())
                .build()
                .isContentEmpty())
        .isFalse();
  }

  @Test
  @SuppressWarnings("NullAway")
  void nullArguments_areRejectedNamingTheField() {
    String none = null;
    assertThatThrownBy(() -> Service.builder().name(none))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'name'");
  }

  @Test
  void tagsView_readsTheStoredTagsInOrderWithoutCopying() {
    Service s = Service.builder().name("s").tags(List.of("k8s-name:a", "k8s-kind:Service")).build();
    assertThat(s.tagsView()).containsExactly("k8s-name:a", "k8s-kind:Service");
    assertThat(s.tagsView()).isEqualTo(s.tags());
    assertThat(Service.builder().name("t").build().tagsView()).isEmpty();
    assertThat(Target.builder().target("10.0.0.1:80").build().tagsView()).isEmpty();
  }
}
