package io.github.kongtranslator.fallback.exclusion;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.translator.TranslationFailure;
import java.util.Objects;

/**
 * Why an object was excluded: the dependency path from it to the broken object that caused its
 * exclusion.
 *
 * <p>The path is a shortest one to the nearest broken object (ties go to the broken object given
 * first). Each step is a {@link Dependency} whose {@code dependent} is the previous step's {@code
 * dependency}; the first step starts at {@link #excluded()}, the last ends at {@link #cause()}. A
 * broken object is its own cause and has an empty path.
 *
 * <p>When the cause was blamed by translation failures that fail closed ({@link
 * TranslationFailure#failsClosed()}) rather than by a gateway, {@link #failures()} holds them: they
 * say what could not be translated (e.g. the plugin or the Secret).
 *
 * @param excluded the excluded object (full ref)
 * @param cause the broken object that caused the exclusion (full ref)
 * @param path the dependency steps from {@code excluded} to {@code cause}
 * @param failures the translation failures that blamed {@code cause}; empty when a gateway blamed
 *     it
 */
public record ExclusionReason(
    ObjectRef excluded,
    ObjectRef cause,
    ImmutableList<Dependency> path,
    ImmutableList<TranslationFailure> failures) {

  /**
   * A reason for a cause a gateway blamed (no translation failures).
   *
   * @param excluded the excluded object (full ref)
   * @param cause the broken object that caused the exclusion (full ref)
   * @param path the dependency steps from {@code excluded} to {@code cause}
   */
  public ExclusionReason(ObjectRef excluded, ObjectRef cause, ImmutableList<Dependency> path) {
    this(excluded, cause, path, ImmutableList.of());
  }

  /**
   * Checks that the path is connected and runs from {@code excluded} to {@code cause}.
   *
   * @throws IllegalArgumentException if it does not
   * @param excluded the excluded object (full ref)
   * @param cause the broken object that caused the exclusion (full ref)
   * @param path the dependency steps from {@code excluded} to {@code cause}
   * @param failures the translation failures that blamed {@code cause}; empty when a gateway blamed
   *     it
   */
  public ExclusionReason {
    Objects.requireNonNull(excluded, "excluded");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(path, "path");
    failures = ImmutableList.copyOf(failures);
    ObjectRef at = excluded;
    for (Dependency step : path) {
      if (!step.dependent().equals(at)) {
        throw new IllegalArgumentException(
            "exclusion path of " + excluded + " is not connected at " + at);
      }
      at = step.dependency();
    }
    if (!at.equals(cause)) {
      throw new IllegalArgumentException(
          "exclusion path of " + excluded + " ends at " + at + ", not " + cause);
    }
  }

  /** {@return whether the cause was blamed by a translation failure (not by a gateway)} */
  public boolean isTranslationFailure() {
    return !failures.isEmpty();
  }

  /** {@return whether the object was excluded because it is broken itself} */
  public boolean isBroken() {
    return path.isEmpty();
  }

  /** {@return the objects on the path: {@link #excluded()} first, {@link #cause()} last} */
  public ImmutableList<ObjectRef> objects() {
    ImmutableList.Builder<ObjectRef> b = ImmutableList.builder();
    b.add(excluded);
    path.forEach(step -> b.add(step.dependency()));
    return b.build();
  }

  /**
   * Renders e.g. {@code Ingress default/web -[IB]-> Service default/web -[P]-> KongPlugin
   * default/auth (broken)}, or for a translation failure {@code Ingress default/web -[P]->
   * KongPlugin default/auth (broken: invalid configuration of KongPlugin default/auth: Secret
   * default/auth-conf not found)}. Failure reasons name objects only, never Secret data.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(excluded);
    for (Dependency step : path) {
      sb.append(" -[").append(step.rule().id()).append("]-> ").append(step.dependency());
    }
    if (failures.isEmpty()) {
      return sb.append(" (broken)").toString();
    }
    sb.append(" (broken: ");
    for (int i = 0; i < failures.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(failures.get(i).reason());
    }
    return sb.append(')').toString();
  }
}
