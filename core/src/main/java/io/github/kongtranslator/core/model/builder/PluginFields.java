package io.github.kongtranslator.core.model.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.JsonValue;
import io.github.kongtranslator.core.model.KongPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The fields KongPlugin and KongClusterPlugin share, and their checks. */
final class PluginFields {
  String plugin = "";
  @Nullable JsonValue config;
  KongPlugin.@Nullable ConfigSource configFrom;
  boolean disabled;
  final List<String> protocols = new ArrayList<>();
  @Nullable String instanceName;

  static JsonValue tree(Map<String, ?> config) {
    JsonNode node = ModelJson.MAPPER.valueToTree(config);
    return JsonValue.of(node);
  }

  void check(List<String> problems, boolean cluster) {
    if (plugin.isEmpty()) {
      problems.add("plugin (the Kong plugin name) is required");
    }
    if (config != null && configFrom != null) {
      problems.add("config and configFrom cannot both be set");
    }
    if (configFrom != null) {
      KongPlugin.SecretKeyRef ref = configFrom.secretKeyRef();
      if (ref == null || ObjectBuilder.blank(ref.name()) || ObjectBuilder.blank(ref.key())) {
        problems.add("configFrom.secretKeyRef needs a name and a key");
      } else if (cluster && ObjectBuilder.blank(ref.namespace())) {
        problems.add("configFrom.secretKeyRef.namespace is required on a KongClusterPlugin");
      }
    }
  }
}
