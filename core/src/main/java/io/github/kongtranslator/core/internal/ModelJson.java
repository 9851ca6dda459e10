package io.github.kongtranslator.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.kongtranslator.core.json.CanonicalJson;
import io.github.kongtranslator.core.model.K8sObject;

/** The one Jackson mapper that binds and writes the Kubernetes model. Not API. */
public final class ModelJson {
  /** Strict binding: no scalar coercion, unknown fields ignored, nulls omitted on output. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private ModelJson() {}

  /**
   * The JSON tree of an object as this library writes it.
   *
   * @param object the object
   * @return its tree
   */
  public static JsonNode toTree(K8sObject object) {
    return MAPPER.valueToTree(object);
  }

  /**
   * SHA-256 of the canonical JSON of an object.
   *
   * @param object the object
   * @return 32 bytes
   */
  public static byte[] digest(K8sObject object) {
    return CanonicalJson.sha256(toTree(object));
  }
}
