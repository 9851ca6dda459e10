package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1} KongClusterPlugin (cluster-scoped). Its Secret references
 * name a namespace.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param plugin name of the Kong plugin
 * @param config free-form configuration
 * @param configFrom configuration read from a Secret
 * @param configPatches JSON patches whose values come from Secrets
 * @param disabled whether the plugin is disabled
 * @param protocols protocols the plugin runs on
 * @param ordering plugin ordering (Enterprise)
 * @param instanceName Kong instance name
 * @param consumerRef legacy consumer reference
 * @param runOn legacy run_on
 */
public record KongClusterPlugin(
    String apiVersion,
    ObjectMeta metadata,
    String plugin,
    @Nullable JsonValue config,
    KongPlugin.@Nullable ConfigSource configFrom,
    // omitempty, as KIC\'s Go type (kubernetes-configuration
    // api/configuration/v1/kongplugin_types.go):
    // an empty list is written as absent, so CEL has(self.configPatches) stays false
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<KongPlugin.ConfigPatch> configPatches,
    boolean disabled,
    List<String> protocols,
    @Nullable JsonValue ordering,
    @com.fasterxml.jackson.annotation.JsonProperty("instance_name") @Nullable String instanceName,
    @Nullable String consumerRef,
    @com.fasterxml.jackson.annotation.JsonProperty("run_on") @Nullable String runOn)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param plugin name of the Kong plugin
   * @param config free-form configuration
   * @param configFrom configuration read from a Secret
   * @param configPatches JSON patches whose values come from Secrets
   * @param disabled whether the plugin is disabled
   * @param protocols protocols the plugin runs on
   * @param ordering plugin ordering (Enterprise)
   * @param instanceName Kong instance name
   * @param consumerRef legacy consumer reference
   * @param runOn legacy run_on
   */
  public KongClusterPlugin {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    plugin = Values.str(plugin);
    configPatches = Values.list(configPatches);
    protocols = Values.list(protocols);
  }

  @Override
  public Kind kind() {
    return Kind.KONG_CLUSTER_PLUGIN;
  }
}
