package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;

/**
 * A DB-less consumer group membership: one consumer in one consumer group.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class ConsumerGroupConsumer extends KongEntity {
  ConsumerGroupConsumer(KongEntity.Slots slots) {
    super(EntityKind.CONSUMER_GROUP_CONSUMER, slots);
  }

  /**
   * A builder for a new, empty entity.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with every field and nested list of this entity.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * The {@code consumer} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> consumer() {
    return reference("consumer");
  }

  /**
   * The {@code consumer_group} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> consumerGroup() {
    return reference("consumer_group");
  }

  /** Builder of {@link ConsumerGroupConsumer}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<ConsumerGroupConsumer, Builder> {
    Builder() {
      super(EntityKind.CONSUMER_GROUP_CONSUMER);
    }

    @Override
    ConsumerGroupConsumer create(KongEntity.Slots slots) {
      return new ConsumerGroupConsumer(slots);
    }

    /**
     * Sets {@code consumer}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder consumer(String value) {
      return put("consumer", TextNode.valueOf(value));
    }

    /**
     * Sets {@code consumer_group}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder consumerGroup(String value) {
      return put("consumer_group", TextNode.valueOf(value));
    }
  }
}
