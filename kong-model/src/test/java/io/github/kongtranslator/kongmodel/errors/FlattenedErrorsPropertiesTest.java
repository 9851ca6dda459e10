package io.github.kongtranslator.kongmodel.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Invariants P1, P2, P6 and robustness of fallback-spec §6.5, on generated bodies. */
class FlattenedErrorsPropertiesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] WORDS = {
    "a", "demo", "default", "kong", "x-y", "ns.1", "ü", "k8s-name:z", ":", ""
  };
  private static final String[] KEYS = {
    "flattened_errors",
    "entity_tags",
    "errors",
    "messages",
    "message",
    "field",
    "type",
    "entity_name",
    "entity_type",
    "entity_id",
    "code",
    "name",
    "fields",
    "entity",
    "extra"
  };

  static QuickTheory qt() {
    return QuickTheory.qt()
        .withExamples(Integer.getInteger("QT_EXAMPLES", 0) >= 10_000 ? 10_000 : 400);
  }

  private static int pick(RandomnessSource in, int max) {
    return (int) in.next(Constraint.between(0, max));
  }

  private static String word(RandomnessSource in) {
    return WORDS[pick(in, WORDS.length - 2)]; // non-empty words
  }

  /** An identity with non-empty name, kind, uid and namespace (namespaced kind). */
  static final Gen<ObjectRef> REFS =
      in ->
          new ObjectRef(
              new String[] {"", "configuration.konghq.com", "networking.k8s.io"}[pick(in, 2)],
              new String[] {"v1", "v1beta1"}[pick(in, 1)],
              new String[] {"KongPlugin", "Ingress", "Service", "Secret", "Custom"}[pick(in, 4)],
              word(in) + pick(in, 9),
              word(in) + pick(in, 99),
              "uid-" + in.next(Constraint.between(0, 1_000_000)));

  static final Gen<Long> SEEDS = in -> in.next(Constraint.none());

  private static ArrayNode tags(ObjectRef r) {
    ArrayNode t = F.arrayNode();
    t.add("k8s-name:" + r.name()).add("k8s-namespace:" + r.namespace()).add("k8s-kind:" + r.kind());
    t.add("k8s-uid:" + r.uid());
    if (!r.group().isEmpty()) {
      t.add("k8s-group:" + r.group());
    }
    t.add("k8s-version:" + r.version());
    return t;
  }

  private static ObjectNode body(List<ArrayNode> tagLists) {
    ObjectNode b = F.objectNode();
    ArrayNode fe = b.putArray("flattened_errors");
    for (ArrayNode t : tagLists) {
      ObjectNode e = fe.addObject();
      e.set("entity_tags", t);
      e.putArray("errors").addObject().putArray("messages").add("broken object");
    }
    return b;
  }

  @Test
  void p1_tagsGeneratedFromAnObject_identifyExactlyThatObject() {
    qt().forAll(REFS)
        .checkAssert(
            ref -> {
              GatewayRejection r =
                  FlattenedErrors.parse(body(List.of(tags(ref))).toString())
                      .rejection()
                      .orElseThrow();
              assertThat(KicBlame.brokenObjects(r)).containsExactly(ref);
            });
  }

  @Test
  void p2_permutingDistinctTags_doesNotChangeTheResult_andTheLastRepeatedTagWins() {
    qt().forAll(REFS, REFS, SEEDS)
        .checkAssert(
            (ref, other, seed) -> {
              ArrayNode t = tags(ref);
              List<JsonNode> l = new ArrayList<>();
              t.forEach(l::add);
              java.util.Collections.shuffle(l, new java.util.Random(seed));
              ArrayNode shuffled = F.arrayNode().addAll(l);
              assertThat(
                      KicBlame.brokenObjects(
                          FlattenedErrors.parse(body(List.of(shuffled)).toString())
                              .rejection()
                              .orElseThrow()))
                  .containsExactly(ref);
              ArrayNode overridden = tags(other).addAll(tags(ref));
              assertThat(
                      KicBlame.brokenObjects(
                          FlattenedErrors.parse(body(List.of(overridden)).toString())
                              .rejection()
                              .orElseThrow()))
                  .containsExactly(
                      ref.group().isEmpty() && !other.group().isEmpty()
                          ? new ObjectRef(
                              other.group(),
                              ref.version(),
                              ref.kind(),
                              ref.namespace(),
                              ref.name(),
                              ref.uid())
                          : ref);
            });
  }

  /** Adds unknown keys at every object level, and reverses key order. */
  private static JsonNode noise(JsonNode n, java.util.Random in) {
    if (n.isObject()) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      java.util.Collections.reverse(keys);
      ObjectNode o = F.objectNode();
      o.put("zz_unknown_" + in.nextInt(10), in.nextInt(100));
      for (String k : keys) {
        o.set(k, noise(n.get(k), in));
      }
      o.putObject("unknown_obj").put("k8s-name", "spoof");
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(e -> a.add(noise(e, in)));
      return a;
    }
    return n;
  }

  @Test
  void p6_unknownKeysAndKeyOrder_doNotChangeTheResult() {
    qt().forAll(REFS, SEEDS)
        .checkAssert(
            (ref, seed) -> {
              ObjectNode b = body(List.of(tags(ref)));
              java.util.Random src = new java.util.Random(seed);
              GatewayRejection plain =
                  FlattenedErrors.parse(b.toString()).rejection().orElseThrow();
              GatewayRejection noisy =
                  FlattenedErrors.parse(noise(b, src).toString()).rejection().orElseThrow();
              assertThat(noisy.entries()).isEqualTo(plain.entries());
            });
  }

  /** Random JSON built from the known keys with arbitrary value types. */
  private static JsonNode randomJson(RandomnessSource in, int depth) {
    int k = pick(in, depth > 4 ? 3 : 6);
    switch (k) {
      case 0:
        return F.textNode(WORDS[pick(in, WORDS.length - 1)]);
      case 1:
        return F.numberNode(in.next(Constraint.between(-5, 5)) / (pick(in, 1) + 1.0));
      case 2:
        return pick(in, 1) == 0 ? F.nullNode() : F.booleanNode(true);
      case 3:
        return F.numberNode(pick(in, 20));
      case 4:
      case 5:
        {
          ArrayNode a = F.arrayNode();
          for (int i = pick(in, 3); i > 0; i--) {
            a.add(randomJson(in, depth + 1));
          }
          return a;
        }
      default:
        {
          ObjectNode o = F.objectNode();
          for (int i = pick(in, 4); i > 0; i--) {
            o.set(KEYS[pick(in, KEYS.length - 1)], randomJson(in, depth + 1));
          }
          return o;
        }
    }
  }

  static final Gen<String> BODIES =
      in -> {
        String json =
            (pick(in, 3) == 0
                    ? F.objectNode().set("flattened_errors", randomJson(in, 1))
                    : randomJson(in, 0))
                .toString();
        return switch (pick(in, 4)) {
          case 0 -> json.substring(0, pick(in, json.length())); // truncated
          case 1 -> "<html>" + json + "</html>";
          default -> json;
        };
      };

  @Test
  void fuzz_anyBody_givesAnOutcome_neverAnException() {
    qt().forAll(BODIES)
        .checkAssert(
            body -> {
              ParseOutcome o = FlattenedErrors.parse(body);
              assertThat(o).isNotNull();
              assertThat(o.status()).isNotNull();
              o.rejection()
                  .ifPresent(
                      r -> {
                        assertThat(r.entries()).isNotNull();
                        r.entries()
                            .forEach(
                                e -> {
                                  assertThat(e.problems()).isNotNull();
                                  assertThat(e.targetRef()).isNotNull();
                                  assertThat(e.compatRef()).isNotNull();
                                });
                        assertThat(r.toString()).isNotNull();
                      });
            });
  }

  @Test
  void fuzz_validBodies_areParsed_andWellFormedOnesNeverUnparseable() throws Exception {
    qt().forAll(REFS)
        .checkAssert(
            ref -> {
              try {
                String pretty =
                    MAPPER
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(body(List.of(tags(ref), tags(ref))));
                assertThat(FlattenedErrors.parse(pretty).status())
                    .isEqualTo(ParseOutcome.Status.PARSED);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }
}
