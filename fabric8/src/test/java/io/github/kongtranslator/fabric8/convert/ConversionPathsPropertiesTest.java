package io.github.kongtranslator.fabric8.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.IntOrString;
import io.github.kongtranslator.core.model.JsonValue;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * The three ways a fabric8 object goes into the model (typed getters, the map entry point for
 * generic resources, fabric8's tree) agree with each other and with the manifest loader reading the
 * same object as stored.
 *
 * <p>{@link #directMappingReadsEveryFieldTheModelReads} builds its objects from the model's own
 * record components (every field the loader binds, nested records, lists and maps, each present or
 * absent at random), so a field the direct mapper forgets is a difference from the tree path.
 */
class ConversionPathsPropertiesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Manifests STORED = Manifests.asStored();
  private static final String[] WORDS = {"a", "b", "/x", "Prefix", "10.0.0.1", "kong", ""};

  /** The kinds fabric8 has typed classes for, with the apiVersions its classes serve. */
  private static final List<Map.Entry<Kind, String>> TYPED =
      List.of(
          Map.entry(Kind.SERVICE, "v1"),
          Map.entry(Kind.SECRET, "v1"),
          Map.entry(Kind.CONFIG_MAP, "v1"),
          Map.entry(Kind.ENDPOINT_SLICE, "discovery.k8s.io/v1"),
          Map.entry(Kind.INGRESS, "networking.k8s.io/v1"),
          Map.entry(Kind.INGRESS_CLASS, "networking.k8s.io/v1"),
          Map.entry(Kind.HTTP_ROUTE, "gateway.networking.k8s.io/v1"),
          Map.entry(Kind.HTTP_ROUTE, "gateway.networking.k8s.io/v1beta1"),
          Map.entry(Kind.GATEWAY, "gateway.networking.k8s.io/v1"),
          Map.entry(Kind.GATEWAY, "gateway.networking.k8s.io/v1beta1"),
          Map.entry(Kind.GATEWAY_CLASS, "gateway.networking.k8s.io/v1"),
          Map.entry(Kind.GATEWAY_CLASS, "gateway.networking.k8s.io/v1beta1"),
          Map.entry(Kind.REFERENCE_GRANT, "gateway.networking.k8s.io/v1beta1"));

  /**
   * Fields the model reads through a shared record that the kind's API does not have (fabric8 keeps
   * them in additionalProperties, so the direct mapping rightly declines): GatewayClass's
   * parametersRef is a ParametersReference, read into the model's ParentReference.
   */
  private static final Map<Kind, java.util.Set<String>> NOT_IN_THE_API =
      Map.of(
          Kind.GATEWAY_CLASS,
          java.util.Set.of("spec.parametersRef.port", "spec.parametersRef.sectionName"));

  private final ObjectConverter converter = ObjectConverter.create();

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 300));
  }

  @Test
  void directMappingReadsEveryFieldTheModelReads() {
    qt().forAll(integers().between(0, TYPED.size() - 1), longs().all())
        .checkAssert(
            (k, seed) -> {
              Map.Entry<Kind, String> kind = TYPED.get(k);
              ObjectNode tree = object(kind.getKey(), kind.getValue(), new SplittableRandom(seed));
              HasMetadata f8 = SERIALIZATION.unmarshal(tree.toString(), HasMetadata.class);
              assertThat(f8).isNotInstanceOf(GenericKubernetesResource.class);

              K8sObject direct = converter.directOnly(f8);
              assertThat(direct).as("the direct mapping takes %s", tree).isNotNull();
              assertThat(direct)
                  .as("direct = fabric8's tree path, for %s", tree)
                  .isEqualTo(converter.toModel(converter.treeOf(f8), "tree").orElseThrow());
              assertThat(direct)
                  .as("direct = the loader, for %s", tree)
                  .isEqualTo(only(STORED.read(tree, "generated")));
              assertThat(converter.toModel(f8)).contains(direct);
            });
  }

  @Test
  void everyGeneratedKind_convertsAsTheTreePathAndTheLoader() {
    qt().forAll(lists().of(longs().all()).ofSizeBetween(1, 20))
        .checkAssert(
            seeds -> {
              for (JsonNode doc : documents(ClusterGens.manifest(seeds, List.of()))) {
                HasMetadata f8 = SERIALIZATION.unmarshal(doc.toString(), HasMetadata.class);
                Optional<K8sObject> converted = converter.toModel(f8);
                assertThat(converted)
                    .as("converted = fabric8's tree path, for %s", doc)
                    .isEqualTo(converter.toModel(converter.treeOf(f8), "tree"));
                assertThat(converted)
                    .as("converted = the loader, for %s", doc)
                    .contains(only(STORED.read(doc, "generated")));
              }
            });
  }

  @Test
  void aFieldFabric8DoesNotModel_takesTheTreePath_andIsKept() {
    // A rule field fabric8 7.5 does not model lands in its additionalProperties: the direct
    // mapping declines rather than lose it, and the tree path reads what the loader reads.
    ObjectNode tree =
        (ObjectNode)
            SERIALIZATION.unmarshal(
                """
        {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
         "metadata": {"name": "r", "namespace": "n"},
         "spec": {"rules": [{"name": "x", "futureField": {"a": 1}}]}}""",
                JsonNode.class);
    HasMetadata f8 = SERIALIZATION.unmarshal(tree.toString(), HasMetadata.class);
    assertThat(converter.directOnly(f8)).isNull();
    assertThat(converter.toModel(f8)).contains(only(STORED.read(tree, "generated")));
  }

  private static K8sObject only(LoadResult loaded) {
    assertThat(loaded.objects()).hasSize(1);
    return loaded.objects().get(0);
  }

  private static List<JsonNode> documents(String yaml) {
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
      return it.readAll().stream().filter(n -> n != null && n.isObject()).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- objects built from the model's record components ----

  private static ObjectNode object(Kind kind, String apiVersion, SplittableRandom r) {
    ObjectNode o = F.objectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind.kindName());
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", "n" + r.nextInt(100));
    if (kind.namespaced()) {
      meta.put("namespace", "ns");
    }
    if (r.nextBoolean()) {
      meta.put("uid", "u-" + r.nextInt(1000));
      meta.put("resourceVersion", String.valueOf(r.nextInt(1000)));
      meta.put("generation", r.nextInt(1, 10));
      meta.put("creationTimestamp", "2026-12-06T22:00:00Z");
    }
    if (r.nextBoolean()) {
      meta.set("labels", stringMap(r));
      meta.set("annotations", stringMap(r));
    }
    if (kind == Kind.SECRET) {
      // The model reads a Secret's wire form (core SecretDeserializer), not its components.
      maybe(r, () -> o.put("type", pick(r)));
      if (r.nextBoolean()) {
        ObjectNode data = o.putObject("data");
        for (int i = r.nextInt(3); i > 0; i--) {
          data.put(
              "k" + i,
              Base64.getEncoder().encodeToString(pick(r).getBytes(StandardCharsets.UTF_8)));
        }
      }
      maybe(r, () -> o.set("stringData", stringMap(r)));
      return o;
    }
    java.util.Set<String> skip = NOT_IN_THE_API.getOrDefault(kind, java.util.Set.of());
    for (RecordComponent c : kind.type().getRecordComponents()) {
      if (!c.getName().equals("apiVersion")
          && !c.getName().equals("metadata")
          && r.nextInt(5) != 0) {
        o.set(c.getName(), value(c.getGenericType(), r, 0, c.getName(), skip));
      }
    }
    return o;
  }

  private static JsonNode value(
      Type type, SplittableRandom r, int depth, String path, java.util.Set<String> skip) {
    if (type == String.class) {
      return F.textNode(pick(r));
    } else if (type == int.class || type == Integer.class) {
      return F.numberNode(r.nextInt(1, 65536));
    } else if (type == long.class || type == Long.class) {
      return F.numberNode((long) r.nextInt(0, 10));
    } else if (type == boolean.class || type == Boolean.class) {
      return F.booleanNode(r.nextBoolean());
    } else if (type == IntOrString.class) {
      return r.nextBoolean() ? F.numberNode(r.nextInt(1, 65536)) : F.textNode("http");
    } else if (type == JsonValue.class) {
      ObjectNode o = F.objectNode();
      o.put("k" + r.nextInt(3), pick(r));
      return o;
    } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      ArrayNode a = F.arrayNode();
      for (int i = r.nextInt(depth > 4 ? 1 : 3); i > 0; i--) {
        a.add(value(p.getActualTypeArguments()[0], r, depth + 1, path, skip));
      }
      return a;
    } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return stringMap(r);
    } else if (type instanceof Class<?> c && c.isRecord()) {
      ObjectNode o = F.objectNode();
      for (RecordComponent rc : c.getRecordComponents()) {
        String at = path + "." + rc.getName();
        if (r.nextInt(4) != 0 && !skip.contains(at)) {
          o.set(rc.getName(), value(rc.getGenericType(), r, depth + 1, at, skip));
        }
      }
      return o;
    }
    throw new AssertionError("no generator for " + type + ": extend the test with the model");
  }

  private static ObjectNode stringMap(SplittableRandom r) {
    ObjectNode m = F.objectNode();
    for (int i = r.nextInt(3); i > 0; i--) {
      m.put("key" + i, pick(r));
    }
    return m;
  }

  private static String pick(SplittableRandom r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static void maybe(SplittableRandom r, Runnable action) {
    if (r.nextBoolean()) {
      action.run();
    }
  }
}
