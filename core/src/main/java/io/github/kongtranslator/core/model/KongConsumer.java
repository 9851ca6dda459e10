package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1} KongConsumer.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param username Kong consumer username
 * @param customId Kong custom_id
 * @param credentials names of credential Secrets in the same namespace
 * @param consumerGroups names of KongConsumerGroups in the same namespace
 */
public record KongConsumer(
    String apiVersion,
    ObjectMeta metadata,
    @Nullable String username,
    @com.fasterxml.jackson.annotation.JsonProperty("custom_id") @Nullable String customId,
    List<String> credentials,
    List<String> consumerGroups)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param username Kong consumer username
   * @param customId Kong custom_id
   * @param credentials names of credential Secrets in the same namespace
   * @param consumerGroups names of KongConsumerGroups in the same namespace
   */
  public KongConsumer {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    credentials = Values.list(credentials);
    consumerGroups = Values.list(consumerGroups);
  }

  @Override
  public Kind kind() {
    return Kind.KONG_CONSUMER;
  }
}
