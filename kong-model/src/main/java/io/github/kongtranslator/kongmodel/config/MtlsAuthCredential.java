package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * An mtls-auth credential of a consumer.
 *
 * <p>Immutable. Known fields have typed accessors; any other field read or set is kept in
 * {@link #field(String)}. Build with {@link #builder()}, copy with {@link #toBuilder()}.
 */
public final class MtlsAuthCredential extends KongEntity {
  MtlsAuthCredential(KongEntity.Slots slots) {
    super(EntityKind.MTLS_AUTH, slots);
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
   * The {@code subject_name} field.
   *
   * @return the string, empty when absent
   */
  public Optional<String> subjectName() {
    return string("subject_name");
  }

  /**
   * The {@code ca_certificate} field.
   *
   * @return the reference: the string, or the {@code id} (else {@code name}) of an object, empty when absent
   */
  public Optional<String> caCertificate() {
    return reference("ca_certificate");
  }

  /**
   * The {@code tags} field.
   *
   * @return the list of strings, empty when absent or empty; see {@link #has(String)}
   */
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  /** Builder of {@link MtlsAuthCredential}; setters replace the field and keep the others. */
  public static final class Builder extends KongEntity.Builder<MtlsAuthCredential, Builder> {
    Builder() {
      super(EntityKind.MTLS_AUTH);
    }

    @Override
    MtlsAuthCredential create(KongEntity.Slots slots) {
      return new MtlsAuthCredential(slots);
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
     * Sets {@code subject_name}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder subjectName(String value) {
      return put("subject_name", TextNode.valueOf(value));
    }

    /**
     * Sets {@code ca_certificate}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder caCertificate(String value) {
      return put("ca_certificate", TextNode.valueOf(value));
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
