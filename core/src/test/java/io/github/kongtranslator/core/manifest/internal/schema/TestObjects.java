package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Builds object trees for the schema tests from YAML text. */
final class TestObjects {
  static final ObjectMapper JSON = new ObjectMapper();

  private TestObjects() {}

  static ObjectNode yaml(String text) {
    Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    return (ObjectNode) JSON.valueToTree(o);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
