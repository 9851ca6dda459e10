package io.github.kongtranslator.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * {@link CanonicalJson#sha256(JsonNode)} streams the canonical text's UTF-8 into the digest; it
 * must equal SHA-256 of {@code write(node).getBytes(UTF_8)}, its definition, for any text: ASCII,
 * escapes, two- and three-byte characters, surrogate pairs and unpaired surrogates.
 */
class CanonicalJsonPropertiesTest {
  private static final char[] UNITS = {
    'a', 'Z', '"', '\\', '\n', '\u0001', '\u007f', '\u00e9', '\u07ff', '\u0800', '\uffff', '\ud83d',
    '\ude00', '\ud800', '\udfff', '\ue000'
  };
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static QuickTheory qt() {
    return QuickTheory.qt().withExamples(Integer.getInteger("QT_EXAMPLES", 1000));
  }

  private static Gen<String> texts() {
    return lists()
        .of(integers().between(0, UNITS.length - 1))
        .ofSizeBetween(0, 40)
        .map(
            l -> {
              StringBuilder sb = new StringBuilder();
              l.forEach(i -> sb.append(UNITS[i]));
              return sb.toString();
            });
  }

  /** A tree of up to three levels holding the texts as keys and values, and some numbers. */
  private static JsonNode tree(List<String> texts) {
    ObjectNode root = F.objectNode();
    ArrayNode list = root.putArray("list");
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      root.put(t, t);
      list.add(t);
      list.addObject().put(t + i, i * 1.5);
    }
    return root;
  }

  private static byte[] plainSha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void property_streamedDigestEqualsDigestOfTheCanonicalText() {
    qt().forAll(lists().of(texts()).ofSizeBetween(0, 8))
        .checkAssert(
            texts -> {
              JsonNode node = tree(texts);
              assertThat(CanonicalJson.sha256(node))
                  .isEqualTo(plainSha256(CanonicalJson.write(node)));
            });
  }

  @Test
  void longTextsCrossTheBufferBoundary() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append(UNITS[i % UNITS.length]);
    }
    JsonNode node = F.textNode(sb.toString());
    assertThat(CanonicalJson.sha256(node)).isEqualTo(plainSha256(CanonicalJson.write(node)));
  }

  @Test
  void objectKeysAreSortedByUtf16Units() {
    ObjectNode o = F.objectNode();
    o.put("b", 1);
    o.put("\ue000", 2);
    o.put("\ud83d\ude00", 3);
    o.put("a", 4);
    assertThat(CanonicalJson.write(o))
        .isEqualTo("{\"a\":4,\"b\":1,\"\ud83d\ude00\":3,\"\ue000\":2}");
  }
}
