package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.util.List;

/**
 * The OpenAPI schemas of the CRDs this library reads (Gateway API and Kong's CRDs), bundled as
 * resources. Core kinds (Service, Secret, ...) have no CRD and are not handled here.
 *
 * <p>STUB: the interface the loading pipeline codes against; the implementation fills it.
 */
public final class CrdSchemas {
  private static final CrdSchemas BUNDLED = new CrdSchemas();

  private CrdSchemas() {}

  /** The schemas bundled with this library. */
  public static CrdSchemas bundled() {
    return BUNDLED;
  }

  /**
   * Applies the structural-schema defaults of {@code kind} at {@code version} to the object in
   * place, as the API server does on create/update.
   *
   * @param kind the object's kind
   * @param version the object's apiVersion version part (e.g. {@code v1})
   * @param object the whole object (apiVersion, kind, metadata, spec, ...)
   * @return JSON pointers of the fields that were defaulted, in document order; empty when none
   *     or when the kind has no bundled CRD
   */
  public List<String> applyDefaults(Kind kind, String version, ObjectNode object) {
    return List.of();
  }

  /**
   * Validates the (already defaulted) object against the CRD schema of {@code kind} at {@code
   * version}: types, enums, patterns, formats, min/max, lengths, required fields and the
   * {@code x-kubernetes-validations} rules that are evaluated.
   *
   * @return the violations, empty when the API server would accept the object
   */
  public List<SchemaViolation> validate(Kind kind, String version, ObjectNode object) {
    return List.of();
  }
}
