package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A TLS certificate with its nested SNIs; its private {@code key} is secret.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class Certificate extends KongEntity {
  Certificate(KongEntity.Slots slots) {
    super(EntityKind.CERTIFICATE, slots);
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
   * The {@code cert} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> cert() {
    return string("cert");
  }

  /**
   * The {@code key} field. Secret: never shown in {@code toString()}.
   *
   * @return the string, empty when absent
   */
  public Optional<String> key() {
    return string("key");
  }

  /**
   * The {@code cert_alt} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> certAlt() {
    return string("cert_alt");
  }

  /**
   * The {@code key_alt} field. Secret: never shown in {@code toString()}.
   *
   * @return the string, empty when absent
   */
  public Optional<String> keyAlt() {
    return string("key_alt");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /**
   * The nested {@code snis}.
   *
   * @return the nested entities in order, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<Sni> snis() {
    return children("snis", Sni.class);
  }

  /** Builder of {@link Certificate}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<Certificate, Builder> {
    Builder() {
      super(EntityKind.CERTIFICATE);
    }

    @Override
    Certificate create(KongEntity.Slots slots) {
      return new Certificate(slots);
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
     * Sets {@code cert}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder cert(String value) {
      return put("cert", TextNode.valueOf(value));
    }

    /**
     * Sets {@code key}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder key(String value) {
      return put("key", TextNode.valueOf(value));
    }

    /**
     * Sets {@code cert_alt}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder certAlt(String value) {
      return put("cert_alt", TextNode.valueOf(value));
    }

    /**
     * Sets {@code key_alt}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder keyAlt(String value) {
      return put("key_alt", TextNode.valueOf(value));
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

    /**
     * Sets the nested {@code snis} (an empty list writes an empty list).
     *
     * @param entities the entities, in order
     * @return this builder
     */
    public Builder snis(List<Sni> entities) {
      return putChildren("snis", entities);
    }

    /**
     * Appends one entity to the nested {@code snis}, creating the list when absent.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder addSni(Sni entity) {
      return addChild("snis", entity);
    }
  }
}
