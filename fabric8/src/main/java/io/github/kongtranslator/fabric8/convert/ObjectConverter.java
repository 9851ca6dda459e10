package io.github.kongtranslator.fabric8.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.Optional;

/**
 * Converts fabric8 objects into the typed model without text: typed ones ({@code Ingress},
 * {@code Service}, {@code EndpointSlice}, {@code Secret}, the Gateway API types of fabric8's
 * {@code kubernetes-model-gatewayapi}) and {@code GenericKubernetesResource} (Kong CRDs) alike.
 *
 * <p>An object goes to a Jackson tree with fabric8's own serialization ({@code
 * KubernetesSerialization.convertValue}: a token buffer, no JSON or YAML text), and the tree is
 * read by {@link #toModel(JsonNode, String)} with the checks of the manifest loader: an object
 * needs {@code apiVersion}, {@code kind} and {@code metadata.name}; fields are bound strictly
 * (no scalar coercion); problems are typed {@link ConversionException}s that name the object and
 * the field. Kinds this library does not read give an empty result, never an error.
 *
 * <p>Thread-safe; one instance may serve every informer.
 */
public final class ObjectConverter {
  private final KubernetesSerialization serialization;

  private ObjectConverter(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  /** {@return a converter with fabric8's default serialization} */
  public static ObjectConverter create() {
    return new ObjectConverter(new KubernetesSerialization());
  }

  /**
   * A converter with a client's serialization ({@code client.getKubernetesSerialization()}), so
   * that resource types the client registered serialize as the client does.
   *
   * @param serialization the client's serialization
   * @return the converter
   */
  public static ObjectConverter using(KubernetesSerialization serialization) {
    return new ObjectConverter(serialization);
  }

  /**
   * Converts a fabric8 object.
   *
   * @param resource a typed object or a {@code GenericKubernetesResource}
   * @return the model object, or empty when its kind or version is not read by this library
   * @throws ConversionException when the object lacks a required field or a field has the wrong type
   */
  public Optional<K8sObject> toModel(HasMetadata resource) {
    JsonNode tree = serialization.convertValue(resource, JsonNode.class);
    return toModel(tree, "fabric8 " + resource.getKind());
  }

  /**
   * The identity of a fabric8 object, read from its apiVersion, kind and metadata only (no
   * conversion): what a delete needs.
   *
   * @param resource the object
   * @return its ref, or empty when its kind or version is not read or it has no name
   */
  public static Optional<ObjectRef> refOf(HasMetadata resource) {
    String apiVersion = resource.getApiVersion();
    String kind = resource.getKind();
    if (apiVersion == null || kind == null || resource.getMetadata() == null) {
      return Optional.empty();
    }
    Optional<Kind> k = Kind.forApiVersion(apiVersion, kind);
    String name = resource.getMetadata().getName();
    if (k.isEmpty() || name == null || name.isEmpty()) {
      return Optional.empty();
    }
    String ns = resource.getMetadata().getNamespace();
    String uid = resource.getMetadata().getUid();
    return Optional.of(new ObjectRef(k.get().group(), k.get().versionOf(apiVersion), kind,
        k.get().namespaced() && ns != null ? ns : "", name, uid == null ? "" : uid));
  }

  /**
   * THE SEAM between trees and the model: reads one object's Jackson tree with the manifest
   * loader's checks. (It binds with the model's own mapper today; it is meant to become the
   * manifest loader's tree entry point, with its API-server defaults, once that exists.)
   *
   * @param tree the object as a JSON tree (a mapping with apiVersion, kind and metadata)
   * @param origin where the tree came from, used in messages (e.g. {@code informer Service})
   * @return the model object, or empty when its kind or version is not read by this library
   * @throws ConversionException when the tree is not an object, lacks a required field or a
   *     field has the wrong type
   */
  public Optional<K8sObject> toModel(JsonNode tree, String origin) {
    if (!tree.isObject()) {
      throw new ConversionException(origin, "", "", "expected a Kubernetes object (a mapping), found "
          + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    JsonNode apiVersion = tree.get("apiVersion");
    JsonNode kind = tree.get("kind");
    String kindText = kind != null && kind.isTextual() ? kind.textValue() : "";
    String object = describe(tree, kindText);
    if (apiVersion == null || !apiVersion.isTextual() || apiVersion.textValue().isEmpty()) {
      throw new ConversionException(origin, object, "apiVersion",
          "missing or not a string: every object needs an apiVersion");
    }
    if (kindText.isEmpty()) {
      throw new ConversionException(origin, object, "kind",
          "missing or not a string: every object needs a kind");
    }
    Optional<Kind> k = Kind.forApiVersion(apiVersion.textValue(), kindText);
    if (k.isEmpty()) {
      return Optional.empty();
    }
    JsonNode name = tree.path("metadata").path("name");
    if (!name.isTextual() || name.textValue().isEmpty()) {
      throw new ConversionException(origin, object, "metadata.name",
          "missing: " + kindText + " objects need metadata.name");
    }
    try {
      return Optional.of(ModelJson.MAPPER.treeToValue(tree, k.get().type()));
    } catch (JsonMappingException e) {
      throw new ConversionException(origin, object, path(e), problem(e));
    } catch (IllegalArgumentException e) {
      throw new ConversionException(origin, object, "", e.getMessage() == null ? "invalid value" : e.getMessage());
    } catch (JsonProcessingException e) {
      throw new ConversionException(origin, object, "", "cannot read object: " + e.getOriginalMessage());
    }
  }

  private static String describe(JsonNode tree, String kind) {
    String name = tree.path("metadata").path("name").asText("");
    String ns = tree.path("metadata").path("namespace").asText("");
    if (kind.isEmpty() || name.isEmpty()) {
      return "";
    }
    return ns.isEmpty() ? kind + " " + name : kind + " " + ns + "/" + name;
  }

  private static String path(JsonMappingException e) {
    StringBuilder p = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        p.append(p.length() == 0 ? "" : ".").append(r.getFieldName());
      } else {
        p.append('[').append(r.getIndex()).append(']');
      }
    }
    return p.toString();
  }

  /** A short statement of the problem; never quotes input values (they may be secret). */
  private static String problem(JsonMappingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      Throwable c = e.getCause();
      return c instanceof NullPointerException
          ? "null values are not allowed here"
          : (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
    }
    if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return "wrong type: expected " + simpleName(mi.getTargetType());
    }
    String m = e.getOriginalMessage();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    if (m.startsWith("Cannot deserialize value of type") || m.startsWith("Cannot coerce")) {
      String type = m.replaceAll("^.*?`([^`]*)`.*$", "$1");
      type = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
      return "wrong type: expected " + type;
    }
    return m.replaceAll("\"[^\"]*\"", "<value>").replaceAll("\\('[^']*'\\)", "(<value>)");
  }

  private static String simpleName(Class<?> type) {
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    String n = type.getName();
    return n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
  }
}
