package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongConsumer;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link KongConsumer}; start with {@link K8sBuilders#kongConsumer()}. */
public final class KongConsumerBuilder extends ObjectBuilder<KongConsumer, KongConsumerBuilder> {
  private @Nullable String username;
  private @Nullable String customId;
  private final List<String> credentials = new ArrayList<>();
  private final List<String> consumerGroups = new ArrayList<>();

  KongConsumerBuilder() {
    super(Kind.KONG_CONSUMER);
  }

  /**
   * Sets the Kong username (this or {@link #customId(String)} is required).
   *
   * @param username the username
   * @return this builder
   */
  public KongConsumerBuilder username(String username) {
    this.username = username;
    return this;
  }

  /**
   * Sets the Kong {@code custom_id}.
   *
   * @param customId the custom id
   * @return this builder
   */
  public KongConsumerBuilder customId(String customId) {
    this.customId = customId;
    return this;
  }

  /**
   * Adds credential Secrets (in the consumer's namespace).
   *
   * @param secretNames the Secrets' names
   * @return this builder
   */
  public KongConsumerBuilder credentials(String... secretNames) {
    credentials.addAll(List.of(secretNames));
    return this;
  }

  /**
   * Adds KongConsumerGroups (in the consumer's namespace).
   *
   * @param groups the groups' names
   * @return this builder
   */
  public KongConsumerBuilder consumerGroups(String... groups) {
    consumerGroups.addAll(List.of(groups));
    return this;
  }

  @Override
  void check(List<String> problems) {
    // the KongConsumer CRD's rule: "Need to provide either username or custom_id"
    if (blank(username) && blank(customId)) {
      problems.add("username or custom_id is required");
    }
    for (String c : credentials) {
      if (c.isEmpty()) {
        problems.add("credentials must not contain an empty Secret name");
      }
    }
  }

  @Override
  KongConsumer create(String apiVersion, ObjectMeta metadata) {
    return new KongConsumer(apiVersion, metadata, username, customId, credentials, consumerGroups);
  }
}
