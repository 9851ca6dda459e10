package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A target ({@code host:port}) of an upstream, with its weight.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Target extends KongEntity {
  Target(KongEntity.Slots slots) {
    super(EntityKind.TARGET, slots);
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
   * The {@code id} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> id() {
    return string("id");
  }

  /**
   * The {@code target} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> target() {
    return string("target");
  }

  /**
   * The {@code weight} field.
   *
   * @return the integer, empty when absent
   */
  public OptionalInt weight() {
    return integer("weight");
  }

  /**
   * The {@code upstream} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> upstream() {
    return reference("upstream");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link Target}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Target, Builder> {
    Builder() {
      super(EntityKind.TARGET);
    }

    @Override
    Target create(KongEntity.Slots slots) {
      return new Target(slots);
    }

    /**
     * Sets {@code id}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder id(String value) {
      return put("id", TextNode.valueOf(value));
    }

    /**
     * Sets {@code target}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder target(String value) {
      return put("target", TextNode.valueOf(value));
    }

    /**
     * Sets {@code weight}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder weight(int value) {
      return put("weight", IntNode.valueOf(value));
    }

    /**
     * Sets {@code upstream}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder upstream(String value) {
      return put("upstream", TextNode.valueOf(value));
    }

    /**
     * Sets {@code tags}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder tags(List<String> value) {
      return put("tags", Values.strings(value));
    }

    /**
     * Sets {@code tags}.
     *
     * @param values the values, in order
     * @return this builder
     */
    public Builder tags(String... values) {
      return put("tags", Values.strings(List.of(values)));
    }
  }
}
