package io.github.kongtranslator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators built from the real objects of the conformance corpus (every kind it has, with
 * realistic specs), renamed so that lists have distinct keys.
 */
public final class CorpusObjects {
  private static final List<K8sObject> POOL = load();

  private CorpusObjects() {}

  private static List<K8sObject> load() {
    Map<String, K8sObject> byKey = new LinkedHashMap<>();
    for (var in : Corpus.inputs()) {
      for (K8sObject o : Manifests.load(in).objects()) {
        byKey.putIfAbsent(o.kindName() + "|" + o.key() + "|" + in, o);
      }
    }
    return List.copyOf(byKey.values());
  }

  /** Random seeds. */
  public static Gen<Long> seeds() {
    return SourceDSL.longs().all();
  }

  /** Non-empty lists of corpus objects, each renamed to a unique name. */
  public static Gen<List<K8sObject>> objectLists() {
    return SourceDSL.lists()
        .of(SourceDSL.integers().between(0, POOL.size() - 1))
        .ofSizeBetween(1, 30)
        .map(
            idx -> {
              List<K8sObject> out = new ArrayList<>();
              for (int i = 0; i < idx.size(); i++) {
                out.add(renamed(POOL.get(idx.get(i)), "o" + i));
              }
              return out;
            });
  }

  /** The object with another name (same kind and namespace). */
  public static K8sObject renamed(K8sObject o, String name) {
    ObjectNode tree = (ObjectNode) ModelJson.toTree(o);
    ((ObjectNode) tree.get("metadata")).put("name", name);
    return bind(tree, o);
  }

  /** Binds a tree to the type of {@code like}. */
  public static K8sObject bind(JsonNode tree, K8sObject like) {
    try {
      return ModelJson.MAPPER.treeToValue(tree, like.kind().type());
    } catch (Exception e) {
      throw new AssertionError("cannot rebind " + like.ref() + ": " + e.getMessage(), e);
    }
  }

  /** Re-reads an object from its written tree through the manifest loader. */
  public static K8sObject reparse(ObjectNode tree) {
    var loaded = Manifests.parse(tree.toString(), "reparse");
    List<K8sObject> objs = loaded.objects();
    if (objs.size() != 1) {
      throw new AssertionError(
          "expected one object from " + tree + " rejected: " + loaded.rejected());
    }
    return objs.get(0);
  }

  /**
   * Changes one scalar leaf of the written tree (not {@code apiVersion} or {@code kind}): strings
   * get a suffix, numbers grow, booleans flip.
   */
  public static JsonNode mutateOneLeaf(JsonNode tree, Random rnd) {
    JsonNode copy = tree.deepCopy();
    List<Object[]> leaves = new ArrayList<>();
    collect(copy, leaves, true);
    Object[] pick = leaves.get(rnd.nextInt(leaves.size()));
    JsonNode parent = (JsonNode) pick[0];
    JsonNode leaf = (JsonNode) pick[2];
    JsonNode replacement =
        leaf.isTextual()
            ? TextNode.valueOf(mutate(leaf.textValue()))
            : leaf.isBoolean()
                ? ModelJson.MAPPER.getNodeFactory().booleanNode(!leaf.booleanValue())
                : leaf.isInt()
                    ? ModelJson.MAPPER.getNodeFactory().numberNode(leaf.intValue() + 1)
                    : leaf.isIntegralNumber()
                        ? ModelJson.MAPPER.getNodeFactory().numberNode(leaf.longValue() + 1)
                        : leaf.isNumber()
                            ? ModelJson.MAPPER.getNodeFactory().numberNode(leaf.doubleValue() + 1)
                            : TextNode.valueOf("x");
    if (parent instanceof ObjectNode on) {
      on.set((String) pick[1], replacement);
    } else {
      ((ArrayNode) parent).set((Integer) pick[1], replacement);
    }
    return copy;
  }

  /**
   * Appends to a string; a base64 string (Secret data) stays valid base64 by appending to its
   * decoded bytes. (Seed 1077512063574 found that plain appending broke Secret data.)
   */
  private static String mutate(String text) {
    try {
      byte[] decoded = java.util.Base64.getDecoder().decode(text);
      byte[] longer = java.util.Arrays.copyOf(decoded, decoded.length + 1);
      longer[decoded.length] = 'x';
      return java.util.Base64.getEncoder().encodeToString(longer);
    } catch (IllegalArgumentException notBase64) {
      return text + "x";
    }
  }

  /**
   * Replaces one node of the tree (leaf or container, including required fields) by a value of a
   * random other shape: null, a number, a boolean, a string, a list or a map; or removes it.
   */
  public static JsonNode replaceOneNode(ObjectNode tree, Random rnd) {
    ObjectNode copy = tree.deepCopy();
    List<Object[]> places = new ArrayList<>();
    collectAll(copy, places);
    if (places.isEmpty()) {
      return copy;
    }
    Object[] pick = places.get(rnd.nextInt(places.size()));
    var f = ModelJson.MAPPER.getNodeFactory();
    JsonNode replacement =
        switch (rnd.nextInt(7)) {
          case 0 -> f.nullNode();
          case 1 -> f.numberNode(rnd.nextInt(2) == 0 ? -1 : Integer.MAX_VALUE + 1L);
          case 2 -> f.booleanNode(rnd.nextBoolean());
          case 3 -> f.textNode("x".repeat(rnd.nextInt(3) * 50_000));
          case 4 -> f.arrayNode().add(1).add("a");
          case 5 -> f.objectNode().put("unexpected", true);
          default -> null;
        };
    if (pick[0] instanceof ObjectNode on) {
      if (replacement == null) {
        on.remove((String) pick[1]);
      } else {
        on.set((String) pick[1], replacement);
      }
    } else {
      ArrayNode an = (ArrayNode) pick[0];
      if (replacement == null) {
        an.remove((Integer) pick[1]);
      } else {
        an.set((Integer) pick[1], replacement);
      }
    }
    return copy;
  }

  private static void collectAll(JsonNode node, List<Object[]> out) {
    if (node instanceof ObjectNode on) {
      for (Iterator<Map.Entry<String, JsonNode>> it = on.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(new Object[] {on, e.getKey()});
        collectAll(e.getValue(), out);
      }
    } else if (node instanceof ArrayNode an) {
      for (int i = 0; i < an.size(); i++) {
        out.add(new Object[] {an, i});
        collectAll(an.get(i), out);
      }
    }
  }

  private static void collect(JsonNode node, List<Object[]> out, boolean top) {
    if (node instanceof ObjectNode on) {
      for (Iterator<Map.Entry<String, JsonNode>> it = on.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (top && (e.getKey().equals("apiVersion") || e.getKey().equals("kind"))) {
          continue;
        }
        if (e.getValue().isContainerNode()) {
          collect(e.getValue(), out, false);
        } else if (!e.getValue().isNull()) {
          out.add(new Object[] {on, e.getKey(), e.getValue()});
        }
      }
    } else if (node instanceof ArrayNode an) {
      for (int i = 0; i < an.size(); i++) {
        if (an.get(i).isContainerNode()) {
          collect(an.get(i), out, false);
        } else if (!an.get(i).isNull()) {
          out.add(new Object[] {an, i, an.get(i)});
        }
      }
    }
  }
}
