package io.github.kongtranslator.kongmodel.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads one YAML document (YAML 1.1 resolution, as go-yaml v2) into a Jackson tree. */
public final class YamlTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 200;

  private YamlTrees() {}

  /**
   * Parses a YAML document.
   *
   * @param text the YAML text
   * @return the tree and a locator
   * @throws ParsedTree.SyntaxError for invalid YAML, several documents, duplicate keys, non-string
   *     keys, values JSON cannot hold (.nan, .inf) or no document at all
   */
  public static ParsedTree parse(String text) throws ParsedTree.SyntaxError {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setMaxAliasesForCollections(100);
    options.setNestingDepthLimit(MAX_DEPTH);
    Node root;
    try {
      root =
          new Composer(
                  new ParserImpl(new StreamReader(new StringReader(text)), options),
                  new Resolver(),
                  options)
              .getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new ParsedTree.SyntaxError(
          "invalid YAML: " + ParsedTree.redact(e.getProblem()),
          m == null ? 0 : m.getLine() + 1,
          m == null ? 0 : m.getColumn() + 1);
    } catch (YAMLException e) {
      throw new ParsedTree.SyntaxError("invalid YAML: " + ParsedTree.redact(e.getMessage()), 0, 0);
    }
    if (root == null) {
      throw new ParsedTree.SyntaxError("no YAML document", 1, 1);
    }
    JsonNode tree = convert(root, 0);
    return new ParsedTree(tree, pointer -> locate(root, pointer));
  }

  private static ParsedTree.SyntaxError error(Node n, String message) {
    Mark m = n.getStartMark();
    return new ParsedTree.SyntaxError(message, m.getLine() + 1, m.getColumn() + 1);
  }

  private static JsonNode convert(Node n, int depth) throws ParsedTree.SyntaxError {
    if (depth > MAX_DEPTH) {
      throw error(n, "nesting deeper than " + MAX_DEPTH);
    }
    if (n instanceof MappingNode m) {
      ObjectNode o = NODES.objectNode();
      for (NodeTuple t : m.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode ks)) {
          throw error(k, "mapping keys must be strings");
        }
        String key = ks.getValue();
        if (o.has(key)) {
          throw error(k, "duplicate key '" + key + "'");
        }
        o.set(key, convert(t.getValueNode(), depth + 1));
      }
      return o;
    }
    if (n instanceof SequenceNode s) {
      ArrayNode a = NODES.arrayNode(s.getValue().size());
      for (Node e : s.getValue()) {
        a.add(convert(e, depth + 1));
      }
      return a;
    }
    ScalarNode s = (ScalarNode) n;
    String v = s.getValue();
    Tag tag = s.getTag();
    if (Tag.NULL.equals(tag)) {
      return NODES.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      String l = v.toLowerCase(java.util.Locale.ROOT);
      return NODES.booleanNode(
          l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y"));
    }
    if (Tag.INT.equals(tag)) {
      return NODES.numberNode(parseInt(s, v));
    }
    if (Tag.FLOAT.equals(tag)) {
      return NODES.numberNode(parseFloat(s, v));
    }
    return NODES.textNode(v);
  }

  @SuppressWarnings("StringSplitter") // YAML 1.1 base 60 (1:30): parsed as before, unchanged
  private static BigInteger parseInt(Node n, String raw) throws ParsedTree.SyntaxError {
    String v = raw.replace("_", "");
    int sign = 1;
    if (v.startsWith("-")) {
      sign = -1;
      v = v.substring(1);
    } else if (v.startsWith("+")) {
      v = v.substring(1);
    }
    try {
      BigInteger r;
      if (v.contains(":")) {
        r = BigInteger.ZERO;
        for (String part : v.split(":")) {
          r = r.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else if (v.startsWith("0x") || v.startsWith("0X")) {
        r = new BigInteger(v.substring(2), 16);
      } else if (v.startsWith("0b") || v.startsWith("0B")) {
        r = new BigInteger(v.substring(2), 2);
      } else if (v.startsWith("0o") || v.startsWith("0O")) {
        r = new BigInteger(v.substring(2), 8);
      } else if (v.length() > 1 && v.startsWith("0")) {
        r = new BigInteger(v.substring(1), 8);
      } else {
        r = new BigInteger(v);
      }
      return sign < 0 ? r.negate() : r;
    } catch (NumberFormatException e) {
      throw error(n, "not a valid integer");
    }
  }

  @SuppressWarnings("StringSplitter") // YAML 1.1 base 60 (1:30): parsed as before, unchanged
  private static java.math.BigDecimal parseFloat(Node n, String raw) throws ParsedTree.SyntaxError {
    String v = raw.replace("_", "");
    String l = v.toLowerCase(java.util.Locale.ROOT);
    if (l.endsWith(".inf") || l.equals(".nan")) {
      throw error(n, "infinities and NaN cannot be represented in a Kong configuration");
    }
    try {
      if (v.contains(":")) {
        boolean neg = v.startsWith("-");
        String body = v.replaceFirst("^[-+]", "");
        String[] parts = body.split(":");
        java.math.BigDecimal r = java.math.BigDecimal.ZERO;
        for (String p : parts) {
          r = r.multiply(java.math.BigDecimal.valueOf(60)).add(new java.math.BigDecimal(p));
        }
        return neg ? r.negate() : r;
      }
      return new java.math.BigDecimal(
          v.startsWith(".") || v.startsWith("-.") || v.startsWith("+.")
              ? v.replaceFirst("\\.", "0.")
              : v);
    } catch (NumberFormatException e) {
      throw error(n, "not a valid number");
    }
  }

  private static Optional<ParsedTree.Location> locate(Node root, String pointer) {
    Node n = root;
    if (!pointer.isEmpty()) {
      for (String raw : pointer.substring(1).split("/", -1)) {
        String seg = raw.replace("~1", "/").replace("~0", "~");
        Node next = null;
        if (n instanceof MappingNode m) {
          for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(seg)) {
              next = t.getValueNode();
              break;
            }
          }
        } else if (n instanceof SequenceNode s) {
          try {
            int i = Integer.parseInt(seg);
            if (i >= 0 && i < s.getValue().size()) {
              next = s.getValue().get(i);
            }
          } catch (NumberFormatException e) {
            next = null;
          }
        }
        if (next == null) {
          break;
        }
        n = next;
      }
    }
    Mark m = n.getStartMark();
    return Optional.of(new ParsedTree.Location(m.getLine() + 1, m.getColumn() + 1));
  }
}
