package io.github.kongtranslator.core.manifest.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The CEL subset's semantics, checked against the CEL language definition (cel-spec langdef.md).
 */
class CelTest {
  private static Object eval(String rule, String selfJson) {
    return Cel.evaluate(Cel.parse(rule), TestObjects.json(selfJson));
  }

  @Test
  void fieldsHasAndNoSuchKey() {
    assertThat(eval("has(self.a) && self.a == 1", "{\"a\": 1}")).isEqualTo(true);
    assertThat(eval("has(self.b)", "{\"a\": 1}")).isEqualTo(false);
    assertThatThrownBy(() -> eval("self.b == 1", "{\"a\": 1}"))
        .isInstanceOf(Cel.CelException.class)
        .hasMessageContaining("no such key: b");
  }

  // langdef.md "Logical Operators": && and || are commutative with respect to errors
  @Test
  void logicalOperatorsAbsorbErrors() {
    assertThat(eval("self.missing == 1 && false", "{}")).isEqualTo(false);
    assertThat(eval("self.missing == 1 || true", "{}")).isEqualTo(true);
    assertThatThrownBy(() -> eval("self.missing == 1 && true", "{}"))
        .isInstanceOf(Cel.CelException.class);
    assertThat(eval("[1, 2].all(x, x > 1)", "{}")).isEqualTo(false);
    assertThat(eval("self.l.exists(x, x.a == 1)", "{\"l\": [{\"b\": 1}, {\"a\": 1}]}"))
        .isEqualTo(true);
  }

  @Test
  void macros() {
    String list = "{\"l\": [{\"n\": \"a\"}, {\"n\": \"b\"}, {\"n\": \"a\"}]}";
    assertThat(eval("self.l.exists_one(x, x.n == 'b')", list)).isEqualTo(true);
    assertThat(eval("self.l.exists_one(x, x.n == 'a')", list)).isEqualTo(false);
    assertThat(eval("self.l.filter(x, x.n == 'a').size()", list)).isEqualTo(2L);
    assertThat(eval("self.l.map(x, x.n)", list)).isEqualTo(java.util.List.of("a", "b", "a"));
    assertThat(eval("self.m.all(k, k.startsWith('x'))", "{\"m\": {\"xa\": 1, \"xb\": 2}}"))
        .isEqualTo(true);
  }

  // Kubernetes escapes CEL keywords in field names (k8s.io/apiserver/pkg/cel escaping)
  @Test
  void escapedFieldNames() {
    assertThat(eval("self.__namespace__ == 'ns'", "{\"namespace\": \"ns\"}")).isEqualTo(true);
    assertThat(eval("has(self.a__dash__b)", "{\"a-b\": 1}")).isEqualTo(true);
  }

  @Test
  void literalsAndOperators() {
    assertThat(eval("r\"\"\"^a\\.b$\"\"\" == '^a\\\\.b$'", "{}")).isEqualTo(true);
    assertThat(eval("'ab' + \"c\" == 'abc' && 7 / 2 == 3 && 7 % 2 == 1 && -1 < 0", "{}"))
        .isEqualTo(true);
    assertThat(eval("1 == 1.0 && 2 in [1, 2] && !('x' in ['y'])", "{}")).isEqualTo(true);
    assertThat(eval("size('héllo') == 5 && 'a/b/c'.split('/').size() == 3", "{}")).isEqualTo(true);
    assertThat(eval("self.s.matches('^[a-z]+$') && self.s.matches('b')", "{\"s\": \"abc\"}"))
        .isEqualTo(true);
    assertThatThrownBy(() -> eval("9223372036854775807 + 1 > 0", "{}"))
        .hasMessageContaining("overflow");
  }

  @Test
  void durations() {
    assertThat(
            eval("duration('1m') > duration('59s') && duration('1h30m') == duration('90m')", "{}"))
        .isEqualTo(true);
    assertThat(
            eval("duration('1.5s') == duration('1500ms') && duration('0s') == duration('0')", "{}"))
        .isEqualTo(true);
  }

  @Test
  void equalityIsDeep() {
    JsonNode self =
        TestObjects.json("{\"a\": {\"x\": [1, 2]}, \"b\": {\"x\": [1, 2]}, \"c\": {\"x\": [2]}}");
    assertThat(Cel.evaluate(Cel.parse("self.a == self.b && self.a != self.c"), self))
        .isEqualTo(true);
  }

  // Like the API server's per-call cost limit: a quadratic rule over a huge list stops.
  @Test
  void costLimitStopsRunawayRules() {
    StringBuilder list = new StringBuilder("{\"l\": [");
    for (int i = 0; i < 2000; i++) {
      list.append(i == 0 ? "" : ",").append(i);
    }
    String self = list.append("]}").toString();
    assertThatThrownBy(() -> eval("self.l.all(a, self.l.exists_one(b, a == b))", self))
        .hasMessageContaining("cost limit");
    assertThat(eval("self.l.all(a, a >= 0)", self)).isEqualTo(true);
  }

  // A rule using something the subset lacks is refused at parse time (then listed as skipped),
  // never evaluated wrongly.
  @Test
  void unsupportedFeaturesFailToParse() {
    assertThatThrownBy(() -> Cel.parse("self.url.isURL()")).isInstanceOf(Cel.CelException.class);
    assertThatThrownBy(() -> Cel.parse("{'a': 1}.size() == 1"))
        .isInstanceOf(Cel.CelException.class);
    assertThatThrownBy(() -> Cel.parse("quantity(self.q) > 1"))
        .isInstanceOf(Cel.CelException.class);
    assertThat(CelRule.compile(TestObjects.json("{\"rule\": \"self.ip.isIP()\"}")).evaluated())
        .isFalse();
    assertThat(CelRule.compile(TestObjects.json("{\"rule\": \"self == oldSelf\"}")).skipReason())
        .startsWith("transition rule");
  }
}
