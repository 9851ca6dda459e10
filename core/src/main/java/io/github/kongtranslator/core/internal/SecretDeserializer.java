package io.github.kongtranslator.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.core.model.Secret;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads a Secret's wire form ({@code data} in base64, {@code stringData}). Not API. */
public final class SecretDeserializer extends StdDeserializer<Secret> {
  private static final long serialVersionUID = 1L;

  /** Creates the deserializer. */
  public SecretDeserializer() {
    super(Secret.class);
  }

  @Override
  public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = p.readValueAsTree();
    ObjectMeta meta =
        tree.has("metadata") ? ctxt.readTreeAsValue(tree.get("metadata"), ObjectMeta.class) : null;
    String type = tree.path("type").isTextual() ? tree.get("type").textValue() : null;
    if (tree.has("type") && !tree.get("type").isTextual() && !tree.get("type").isNull()) {
      return ctxt.reportInputMismatch(Secret.class, "wrong type: expected String for type");
    }
    return Secret.fromWire(
        tree.path("apiVersion").asText(""),
        meta,
        type,
        strings(ctxt, tree.get("data"), "data"),
        strings(ctxt, tree.get("stringData"), "stringData"));
  }

  private static @Nullable Map<String, String> strings(
      DeserializationContext ctxt, @Nullable JsonNode node, String field) throws IOException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      return ctxt.reportInputMismatch(
          Secret.class, "wrong type: expected a map of strings for " + field);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual() && !e.getValue().isNull()) {
        return ctxt.reportInputMismatch(
            Secret.class, "wrong type: expected a string for " + field + "." + e.getKey());
      }
      out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().textValue());
    }
    return out;
  }
}
