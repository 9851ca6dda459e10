package io.github.kongtranslator.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM has no parent, so it repeats the Jackson version the build pins: users must get the same
 * Jackson set the library is built and tested with.
 */
class BomTest {
  private static String property(Path pom, String name) throws Exception {
    Matcher m =
        Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
    assertThat(m.find()).as(name + " in " + pom).isTrue();
    return m.group(1);
  }

  @Test
  void bomJacksonVersion_equalsTheBuildsPinnedOne() throws Exception {
    assertThat(property(Path.of("../bom/pom.xml"), "jackson.version"))
        .isEqualTo(property(Path.of("../pom.xml"), "jackson.version"));
  }

  @Test
  void bomImportsJacksonsBom_andListsThisModule() throws Exception {
    String bom = Files.readString(Path.of("../bom/pom.xml"));
    assertThat(bom)
        .contains("<artifactId>jackson-bom</artifactId>")
        .contains("<scope>import</scope>")
        .contains("<artifactId>kong-translator-fabric8</artifactId>");
  }
}
