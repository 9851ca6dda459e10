package io.github.kongtranslator.core.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** {@link ImplicitTags} gives exactly the tags of SnakeYAML's own {@link Resolver}. */
class ImplicitTagsTest {
  private static final Resolver SNAKEYAML = new Resolver();

  /** Every word of the resolver's fixed patterns, their near misses, and numbers and dates. */
  private static final List<String> WORDS =
      List.of(
          "",
          " ",
          "~",
          "~~",
          "null",
          "Null",
          "NULL",
          "nULL",
          "nul",
          "nulls",
          "yes",
          "Yes",
          "YES",
          "yES",
          "no",
          "No",
          "NO",
          "nO",
          "true",
          "True",
          "TRUE",
          "tRUE",
          "false",
          "False",
          "FALSE",
          "on",
          "On",
          "ON",
          "oN",
          "off",
          "Off",
          "OFF",
          "y",
          "n",
          "<<",
          "<",
          "<<<",
          "!",
          "&",
          "*",
          "!!",
          "=",
          "0",
          "-0",
          "+1",
          "012",
          "0x1F",
          "0b101",
          "1_000",
          "1:20",
          "190:20:30",
          "1.5",
          ".5",
          "-.inf",
          ".NaN",
          ".nan",
          "1e3",
          "1.0e+3",
          "2001-12-14",
          "2001-12-14t21:59:43.10-05:00",
          "2001-12-14 21:59:43.10 -5",
          "10.0.0.1",
          "8080",
          "80/TCP",
          "-",
          "+",
          ".",
          "-a",
          "key",
          "name",
          "Namespace",
          "TCP",
          "o",
          "t",
          "f");

  private static final String ALPHABET = "yYnNtTfFoO~<!&*-+.0123456789:_eExXbB lurs=aA";

  private static Gen<String> scalars() {
    Gen<String> fromAlphabet =
        SourceDSL.integers()
            .between(0, 6)
            .zip(
                SourceDSL.longs().all(),
                (length, seed) -> {
                  java.util.Random rnd = new java.util.Random(seed);
                  StringBuilder sb = new StringBuilder();
                  for (int i = 0; i < length; i++) {
                    sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                  }
                  return sb.toString();
                });
    Gen<String> words = SourceDSL.integers().between(0, WORDS.size() - 1).map(WORDS::get);
    return words.mix(fromAlphabet, 50);
  }

  @Test
  void everyWordOfTheResolversPatterns_getsSnakeYamlsTag() {
    for (String w : WORDS) {
      assertThat(ImplicitTags.INSTANCE.resolve(NodeId.scalar, w, true))
          .as("plain scalar '%s'", w)
          .isEqualTo(SNAKEYAML.resolve(NodeId.scalar, w, true));
    }
    assertThat(ImplicitTags.INSTANCE.resolve(NodeId.scalar, "true", true)).isEqualTo(Tag.BOOL);
    assertThat(ImplicitTags.INSTANCE.resolve(NodeId.scalar, "~", true)).isEqualTo(Tag.NULL);
  }

  @Test
  void anyScalar_getsSnakeYamlsTag() {
    qt().withExamples(5000)
        .forAll(scalars())
        .checkAssert(
            s -> {
              for (boolean implicit : new boolean[] {true, false}) {
                assertThat(ImplicitTags.INSTANCE.resolve(NodeId.scalar, s, implicit))
                    .as("scalar '%s', implicit %s", s, implicit)
                    .isEqualTo(SNAKEYAML.resolve(NodeId.scalar, s, implicit));
              }
            });
  }

  @Test
  void collections_getSnakeYamlsTag() {
    for (NodeId id : new NodeId[] {NodeId.mapping, NodeId.sequence}) {
      assertThat(ImplicitTags.INSTANCE.resolve(id, null, true))
          .isEqualTo(SNAKEYAML.resolve(id, null, true));
    }
  }
}
