package io.github.kongtranslator.fallback.graph;

import io.github.kongtranslator.core.model.ObjectRef;
import java.util.Objects;

/**
 * One resolved dependency: {@code dependent} reads {@code dependency} because of {@code rule}.
 *
 * @param dependent the object that reads the other one (full ref, with version and uid)
 * @param dependency the object it reads (full ref, with version and uid)
 * @param rule the reference rule that linked them
 */
public record Dependency(ObjectRef dependent, ObjectRef dependency, DependencyRule rule) {

  /**
   * Checks that no component is null.
   *
   * @param dependent the object that reads the other one (full ref, with version and uid)
   * @param dependency the object it reads (full ref, with version and uid)
   * @param rule the reference rule that linked them
   */
  public Dependency {
    Objects.requireNonNull(dependent, "dependent");
    Objects.requireNonNull(dependency, "dependency");
    Objects.requireNonNull(rule, "rule");
  }

  /** Renders {@code Kind ns/name -[id]-> Kind ns/name}. */
  @Override
  public String toString() {
    return dependent + " -[" + rule.id() + "]-> " + dependency;
  }
}
