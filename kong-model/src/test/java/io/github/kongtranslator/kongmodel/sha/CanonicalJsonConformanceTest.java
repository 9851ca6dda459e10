package io.github.kongtranslator.kongmodel.sha;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.json.CanonicalJson;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** The canonical writer under the config SHA agrees with an independent RFC 8785 implementation. */
class CanonicalJsonConformanceTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static QuickTheory qt() {
    return QuickTheory.qt()
        .withExamples(Integer.getInteger("QT_EXAMPLES", 0) >= 10_000 ? 10_000 : 500);
  }

  private static final int[] SPECIAL = {
    0, 1, 0x1f, '"', '\\', '/', 0x7f, 0x80, 0xa0, 0xe9, 0x2028, 0x2029, 0xfeff, 0xfffd, 0xffff,
    0x1f600, 0x10ffff, 0xe000, '\b', '\f', '\n', '\r', '\t'
  };

  static String string(RandomnessSource in) {
    int len = (int) in.next(Constraint.between(0, 12));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int kind = (int) in.next(Constraint.between(0, 3));
      int cp =
          switch (kind) {
            case 0 -> (int) in.next(Constraint.between(0x20, 0x7e));
            case 1 -> SPECIAL[(int) in.next(Constraint.between(0, SPECIAL.length - 1))];
            case 2 -> (int) in.next(Constraint.between(0, 0xd7ff));
            default -> (int) in.next(Constraint.between(0xe000, 0x10ffff));
          };
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  static double number(RandomnessSource in) {
    return switch ((int) in.next(Constraint.between(0, 6))) {
      case 0 -> in.next(Constraint.between(-1000, 1000));
      case 1 -> in.next(Constraint.between(-(1L << 53), 1L << 53));
      case 2 -> {
        double d = Double.longBitsToDouble(in.next(Constraint.none()));
        yield Double.isFinite(d) ? d : 0.5;
      }
      case 3 ->
          new double[] {
                0.1,
                1e21,
                1e-7,
                1e-6,
                123456789012345680000.0,
                5e-324,
                Double.MAX_VALUE,
                -Double.MIN_NORMAL,
                9007199254740993.0,
                0.000001,
                1e20,
                333333333.3333333
              }
              [(int) in.next(Constraint.between(0, 11))];
      case 4 -> in.next(Constraint.between(-100000, 100000)) / 1000.0;
      case 5 ->
          Math.scalb(
              (double) in.next(Constraint.between(1, 1 << 20)),
              (int) in.next(Constraint.between(-80, 80)));
      default -> -0.0 + in.next(Constraint.between(0, 1)) * 1e-300;
    };
  }

  static JsonNode json(RandomnessSource in, int depth) {
    int kind = (int) in.next(Constraint.between(0, depth > 3 ? 4 : 6));
    switch (kind) {
      case 0:
        return F.textNode(string(in));
      case 1:
        {
          double d = number(in);
          return d == Math.rint(d) && Math.abs(d) < 1e15 ? F.numberNode((long) d) : F.numberNode(d);
        }
      case 2:
        return F.booleanNode(in.next(Constraint.between(0, 1)) == 1);
      case 3:
        return F.nullNode();
      case 4:
        return F.numberNode(in.next(Constraint.between(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2)));
      case 5:
        {
          ArrayNode a = F.arrayNode();
          int n = (int) in.next(Constraint.between(0, 4));
          for (int i = 0; i < n; i++) {
            a.add(json(in, depth + 1));
          }
          return a;
        }
      default:
        {
          ObjectNode o = F.objectNode();
          int n = (int) in.next(Constraint.between(0, 5));
          for (int i = 0; i < n; i++) {
            o.set(string(in), json(in, depth + 1));
          }
          return o;
        }
    }
  }

  /** Top-level objects only: the reference implementation accepts no bare scalars. */
  static final Gen<JsonNode> JSON = in -> F.objectNode().set("v", json(in, 0));

  @Test
  void canonicalForm_matchesErdtmanJcs_onGeneratedJson() {
    qt().forAll(JSON)
        .checkAssert(
            node -> {
              try {
                String text = MAPPER.writeValueAsString(node);
                String expected = new JsonCanonicalizer(text).getEncodedString();
                assertThat(CanonicalJson.write(node)).isEqualTo(expected);
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void canonicalForm_matchesRfc8785Examples() throws Exception {
    // RFC 8785 §3.2.2 number examples and §3.2.3 sorting example, written by hand
    String input =
        "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
            + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertThat(CanonicalJson.write(MAPPER.readTree(input))).isEqualTo(expected);
  }
}
