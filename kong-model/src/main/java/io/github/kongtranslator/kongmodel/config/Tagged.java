package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.common.collect.ImmutableList;

/**
 * An entity with Kong's {@code tags} field (every kind whose definition in {@link EntityKind} has
 * it, and custom entities), so that code handling entities of any kind reads tags typed.
 */
public interface Tagged {
  /**
   * The {@code tags} field.
   *
   * @return the tags in order, empty when absent or empty
   */
  ImmutableList<String> tags();

  /**
   * A builder of an entity with {@code tags}.
   *
   * @param <B> the concrete builder type
   */
  interface Builder<B> {
    /**
     * Sets {@code tags}, taking ownership of {@code value} instead of copying it (as {@code
     * adopt}); one never modified node may be handed to many builders, which then share it.
     *
     * @param value the tags as a list of strings, given away
     * @return this builder
     * @throws KongModelException when the value is not a list of strings
     */
    B adoptTags(ArrayNode value);
  }
}
