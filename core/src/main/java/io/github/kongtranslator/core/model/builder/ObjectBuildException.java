package io.github.kongtranslator.core.model.builder;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.KongTranslatorException;
import java.util.List;

/**
 * A builder was asked to build an object that the API server would reject: the {@code apiVersion}
 * does not serve the kind, or a required field is missing or out of range. The message names the
 * object as {@code Kind namespace/name} and lists every problem; it never contains Secret values.
 */
public final class ObjectBuildException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String namespace;
  private final String name;
  private final ImmutableList<String> problems;

  ObjectBuildException(String kind, String namespace, String name, List<String> problems) {
    super(describe(kind, namespace, name) + ": " + String.join("; ", problems));
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.problems = ImmutableList.copyOf(problems);
  }

  static String describe(String kind, String namespace, String name) {
    String n = name.isEmpty() ? "<no name>" : name;
    return namespace.isEmpty() ? kind + " " + n : kind + " " + namespace + "/" + n;
  }

  /** {@return the Kubernetes kind of the object, e.g} {@code KongPlugin}. */
  public String kind() {
    return kind;
  }

  /** {@return the namespace given to the builder, empty when none} */
  public String namespace() {
    return namespace;
  }

  /** {@return the name given to the builder, empty when none} */
  public String name() {
    return name;
  }

  /** {@return every problem found, in the order checked} */
  public ImmutableList<String> problems() {
    return problems;
  }
}
