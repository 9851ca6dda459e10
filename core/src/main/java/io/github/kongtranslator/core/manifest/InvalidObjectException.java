package io.github.kongtranslator.core.manifest;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;

/**
 * An object the Kubernetes API server would refuse (a core validation rule or a rule of its CRD
 * schema). Loading does not stop: the object is left out and reported in {@link
 * LoadResult#rejected()}, the other objects still load. The message names the source, document,
 * line, field, object, and the rule; further violations of the same object are counted.
 */
public final class InvalidObjectException extends ManifestException {
  private static final long serialVersionUID = 1L;

  private final ObjectRef object;
  private final String rule;
  private final ImmutableList<Violation> violations;

  /**
   * One rule the object breaks.
   *
   * @param field dotted field path, e.g. {@code spec.rules[0].http.paths[0].pathType}
   * @param rule the rule, e.g. {@code required}, {@code enum}, {@code pattern}
   * @param message what is wrong, never quoting secret values
   */
  public record Violation(String field, String rule, String message) {}

  /**
   * Creates the exception.
   *
   * @param source the file name or source label
   * @param document 1-based document number, 0 when not known
   * @param line 1-based line of the first violation's field, 0 when not known
   * @param column 1-based column, 0 when not known
   * @param object the refused object
   * @param violations every rule it breaks, the first one named in the message; not empty
   */
  public InvalidObjectException(
      String source,
      int document,
      int line,
      int column,
      ObjectRef object,
      List<Violation> violations) {
    super(source, document, line, column, violations.get(0).field(), problem(object, violations));
    this.object = object;
    this.rule = violations.get(0).rule();
    this.violations = ImmutableList.copyOf(violations);
  }

  private static String problem(ObjectRef object, List<Violation> violations) {
    Violation first = violations.get(0);
    String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
    return object
        + ": rejected as the API server would: "
        + first.message()
        + " (rule "
        + first.rule()
        + ")"
        + more;
  }

  /** {@return the refused object} */
  public ObjectRef object() {
    return object;
  }

  /** {@return the rule of the first violation} */
  public String rule() {
    return rule;
  }

  /** {@return every violation, in field order} */
  public List<Violation> violations() {
    return violations;
  }
}
