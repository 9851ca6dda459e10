package io.github.kongtranslator.translator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The result of one translation: the Kong configuration and the translation failures. Immutable.
 */
public final class TranslationResult {
  private final ObjectNode document;
  private final ImmutableList<TranslationFailure> failures;

  TranslationResult(ObjectNode document, List<TranslationFailure> failures) {
    this.document = document.deepCopy();
    this.failures = ImmutableList.copyOf(failures);
  }

  /** The DB-less configuration document as a JSON tree (a fresh copy). */
  public ObjectNode document() {
    return document.deepCopy();
  }

  /** The configuration written as YAML (JSON is YAML). */
  public String toYaml() {
    return document.toPrettyString();
  }

  /** The failures, in the order they were found; empty when every object translated. */
  public ImmutableList<TranslationFailure> failures() {
    return failures;
  }

  /** Shows counts only: the configuration may hold credentials and keys. */
  @Override
  public String toString() {
    return "TranslationResult[" + document.size() + " sections, " + failures.size() + " failures]";
  }
}
