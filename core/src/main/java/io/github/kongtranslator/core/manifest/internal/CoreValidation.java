package io.github.kongtranslator.core.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.manifest.internal.schema.SchemaViolation;
import io.github.kongtranslator.core.model.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation rules of the Kubernetes API server for the core kinds this library reads, where the
 * translation depends on them; listed in {@code core/docs/api-server-defaults.md}. Not API.
 */
final class CoreValidation {
  // pkg/apis/networking/validation/validation.go invalidPathSequences / invalidPathSuffixes
  private static final List<String> INVALID_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
  private static final List<String> INVALID_SUFFIXES = List.of("/..", "/.");

  private CoreValidation() {}

  static List<SchemaViolation> validate(Kind kind, JsonNode object) {
    List<SchemaViolation> out = new ArrayList<>();
    if (kind == Kind.INGRESS) {
      ingress(object, out);
    }
    return out;
  }

  /**
   * pkg/apis/networking/validation/validation.go validateHTTPIngressPath: {@code pathType} is
   * required in networking.k8s.io/v1 and one of Exact, Prefix, ImplementationSpecific; Exact and
   * Prefix paths must be absolute and free of {@code //}, {@code /./}, {@code /../}, {@code %2f},
   * and not end in {@code /..} or {@code /.}; an ImplementationSpecific path, when given, must be
   * absolute.
   */
  private static void ingress(JsonNode object, List<SchemaViolation> out) {
    JsonNode rules = object.path("spec").path("rules");
    for (int r = 0; rules.isArray() && r < rules.size(); r++) {
      JsonNode paths = rules.get(r).path("http").path("paths");
      for (int p = 0; paths.isArray() && p < paths.size(); p++) {
        String at = "/spec/rules/" + r + "/http/paths/" + p;
        JsonNode path = paths.get(p);
        JsonNode pathType = path.get("pathType");
        if (pathType == null || pathType.isNull()) {
          out.add(new SchemaViolation(at + "/pathType", "required", "pathType must be specified"));
          continue;
        }
        String type = pathType.asText();
        String value = path.path("path").asText("");
        switch (type) {
          case "Exact", "Prefix" -> {
            if (!value.startsWith("/")) {
              out.add(
                  new SchemaViolation(at + "/path", "absolute path", "must be an absolute path"));
            }
            for (String seq : INVALID_SEQUENCES) {
              if (value.contains(seq)) {
                out.add(
                    new SchemaViolation(
                        at + "/path", "path sequence", "must not contain '" + seq + "'"));
              }
            }
            for (String suffix : INVALID_SUFFIXES) {
              if (value.endsWith(suffix)) {
                out.add(
                    new SchemaViolation(
                        at + "/path", "path suffix", "cannot end with '" + suffix + "'"));
              }
            }
          }
          case "ImplementationSpecific" -> {
            if (!value.isEmpty() && !value.startsWith("/")) {
              out.add(
                  new SchemaViolation(at + "/path", "absolute path", "must be an absolute path"));
            }
          }
          default ->
              out.add(
                  new SchemaViolation(
                      at + "/pathType",
                      "enum",
                      "supported values: Exact, ImplementationSpecific, Prefix"));
        }
      }
    }
  }
}
