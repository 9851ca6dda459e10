package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ShaCommandTest {
  private static final Path CORPUS = GoldenDir.KIC_GOLDEN;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KongTranslatorCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  /** The SHA of a golden file's own tree, computed with an independent RFC 8785 implementation. */
  private static String independentSha(Path golden) throws Exception {
    Object tree = new Yaml().load(Files.readString(golden));
    String json = new ObjectMapper().writeValueAsString(tree);
    byte[] canonical = new JsonCanonicalizer(json).getEncodedUTF8();
    return Hashing.sha256().hashBytes(canonical).toString();
  }

  @Test
  void sha_ofEveryGolden_isTheSha256OfItsCanonicalTree() throws Exception {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path golden :
          files.filter(p -> p.toString().endsWith("_golden.yaml")).sorted().toList()) {
        out.getBuffer().setLength(0);
        assertThat(run("sha", golden.toString())).as(golden.toString()).isZero();
        assertThat(out.toString().strip()).as(golden.toString()).isEqualTo(independentSha(golden));
      }
    }
  }

  @Test
  void sha_entities_printsOneDigestPerEntity() {
    Path golden = CORPUS.resolve("ingress-v1-rule-with-tls/default_golden.yaml");
    assertThat(run("sha", "--entities", golden.toString())).isZero();
    assertThat(out.toString().lines())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).matches("[0-9a-f]{64} \\S.*"));
    assertThat(out.toString()).contains("certificate", "service");
  }

  @Test
  void sha_badInput_exitsTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "services: [unclosed\n");
    assertThat(run("sha", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: ").contains("bad.yaml");
  }
}
