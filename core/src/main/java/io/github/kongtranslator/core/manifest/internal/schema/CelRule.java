package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One {@code x-kubernetes-validations} entry of a CRD schema, compiled once.
 *
 * @param rule the CEL expression text, exactly as in the CRD
 * @param message the rule's {@code message}, or empty (the API server then says "failed rule")
 * @param fieldPath the rule's {@code fieldPath} (a JSON-path-like suffix), or empty
 * @param program the compiled expression; null when the rule is skipped
 * @param skipReason why the rule is not evaluated (transition rule, unsupported CEL); empty when it
 *     is evaluated
 */
record CelRule(
    String rule, String message, String fieldPath, Cel.@Nullable Expr program, String skipReason) {

  /** Compiles a rule entry ({@code rule}, {@code message}, {@code fieldPath}, ...). */
  static CelRule compile(JsonNode entry) {
    String rule = entry.path("rule").asText();
    String message = entry.path("message").asText("");
    String fieldPath = entry.path("fieldPath").asText("");
    try {
      Cel.Expr program = Cel.parse(rule);
      if (Cel.usesOldSelf(program)) {
        // Transition rules compare with the stored object; the API server evaluates them only
        // on update (apiextensions-apiserver schema/cel/validation.go: "oldSelf" rules are
        // skipped when there is no old object). A manifest is always a create.
        return new CelRule(
            rule,
            message,
            fieldPath,
            null,
            "transition rule (oldSelf): evaluated by the API server only on update");
      }
      return new CelRule(rule, message, fieldPath, program, "");
    } catch (Cel.CelException e) {
      return new CelRule(rule, message, fieldPath, null, "unsupported CEL: " + e.getMessage());
    } catch (RuntimeException e) {
      return new CelRule(rule, message, fieldPath, null, "unsupported CEL: " + e);
    }
  }

  /** Whether this rule is evaluated. */
  boolean evaluated() {
    return program != null;
  }
}
