package io.github.kongtranslator.fabric8.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestException;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Converts fabric8 objects into the typed model without text: typed ones ({@code Ingress}, {@code
 * Service}, {@code EndpointSlice}, {@code Secret}, the Gateway API types of fabric8's {@code
 * kubernetes-model-gatewayapi}) and {@code GenericKubernetesResource} (Kong CRDs) alike.
 *
 * <p>Objects from an informer have been admitted by the API server already, so they are read as
 * stored ({@link Manifests#asStored()}: no defaults, namespace, uid or validation step), with the
 * manifest loader's checks: an object needs {@code apiVersion}, {@code kind} and {@code
 * metadata.name}; fields are bound strictly (no scalar coercion); problems are typed {@link
 * ConversionException}s that name the object and the field. Kinds this library does not read give
 * an empty result, never an error. Three ways in, one result (the same record the loader makes of
 * the object's YAML):
 *
 * <ul>
 *   <li>fabric8's typed classes of core/v1 ({@code Service}, {@code Secret}, {@code ConfigMap}),
 *       {@code discovery/v1} {@code EndpointSlice}, {@code networking/v1} ({@code Ingress}, {@code
 *       IngressClass}) and the Gateway API ({@code HTTPRoute}, {@code Gateway}, {@code
 *       GatewayClass} in v1 and v1beta1, {@code ReferenceGrant} v1beta1) are mapped through their
 *       getters straight into the records, no text and no tree;
 *   <li>{@code GenericKubernetesResource}s (Kong's CRDs), whose content is maps already, go through
 *       the loader's map entry point ({@link Manifests#read(Map, String)});
 *   <li>anything else, and a typed object the direct mapping cannot take faithfully (a field
 *       fabric8 does not model, kept in its {@code additionalProperties}; a value the model
 *       refuses), becomes a Jackson tree with fabric8's serialization ({@code
 *       KubernetesSerialization.convertValue}: a token buffer, no text) read by {@link
 *       #toModel(JsonNode, String)}.
 * </ul>
 *
 * <p>Thread-safe; one instance may serve every informer.
 */
public final class ObjectConverter {
  /** Objects from an API server were admitted by it: read as stored. */
  private static final Manifests STORED = Manifests.asStored();

  private final KubernetesSerialization serialization;
  private final TypedMapping typed;

  private ObjectConverter(KubernetesSerialization serialization) {
    this.serialization = serialization;
    this.typed = new TypedMapping(serialization);
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
   * @throws ConversionException when the object lacks a required field or a field has the wrong
   *     type
   */
  public Optional<K8sObject> toModel(HasMetadata resource) {
    K8sObject direct = typed.map(resource);
    if (direct != null) {
      return Optional.of(direct);
    }
    String origin = "fabric8 " + resource.getKind();
    if (resource instanceof GenericKubernetesResource generic) {
      return toModel(asMap(generic), origin);
    }
    return toModel(treeOf(resource), origin);
  }

  /** The tree path of {@link #toModel(HasMetadata)} alone (tests compare the paths). */
  JsonNode treeOf(HasMetadata resource) {
    return serialization.convertValue(resource, JsonNode.class);
  }

  /** The direct mapping alone, null when it declines (tests check that it takes an object). */
  @org.jspecify.annotations.Nullable
  K8sObject directOnly(HasMetadata resource) {
    return typed.map(resource);
  }

  /**
   * A generic resource as the plain map the API server sent: apiVersion, kind, the metadata fields
   * the model reads, and every other top-level field as fabric8 holds it (maps, lists, scalars).
   */
  private static Map<String, Object> asMap(GenericKubernetesResource r) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (r.getApiVersion() != null) {
      out.put("apiVersion", r.getApiVersion());
    }
    if (r.getKind() != null) {
      out.put("kind", r.getKind());
    }
    io.fabric8.kubernetes.api.model.ObjectMeta m = r.getMetadata();
    if (m != null) {
      Map<String, Object> meta = new LinkedHashMap<>();
      putIfSet(meta, "name", m.getName());
      putIfSet(meta, "namespace", m.getNamespace());
      putIfSet(meta, "uid", m.getUid());
      putIfSet(meta, "resourceVersion", m.getResourceVersion());
      putIfSet(meta, "generation", m.getGeneration());
      if (m.getLabels() != null && !m.getLabels().isEmpty()) {
        meta.put("labels", m.getLabels());
      }
      if (m.getAnnotations() != null && !m.getAnnotations().isEmpty()) {
        meta.put("annotations", m.getAnnotations());
      }
      putIfSet(meta, "creationTimestamp", m.getCreationTimestamp());
      out.put("metadata", meta);
    }
    r.getAdditionalProperties().forEach(out::putIfAbsent);
    return out;
  }

  private static void putIfSet(
      Map<String, Object> map, String key, @org.jspecify.annotations.Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
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
    return Optional.of(
        new ObjectRef(
            k.get().group(),
            k.get().versionOf(apiVersion),
            kind,
            k.get().namespaced() && ns != null ? ns : "",
            name,
            uid == null ? "" : uid));
  }

  /**
   * Reads one object's Jackson tree as stored: the manifest loader's tree entry point ({@link
   * Manifests#asStored()}, {@link Manifests#read(JsonNode, String)}), which neither copies nor
   * changes the tree.
   *
   * @param tree the object as a JSON tree (a mapping with apiVersion, kind and metadata)
   * @param origin where the tree came from, used in messages (e.g. {@code informer Service})
   * @return the model object, or empty when its kind or version is not read by this library
   * @throws ConversionException when the tree is not one object, lacks a required field or a field
   *     has the wrong type
   */
  public Optional<K8sObject> toModel(JsonNode tree, String origin) {
    if (!tree.isObject()) {
      throw new ConversionException(
          origin,
          "",
          "",
          "expected a Kubernetes object (a mapping), found "
              + tree.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    LoadResult loaded;
    try {
      loaded = STORED.read(tree, origin);
    } catch (ManifestException e) {
      throw conversionError(
          origin,
          describe(
              tree.path("kind").asText(""),
              tree.path("metadata").path("namespace").asText(""),
              tree.path("metadata").path("name").asText("")),
          e);
    }
    return single(loaded, origin);
  }

  /**
   * Reads one object from plain maps, lists and scalars (what generic clients hand out) as stored:
   * the manifest loader's map entry point ({@link Manifests#read(Map, String)}).
   *
   * @param object the object (apiVersion, kind, metadata, ...)
   * @param origin where the object came from, used in messages
   * @return the model object, or empty when its kind or version is not read by this library
   * @throws ConversionException when the map is not one object, lacks a required field or a field
   *     has the wrong type
   */
  public Optional<K8sObject> toModel(Map<String, ?> object, String origin) {
    LoadResult loaded;
    try {
      loaded = STORED.read(object, origin);
    } catch (ManifestException e) {
      String ns = "";
      String name = "";
      if (object.get("metadata") instanceof Map<?, ?> meta) {
        ns = meta.get("namespace") instanceof String s ? s : "";
        name = meta.get("name") instanceof String s ? s : "";
      }
      throw conversionError(
          origin, describe(object.get("kind") instanceof String k ? k : "", ns, name), e);
    }
    return single(loaded, origin);
  }

  private static Optional<K8sObject> single(LoadResult loaded, String origin) {
    if (!loaded.rejected().isEmpty()) {
      // Not reached while reading as stored (no validation step); kept so that no object is lost.
      var refused = loaded.rejected().get(0);
      throw new ConversionException(
          origin,
          refused.object().kind() + " " + refused.object().name(),
          "",
          "refused: " + refused.problem(),
          refused);
    }
    if (loaded.objects().size() > 1) {
      throw new ConversionException(
          origin, "", "", "expected one object, found a list of " + loaded.objects().size());
    }
    return loaded.objects().isEmpty() ? Optional.empty() : Optional.of(loaded.objects().get(0));
  }

  /** The loader's error as a conversion error: same field and problem, the object named apart. */
  private static ConversionException conversionError(
      String origin, String object, ManifestException e) {
    String problem = e.problem();
    if (!object.isEmpty() && problem.startsWith(object + ": ")) {
      problem = problem.substring(object.length() + 2);
    }
    return new ConversionException(origin, object, e.field(), problem, e);
  }

  private static String describe(String kind, String ns, String name) {
    if (kind.isEmpty() || name.isEmpty()) {
      return "";
    }
    return ns.isEmpty() ? kind + " " + name : kind + " " + ns + "/" + name;
  }
}
