package io.github.kongtranslator.core.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.manifest.ManifestOptions;
import io.github.kongtranslator.core.manifest.internal.schema.CrdSchemas;
import io.github.kongtranslator.core.manifest.internal.schema.SchemaViolation;
import io.github.kongtranslator.core.model.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API server does to an object on create, before a controller sees it, in its order:
 * conversion and defaulting while decoding (Secret {@code stringData}, core defaults), the
 * namespace and uid of {@code BeforeCreate}, the CRD's structural-schema defaults, then validation
 * (core rules and the CRD schema). Works on the object's JSON tree in place. Not API.
 *
 * <p>Upstream: {@code k8s.io/apiserver/pkg/registry/rest/create.go} ({@code BeforeCreate}: {@code
 * EnsureObjectNamespaceMatchesRequestNamespace} fills an unset namespace and clears the namespace
 * of a cluster-scoped object; {@code FillObjectMetaSystemFields} sets the uid).
 */
public final class Admission {

  /**
   * The CRD schema step (defaulting, then validation), injectable so the pipeline can be tested
   * without the bundled schemas.
   */
  public interface SchemaStep {
    /**
     * Applies the CRD's defaults in place.
     *
     * @param kind the kind
     * @param version the version part of the apiVersion
     * @param object the whole object
     * @return JSON pointers of the defaulted fields
     */
    List<String> applyDefaults(Kind kind, String version, ObjectNode object);

    /**
     * Validates the defaulted object.
     *
     * @param kind the kind
     * @param version the version part of the apiVersion
     * @param object the whole object
     * @return the violations, empty when valid
     */
    List<SchemaViolation> validate(Kind kind, String version, ObjectNode object);

    /** The bundled CRD schemas ({@link CrdSchemas#bundled()}). */
    static SchemaStep bundled() {
      CrdSchemas schemas = CrdSchemas.bundled();
      return new SchemaStep() {
        @Override
        public List<String> applyDefaults(Kind kind, String version, ObjectNode object) {
          return schemas.applyDefaults(kind, version, object);
        }

        @Override
        public List<SchemaViolation> validate(Kind kind, String version, ObjectNode object) {
          return schemas.validate(kind, version, object);
        }
      };
    }
  }

  /**
   * What admission did to one object.
   *
   * @param defaulted JSON pointers of the fields it filled in, in order
   * @param violations the rules the object breaks; not empty means the object is refused
   */
  public record Outcome(List<String> defaulted, List<SchemaViolation> violations) {
    /** Freezes the lists. */
    public Outcome {
      defaulted = ImmutableList.copyOf(defaulted);
      violations = ImmutableList.copyOf(violations);
    }
  }

  private final ManifestOptions options;
  private final SchemaStep schemas;

  /**
   * Creates the pipeline.
   *
   * @param options what to apply
   * @param schemas the CRD schema step
   */
  public Admission(ManifestOptions options, SchemaStep schemas) {
    this.options = options;
    this.schemas = schemas;
  }

  /** Whether anything is applied at all. */
  public boolean enabled() {
    return options.admission();
  }

  /**
   * Admits one object: changes its tree in place and says what changed.
   *
   * @param kind the object's kind
   * @param version the version part of its apiVersion
   * @param object the whole object tree
   * @return the defaulted fields and the violations
   */
  public Outcome admit(Kind kind, String version, ObjectNode object) {
    if (!options.admission()) {
      return new Outcome(List.of(), List.of());
    }
    List<String> defaulted = new ArrayList<>();
    if (options.apiServerDefaults()) {
      defaulted.addAll(CoreDefaults.apply(kind, object));
    }
    ObjectNode meta = metadata(object);
    if (kind.namespaced()) {
      if (unset(meta.get("namespace"))) {
        meta.put("namespace", options.defaultNamespace());
        defaulted.add("/metadata/namespace");
      }
    } else if (meta.has("namespace")) {
      // create.go EnsureObjectNamespaceMatchesRequestNamespace: "cluster-scoped, clear namespace"
      meta.remove("namespace");
    }
    if (options.deterministicUids() && unset(meta.get("uid"))) {
      meta.put(
          "uid",
          Uids.derive(kind, meta.path("namespace").asText(""), meta.path("name").asText(""))
              .toString());
      defaulted.add("/metadata/uid");
    }
    if (options.apiServerDefaults()) {
      defaulted.addAll(schemas.applyDefaults(kind, version, object));
    }
    List<SchemaViolation> violations = new ArrayList<>();
    if (options.validation()) {
      violations.addAll(CoreValidation.validate(kind, object));
      // A manifest's status is what a controller wrote (e.g. `kubectl get -o yaml`). CRDs with
      // the status subresource have the API server drop status on create and validate it only
      // through /status (apiextensions-apiserver pkg/registry/customresource/strategy.go,
      // PrepareForCreate/ValidateUpdate). We keep status (KIC reads TLSRoute status.parents,
      // gateway-api-spec §5.3) but never refuse an object for it.
      for (SchemaViolation v : schemas.validate(kind, version, object)) {
        if (!v.pointer().equals("/status") && !v.pointer().startsWith("/status/")) {
          violations.add(v);
        }
      }
    }
    return new Outcome(defaulted, violations);
  }

  private static ObjectNode metadata(ObjectNode object) {
    JsonNode meta = object.get("metadata");
    if (meta instanceof ObjectNode o) {
      return o;
    }
    return object.putObject("metadata");
  }

  /**
   * Whether a field of an object is unset (absent, null or empty).
   *
   * @param object the object
   * @param field the field name
   * @return true when unset
   */
  public static boolean unsetField(ObjectNode object, String field) {
    return unset(object.get(field));
  }

  /** Go's zero value: absent, null or the empty string. */
  static boolean unset(JsonNode n) {
    return n == null || n.isNull() || (n.isTextual() && n.textValue().isEmpty());
  }
}
