package io.github.kongtranslator.core.model.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.model.JsonValue;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongClusterPlugin;
import io.github.kongtranslator.core.model.KongPlugin;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link KongClusterPlugin} (cluster-scoped); start with {@link
 * K8sBuilders#kongClusterPlugin()}.
 */
public final class KongClusterPluginBuilder
    extends ObjectBuilder<KongClusterPlugin, KongClusterPluginBuilder> {
  private final PluginFields f = new PluginFields();

  KongClusterPluginBuilder() {
    super(Kind.KONG_CLUSTER_PLUGIN);
  }

  /**
   * Sets the Kong plugin name (required), e.g. {@code key-auth}.
   *
   * @param plugin the plugin name
   * @return this builder
   */
  public KongClusterPluginBuilder plugin(String plugin) {
    f.plugin = plugin;
    return this;
  }

  /**
   * Sets the free-form configuration.
   *
   * @param config the configuration as a JSON object
   * @return this builder
   */
  public KongClusterPluginBuilder config(JsonNode config) {
    f.config = JsonValue.of(config);
    return this;
  }

  /**
   * Sets the free-form configuration from plain Java values (maps, lists, strings, numbers,
   * booleans).
   *
   * @param config the configuration
   * @return this builder
   */
  public KongClusterPluginBuilder config(Map<String, ?> config) {
    f.config = PluginFields.tree(config);
    return this;
  }

  /**
   * Reads the configuration from a key of a Secret.
   *
   * @param secretNamespace the Secret's namespace (required: the plugin has none)
   * @param secretName the Secret
   * @param key the key holding the configuration (JSON or YAML)
   * @return this builder
   */
  public KongClusterPluginBuilder configFrom(
      String secretNamespace, String secretName, String key) {
    f.configFrom =
        new KongPlugin.ConfigSource(new KongPlugin.SecretKeyRef(secretName, key, secretNamespace));
    return this;
  }

  /**
   * Disables the plugin.
   *
   * @param disabled whether it is disabled
   * @return this builder
   */
  public KongClusterPluginBuilder disabled(boolean disabled) {
    f.disabled = disabled;
    return this;
  }

  /**
   * Adds protocols the plugin runs on.
   *
   * @param protocols e.g. {@code http}, {@code https}
   * @return this builder
   */
  public KongClusterPluginBuilder protocols(String... protocols) {
    f.protocols.addAll(List.of(protocols));
    return this;
  }

  /**
   * Sets the Kong instance name.
   *
   * @param instanceName the instance name
   * @return this builder
   */
  public KongClusterPluginBuilder instanceName(String instanceName) {
    f.instanceName = instanceName;
    return this;
  }

  @Override
  void check(List<String> problems) {
    f.check(problems, true);
  }

  @Override
  KongClusterPlugin create(String apiVersion, ObjectMeta metadata) {
    return new KongClusterPlugin(
        apiVersion,
        metadata,
        f.plugin,
        f.config,
        f.configFrom,
        List.of(),
        f.disabled,
        f.protocols,
        null,
        f.instanceName,
        null,
        null);
  }
}
