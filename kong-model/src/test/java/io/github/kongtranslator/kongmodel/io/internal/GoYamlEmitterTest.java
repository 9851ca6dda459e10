package io.github.kongtranslator.kongmodel.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoYamlEmitterTest {

  private static List<String> sorted(String... keys) {
    List<String> l = new ArrayList<>(List.of(keys));
    l.sort(GoYamlEmitter.KEY_ORDER);
    return l;
  }

  @Test
  void keyOrder_followsTranslatorSpecExamples() {
    // translator-spec §15.4: _format_version first, consumer_group_consumers before
    // consumer_groups, hash_on before hash_on_header
    assertThat(sorted("services", "consumer_groups", "_format_version", "consumer_group_consumers"))
        .containsExactly(
            "_format_version", "consumer_group_consumers", "consumer_groups", "services");
    assertThat(sorted("hash_on_header", "hash_on")).containsExactly("hash_on", "hash_on_header");
  }

  @Test
  void keyOrder_comparesDigitRunsAsNumbers_andLettersAfterDigitsFirst() {
    assertThat(sorted("a10", "a2", "a1")).containsExactly("a1", "a2", "a10");
    assertThat(sorted("a1_", "a1b")).containsExactly("a1b", "a1_");
    assertThat(sorted("a_", "ab")).containsExactly("a_", "ab");
    assertThat(sorted("b", "a", "B")).containsExactly("B", "a", "b");
  }

  @Test
  void floats_areFormattedAsGoDoes() {
    assertThat(GoYamlEmitter.goFloat(0.5)).isEqualTo("0.5");
    assertThat(GoYamlEmitter.goFloat(1e-5)).isEqualTo("1e-05");
    assertThat(GoYamlEmitter.goFloat(0.0001)).isEqualTo("0.0001");
    assertThat(GoYamlEmitter.goFloat(-2.5e-7)).isEqualTo("-2.5e-07");
    assertThat(GoYamlEmitter.goFloat(1e21)).isEqualTo("1e+21");
    assertThat(GoYamlEmitter.goFloat(123456.789)).isEqualTo("123456.789");
  }
}
