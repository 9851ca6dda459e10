package io.github.kongtranslator.kongmodel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

class KongConfigReaderTest {

  @Test
  void typeError_namesSourceLineColumnAndPointer() {
    String yaml = "_format_version: \"3.0\"\nservices:\n- name: a\n  port: eighty\n";
    assertThatThrownBy(() -> KongConfigReader.yaml().read(yaml, "cfg.yaml"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageStartingWith("cfg.yaml:4:9: /services/0/port: ")
        .hasMessageContaining("must be an integer, found a string")
        .satisfies(
            e -> {
              KongConfigReadException r = (KongConfigReadException) e;
              assertThat(r.line()).isEqualTo(4);
              assertThat(r.column()).isEqualTo(9);
              assertThat(r.pointer()).isEqualTo("/services/0/port");
            });
  }

  @Test
  void typeErrorInNestedEntity_isLocatedInJson() {
    String json =
        "{\n  \"services\": [\n    {\"name\": \"a\",\n     \"routes\": [{\"paths\": \"/\"}]}\n  ]\n}";
    assertThatThrownBy(() -> KongConfigReader.json().read(json, "cfg.json"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageStartingWith("cfg.json:4:")
        .hasMessageContaining("/services/0/routes/0/paths");
  }

  @Test
  void syntaxError_namesSourceAndPosition() {
    assertThatThrownBy(() -> KongConfigReader.yaml().read("services:\n- name: [a\n", "bad.yaml"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageStartingWith("bad.yaml:3:");
    assertThatThrownBy(() -> KongConfigReader.json().read("{\"a\": }", "bad.json"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageStartingWith("bad.json:1:");
  }

  @Test
  void duplicateKeys_areRejected() {
    assertThatThrownBy(() -> KongConfigReader.yaml().read("a: 1\na: 2\n", "d.yaml"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageContaining("d.yaml:2:");
    assertThatThrownBy(() -> KongConfigReader.json().read("{\"a\":1,\"a\":2}", "d.json"))
        .isInstanceOf(KongConfigReadException.class);
  }

  @Test
  void emptyInput_isAnError() {
    assertThatThrownBy(() -> KongConfigReader.yaml().read("", "empty.yaml"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageContaining("empty.yaml");
  }

  @Test
  void unknownTopLevelKeys_andCustomSections_areKept() {
    String yaml =
        "_format_version: \"3.0\"\n_info:\n  select_tags:\n  - a\nx_flag: yes\n"
            + "degraphql_routes:\n- uri: /c\n  query: q\n";
    KongConfig c = KongConfigReader.yaml().read(yaml, "x.yaml");
    assertThat(c.customEntities().get("degraphql_routes")).hasSize(1);
    assertThat(c.field("x_flag")).hasValueSatisfying(v -> assertThat(v.booleanValue()).isTrue());
    assertThat(c.field("_info")).isPresent();
    assertThat(KongConfigWriter.yaml().write(c))
        .isEqualTo(
            "_format_version: \"3.0\"\n_info:\n  select_tags:\n  - a\n"
                + "degraphql_routes:\n- query: q\n  uri: /c\nx_flag: true\n");
  }

  @Test
  void emptySection_staysDistinctFromAbsent() {
    KongConfig c =
        KongConfigReader.yaml().read("_format_version: \"3.0\"\nservices: []\n", "e.yaml");
    assertThat(c.has("services")).isTrue();
    assertThat(c.services()).isEmpty();
    assertThat(KongConfigWriter.yaml().write(c))
        .isEqualTo("_format_version: \"3.0\"\nservices: []\n");
    assertThat(c).isNotEqualTo(KongConfig.builder().build());
  }

  @Test
  void writer_quotesStringsThatWouldReadAsOtherTypes() {
    KongConfig c =
        KongConfig.builder()
            .addService(
                Service.builder()
                    .name("yes")
                    .host("123")
                    .path("1e5")
                    .protocol("null")
                    .tags(
                        "k8s-name:x",
                        "",
                        "- a",
                        "a: b",
                        " lead",
                        "multi\nline",
                        "tab\there",
                        "it's")
                    .routes(List.of(Route.builder().name("on").build()))
                    .build())
            .build();
    String yaml = KongConfigWriter.yaml().write(c);
    assertThat(yaml)
        .contains(
            "name: \"yes\"",
            "host: \"123\"",
            "path: \"1e5\"",
            "protocol: \"null\"",
            "- k8s-name:x",
            "- \"\"",
            "- '- a'",
            "- 'a: b'",
            "- ' lead'",
            "- |-\n    multi\n    line",
            "- \"tab\\there\"",
            "- it's",
            "name: \"on\"");
    assertThat(KongConfigReader.yaml().read(yaml, "w")).isEqualTo(c);
  }

  @Test
  void syntaxErrors_neverQuoteInputValues() {
    String marker = "SECRETMARKER9";
    assertThatThrownBy(() -> KongConfigReader.json().read("{\"key\": " + marker + "}", "s.json"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageStartingWith("s.json:1:")
        .hasMessageNotContaining(marker);
    assertThatThrownBy(() -> KongConfigReader.yaml().read("key: \"" + marker + "\\q\"\n", "s.yaml"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageNotContaining(marker);
    assertThatThrownBy(
            () -> KongConfigReader.yaml().read("a:\n  - " + marker + "\n  b: c\n", "s2.yaml"))
        .isInstanceOf(KongConfigReadException.class)
        .hasMessageNotContaining(marker);
  }

  @Test
  void explicitNulls_areKept_distinctFromAbsentAndEmpty() {
    String yaml =
        "_format_version: \"3.0\"\nconsumers: null\nservices:\n- name: s\n  path: null\n  routes: null\n";
    KongConfig c = KongConfigReader.yaml().read(yaml, "n.yaml");
    Service s = c.services().get(0);
    assertThat(s.path()).isEmpty();
    assertThat(s.has("path")).isTrue();
    assertThat(s.routes()).isEmpty();
    assertThat(s.has("routes")).isTrue();
    assertThat(c.has("consumers")).isTrue();
    assertThat(c.consumers()).isEmpty();
    assertThat(KongConfigWriter.yaml().write(c)).isEqualTo(yaml);
    assertThat(c)
        .isNotEqualTo(KongConfigReader.yaml().read(yaml.replace("  routes: null\n", ""), "n2"));
  }
}
