package io.github.kongtranslator.kongmodel.errors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses Kong's {@code POST /config?flatten_errors=1} rejection body (fallback-spec §4.2)
 * tolerantly: unknown keys are ignored anywhere, {@code null} counts as absent, and anything that
 * is not the expected shape becomes an {@link ParseOutcome.Unparseable} outcome instead of an
 * exception (as KIC, whose Go decoder fails on a wrongly typed known field).
 *
 * <pre>{@code
 * ParseOutcome o = FlattenedErrors.parse(responseBody);
 * List<ObjectRef> broken = o.rejection().map(GatewayRejection::targetBrokenObjects).orElse(List.of());
 * }</pre>
 */
public final class FlattenedErrors {
  /** Bodies longer than this many characters are {@link ParseOutcome.Unparseable}. */
  public static final int MAX_BODY_LENGTH = 64 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(100)
                          .maxStringLength(MAX_BODY_LENGTH)
                          .maxNumberLength(1000)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private FlattenedErrors() {}

  /** A wrongly typed value: where, and what was expected. */
  private static final class ShapeError extends Exception {
    private static final long serialVersionUID = 1L;

    ShapeError(String pointer, String expected, JsonNode found) {
      super(
          pointer
              + ": expected "
              + expected
              + ", found "
              + found.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * Parses a rejection body given as bytes (UTF-8, as Kong sends it); never throws. Invalid UTF-8
   * makes the body {@link ParseOutcome.Unparseable}.
   *
   * @param body the HTTP response body
   * @return the outcome
   */
  public static ParseOutcome parseUtf8(byte[] body) {
    java.nio.charset.CharsetDecoder d =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    try {
      return parse(d.decode(java.nio.ByteBuffer.wrap(body)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return new ParseOutcome.Unparseable("not UTF-8", "", body.length);
    }
  }

  /**
   * Parses a rejection body; never throws.
   *
   * @param body the HTTP response body (any text)
   * @return the outcome
   */
  public static ParseOutcome parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return new ParseOutcome.EmptyBody();
    }
    if (body.length() > MAX_BODY_LENGTH) {
      return new ParseOutcome.Unparseable(
          "body longer than " + MAX_BODY_LENGTH + " characters", "", body.length());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (StreamConstraintsException e) {
      return new ParseOutcome.Unparseable("body exceeds parser limits", "", body.length());
    } catch (IOException | RuntimeException e) {
      return new ParseOutcome.Unparseable("not JSON", "", body.length());
    }
    if (root == null || root.isMissingNode()) {
      return new ParseOutcome.EmptyBody();
    }
    if (!root.isObject()) {
      return new ParseOutcome.Unparseable(
          "expected a JSON object, found " + kind(root), "", body.length());
    }
    try {
      return new ParseOutcome.Parsed(rejection(root, body));
    } catch (ShapeError e) {
      JsonNode m = get(root, "message");
      return new ParseOutcome.Unparseable(
          String.valueOf(e.getMessage()),
          m != null && m.isTextual() ? m.textValue() : "",
          body.length());
    }
  }

  private static String kind(JsonNode n) {
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static GatewayRejection rejection(JsonNode root, String body) throws ShapeError {
    Long code = null;
    JsonNode c = present(get(root, "code"));
    if (c != null) {
      if (!c.isIntegralNumber() || !c.canConvertToLong()) {
        throw new ShapeError("/code", "an integer", c);
      }
      code = c.longValue();
    }
    String name = string(root, "name", "");
    String message = string(root, "message", "");
    JsonNode fields = present(get(root, "fields"));
    if (fields != null && !fields.isObject()) {
      throw new ShapeError("/fields", "an object", fields);
    }
    JsonNode fe = present(get(root, "flattened_errors"));
    List<FlattenedError> entries = new ArrayList<>();
    if (fe != null) {
      if (!fe.isArray()) {
        throw new ShapeError("/flattened_errors", "a list", fe);
      }
      for (int i = 0; i < fe.size(); i++) {
        entries.add(entry(fe.get(i), "/flattened_errors/" + i));
      }
    }
    return new GatewayRejection(
        code,
        name,
        message,
        fields == null ? null : fields.deepCopy(),
        fe != null,
        ImmutableList.copyOf(entries),
        body);
  }

  private static FlattenedError entry(JsonNode e, String ptr) throws ShapeError {
    if (e.isNull()) {
      return FlattenedError.of("", "", "", List.of(), List.of());
    }
    if (!e.isObject()) {
      throw new ShapeError(ptr, "an object", e);
    }
    List<FieldError> errors = new ArrayList<>();
    JsonNode errs = present(get(e, "errors"));
    if (errs != null) {
      if (!errs.isArray()) {
        throw new ShapeError(ptr + "/errors", "a list", errs);
      }
      for (int i = 0; i < errs.size(); i++) {
        JsonNode item = errs.get(i);
        String ip = ptr + "/errors/" + i;
        if (item.isNull()) {
          errors.add(FieldError.of("", "", "", List.of()));
          continue;
        }
        if (!item.isObject()) {
          throw new ShapeError(ip, "an object", item);
        }
        errors.add(
            FieldError.of(
                stringAt(item, "type", ip),
                stringAt(item, "field", ip),
                stringAt(item, "message", ip),
                strings(item, "messages", ip)));
      }
    }
    return FlattenedError.of(
        stringAt(e, "entity_type", ptr),
        stringAt(e, "entity_name", ptr),
        stringAt(e, "entity_id", ptr),
        strings(e, "entity_tags", ptr),
        errors);
  }

  /**
   * The value of a key as Go's {@code encoding/json} finds it for a struct field: keys match
   * case-insensitively, and of several matching keys the last one wins.
   */
  private static @Nullable JsonNode get(JsonNode object, String key) {
    JsonNode found = null;
    for (java.util.Map.Entry<String, JsonNode> e : object.properties()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        found = e.getValue();
      }
    }
    return found;
  }

  private static @Nullable JsonNode present(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }

  private static String string(JsonNode o, String key, String ptr) throws ShapeError {
    return stringAt(o, key, ptr);
  }

  private static String stringAt(JsonNode o, String key, String ptr) throws ShapeError {
    JsonNode n = present(get(o, key));
    if (n == null) {
      return "";
    }
    if (!n.isTextual()) {
      throw new ShapeError(ptr + "/" + key, "a string", n);
    }
    return n.textValue();
  }

  private static List<String> strings(JsonNode o, String key, String ptr) throws ShapeError {
    JsonNode n = present(get(o, key));
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new ShapeError(ptr + "/" + key, "a list of strings", n);
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode s = n.get(i);
      if (s.isNull()) {
        out.add("");
      } else if (s.isTextual()) {
        out.add(s.textValue());
      } else {
        throw new ShapeError(ptr + "/" + key + "/" + i, "a string", s);
      }
    }
    return out;
  }
}
