package io.github.kongtranslator.kongmodel.sha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigShaTest {
  private static Path golden(String c) {
    return Path.of(
        System.getProperty("kt.shared.dir", "../../shared"),
        "conformance",
        "kic-golden",
        c,
        "default_golden.yaml");
  }

  @Test
  void sha_isSha256OfTheCanonicalDocument_inLowercaseHex() throws Exception {
    KongConfig c =
        KongConfig.builder().addService(Service.builder().port(80).name("s").build()).build();
    String canonical = "{\"_format_version\":\"3.0\",\"services\":[{\"name\":\"s\",\"port\":80}]}";
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    assertThat(ConfigSha.of(c).hex()).isEqualTo(expected).matches("[0-9a-f]{64}");
    assertThat(ConfigSha.fromHex(expected.toUpperCase())).isEqualTo(ConfigSha.of(c));
  }

  @Test
  void sha_streamedFromEntities_equalsShaOfTheDocumentTree_forEveryGolden() throws Exception {
    Path corpus =
        Path.of(System.getProperty("kt.shared.dir", "../../shared"), "conformance", "kic-golden");
    List<Path> goldens;
    try (var files = java.nio.file.Files.walk(corpus)) {
      goldens = files.filter(f -> f.getFileName().toString().endsWith("_golden.yaml")).toList();
    }
    assertThat(goldens).hasSizeGreaterThan(40);
    for (Path g : goldens) {
      KongConfig config = KongConfigReader.read(g);
      assertThat(ConfigSha.of(config)).as("%s", g).isEqualTo(ConfigSha.ofDocument(config.toJson()));
    }
  }

  @Test
  void sha_ignoresInsertionOrder() {
    KongConfig a =
        KongConfig.builder()
            .addService(Service.builder().name("s").host("h").port(80).build())
            .addUpstream(
                io.github.kongtranslator.kongmodel.config.Upstream.builder().name("u").build())
            .build();
    KongConfig b =
        KongConfig.emptyBuilder()
            .addUpstream(
                io.github.kongtranslator.kongmodel.config.Upstream.builder().name("u").build())
            .addService(Service.builder().port(80).host("h").name("s").build())
            .formatVersion("3.0")
            .build();
    assertThat(ConfigSha.of(a)).isEqualTo(ConfigSha.of(b));
  }

  @Test
  void sha_isTheSameForYamlAndJsonSources() {
    KongConfig fromYaml = KongConfigReader.read(golden("credentials"));
    KongConfig fromJson =
        KongConfigReader.json().read(KongConfigWriter.json().write(fromYaml), "json");
    assertThat(ConfigSha.of(fromJson)).isEqualTo(ConfigSha.of(fromYaml));
  }

  @Test
  void sha_changesWhenAnySingleValueOfAGoldenChanges() throws Exception {
    for (String c : List.of("credentials", "httproute-example", "ingress-v1-rule-with-tls")) {
      KongConfig config = KongConfigReader.read(golden(c));
      ConfigSha original = ConfigSha.of(config);
      ObjectNode doc = config.toJson();
      List<String> pointers = new ArrayList<>();
      leaves(doc, "", pointers);
      assertThat(pointers).hasSizeGreaterThan(10);
      for (String p : pointers) {
        ObjectNode mutated = doc.deepCopy();
        mutate(mutated, p);
        assertThat(ConfigSha.of(KongConfig.fromJson(mutated)))
            .as("%s %s", c, p)
            .isNotEqualTo(original);
      }
    }
  }

  @Test
  void sha_changesWhenListOrderChanges() {
    Route r1 = Route.builder().name("a").build();
    Route r2 = Route.builder().name("b").build();
    KongConfig x =
        KongConfig.builder()
            .addService(Service.builder().name("s").routes(List.of(r1, r2)).build())
            .build();
    KongConfig y =
        KongConfig.builder()
            .addService(Service.builder().name("s").routes(List.of(r2, r1)).build())
            .build();
    assertThat(ConfigSha.of(x)).isNotEqualTo(ConfigSha.of(y));
  }

  @Test
  void sha_distinguishesAbsentFromEmptyAndFromNull() {
    ConfigSha absent = ConfigSha.of(KongConfig.builder().build());
    ConfigSha empty = ConfigSha.of(KongConfig.builder().services(List.of()).build());
    ConfigSha nul =
        ConfigSha.of(
            KongConfig.builder()
                .set("services", com.fasterxml.jackson.databind.node.NullNode.getInstance())
                .build());
    assertThat(absent).isNotEqualTo(empty).isNotEqualTo(nul);
    assertThat(empty).isNotEqualTo(nul);
  }

  @Test
  void fromHex_rejectsBadInput() {
    assertThatThrownBy(() -> ConfigSha.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfigSha.fromHex("g".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void entityDigests_coverEveryEntityOfAGolden() {
    KongConfig c = KongConfigReader.read(golden("credentials"));
    Map<EntityKey, ConfigSha> d = ConfigSha.entityDigests(c);
    // credentials golden: 1 consumer with 1 each of acl, basic, hmac, jwt, key-auth (counted by
    // hand)
    assertThat(d.keySet())
        .extracting(EntityKey::kind)
        .containsExactlyInAnyOrder(
            EntityKind.CONSUMER,
            EntityKind.ACL,
            EntityKind.BASIC_AUTH,
            EntityKind.HMAC_AUTH,
            EntityKind.JWT_SECRET,
            EntityKind.KEY_AUTH);
    assertThat(d.keySet())
        .extracting(EntityKey::path)
        .contains("consumers[7deb6e70-60be-5dd2-b374-06551479ea5e]/keyauth_credentials[#0]")
        .allSatisfy(p -> assertThat(p).doesNotContain("consumer-1-password"));
  }

  private static void leaves(JsonNode n, String ptr, List<String> out) {
    if (n.isObject()) {
      n.properties()
          .forEach(
              e ->
                  leaves(
                      e.getValue(),
                      ptr + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                      out));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        leaves(n.get(i), ptr + "/" + i, out);
      }
    } else {
      out.add(ptr);
    }
  }

  private static void mutate(ObjectNode doc, String ptr) {
    int slash = ptr.lastIndexOf('/');
    JsonNode parent = doc.at(ptr.substring(0, slash));
    String last = ptr.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    JsonNode old = doc.at(ptr);
    JsonNode v =
        old.isTextual()
            ? TextNode.valueOf(old.textValue() + "x")
            : old.isBoolean()
                ? BooleanNode.valueOf(!old.booleanValue())
                : IntNode.valueOf(old.intValue() + 1);
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), v);
    } else {
      ((ObjectNode) parent).set(last, v);
    }
  }
}
