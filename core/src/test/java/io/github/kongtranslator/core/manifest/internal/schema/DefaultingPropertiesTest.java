package io.github.kongtranslator.core.manifest.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Properties of defaulting over objects generated from the bundled schemas themselves (random
 * subsets of every kind's fields, enum values, lists of 0 to 2 items): defaulting is idempotent,
 * never removes or changes a field that was present, and validation never throws. QuickTheories
 * prints the seed of a failing case; replay with {@code -DQT_SEED=<seed>}.
 */
class DefaultingPropertiesTest {
  private static final CrdSchemas SCHEMAS = CrdSchemas.bundled();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Kind> KINDS =
      Arrays.stream(Kind.values()).filter(k -> SCHEMAS.hasSchema(k, k.versions().get(0))).toList();
  private static final String[] STRINGS = {
    "", "a", "/", "/x", "Service", "PathPrefix", "gw", "example.com", "10s", "ünï", "ip", "none"
  };

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 200));
  }

  /** A generated object of a kind with a bundled CRD, with its kind and version. */
  record Generated(Kind kind, String version, ObjectNode object) {
    @Override
    public String toString() {
      return kind.kindName() + "/" + version + " " + object;
    }
  }

  private static Generated generate(int kindIndex, long seed) {
    Kind kind = KINDS.get(kindIndex);
    List<String> versions = List.copyOf(SCHEMAS.versions(kind).keySet());
    Random rnd = new Random(seed);
    String version = versions.get(rnd.nextInt(versions.size()));
    ObjectNode o = (ObjectNode) value(SCHEMAS.versions(kind).get(version), rnd, 0);
    o.put("apiVersion", kind.group() + "/" + version);
    o.put("kind", kind.kindName());
    o.putObject("metadata").put("name", "x");
    return new Generated(kind, version, o);
  }

  private static JsonNode value(SchemaNode s, Random rnd, int depth) {
    if (s.enumValues != null && !s.enumValues.isEmpty()) {
      return s.enumValues.get(rnd.nextInt(s.enumValues.size())).deepCopy();
    }
    if (s.intOrString) {
      return rnd.nextBoolean() ? NODES.numberNode(rnd.nextInt(100)) : NODES.textNode("50%");
    }
    String type = s.type != null ? s.type : (!s.properties.isEmpty() ? "object" : "string");
    switch (type) {
      case "object":
        {
          ObjectNode o = NODES.objectNode();
          if (depth < 9) {
            for (Map.Entry<String, SchemaNode> p : s.properties.entrySet()) {
              if (rnd.nextInt(10) < (depth < 2 ? 7 : 4)) {
                o.set(p.getKey(), value(p.getValue(), rnd, depth + 1));
              }
            }
            if (s.additionalProperties != null) {
              for (int i = rnd.nextInt(3); i > 0; i--) {
                o.set("k" + rnd.nextInt(5), value(s.additionalProperties, rnd, depth + 1));
              }
            }
          }
          return o;
        }
      case "array":
        {
          ArrayNode a = NODES.arrayNode();
          if (s.items != null && depth < 9) {
            for (int i = rnd.nextInt(3); i > 0; i--) {
              a.add(value(s.items, rnd, depth + 1));
            }
          }
          return a;
        }
      case "integer":
        return NODES.numberNode(rnd.nextInt(70_000) - 1);
      case "number":
        return NODES.numberNode(rnd.nextDouble() * 10);
      case "boolean":
        return NODES.booleanNode(rnd.nextBoolean());
      default:
        return NODES.textNode(STRINGS[rnd.nextInt(STRINGS.length)]);
    }
  }

  @Test
  void property_defaultingIsIdempotent() {
    qt().forAll(integers().between(0, KINDS.size() - 1), longs().all())
        .as(DefaultingPropertiesTest::generate)
        .checkAssert(
            g -> {
              SCHEMAS.applyDefaults(g.kind(), g.version(), g.object());
              ObjectNode once = g.object().deepCopy();
              List<String> second = SCHEMAS.applyDefaults(g.kind(), g.version(), g.object());
              assertThat(second).as("%s", g).isEmpty();
              assertThat(g.object()).isEqualTo(once);
            });
  }

  @Test
  void property_defaultingNeverRemovesOrChangesAPresentField() {
    qt().forAll(integers().between(0, KINDS.size() - 1), longs().all())
        .as(DefaultingPropertiesTest::generate)
        .checkAssert(
            g -> {
              ObjectNode before = g.object().deepCopy();
              List<String> defaulted = SCHEMAS.applyDefaults(g.kind(), g.version(), g.object());
              assertKept(before, g.object(), "", g);
              for (String pointer : defaulted) {
                assertThat(before.at(pointer).isMissingNode())
                    .as("%s reported for %s", pointer, g)
                    .isTrue();
                assertThat(g.object().at(pointer).isMissingNode()).isFalse();
              }
            });
  }

  @Test
  void property_validationNeverThrows() {
    qt().forAll(integers().between(0, KINDS.size() - 1), longs().all())
        .as(DefaultingPropertiesTest::generate)
        .checkAssert(
            g -> {
              SCHEMAS.applyDefaults(g.kind(), g.version(), g.object());
              assertThat(SCHEMAS.validate(g.kind(), g.version(), g.object())).isNotNull();
              assertThat(SCHEMAS.unknownFields(g.kind(), g.version(), g.object())).isEmpty();
            });
  }

  /** Every field of {@code before} is in {@code after} with the same scalar values. */
  private static void assertKept(JsonNode before, JsonNode after, String ptr, Generated g) {
    if (before.isObject()) {
      assertThat(after.isObject()).as("%s in %s", ptr, g).isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assertThat(after.has(e.getKey())).as("%s/%s kept in %s", ptr, e.getKey(), g).isTrue();
        assertKept(e.getValue(), after.get(e.getKey()), ptr + "/" + e.getKey(), g);
      }
    } else if (before.isArray()) {
      assertThat(after.size()).as("%s size in %s", ptr, g).isEqualTo(before.size());
      for (int i = 0; i < before.size(); i++) {
        assertKept(before.get(i), after.get(i), ptr + "/" + i, g);
      }
    } else {
      assertThat(after).as("%s in %s", ptr, g).isEqualTo(before);
    }
  }
}
