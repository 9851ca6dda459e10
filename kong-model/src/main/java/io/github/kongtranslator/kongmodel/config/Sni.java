package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A server name bound to a certificate.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Sni extends KongEntity {
  Sni(KongEntity.Slots slots) {
    super(EntityKind.SNI, slots);
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
   * The {@code name} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> name() {
    return string("name");
  }

  /**
   * The {@code certificate} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> certificate() {
    return reference("certificate");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link Sni}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Sni, Builder> {
    Builder() {
      super(EntityKind.SNI);
    }

    @Override
    Sni create(KongEntity.Slots slots) {
      return new Sni(slots);
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
     * Sets {@code name}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder name(String value) {
      return put("name", TextNode.valueOf(value));
    }

    /**
     * Sets {@code certificate}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder certificate(String value) {
      return put("certificate", TextNode.valueOf(value));
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
