package io.github.kongtranslator.core.model.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.model.JsonValue;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongPlugin;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/** Builds a {@link KongPlugin}; start with {@link K8sBuilders#kongPlugin()}. */
public final class KongPluginBuilder extends ObjectBuilder<KongPlugin, KongPluginBuilder> {
  private final PluginFields f = new PluginFields();

  KongPluginBuilder() {
    super(Kind.KONG_PLUGIN);
  }

  /**
   * Sets the Kong plugin name (required), e.g. {@code key-auth}.
   *
   * @param plugin the plugin name
   * @return this builder
   */
  public KongPluginBuilder plugin(String plugin) {
    f.plugin = plugin;
    return this;
  }

  /**
   * Sets the free-form configuration.
   *
   * @param config the configuration as a JSON object
   * @return this builder
   */
  public KongPluginBuilder config(JsonNode config) {
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
  public KongPluginBuilder config(Map<String, ?> config) {
    f.config = PluginFields.tree(config);
    return this;
  }

  /**
   * Reads the configuration from a key of a Secret in the plugin's namespace.
   *
   * @param secretName the Secret
   * @param key the key holding the configuration (JSON or YAML)
   * @return this builder
   */
  public KongPluginBuilder configFrom(String secretName, String key) {
    f.configFrom = new KongPlugin.ConfigSource(new KongPlugin.SecretKeyRef(secretName, key, null));
    return this;
  }

  /**
   * Disables the plugin.
   *
   * @param disabled whether it is disabled
   * @return this builder
   */
  public KongPluginBuilder disabled(boolean disabled) {
    f.disabled = disabled;
    return this;
  }

  /**
   * Adds protocols the plugin runs on.
   *
   * @param protocols e.g. {@code http}, {@code https}
   * @return this builder
   */
  public KongPluginBuilder protocols(String... protocols) {
    f.protocols.addAll(List.of(protocols));
    return this;
  }

  /**
   * Sets the Kong instance name.
   *
   * @param instanceName the instance name
   * @return this builder
   */
  public KongPluginBuilder instanceName(String instanceName) {
    f.instanceName = instanceName;
    return this;
  }

  @Override
  void check(List<String> problems) {
    f.check(problems, false);
  }

  @Override
  KongPlugin create(String apiVersion, ObjectMeta metadata) {
    return new KongPlugin(
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
