package io.github.kongtranslator.core.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Field paths of {@link YamlTrees}, as messages and {@code DefaultedFields} show them. */
class YamlTreesTest {
  @Test
  void field_turnsPointersIntoDottedPaths() {
    assertThat(YamlTrees.field("")).isEmpty();
    assertThat(YamlTrees.field("/spec/rules/0/host")).isEqualTo("spec.rules[0].host");
    assertThat(YamlTrees.field("/0")).isEqualTo("[0]");
    assertThat(YamlTrees.field("/items/12/metadata")).isEqualTo("items[12].metadata");
    assertThat(YamlTrees.field("/a~1b/~0c/~01")).isEqualTo("a/b.~c.~1");
    assertThat(YamlTrees.field("/data/tls.crt")).isEqualTo("data.tls.crt");
    assertThat(YamlTrees.field("/a//b")).isEqualTo("a..b");
    assertThat(YamlTrees.field("/")).isEmpty();
    assertThat(YamlTrees.field("/a/")).isEqualTo("a.");
    assertThat(YamlTrees.field("/a/1x")).isEqualTo("a.1x");
  }
}
