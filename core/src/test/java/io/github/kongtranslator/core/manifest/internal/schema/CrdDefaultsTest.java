package io.github.kongtranslator.core.manifest.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per {@code default:} of the bundled CRDs. The expected defaults are the table {@code
 * crd-schemas/defaults.tsv}, read from the CRD YAML by {@code core/scripts/list-crd-defaults.py}
 * (PyYAML, independent of the Java code); each case names the CRD file, the version and the schema
 * path of the default it checks, builds the smallest object that holds the field's parent, and
 * checks that defaulting fills the field with the CRD's default and reports its pointer.
 */
class CrdDefaultsTest {
  private static final CrdSchemas SCHEMAS = CrdSchemas.bundled();

  record Row(String file, String version, String path, String defaultJson) {
    @Override
    public String toString() {
      return file + ", " + version + " " + path + " default " + defaultJson;
    }
  }

  static List<Row> rows() throws IOException {
    try (InputStream in = CrdDefaultsTest.class.getResourceAsStream("/crd-schemas/defaults.tsv")) {
      List<Row> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        rows.add(new Row(c[0], c[1], c[2], c[3]));
      }
      return rows;
    }
  }

  static Stream<Arguments> defaults() throws IOException {
    return rows().stream().map(Arguments::of);
  }

  static Kind kindOf(String file) {
    return Arrays.stream(Kind.values())
        .filter(k -> SCHEMAS.file(k).map(f -> f.endsWith("/" + file)).orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no kind for " + file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void defaultIsAppliedWhereTheFieldIsMissing(Row row) {
    Kind kind = kindOf(row.file());
    ObjectNode object = TestObjects.JSON.createObjectNode();
    object.put("apiVersion", kind.group() + "/" + row.version());
    object.put("kind", kind.kindName());
    object.putObject("metadata").put("name", "x");
    // Build the parents of the field: ".spec.rules[].matches" -> {spec: {rules: [{}]}}
    List<String> tokens = tokens(row.path());
    JsonNode parent = object;
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < tokens.size() - 1; i++) {
      String t = tokens.get(i);
      boolean nextIsItem = tokens.get(i + 1).equals("[]");
      if (t.equals("[]")) {
        ArrayNode arr = (ArrayNode) parent;
        parent = nextIsItem ? arr.addArray() : arr.addObject();
        pointer.append("/0");
      } else {
        ObjectNode obj = (ObjectNode) parent;
        parent = obj.has(t) ? obj.get(t) : nextIsItem ? obj.putArray(t) : obj.putObject(t);
        pointer.append('/').append(t);
      }
    }
    String last = tokens.get(tokens.size() - 1);
    if (last.equals("[]")) {
      ((ArrayNode) parent).addNull();
      pointer.append("/0");
    } else {
      pointer.append('/').append(last);
    }

    List<String> defaulted = SCHEMAS.applyDefaults(kind, row.version(), object);

    JsonNode expected = TestObjects.json(row.defaultJson());
    JsonNode actual = object.at(pointer.toString());
    assertThat(actual.isMissingNode())
        .as("%s missing after defaulting: %s", pointer, object)
        .isFalse();
    assertThat(contains(actual, expected))
        .as("%s is %s, expected %s", pointer, actual, expected)
        .isTrue();
    assertThat(defaulted).contains(pointer.toString());
  }

  /** The table lists every default the compiled schemas carry, and no other. */
  @Test
  void tableListsEveryCompiledDefault() throws IOException {
    TreeSet<String> compiled = new TreeSet<>();
    for (Kind kind : Kind.values()) {
      SCHEMAS
          .versions(kind)
          .forEach(
              (version, root) ->
                  root.forEachNode(
                      "",
                      (path, node) -> {
                        if (node.defaultValue != null) {
                          String file = SCHEMAS.file(kind).orElseThrow();
                          compiled.add(
                              file.substring(file.lastIndexOf('/') + 1)
                                  + " "
                                  + version
                                  + " "
                                  + path
                                  + " "
                                  + node.defaultValue);
                        }
                      }));
    }
    TreeSet<String> table = new TreeSet<>();
    for (Row r : rows()) {
      table.add(
          r.file() + " " + r.version() + " " + r.path() + " " + TestObjects.json(r.defaultJson()));
    }
    assertThat(compiled).containsExactlyElementsOf(table);
  }

  private static List<String> tokens(String path) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      if (path.startsWith("[]", i)) {
        out.add("[]");
        i += 2;
      } else if (path.charAt(i) == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        out.add(path.substring(i + 1, end));
        i = end;
      } else {
        throw new AssertionError("bad path " + path);
      }
    }
    return out;
  }

  /** Whether {@code actual} holds everything of {@code expected} (it may have more defaults). */
  static boolean contains(JsonNode actual, JsonNode expected) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!actual.has(e.getKey()) || !contains(actual.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!contains(actual.get(i), expected.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }
}
