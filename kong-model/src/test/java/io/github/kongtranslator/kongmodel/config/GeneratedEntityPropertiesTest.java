package io.github.kongtranslator.kongmodel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.CaseFormat;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Properties of the entity classes generated from the definitions in {@link EntityKind}: values set
 * through the generated typed setters read back through the generated accessors; decode(encode(x))
 * == x in YAML and JSON for configurations built through them; and the builders (and decoding)
 * reject a value whose JSON type the definition forbids. A failing property prints its seed; replay
 * with {@code -DQT_SEED=<seed>}.
 */
class GeneratedEntityPropertiesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Strings people write, and strings a YAML emitter must quote to keep them strings. */
  private static final String[] WORDS = {
    "a",
    "demo",
    "kong",
    "x-y",
    "ns.1",
    "/path/v1",
    "ü",
    "k8s-name:z",
    "true",
    "no",
    "1",
    "1.5",
    "null",
    "~",
    "",
    " lead",
    "a: b",
    "#x",
    "- x",
    "0x1F",
    "é\u00e8\ttab",
    "'q'",
    "\"dq\""
  };

  /** Kinds with a top-level section (the others only appear nested). */
  private static final List<EntityKind> TOP =
      Arrays.stream(EntityKind.values())
          .filter(
              k ->
                  k != EntityKind.CUSTOM_ENTITY
                      && Arrays.stream(KongConfig.Builder.class.getMethods())
                          .anyMatch(m -> m.getName().equals("add" + k.type().getSimpleName())))
          .toList();

  private static QuickTheory qt() {
    return QuickTheory.qt();
  }

  private static String camel(String key) {
    return CaseFormat.LOWER_UNDERSCORE.to(CaseFormat.LOWER_CAMEL, key);
  }

  private static int pick(RandomnessSource in, int max) {
    return (int) in.next(Constraint.between(0, max));
  }

  private static String word(RandomnessSource in) {
    return WORDS[pick(in, WORDS.length - 1)];
  }

  private static Object invoke(Object target, Method m, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static Class<?> builderClass(EntityKind kind) {
    return Arrays.stream(kind.type().getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals("Builder"))
        .findFirst()
        .orElseThrow();
  }

  private static Object newBuilder(EntityKind kind) {
    try {
      return kind.type().getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A typed value of a field, as the Java value for its setter. */
  private static Object javaValue(FieldSpec f, Method typedSetter, RandomnessSource in) {
    Class<?> p = typedSetter.getParameterTypes()[0];
    if (p == String.class) {
      return word(in);
    } else if (p == int.class) {
      return (int) in.next(Constraint.between(-100_000, 100_000));
    } else if (p == long.class) {
      return in.next(Constraint.between(-(1L << 40), 1L << 40));
    } else if (p == boolean.class) {
      return pick(in, 1) == 1;
    } else if (p == List.class) {
      List<String> l = new ArrayList<>();
      for (int i = pick(in, 3); i > 0; i--) {
        l.add(word(in));
      }
      return l;
    } else if (p == JsonNode.class) {
      if (f.type() == FieldType.ARRAY) {
        ArrayNode a = F.arrayNode();
        for (int i = pick(in, 2); i > 0; i--) {
          a.addObject().put("ip", word(in)).put("port", pick(in, 65535));
        }
        return a;
      }
      ObjectNode o = F.objectNode();
      for (int i = pick(in, 3); i > 0; i--) {
        o.put("k" + i, word(in));
      }
      if (pick(in, 1) == 1) {
        o.putArray("list").add(pick(in, 9)).add(word(in));
      }
      return o;
    }
    throw new AssertionError("unexpected setter parameter " + p);
  }

  /** The accessor's expected result for a value given to the typed setter. */
  private static Object expectedRead(Object value) {
    if (value instanceof Integer i) {
      return OptionalInt.of(i);
    } else if (value instanceof Long l) {
      return OptionalLong.of(l);
    } else if (value instanceof List<?> l) {
      return ImmutableList.copyOf(l);
    }
    return Optional.of(value);
  }

  /**
   * The typed setter of a field: the one taking neither varargs nor a raw JSON value unless
   * JSON-typed.
   */
  private static Method typedSetter(Class<?> builder, FieldSpec f) {
    String name = camel(f.name());
    return Arrays.stream(builder.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1 && !m.isVarArgs())
        .findFirst()
        .orElseThrow(() -> new AssertionError(builder.getName() + "." + name));
  }

  /**
   * An entity of {@code kind} built only through the generated typed setters (and, sometimes, one
   * unknown field), with nested entities to {@code depth}; checks each typed accessor on the way.
   */
  private static KongEntity entity(EntityKind kind, RandomnessSource in, int depth) {
    Class<?> bc = builderClass(kind);
    Object b = newBuilder(kind);
    Map<FieldSpec, Object> given = new LinkedHashMap<>();
    for (FieldSpec f : kind.fieldSpecs()) {
      if (pick(in, 2) == 0) {
        continue;
      }
      Method s = typedSetter(bc, f);
      Object v = javaValue(f, s, in);
      invoke(b, s, v);
      given.put(f, v);
    }
    if (pick(in, 3) == 0) {
      invoke(
          b,
          setter(bc, "set", String.class, JsonNode.class),
          "x_unknown_" + pick(in, 3),
          F.textNode(word(in)));
    }
    if (depth > 0) {
      for (String key : kind.childKeys()) {
        if (pick(in, 2) == 0) {
          continue;
        }
        EntityKind child = kind.childKind(key).orElseThrow();
        List<KongEntity> list = new ArrayList<>();
        for (int i = pick(in, 2); i > 0; i--) {
          list.add(entity(child, in, depth - 1));
        }
        invoke(b, setter(bc, camel(key), List.class), list);
      }
    }
    KongEntity e = (KongEntity) invoke(b, setter(bc, "build"));
    assertThat(e.kind()).isEqualTo(kind);
    for (Map.Entry<FieldSpec, Object> g : given.entrySet()) {
      Method accessor;
      try {
        accessor = kind.type().getMethod(camel(g.getKey().name()));
      } catch (NoSuchMethodException ex) {
        throw new AssertionError(ex);
      }
      assertThat(invoke(e, accessor))
          .as("%s.%s()", kind, accessor.getName())
          .isEqualTo(expectedRead(g.getValue()));
    }
    return e;
  }

  private static Method setter(Class<?> c, String name, Class<?>... types) {
    try {
      return c.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static final Gen<KongConfig> CONFIGS =
      in -> {
        KongConfig.Builder b = KongConfig.builder();
        Class<?> cb = KongConfig.Builder.class;
        for (int n = pick(in, 4); n > 0; n--) {
          EntityKind kind = TOP.get(pick(in, TOP.size() - 1));
          KongEntity e = entity(kind, in, 2);
          invoke(b, setter(cb, "add" + kind.type().getSimpleName(), kind.type()), e);
        }
        return b.build();
      };

  @Test
  void decodeOfEncode_isIdentity_forConfigurationsBuiltThroughTheGeneratedBuilders() {
    qt().forAll(CONFIGS)
        .checkAssert(
            config -> {
              for (boolean yaml : new boolean[] {true, false}) {
                String text =
                    (yaml ? KongConfigWriter.yaml() : KongConfigWriter.json()).write(config);
                KongConfig back =
                    (yaml ? KongConfigReader.yaml() : KongConfigReader.json())
                        .read(text, "generated");
                assertThat(back).as(yaml ? "yaml" : "json").isEqualTo(config);
                assertThat(back.toJson()).isEqualTo(config.toJson());
              }
            });
  }

  /** JSON values of every type, to try on every field. */
  private static final List<JsonNode> SAMPLES =
      List.of(
          F.textNode("s"),
          F.numberNode(7),
          F.numberNode(1.5),
          F.booleanNode(true),
          F.objectNode().put("id", "x"),
          F.arrayNode().add("a"),
          F.arrayNode().add(1),
          F.arrayNode());

  /** What the definition allows, written independently of {@link FieldType#accepts}. */
  private static boolean allowed(FieldType type, JsonNode v) {
    return switch (type) {
      case STRING -> v.isTextual();
      case INTEGER -> v.isIntegralNumber();
      case BOOLEAN -> v.isBoolean();
      case STRING_LIST -> v.isArray() && (v.isEmpty() || v.get(0).isTextual());
      case OBJECT -> v.isObject();
      case ARRAY -> v.isArray();
      case REFERENCE -> v.isTextual() || v.isObject();
      case ANY -> true;
    };
  }

  private static final List<FieldSpec> ALL_FIELDS =
      Arrays.stream(EntityKind.values()).flatMap(k -> k.fieldSpecs().stream()).toList();

  private static EntityKind kindOf(FieldSpec f) {
    return Arrays.stream(EntityKind.values())
        .filter(k -> k.fieldSpecs().contains(f))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void builders_andDecoding_rejectWhatTheDefinitionForbids_andAcceptTheRest() {
    Gen<Integer> fieldIndex = in -> pick(in, ALL_FIELDS.size() - 1);
    Gen<Integer> sampleIndex = in -> pick(in, SAMPLES.size() - 1);
    qt().forAll(fieldIndex, sampleIndex)
        .checkAssert(
            (fi, si) -> {
              FieldSpec f = ALL_FIELDS.get(fi);
              EntityKind kind = kindOf(f);
              JsonNode v = SAMPLES.get(si);
              Class<?> bc = builderClass(kind);
              Object b = newBuilder(kind);
              Method set = setter(bc, "set", String.class, JsonNode.class);
              ObjectNode doc = F.objectNode();
              doc.putArray(kind.sectionKey()).addObject().set(f.name(), v);
              if (allowed(f.type(), v)) {
                invoke(b, set, f.name(), v);
                KongEntity e = (KongEntity) invoke(b, setter(bc, "build"));
                assertThat(e.field(f.name())).contains(v);
              } else {
                assertThatThrownBy(() -> invoke(b, set, f.name(), v))
                    .as("%s.%s = %s", kind, f.name(), v)
                    .isInstanceOf(KongModelException.class)
                    .hasMessageContaining(f.name());
                if (EntityKind.forSection(kind.sectionKey()).isPresent()) {
                  assertThatThrownBy(() -> KongConfig.fromJson(doc))
                      .isInstanceOf(KongModelException.class);
                }
              }
              // an explicit null is accepted by every field, as Kong does
              invoke(newBuilder(kind), set, f.name(), F.nullNode());
            });
  }
}
