import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time source generator of kong-model (run by {@code exec-maven-plugin} in {@code
 * generate-sources} with Java's single-file source launcher, so it needs no module of its own):
 * reads the one definition of every Kong entity, the constants of {@code EntityKind.java}, and
 * writes one typed entity class per kind (accessors, builder setters, nested lists) into the
 * generated-sources directory.
 *
 * <p>Usage: {@code java GenerateEntityClasses.java <EntityKind.java> <output source root>}.
 *
 * <p>The definitions are read as text, with a strict grammar: every entry inside {@code
 * fields(...)} must be {@code helper("key")} followed by modifiers, where the helper names the JSON
 * type; anything else fails the build, so the definition cannot drift from what this generator
 * understands.
 */
public final class GenerateEntityClasses {

  private static final String PACKAGE = "io.github.kongtranslator.kongmodel.config";

  /**
   * Adder names that are not {@code "add" + the nested entity's class name}; kept for source
   * compatibility of the public API.
   */
  private static final Map<String, String> ADDER_OVERRIDES = Map.of("acls", "addAcl");

  private static final Pattern CONSTANT =
      Pattern.compile(
          "/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*([A-Z0-9_]+)\\(\\s*(top|nested)\\(\"([a-z0-9_]*)\"\\),\\s*"
              + "(\\w+)\\.class,\\s*"
              + "fields\\((.*?)\\),\\s*ImmutableMap\\.of\\((.*?)\\)\\s*\\)\\s*[,;]",
          Pattern.DOTALL);
  private static final Pattern FIELD =
      Pattern.compile(
          "\\s*(\\w+)\\(\"([a-z0-9_]+)\"\\)"
              + "((?:\\s*\\.\\w+\\((?:[^()]|\\([^()]*\\))*\\))*)\\s*");
  private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z0-9_]+)\"");

  record Field(String key, String helper, boolean secret) {}

  record Child(String key, String kind) {}

  record Kind(
      String constant,
      boolean top,
      String section,
      String cls,
      String description,
      List<Field> fields,
      List<Child> children) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: GenerateEntityClasses <EntityKind.java> <out>");
    }
    String src = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    int start = src.indexOf("public enum EntityKind {");
    int end = src.indexOf("private final String sectionKey;");
    if (start < 0 || end < 0) {
      throw new IllegalStateException("EntityKind.java: enum body not found");
    }
    String body = src.substring(start, end);
    List<Kind> kinds = parse(body);
    Map<String, String> classOf = new java.util.HashMap<>();
    for (Kind k : kinds) {
      classOf.put(k.constant(), k.cls());
    }
    Path dir = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);
    int n = 0;
    java.util.Set<Path> written = new java.util.HashSet<>();
    for (Kind k : kinds) {
      if (k.section().isEmpty()) {
        continue; // CUSTOM_ENTITY: free-form, hand-written
      }
      String text = generate(k, classOf);
      Path file = dir.resolve(k.cls() + ".java");
      if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
      written.add(file);
      n++;
    }
    Path sections = dir.resolve("KongConfigSections.java");
    String sectionsText = generateSections(kinds);
    if (!Files.exists(sections)
        || !Files.readString(sections, StandardCharsets.UTF_8).equals(sectionsText)) {
      Files.writeString(sections, sectionsText, StandardCharsets.UTF_8);
    }
    written.add(sections);
    try (var stale = Files.list(dir)) { // a renamed or removed kind leaves no class behind
      for (Path p : stale.filter(p -> !written.contains(p)).toList()) {
        Files.delete(p);
      }
    }
    System.out.println("GenerateEntityClasses: " + n + " entity classes in " + dir);
  }

  static List<Kind> parse(String body) {
    List<Kind> kinds = new ArrayList<>();
    Matcher m = CONSTANT.matcher(body);
    int constants = 0;
    Matcher names = Pattern.compile("(?m)^  ([A-Z][A-Z0-9_]*)\\(").matcher(body);
    while (names.find()) {
      constants++;
    }
    while (m.find()) {
      String doc = m.group(1).replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\s+", " ").trim();
      String cls = m.group(5);
      String marker = "{@link " + cls + "}";
      int at = doc.lastIndexOf(marker);
      String description = at > 0 ? doc.substring(0, at).trim() : doc;
      List<Field> fields = new ArrayList<>();
      String fieldText = m.group(6).trim();
      if (!fieldText.isEmpty()) {
        for (String entry : splitTopLevel(fieldText)) {
          Matcher f = FIELD.matcher(entry);
          if (!f.matches()) {
            throw new IllegalStateException(
                m.group(2) + ": cannot read field definition '" + entry.trim() + "'");
          }
          String helper = f.group(1);
          if (!List.of(
                  "string", "integer", "int64", "bool", "strings", "object", "array", "reference")
              .contains(helper)) {
            throw new IllegalStateException(m.group(2) + ": unknown field helper " + helper);
          }
          fields.add(new Field(f.group(2), helper, f.group(3).contains(".secret()")));
        }
      }
      List<Child> children = new ArrayList<>();
      Matcher q = QUOTED.matcher(m.group(7));
      while (q.find()) {
        String key = q.group(1);
        if (!q.find()) {
          throw new IllegalStateException(m.group(2) + ": odd nested-list map");
        }
        children.add(new Child(key, q.group(1)));
      }
      kinds.add(
          new Kind(
              m.group(2),
              m.group(3).equals("top"),
              m.group(4),
              cls,
              description,
              fields,
              children));
    }
    if (kinds.size() != constants || kinds.isEmpty()) {
      throw new IllegalStateException(
          "EntityKind.java: read "
              + kinds.size()
              + " of "
              + constants
              + " constants; keep each as NAME(top(\"section\"), Type.class,"
              + " fields(...), ImmutableMap.of(...)) (or nested(\"section\")) after its Javadoc");
    }
    return kinds;
  }

  /** Splits at commas outside parentheses. */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(from, i));
        from = i + 1;
      }
    }
    out.add(s.substring(from));
    return out;
  }

  static String camel(String key) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  static String generate(Kind k, Map<String, String> classOf) {
    TreeSet<String> imports = new TreeSet<>();
    StringBuilder acc = new StringBuilder();
    StringBuilder set = new StringBuilder();
    for (Field f : k.fields()) {
      String name = camel(f.key());
      String type;
      String read;
      String ret;
      switch (f.helper()) {
        case "string" -> {
          type = "Optional<String>";
          read = "string";
          ret = "the string, empty when absent";
          imports.add("java.util.Optional");
        }
        case "reference" -> {
          type = "Optional<String>";
          read = "reference";
          ret =
              "the reference: the string, or the {@code id} (else {@code name}) of an object,"
                  + " empty when absent";
          imports.add("java.util.Optional");
        }
        case "integer" -> {
          type = "OptionalInt";
          read = "integer";
          ret = "the integer, empty when absent";
          imports.add("java.util.OptionalInt");
        }
        case "int64" -> {
          type = "OptionalLong";
          read = "longValue";
          ret = "the integer, empty when absent";
          imports.add("java.util.OptionalLong");
        }
        case "bool" -> {
          type = "Optional<Boolean>";
          read = "bool";
          ret = "the boolean, empty when absent";
          imports.add("java.util.Optional");
        }
        case "strings" -> {
          type = "ImmutableList<String>";
          read = "strings";
          ret = "the list of strings, empty when absent or empty; see {@link #has(String)}";
          imports.add("com.google.common.collect.ImmutableList");
        }
        case "object", "array" -> {
          type = "Optional<JsonNode>";
          read = "json";
          ret =
              (f.helper().equals("object") ? "the object" : "the list")
                  + " (a copy), empty when absent";
          imports.add("java.util.Optional");
          imports.add("com.fasterxml.jackson.databind.JsonNode");
        }
        default -> throw new IllegalStateException(f.helper());
      }
      acc.append("\n  /**\n   * The {@code ")
          .append(f.key())
          .append("} field.")
          .append(f.secret() ? " Secret: never shown in {@code toString()}." : "")
          .append("\n   *\n")
          .append("   * @return ")
          .append(ret)
          .append("\n   */\n")
          .append("  public ")
          .append(type)
          .append(' ')
          .append(name)
          .append("() {\n")
          .append("    return ")
          .append(read)
          .append("(\"")
          .append(f.key())
          .append("\");\n")
          .append("  }\n");
      switch (f.helper()) {
        case "string", "reference" -> {
          imports.add("com.fasterxml.jackson.databind.node.TextNode");
          setter(
              set,
              f.key(),
              name,
              "String value",
              "value",
              "put(\"" + f.key() + "\", TextNode.valueOf(value))");
        }
        case "integer" -> {
          imports.add("com.fasterxml.jackson.databind.node.IntNode");
          setter(
              set,
              f.key(),
              name,
              "int value",
              "value",
              "put(\"" + f.key() + "\", IntNode.valueOf(value))");
        }
        case "int64" ->
            setter(
                set,
                f.key(),
                name,
                "long value",
                "value",
                "put(\"" + f.key() + "\", Values.number(value))");
        case "bool" -> {
          imports.add("com.fasterxml.jackson.databind.node.BooleanNode");
          setter(
              set,
              f.key(),
              name,
              "boolean value",
              "value",
              "put(\"" + f.key() + "\", BooleanNode.valueOf(value))");
        }
        case "strings" -> {
          imports.add("java.util.List");
          setter(
              set,
              f.key(),
              name,
              "List<String> value",
              "value",
              "put(\"" + f.key() + "\", Values.strings(value))");
          setter(
              set,
              f.key(),
              name,
              "String... values",
              "values, in order",
              "put(\"" + f.key() + "\", Values.strings(List.of(values)))");
        }
        default ->
            setter(
                set, f.key(), name, "JsonNode value", "value", "set(\"" + f.key() + "\", value)");
      }
      String node = switch (f.helper()) { // the JSON node a translator builds the value as
            case "strings", "array" -> "ArrayNode";
            case "object", "reference" -> "ObjectNode";
            default -> null;
          };
      if (node != null) {
        imports.add("com.fasterxml.jackson.databind.node." + node);
        adopter(
            set,
            f.key(),
            "adopt" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
            node,
            f.helper().equals("reference")
                ? "the reference object, e.g. {@code {\"id\": ...}}"
                : "the value");
      }
    }
    for (Child c : k.children()) {
      String childCls = classOf.get(c.kind());
      if (childCls == null) {
        throw new IllegalStateException(k.constant() + ": no kind " + c.kind());
      }
      imports.add("com.google.common.collect.ImmutableList");
      imports.add("java.util.List");
      String name = camel(c.key());
      acc.append("\n  /**\n   * The nested {@code ")
          .append(c.key())
          .append("}.\n   *\n")
          .append(
              "   * @return the nested entities in order, empty when absent or empty; see"
                  + " {@link #has(String)}\n   */\n")
          .append("  public ImmutableList<")
          .append(childCls)
          .append("> ")
          .append(name)
          .append("() {\n    return children(\"")
          .append(c.key())
          .append("\", ")
          .append(childCls)
          .append(".class);\n  }\n");
      set.append("\n    /**\n     * Sets the nested {@code ")
          .append(c.key())
          .append("} (an empty list writes an empty list).\n     *\n")
          .append("     * @param entities the entities, in order\n")
          .append("     * @return this builder\n     */\n")
          .append("    public Builder ")
          .append(name)
          .append("(List<")
          .append(childCls)
          .append("> entities) {\n      return putChildren(\"")
          .append(c.key())
          .append("\", entities);\n    }\n");
      imports.add("com.fasterxml.jackson.databind.node.ArrayNode");
      adopter(
          set,
          c.key(),
          "adopt" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
          "ArrayNode",
          "the entities as JSON objects, read as nested {@code " + childCls + "} entities");
      String adder = ADDER_OVERRIDES.getOrDefault(c.key(), "add" + childCls);
      set.append("\n    /**\n     * Appends one entity to the nested {@code ")
          .append(c.key())
          .append("}, creating the list when absent.\n     *\n")
          .append("     * @param entity the entity\n")
          .append("     * @return this builder\n     */\n")
          .append("    public Builder ")
          .append(adder)
          .append('(')
          .append(childCls)
          .append(" entity) {\n      return addChild(\"")
          .append(c.key())
          .append("\", entity);\n    }\n");
    }
    StringBuilder out = new StringBuilder();
    out.append("// Generated by kong-model/src/build/java/GenerateEntityClasses.java from the\n")
        .append("// definition in EntityKind.java. Do not edit: change the definition.\n")
        .append("package ")
        .append(PACKAGE)
        .append(";\n\n");
    for (String i : imports) {
      out.append("import ").append(i).append(";\n");
    }
    String cls = k.cls();
    boolean tagged =
        k.fields().stream().anyMatch(f -> f.key().equals("tags") && f.helper().equals("strings"));
    out.append("\n/**\n * ")
        .append(k.description())
        .append("\n *\n")
        .append(
            " * <p>Immutable. Known fields have typed accessors; any other field read or set"
                + " is kept in\n * {@link #field(String)}. Build with {@link #builder()}, copy with"
                + " {@link #toBuilder()}.\n */\n")
        .append("public final class ")
        .append(cls)
        .append(" extends KongEntity")
        .append(tagged ? " implements Tagged" : "")
        .append(" {\n")
        .append("  ")
        .append(cls)
        .append("(KongEntity.Slots slots) {\n")
        .append("    super(EntityKind.")
        .append(k.constant())
        .append(", slots);\n  }\n\n")
        .append("  /**\n   * A builder for a new, empty entity.\n   *\n")
        .append("   * @return the builder\n   */\n")
        .append("  public static Builder builder() {\n    return new Builder();\n  }\n\n")
        .append(
            "  /**\n   * A builder initialised with every field and nested list of this"
                + " entity.\n   *\n   * @return the builder\n   */\n")
        .append("  public Builder toBuilder() {\n    return new Builder().from(this);\n  }\n")
        .append(acc)
        .append("\n  /** Builder of {@link ")
        .append(cls)
        .append("}; setters replace the field and keep the others. */\n")
        .append("  public static final class Builder extends KongEntity.Builder<")
        .append(cls)
        .append(", Builder>")
        .append(tagged ? " implements Tagged.Builder<Builder>" : "")
        .append(" {\n")
        .append("    Builder() {\n      super(EntityKind.")
        .append(k.constant())
        .append(");\n    }\n\n")
        .append("    @Override\n    ")
        .append(cls)
        .append(" create(KongEntity.Slots slots) {\n")
        .append("      return new ")
        .append(cls)
        .append("(slots);\n    }\n")
        .append(set)
        .append("  }\n}\n");
    return out.toString();
  }

  /**
   * The typed per-section methods of {@code KongConfig} and its builder, one set per kind marked
   * {@code top("...")}: a package-private base class of each, whose public methods javac makes
   * public members of {@code KongConfig} and {@code KongConfig.Builder}.
   */
  static String generateSections(List<Kind> kinds) {
    StringBuilder acc = new StringBuilder();
    StringBuilder set = new StringBuilder();
    for (Kind k : kinds) {
      if (!k.top()) {
        continue;
      }
      String key = k.section();
      String name = camel(key);
      String cls = k.cls();
      acc.append("\n  /**\n   * The top-level {@code ")
          .append(key)
          .append("}.\n   *\n")
          .append(
              "   * @return the entities in document order, empty when absent or empty;"
                  + " see {@link KongConfig#has(String)}\n   */\n")
          .append("  public ImmutableList<")
          .append(cls)
          .append("> ")
          .append(name)
          .append("() {\n    return section(\"")
          .append(key)
          .append("\", ")
          .append(cls)
          .append(".class);\n  }\n");
      set.append("\n    /**\n     * Sets the top-level {@code ")
          .append(key)
          .append(
              "} (an empty list writes an empty list; KIC\n     * omits empty sections,"
                  + " so pass a non-empty list or none).\n     *\n")
          .append("     * @param entities the entities, in order\n")
          .append("     * @return this builder\n     */\n")
          .append("    public KongConfig.Builder ")
          .append(name)
          .append("(List<")
          .append(cls)
          .append("> entities) {\n      return putSection(\"")
          .append(key)
          .append("\", entities);\n    }\n");
      set.append("\n    /**\n     * Appends to the top-level {@code ")
          .append(key)
          .append("}, creating the section when absent.\n     *\n")
          .append("     * @param entity the entity\n")
          .append("     * @return this builder\n     */\n")
          .append("    public KongConfig.Builder add")
          .append(cls)
          .append('(')
          .append(cls)
          .append(" entity) {\n      return addToSection(\"")
          .append(key)
          .append("\", entity);\n    }\n");
      set.append("\n    /**\n     * Sets the top-level {@code ")
          .append(key)
          .append(
              "} from JSON objects, taking ownership of\n     * {@code entries} instead"
                  + " of copying them (see {@link KongConfig.Builder#adopt(String,\n     * JsonNode)}).\n     *\n")
          .append("     * @param entries the entities as JSON objects, given away\n")
          .append("     * @return this builder\n")
          .append("     * @throws KongModelException when an entry is not a valid {@link ")
          .append(cls)
          .append("}\n     */\n")
          .append("    public KongConfig.Builder adopt")
          .append(Character.toUpperCase(name.charAt(0)))
          .append(name.substring(1))
          .append("(ArrayNode entries) {\n      return adoptSection(\"")
          .append(key)
          .append("\", entries);\n    }\n");
    }
    return "// Generated by kong-model/src/build/java/GenerateEntityClasses.java from the\n"
        + "// definitions in EntityKind.java (kinds marked top(...)). Do not edit.\n"
        + "package "
        + PACKAGE
        + ";\n\n"
        + "import com.fasterxml.jackson.databind.JsonNode;\n"
        + "import com.fasterxml.jackson.databind.node.ArrayNode;\n"
        + "import com.google.common.collect.ImmutableList;\n"
        + "import java.util.List;\n\n"
        + "/** The typed per-section accessors of {@link KongConfig}. */\n"
        + "abstract class KongConfigSections {\n"
        + "  KongConfigSections() {}\n\n"
        + "  abstract <T extends KongEntity> ImmutableList<T> section(String key, Class<T> type);\n"
        + acc
        + "\n  /** The typed per-section setters of {@link KongConfig.Builder}. */\n"
        + "  abstract static class SectionsBuilder {\n"
        + "    SectionsBuilder() {}\n\n"
        + "    abstract KongConfig.Builder putSection(String key,"
        + " List<? extends KongEntity> entities);\n\n"
        + "    abstract KongConfig.Builder addToSection(String key, KongEntity entity);\n\n"
        + "    abstract KongConfig.Builder adoptSection(String key, ArrayNode entries);\n"
        + set
        + "  }\n}\n";
  }

  /**
   * A typed {@code adopt}: the builder takes ownership of the node instead of copying it (see
   * {@code KongEntity.Builder.adopt}), so that a translator can hand over the trees it built, and
   * share one immutable node (e.g. a tag list) among many entities.
   */
  private static void adopter(
      StringBuilder set, String key, String method, String node, String paramDoc) {
    set.append("\n    /**\n     * Sets {@code ")
        .append(key)
        .append("}, taking ownership of")
        .append(" {@code value} instead of\n     * copying it: its containers are normalised")
        .append(" in place and become part of the entity.\n     * The caller must not modify")
        .append(" {@code value} (nor any node in it) afterwards; handing the same,\n     *")
        .append(" never modified node to several builders is allowed.\n     *\n")
        .append("     * @param value ")
        .append(paramDoc)
        .append(", given away\n")
        .append("     * @return this builder\n")
        .append("     * @throws KongModelException when the value has the wrong JSON type\n")
        .append("     */\n")
        .append("    public Builder ")
        .append(method)
        .append('(')
        .append(node)
        .append(" value) {\n      return adopt(\"")
        .append(key)
        .append("\", value);\n    }\n");
  }

  private static void setter(
      StringBuilder set, String key, String name, String param, String paramDoc, String body) {
    String paramName = param.substring(param.lastIndexOf(' ') + 1);
    set.append("\n    /**\n     * Sets {@code ")
        .append(key)
        .append("}.\n     *\n")
        .append("     * @param ")
        .append(paramName)
        .append(" the ")
        .append(paramDoc)
        .append("\n     * @return this builder\n     */\n")
        .append("    public Builder ")
        .append(name)
        .append('(')
        .append(param)
        .append(") {\n")
        .append("      return ")
        .append(body)
        .append(";\n    }\n");
  }
}
