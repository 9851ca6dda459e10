package io.github.kongtranslator.kongmodel.io.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/** Reads one JSON document into a Jackson tree, rejecting duplicate keys and trailing data. */
public final class JsonTrees {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(200)
                          .maxStringLength(Integer.MAX_VALUE)
                          .build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonTrees() {}

  /** The shared mapper configured as the reader uses it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a JSON document.
   *
   * @param text the JSON text
   * @return the tree and a locator
   * @throws ParsedTree.SyntaxError for invalid JSON, duplicate keys or no document
   */
  public static ParsedTree parse(String text) throws ParsedTree.SyntaxError {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new ParsedTree.SyntaxError(
          "invalid JSON: " + ParsedTree.redact(e.getOriginalMessage()),
          l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr());
    }
    if (tree == null || tree.isMissingNode()) {
      throw new ParsedTree.SyntaxError("no JSON document", 1, 1);
    }
    return new ParsedTree(tree, pointer -> locate(text, pointer));
  }

  private static Optional<ParsedTree.Location> locate(String text, String pointer) {
    JsonPointer target = JsonPointer.compile(pointer);
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          continue;
        }
        JsonPointer here = p.getParsingContext().pathAsPointer();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          here =
              p.getParsingContext().getParent() == null
                  ? JsonPointer.empty()
                  : p.getParsingContext().getParent().pathAsPointer();
        }
        if (here.equals(target)) {
          JsonLocation l = p.currentTokenLocation();
          return Optional.of(new ParsedTree.Location(l.getLineNr(), l.getColumnNr()));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
