package io.github.kongtranslator.core.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.manifest.ManifestException;
import io.github.kongtranslator.core.manifest.ManifestLimits;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a YAML (or JSON) stream into one JSON tree per document, remembering the line and column of
 * every field, rejecting duplicate keys and bounding alias expansion. Not API.
 */
public final class YamlTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One document: its tree, 1-based number and start position, and field positions. */
  public static final class Document {
    private final JsonNode tree;
    private final int number;
    private final Map<String, Mark> marks;

    Document(JsonNode tree, int number, Map<String, Mark> marks) {
      this.tree = tree;
      this.number = number;
      this.marks = marks;
    }

    /**
     * A document that did not come from YAML text (an object tree): no positions.
     *
     * @param tree the tree
     * @param number 1-based document number
     * @return the document
     */
    public static Document of(JsonNode tree, int number) {
      return new Document(tree, number, Map.of());
    }

    /** The document's tree. */
    public JsonNode tree() {
      return tree;
    }

    /** 1-based document number in its source. */
    public int number() {
      return number;
    }

    /**
     * The 1-based line and column of the node at a JSON pointer, or of its closest ancestor.
     *
     * @param pointer a JSON pointer such as {@code /spec/rules/0/host}
     * @return {line, column}
     */
    public int[] position(String pointer) {
      String p = pointer;
      while (true) {
        Mark m = marks.get(p);
        if (m != null) {
          return new int[] {m.getLine() + 1, m.getColumn() + 1};
        }
        if (p.isEmpty()) {
          return new int[] {0, 0};
        }
        p = p.substring(0, p.lastIndexOf('/'));
      }
    }
  }

  private final String source;
  private final ManifestLimits limits;
  private final ScalarConstructor scalars;

  /**
   * Creates a reader for one source.
   *
   * @param source name of the source, used in messages
   * @param limits resource limits
   */
  public YamlTrees(String source, ManifestLimits limits) {
    this.source = source;
    this.limits = limits;
    this.scalars = new ScalarConstructor(loaderOptions(limits));
  }

  private static LoaderOptions loaderOptions(ManifestLimits limits) {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(limits.maxAliases());
    o.setNestingDepthLimit(limits.maxDepth());
    o.setCodePointLimit(limits.maxStreamChars());
    o.setAllowRecursiveKeys(false);
    return o;
  }

  /**
   * Reads every document of a stream. Empty documents are skipped but still counted.
   *
   * @param reader the stream
   * @return the documents, in order
   * @throws ManifestException on malformed input or when a limit is exceeded
   */
  public List<Document> read(Reader reader) {
    List<Document> docs = new ArrayList<>();
    read(reader, docs::add);
    return docs;
  }

  /**
   * Reads every document of a stream, handing each to {@code sink} as soon as it is parsed (the
   * next document is parsed only after {@code sink} returns). Empty documents are skipped but still
   * counted.
   *
   * @param reader the stream
   * @param sink receives the documents, in order
   * @throws ManifestException on malformed input or when a limit is exceeded, after the documents
   *     before the bad one were handed over
   */
  public void read(Reader reader, Consumer<Document> sink) {
    LoaderOptions options = loaderOptions(limits);
    // Yaml(LoaderOptions) with SnakeYAML's resolver replaced by the equivalent ImplicitTags
    DumperOptions dumper = new DumperOptions();
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(dumper),
            dumper,
            options,
            ImplicitTags.INSTANCE);
    int number = 0;
    try {
      Iterator<Node> it = yaml.composeAll(reader).iterator();
      while (true) {
        Node node;
        try {
          if (!it.hasNext()) {
            break;
          }
          node = it.next();
        } catch (MarkedYAMLException e) {
          throw syntax(number + 1, e);
        }
        number++;
        if (number > limits.maxDocuments()) {
          throw new ManifestException(
              source,
              number,
              0,
              0,
              "",
              "more than " + limits.maxDocuments() + " documents (limit maxDocuments)");
        }
        if (node == null) {
          continue;
        }
        Map<String, Mark> marks = new HashMap<>();
        int[] budget = {limits.maxNodesPerDocument()};
        JsonNode tree = convert(node, "", 0, number, marks, budget);
        sink.accept(new Document(tree, number, marks));
      }
    } catch (MarkedYAMLException e) {
      throw syntax(number + 1, e);
    } catch (YAMLException e) {
      throw new ManifestException(source, number + 1, 0, 0, "", safeMessage(e.getMessage()));
    }
  }

  private ManifestException syntax(int doc, MarkedYAMLException e) {
    Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
    if (e.getContext() != null) {
      problem = e.getContext() + ": " + problem;
    }
    return new ManifestException(
        source,
        doc,
        m == null ? 0 : m.getLine() + 1,
        m == null ? 0 : m.getColumn() + 1,
        "",
        "malformed YAML: " + safeMessage(problem));
  }

  /** Keeps the first line of a parser message; parser snippets of input are never included. */
  private static String safeMessage(@Nullable String m) {
    if (m == null) {
      return "malformed YAML";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private JsonNode convert(
      Node node, String pointer, int depth, int doc, Map<String, Mark> marks, int[] budget) {
    if (--budget[0] < 0) {
      throw new ManifestException(
          source,
          doc,
          line(node),
          col(node),
          field(pointer),
          "document expands to more than "
              + limits.maxNodesPerDocument()
              + " nodes (limit maxNodesPerDocument; an alias bomb?)");
    }
    if (depth > limits.maxDepth()) {
      throw new ManifestException(
          source,
          doc,
          line(node),
          col(node),
          field(pointer),
          "nesting deeper than " + limits.maxDepth() + " (limit maxDepth)");
    }
    marks.putIfAbsent(pointer, node.getStartMark());
    if (node instanceof MappingNode map) {
      ObjectNode out = NODES.objectNode();
      List<NodeTuple> merges = List.of();
      for (NodeTuple t : map.getValue()) {
        Node k = t.getKeyNode();
        if (k.getTag().equals(Tag.MERGE)) {
          if (merges.isEmpty()) {
            merges = new ArrayList<>();
          }
          merges.add(t);
          continue;
        }
        if (!(k instanceof ScalarNode ks)) {
          throw new ManifestException(
              source, doc, line(k), col(k), field(pointer), "mapping keys must be scalars");
        }
        String key = ks.getValue();
        // out holds exactly the keys before this one (merged keys are added after the loop)
        if (out.has(key)) {
          throw new ManifestException(
              source,
              doc,
              line(k),
              col(k),
              field(pointer + "/" + esc(key)),
              "duplicate key '" + key + "' (first at line " + firstKeyLine(map, key) + ")");
        }
        out.set(
            key,
            convert(t.getValueNode(), pointer + "/" + esc(key), depth + 1, doc, marks, budget));
      }
      for (NodeTuple t : merges) {
        List<Node> sources =
            t.getValueNode() instanceof SequenceNode seq
                ? seq.getValue()
                : List.of(t.getValueNode());
        for (Node src : sources) {
          JsonNode merged = convert(src, pointer, depth + 1, doc, marks, budget);
          if (!merged.isObject()) {
            throw new ManifestException(
                source,
                doc,
                line(src),
                col(src),
                field(pointer),
                "a merge key '<<' needs a mapping");
          }
          merged
              .properties()
              .forEach(
                  e -> {
                    if (!out.has(e.getKey())) {
                      out.set(e.getKey(), e.getValue());
                    }
                  });
        }
      }
      return out;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode out = NODES.arrayNode();
      int i = 0;
      for (Node item : seq.getValue()) {
        out.add(convert(item, pointer + "/" + i++, depth + 1, doc, marks, budget));
      }
      return out;
    }
    return scalar((ScalarNode) node);
  }

  /** The 1-based line of the first key {@code key} of a mapping (for duplicate-key messages). */
  private static int firstKeyLine(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (!t.getKeyNode().getTag().equals(Tag.MERGE)
          && t.getKeyNode() instanceof ScalarNode ks
          && ks.getValue().equals(key)) {
        return ks.getStartMark().getLine() + 1;
      }
    }
    throw new IllegalStateException("no key " + key);
  }

  private JsonNode scalar(ScalarNode s) {
    Tag tag = s.getTag();
    if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY)) {
      return NODES.textNode(s.getValue());
    }
    Object v;
    try {
      v = scalars.construct(s);
    } catch (RuntimeException e) {
      return NODES.textNode(s.getValue());
    }
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof BigInteger bi) {
      return NODES.numberNode(bi);
    }
    if (v instanceof Double d) {
      return NODES.numberNode(d);
    }
    return NODES.textNode(s.getValue());
  }

  private static String esc(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Converts a JSON pointer to a dotted field path: {@code /a/0/b} to {@code a[0].b}. */
  public static String field(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(pointer.length() + 8);
    int from = 1;
    while (true) {
      int slash = pointer.indexOf('/', from);
      int end = slash < 0 ? pointer.length() : slash;
      String part = pointer.substring(from, end);
      String p = part.indexOf('~') < 0 ? part : part.replace("~1", "/").replace("~0", "~");
      if (!p.isEmpty() && allDigits(p)) {
        sb.append('[').append(p).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(p);
      }
      if (slash < 0) {
        return sb.toString();
      }
      from = slash + 1;
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private static int col(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getColumn() + 1;
  }

  /** Exposes SnakeYAML's scalar construction (ints, floats, booleans, nulls). */
  private static final class ScalarConstructor extends SafeConstructor {
    ScalarConstructor(LoaderOptions options) {
      super(options);
    }

    /**
     * {@code BaseConstructor.constructObjectNoCheck} for a scalar, without its record of every node
     * constructed (which is never cleared, so it held every non-string scalar of the stream until
     * the end of the read); a scalar has no children, so the record never changes its result.
     */
    @Nullable Object construct(ScalarNode node) {
      return finalizeConstruction(node, getConstructor(node).construct(node));
    }
  }
}
