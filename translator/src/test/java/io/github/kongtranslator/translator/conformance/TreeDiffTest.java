package io.github.kongtranslator.translator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreeDiffTest {

  static Object yaml(String text) {
    return GoldenCorpus.parseYaml(text);
  }

  @Test
  void equalTrees_ignoreMappingKeyOrder() {
    assertThat(TreeDiff.firstDifference(yaml("{a: 1, b: [x, y]}"), yaml("{b: [x, y], a: 1}")))
        .isEmpty();
  }

  @Test
  void difference_reportsThePathAndBothValues() {
    String expected =
        "services: [{routes: [{paths: [/a, /b]}]}, {}, {routes: [{paths: [/c, /d]}]}]";
    String actual = "services: [{routes: [{paths: [/a, /b]}]}, {}, {routes: [{paths: [/c, /e]}]}]";
    assertThat(TreeDiff.firstDifference(yaml(expected), yaml(actual)))
        .hasValue(
            "services[2].routes[0].paths[1]: expected \"/d\" (string), found \"/e\" (string)");
  }

  @Test
  void missingKey_differsFromEmptyValue() {
    assertThat(TreeDiff.firstDifference(yaml("{a: 1, tags: []}"), yaml("{a: 1}")))
        .hasValue("tags: missing key, expected a sequence of 0");
    assertThat(TreeDiff.firstDifference(yaml("{a: 1}"), yaml("{a: 1, x: {}}")))
        .hasValue("x: unexpected key, found a mapping");
  }

  @Test
  void scalarTypes_matter() {
    assertThat(TreeDiff.firstDifference(yaml("{v: \"3.0\"}"), yaml("{v: 3.0}"))).isPresent();
    assertThat(TreeDiff.firstDifference(yaml("{v: true}"), yaml("{v: \"true\"}"))).isPresent();
    assertThat(TreeDiff.firstDifference(yaml("{v: 1}"), yaml("{v: 1.5}"))).isPresent();
  }

  @Test
  void integralNumbers_compareByValueWhateverTheirWidth() {
    assertThat(TreeDiff.firstDifference(yaml("{p: 57178899677185}"), yaml("{p: 57178899677185}")))
        .isEmpty();
    assertThat(TreeDiff.firstDifference(Integer.valueOf(5), Long.valueOf(5))).isEmpty();
  }

  @Test
  void sequenceOrderAndLength_matter() {
    assertThat(TreeDiff.firstDifference(yaml("[a, b]"), yaml("[b, a]")))
        .hasValue("[0]: expected \"a\" (string), found \"b\" (string)");
    assertThat(TreeDiff.firstDifference(yaml("{l: [a]}"), yaml("{l: [a, b]}")))
        .hasValue("l: expected 1 items, found 2");
  }

  @Test
  void pemText_isNeverShownInDifferences() {
    String a = "{key: \"-----BEGIN PRIVATE KEY-----\\nsecretbits\\n-----END PRIVATE KEY-----\"}";
    String b = "{key: \"-----BEGIN PRIVATE KEY-----\\notherbits\\n-----END PRIVATE KEY-----\"}";
    assertThat(TreeDiff.firstDifference(yaml(a), yaml(b)))
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .doesNotContain("secretbits")
                    .doesNotContain("otherbits")
                    .contains("PEM"));
  }
}
