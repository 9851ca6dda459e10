package io.github.kongtranslator.core.manifest.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.model.Kind;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI and Kubernetes keywords the bundled CRDs use rarely or not at all, on small schemas
 * written here (semantics from k8s.io/kube-openapi/pkg/validation/validate and
 * apiextensions-apiserver/pkg/apiserver/validation), plus {@code minItems} from a CRD.
 */
class SchemaKeywordsTest {
  private static SchemaNode schema(String json) {
    return SchemaNode.compile(TestObjects.json(json), GoRegex::compile, CelRule::compile);
  }

  private static List<String> rules(String schemaJson, String valueJson) {
    JsonNode value = TestObjects.json(valueJson);
    return Validation.validate(value, schema(schemaJson)).stream()
        .map(v -> v.pointer() + " " + v.rule())
        .toList();
  }

  // gateway.networking.k8s.io_gateways.yaml, v1 spec.listeners minItems 1
  @Test
  void minItemsFromTheGatewayCrd() {
    var gw =
        TestObjects.yaml(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: g}\nspec: {gatewayClassName: kong, listeners: []}\n");
    CrdSchemas.bundled().applyDefaults(Kind.GATEWAY, "v1", gw);
    assertThat(CrdSchemas.bundled().validate(Kind.GATEWAY, "v1", gw))
        .extracting(SchemaViolation::pointer, SchemaViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/spec/listeners", "minItems"));
  }

  @Test
  void exclusiveBoundsAndMultipleOf() {
    String s =
        "{\"type\":\"number\",\"minimum\":0,\"exclusiveMinimum\":true,"
            + "\"maximum\":10,\"exclusiveMaximum\":true,\"multipleOf\":2.5}";
    assertThat(rules(s, "0")).containsExactly(" minimum");
    assertThat(rules(s, "10")).containsExactly(" maximum");
    assertThat(rules(s, "5")).isEmpty();
    assertThat(rules(s, "6")).containsExactly(" multipleOf");
  }

  // kube-openapi counts string length in runes (utf8.RuneCountInString), not UTF-16 units
  @Test
  void lengthsCountRunes() {
    String s = "{\"type\":\"string\",\"minLength\":2,\"maxLength\":2}";
    assertThat(rules(s, "\"\\ud83d\\ude00\\ud83d\\ude00\"")).isEmpty(); // two emoji, 4 units
    assertThat(rules(s, "\"\\ud83d\\ude00\"")).containsExactly(" minLength");
    assertThat(rules(s, "\"abc\"")).containsExactly(" maxLength");
  }

  @Test
  void intOrString() {
    String s = "{\"x-kubernetes-int-or-string\":true}";
    assertThat(rules(s, "80")).isEmpty();
    assertThat(rules(s, "\"http\"")).isEmpty();
    assertThat(rules(s, "1.5")).containsExactly(" x-kubernetes-int-or-string");
    assertThat(rules(s, "true")).containsExactly(" x-kubernetes-int-or-string");
  }

  @Test
  void nullable() {
    assertThat(rules("{\"type\":\"string\",\"nullable\":true}", "null")).isEmpty();
    assertThat(rules("{\"type\":\"string\"}", "null")).containsExactly(" type");
  }

  // a YAML 5.0 is a float: not an integer (as JSON decoding in the API server)
  @Test
  void integerType() {
    assertThat(rules("{\"type\":\"integer\"}", "5")).isEmpty();
    assertThat(rules("{\"type\":\"integer\"}", "5.0")).containsExactly(" type");
    assertThat(rules("{\"type\":\"number\"}", "5")).isEmpty();
  }

  @Test
  void allOfAndMinMaxProperties() {
    String s =
        "{\"type\":\"object\",\"minProperties\":1,\"maxProperties\":2,"
            + "\"allOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}";
    assertThat(rules(s, "{\"a\":1,\"b\":2}")).isEmpty();
    assertThat(rules(s, "{\"a\":1}")).containsExactly("/b required");
    assertThat(rules(s, "{}")).containsExactly(" minProperties", "/a required", "/b required");
    assertThat(rules(s, "{\"a\":1,\"b\":2,\"c\":3}")).containsExactly(" maxProperties");
  }

  @Test
  void additionalPropertiesAreValidated() {
    String s =
        "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\",\"maxLength\":3}}";
    assertThat(rules(s, "{\"a\":\"xyz\",\"b\":\"long\"}")).containsExactly("/b maxLength");
  }

  // enum values compare by value: 1 and 1.0 are the same number
  @Test
  void enumComparesNumbersByValue() {
    assertThat(rules("{\"type\":\"number\",\"enum\":[1,2]}", "1.0")).isEmpty();
    assertThat(rules("{\"type\":\"number\",\"enum\":[1,2]}", "3")).containsExactly(" enum");
  }

  // fieldPath of a rule points the violation at the field (x-kubernetes-validations fieldPath)
  @Test
  void ruleFieldPath() {
    String s =
        "{\"type\":\"object\",\"x-kubernetes-validations\":[{\"rule\":\"self.a.b > 0\","
            + "\"fieldPath\":\".a['b']\",\"message\":\"b must be positive\"}]}";
    List<SchemaViolation> v = Validation.validate(TestObjects.json("{\"a\":{\"b\":0}}"), schema(s));
    assertThat(v)
        .extracting(SchemaViolation::pointer, SchemaViolation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/a/b", "b must be positive"));
  }

  @Test
  void longValuesAreNotQuoted() {
    String s = "{\"type\":\"string\",\"enum\":[\"a\"]}";
    String value = "x".repeat(200);
    List<SchemaViolation> v = Validation.validate(TestObjects.json("\"" + value + "\""), schema(s));
    assertThat(v.get(0).message()).doesNotContain(value).contains("string of 202 chars");
  }

  @Test
  void patternIsNotMatchedOnStringsOverMaxLength() {
    Pattern catastrophic = GoRegex.compile("^(a+)+$");
    assertThat(catastrophic).isNotNull();
    String s = "{\"type\":\"string\",\"maxLength\":10,\"pattern\":\"^(a+)+$\"}";
    // 64 a's and a b would backtrack for ages in java.util.regex; it is over maxLength anyway
    assertThat(rules(s, "\"" + "a".repeat(64) + "b\"")).containsExactly(" maxLength");
  }
}
