package io.github.kongtranslator.kongmodel.config;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity of a custom type (e.g. a {@code degraphql_routes} entry from a KongCustomEntity),
 * written in the top-level section named after its type. Every field is free-form.
 */
public final class CustomEntity extends KongEntity implements Tagged {
  private final String type;

  CustomEntity(String type, KongEntity.Slots slots) {
    super(EntityKind.CUSTOM_ENTITY, slots);
    this.type = type;
  }

  /**
   * A builder for a custom entity of a type.
   *
   * @param type the entity type, which is also its section key, e.g. {@code degraphql_routes}
   * @return the builder
   * @throws KongModelException when the type is empty, starts with {@code _} or names a built-in
   *     section
   */
  public static Builder builder(String type) {
    return new Builder(type);
  }

  /**
   * A builder initialised with every field of this entity.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(type).from(this);
  }

  /**
   * The entity type, e.g. {@code degraphql_routes}.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * The {@code id} field.
   *
   * @return the id, empty when absent
   */
  public Optional<String> id() {
    return string("id");
  }

  /**
   * The {@code tags} field (free-form like every field of a custom entity: elements are read as
   * text).
   *
   * @return the tags in order, empty when absent, empty or not a list
   */
  @Override
  public ImmutableList<String> tags() {
    return strings("tags");
  }

  @Override
  boolean sameType(KongEntity other) {
    return type.equals(((CustomEntity) other).type);
  }

  @Override
  void describeType(StringBuilder sb) {
    sb.append("type=").append(type).append(", ");
  }

  /** Builder of {@link CustomEntity}. */
  public static final class Builder extends KongEntity.Builder<CustomEntity, Builder> {
    private final String type;

    Builder(String type) {
      super(EntityKind.CUSTOM_ENTITY);
      Objects.requireNonNull(type, "type");
      if (!KongConfig.isCustomSection(type)) {
        throw new KongModelException(
            "",
            "'"
                + type
                + "' cannot be a custom entity type: it is empty, starts with '_' or"
                + " names a built-in section");
      }
      this.type = type;
    }

    @Override
    CustomEntity create(KongEntity.Slots slots) {
      return new CustomEntity(type, slots);
    }

    @Override
    String kindLabel() {
      return type;
    }
  }
}
