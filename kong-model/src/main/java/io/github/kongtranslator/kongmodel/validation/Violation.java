package io.github.kongtranslator.kongmodel.validation;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import java.util.Objects;

/**
 * One rule of Kong's schema that an entity breaks. The rule text names field values only for fields
 * that are not secret; it never contains keys, passwords or certificates.
 *
 * @param kind the entity's kind
 * @param entity the entity: its name (or username, prefix, target) when it has one, else its id,
 *     else its position in the document (e.g. {@code services[0].routes[2]})
 * @param field the field the rule is about (e.g. {@code hosts}, {@code
 *     healthchecks.active.timeout}), or {@code @entity} for a rule over several fields
 * @param rule what Kong requires, in Kong's words where it has them
 * @param source the Kong 3.9.1 file the rule comes from (e.g. {@code kong/db/schema/typedefs.lua})
 * @param tags the entity's {@code tags}, or those of the nearest enclosing entity when it has none
 *     (they name the Kubernetes object the entity came from)
 */
public record Violation(
    EntityKind kind,
    String entity,
    String field,
    String rule,
    String source,
    ImmutableList<String> tags) {

  /**
   * Checks the components.
   *
   * @param kind the entity's kind
   * @param entity the entity: its name (or username, prefix, target) when it has one, else its id,
   *     else its position in the document (e.g. {@code services[0].routes[2]})
   * @param field the field the rule is about (e.g. {@code hosts}, {@code
   *     healthchecks.active.timeout}), or {@code @entity} for a rule over several fields
   * @param rule what Kong requires, in Kong's words where it has them
   * @param source the Kong 3.9.1 file the rule comes from (e.g. {@code
   *     kong/db/schema/typedefs.lua})
   * @param tags the entity's {@code tags}, or those of the nearest enclosing entity when it has
   *     none (they name the Kubernetes object the entity came from)
   */
  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(source, "source");
    tags = ImmutableList.copyOf(tags);
  }

  /**
   * One line: {@code <section> <entity>: <field>: <rule> (<source>)}.
   *
   * @return the line
   */
  public String line() {
    return kind.sectionKey() + " " + entity + ": " + field + ": " + rule + " (" + source + ")";
  }

  @Override
  public String toString() {
    return line();
  }
}
