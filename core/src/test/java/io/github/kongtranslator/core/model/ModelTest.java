package io.github.kongtranslator.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {

  /** Regression: property seed 1118823270650 produced a long-typed JSON node for a port. */
  @Test
  void intOrString_acceptsAnyIntegralNodeThatFitsAnInt() {
    assertThat(IntOrString.fromJson(JsonNodeFactory.instance.numberNode(8080L)).number())
        .contains(8080);
    assertThat(IntOrString.fromJson(JsonNodeFactory.instance.textNode("http")).string())
        .contains("http");
    assertThatThrownBy(() -> IntOrString.fromJson(JsonNodeFactory.instance.numberNode(1.5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void objectRef_rendersKindNamespaceName() {
    assertThat(ObjectRef.of(Kind.KONG_PLUGIN, "default", "auth"))
        .hasToString("KongPlugin default/auth");
    assertThat(ObjectRef.of(Kind.KONG_CLUSTER_PLUGIN, "ignored", "global"))
        .hasToString("KongClusterPlugin global");
    assertThatThrownBy(() -> new ObjectRef("", "v1", "Service", "n", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Service");
  }

  @Test
  void kind_versionOf_isTheTextAfterTheLastSlash_sharedWhenServed() {
    assertThat(Kind.GATEWAY.versionOf("gateway.networking.k8s.io/v1beta1"))
        .isEqualTo("v1beta1")
        .isSameAs(Kind.GATEWAY.versions().stream().filter("v1beta1"::equals).findFirst().get());
    assertThat(Kind.SERVICE.versionOf("v1")).isSameAs(Kind.SERVICE.versions().get(0));
    assertThat(Kind.GATEWAY.versionOf("gateway.networking.k8s.io/xv1")).isEqualTo("xv1");
    assertThat(Kind.GATEWAY.versionOf("example.com/v9")).isEqualTo("v9");
    assertThat(Kind.GATEWAY.versionOf("")).isEmpty();
  }

  @Test
  void kind_forApiVersion_acceptsEveryServedVersionOnly() {
    assertThat(Kind.forApiVersion("gateway.networking.k8s.io/v1beta1", "Gateway"))
        .contains(Kind.GATEWAY);
    assertThat(Kind.forApiVersion("gateway.networking.k8s.io/v1alpha3", "BackendTLSPolicy"))
        .contains(Kind.BACKEND_TLS_POLICY);
    assertThat(Kind.forApiVersion("gateway.networking.k8s.io/v1", "BackendTLSPolicy"))
        .contains(Kind.BACKEND_TLS_POLICY);
    assertThat(Kind.forApiVersion("v1", "Pod")).isEqualTo(Optional.empty());
    assertThat(Kind.values()).hasSize(27);
    assertThat(Kind.values()[0].storeName()).isEqualTo("IngressV1");
    assertThat(Kind.values()[26].storeName()).isEqualTo("KongCustomEntity");
  }

  @Test
  void jsonValue_isImmutableAndComparesStructurally() {
    ObjectNode n = JsonNodeFactory.instance.objectNode().put("b", 1).put("a", "x");
    JsonValue v = JsonValue.of(n);
    n.put("a", "changed");
    assertThat(v.canonicalJson()).isEqualTo("{\"a\":\"x\",\"b\":1}");
    ((ObjectNode) v.toNode()).put("c", true);
    assertThat(v.canonicalJson()).isEqualTo("{\"a\":\"x\",\"b\":1}");
    ObjectNode reordered = JsonNodeFactory.instance.objectNode().put("a", "x").put("b", 1);
    assertThat(JsonValue.of(reordered)).isEqualTo(v).hasSameHashCodeAs(v);
    assertThat(v.toString()).doesNotContain("x");
  }

  @Test
  void secretValue_neverPrintsContent() {
    SecretValue v = SecretValue.ofString("PRIVATE-KEY-MARKER");
    assertThat(v.toString()).doesNotContain("MARKER").contains("18 bytes");
    assertThat(SecretValue.ofBase64(v.base64())).isEqualTo(v);
    assertThatThrownBy(() -> SecretValue.ofBase64("%%%"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("%%%");
  }
}
