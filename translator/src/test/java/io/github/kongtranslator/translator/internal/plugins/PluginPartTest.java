package io.github.kongtranslator.translator.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PluginPartTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void addPatch_createsMissingIntermediateObjects() throws Exception {
    JsonNode out = PluginPart.addPatch(M.readTree("{\"a\":1}"), "/b/c", M.readTree("\"x\""));
    assertThat(out.toString()).isEqualTo("{\"a\":1,\"b\":{\"c\":\"x\"}}");
  }

  @Test
  void addPatch_withEmptyPath_replacesTheRoot() throws Exception {
    assertThat(PluginPart.addPatch(M.readTree("{\"a\":1}"), "", M.readTree("{\"b\":2}")).toString())
        .isEqualTo("{\"b\":2}");
  }

  @Test
  void addPatch_insertsIntoArrays() throws Exception {
    assertThat(PluginPart.addPatch(M.readTree("{\"l\":[1,3]}"), "/l/1", M.readTree("2")).toString())
        .isEqualTo("{\"l\":[1,2,3]}");
    assertThatThrownBy(() -> PluginPart.addPatch(M.readTree("{\"l\":[]}"), "/l/5", M.readTree("2")))
        .isInstanceOf(PluginPart.ConfigException.class)
        .hasMessageContaining("/l/5");
  }

  @Test
  void sha256Hex_givesTheInstanceNameSuffix() {
    assertThat(PluginPart.sha256Hex("_route-demo.shop.web.shop.example.com.8080").substring(0, 9))
        .isEqualTo("ea0506867");
  }
}
