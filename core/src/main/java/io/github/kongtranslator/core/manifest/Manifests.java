package io.github.kongtranslator.core.manifest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.manifest.internal.Admission;
import io.github.kongtranslator.core.manifest.internal.DocumentSizes;
import io.github.kongtranslator.core.manifest.internal.Utf8Text;
import io.github.kongtranslator.core.manifest.internal.YamlTrees;
import io.github.kongtranslator.core.manifest.internal.schema.SchemaViolation;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Kubernetes manifests into the typed model, admitting each object as the Kubernetes API
 * server would (see {@link ManifestOptions}).
 *
 * <p>Input is multi-document YAML or JSON (JSON is read as YAML), from files, directories (every
 * {@code .yaml}, {@code .yml} and {@code .json} file below it, in path order), streams, strings, or
 * object trees (a Jackson {@link JsonNode} or a {@code Map}). Empty and comment-only documents are
 * skipped, as kubectl does; a {@code kind: List} document and a typed list ({@code ServiceList},
 * {@code HTTPRouteList}, any {@code <Kind>List} with {@code items}) contribute their items (items
 * of a typed list without {@code apiVersion} and {@code kind} take the list's). Each object is
 * dispatched by {@code apiVersion} and {@code kind}; every served version of a kind (see {@link
 * Kind#versions()}) maps onto the same typed value. Objects of kinds this library does not read are
 * skipped with a {@link ManifestWarning}, never an error.
 *
 * <p>One pipeline serves every entry point: read and bound the text, parse, then per object: API
 * server defaults (core and CRD), namespace, uid, validation, binding. An object the API server
 * would refuse is left out and reported in {@link LoadResult#rejected()}; the fields filled in are
 * in {@link LoadResult#defaulted()} (and logged at debug level).
 *
 * <p>Bad input gives a {@link ManifestException} naming the source, document number, line:column
 * (for text) and field. Resources are bounded by {@link ManifestLimits}.
 *
 * <pre>{@code
 * LoadResult loaded = Manifests.load(Path.of("manifests/"));
 * CacheStores stores = CacheStores.of(loaded.objects());
 * }</pre>
 */
public final class Manifests {
  private static final Logger LOG = LoggerFactory.getLogger(Manifests.class);
  private static final Manifests DEFAULT =
      new Manifests(ManifestOptions.defaults(), Admission.SchemaStep.bundled());

  private final ManifestOptions options;
  private final ManifestLimits limits;
  private final Admission admission;

  private Manifests(ManifestOptions options, Admission.SchemaStep schemas) {
    this.options = options;
    this.limits = options.limits();
    this.admission = new Admission(options, schemas);
  }

  /**
   * A loader with the given options.
   *
   * @param options namespace, uid, defaulting and validation settings and limits
   * @return the loader
   */
  public static Manifests with(ManifestOptions options) {
    return new Manifests(options, Admission.SchemaStep.bundled());
  }

  /** A loader with other CRD schema steps; for tests of the pipeline. */
  static Manifests with(ManifestOptions options, Admission.SchemaStep schemas) {
    return new Manifests(options, schemas);
  }

  /**
   * A loader with default options and custom limits.
   *
   * @param limits the limits
   * @return the loader
   */
  public static Manifests withLimits(ManifestLimits limits) {
    return with(ManifestOptions.builder().limits(limits).build());
  }

  /** {@return a loader with {@link ManifestOptions#defaults()}} */
  public static Manifests defaults() {
    return DEFAULT;
  }

  /**
   * A loader that takes objects as stored ({@link ManifestOptions#asStored()}): for objects read
   * from an API server, and for KIC's golden corpus.
   *
   * @return the loader
   */
  public static Manifests asStored() {
    return with(ManifestOptions.asStored());
  }

  /** {@return this loader's options} */
  public ManifestOptions options() {
    return options;
  }

  /**
   * Loads a file or every manifest file below a directory, with default options.
   *
   * @param path a file or directory
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input or an unreadable file
   */
  public static LoadResult load(Path path) {
    return DEFAULT.read(path);
  }

  /**
   * Parses manifests from a string, with default options.
   *
   * @param content YAML or JSON text
   * @param sourceName name used in messages
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input
   */
  public static LoadResult parse(String content, String sourceName) {
    return DEFAULT.read(new StringReader(content), sourceName);
  }

  /**
   * Parses manifests from a string with this loader's options.
   *
   * @param content YAML or JSON text
   * @param sourceName name used in messages
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input
   */
  public LoadResult readString(String content, String sourceName) {
    return read(new StringReader(content), sourceName);
  }

  /**
   * Loads files and directories in order, as one run (the run bounds of {@link ManifestLimits}
   * apply to all of them together).
   *
   * @param paths files or directories
   * @return the loaded objects and warnings, in argument order
   * @throws ManifestException on bad input or an unreadable file
   */
  public LoadResult read(List<Path> paths) {
    Run run = new Run();
    for (Path p : paths) {
      readPath(p, run);
    }
    return run.result();
  }

  /**
   * Loads a file or every manifest file below a directory.
   *
   * @param path a file or directory
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input or an unreadable file
   */
  public LoadResult read(Path path) {
    return read(List.of(path));
  }

  private void readPath(Path path, Run run) {
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(path)) {
        files = s.filter(Files::isRegularFile).filter(Manifests::isManifestFile).sorted().toList();
      } catch (IOException | UncheckedIOException e) {
        throw new ManifestException(
            path.toString(), 0, 0, 0, "", "cannot list directory: " + e.getMessage());
      }
      for (Path f : files) {
        readPath(f, run);
      }
      return;
    }
    String source = path.toString();
    try {
      long size = Files.size(path);
      if (size > limits.maxStreamChars()) {
        throw tooLarge(source, size);
      }
      try (InputStream in = Files.newInputStream(path)) {
        readText(Utf8Text.decode(readBounded(in, source), source), source, run);
      }
    } catch (IOException e) {
      throw new ManifestException(
          source,
          0,
          0,
          0,
          "",
          "cannot read: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private static boolean isManifestFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /**
   * Loads manifests from a UTF-8 stream. The stream is not closed. Invalid UTF-8 is an error naming
   * the line, never silently replaced.
   *
   * @param in the stream
   * @param sourceName name used in messages, e.g. {@code <stdin>}
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input
   */
  public LoadResult read(InputStream in, String sourceName) {
    Run run = new Run();
    try {
      readText(Utf8Text.decode(readBounded(in, sourceName), sourceName), sourceName, run);
    } catch (IOException e) {
      throw new ManifestException(
          sourceName,
          0,
          0,
          0,
          "",
          "cannot read: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    return run.result();
  }

  private byte[] readBounded(InputStream in, String source) throws IOException {
    byte[] bytes =
        in.readNBytes(
            limits.maxStreamChars() == Integer.MAX_VALUE
                ? Integer.MAX_VALUE - 8
                : limits.maxStreamChars() + 1);
    if (bytes.length > limits.maxStreamChars()) {
      throw tooLarge(source, bytes.length);
    }
    return bytes;
  }

  private ManifestException tooLarge(String source, long size) {
    return new ManifestException(
        source,
        0,
        0,
        0,
        "",
        "more than "
            + limits.maxStreamChars()
            + " bytes (limit maxStreamChars; "
            + size
            + (size > limits.maxStreamChars() ? "+" : "")
            + " read)");
  }

  /**
   * Loads manifests from a character stream. The reader is not closed.
   *
   * @param reader the text
   * @param sourceName name used in messages
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input
   */
  public LoadResult read(Reader reader, String sourceName) {
    Run run = new Run();
    // One growing char[] and one String at the end: a StringBuilder re-checked every 8 KiB chunk
    // for Latin-1 and copied it twice more (a few % of loading a large stream).
    char[] buf = new char[8192];
    int length = 0;
    try {
      int n;
      while ((n = reader.read(buf, length, buf.length - length)) >= 0) {
        length += n;
        if (length > limits.maxStreamChars()) {
          throw new ManifestException(
              sourceName,
              0,
              0,
              0,
              "",
              "more than " + limits.maxStreamChars() + " characters (limit maxStreamChars)");
        }
        if (length == buf.length) {
          if (buf.length >= Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("a stream of more chars than the largest array");
          }
          buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, Integer.MAX_VALUE - 8));
        }
      }
    } catch (IOException e) {
      throw new ManifestException(
          sourceName,
          0,
          0,
          0,
          "",
          "cannot read: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    readText(new String(buf, 0, length), sourceName, run);
    return run.result();
  }

  /**
   * Loads objects from a Jackson tree: one object (possibly a list) or an array of them, each
   * element counting as one document. The tree is not modified. Errors name the document (the array
   * index + 1), the object and the field instead of a line.
   *
   * @param tree an object tree as the Kubernetes API would send it
   * @param sourceName name used in messages
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input
   */
  public LoadResult read(JsonNode tree, String sourceName) {
    return readTree(tree, sourceName, admission.enabled());
  }

  /**
   * The tree entry points. Admission changes the tree in place, so a caller's tree is copied first;
   * without admission nothing writes to it (typed-list items are copied before they are given their
   * list's apiVersion and kind), so objects as stored are read without a copy.
   */
  private LoadResult readTree(JsonNode tree, String sourceName, boolean copy) {
    Run run = new Run();
    if (tree.isArray()) {
      for (int i = 0; i < tree.size(); i++) {
        document(
            YamlTrees.Document.of(copy ? tree.get(i).deepCopy() : tree.get(i), i + 1),
            sourceName,
            run);
      }
    } else {
      document(YamlTrees.Document.of(copy ? tree.deepCopy() : tree, 1), sourceName, run);
    }
    return run.result();
  }

  /**
   * Loads one object (possibly a list) from plain maps, lists and scalars, as a JSON or YAML
   * library would give them. The map is not modified.
   *
   * @param object the object
   * @param sourceName name used in messages
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input
   */
  public LoadResult read(Map<String, ?> object, String sourceName) {
    JsonNode tree;
    try {
      tree = ModelJson.MAPPER.valueToTree(object);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(
          sourceName, 1, 0, 0, "", "not a JSON-like object tree: " + e.getClass().getSimpleName());
    }
    return readTree(tree, sourceName, false); // a fresh tree: nobody else holds it
  }

  private void readText(String text, String source, Run run) {
    run.addBytes(text, source);
    DocumentSizes.check(text, source, limits.maxObjectBytes());
    // Each document is admitted and bound as soon as it is parsed, while its tree is young and
    // still in the cache, and no document's tree outlives it. The text is still judged whole
    // first: the first object error is held back until the rest of the stream has parsed, so a
    // malformed document or a stream limit further down is what is reported, as before objects
    // were read during parsing.
    RuntimeException[] held = {null};
    new YamlTrees(source, limits)
        .read(
            new StringReader(text),
            doc -> {
              if (held[0] == null) {
                try {
                  document(doc, source, run);
                } catch (RuntimeException e) {
                  held[0] = e;
                }
              }
            });
    if (held[0] != null) {
      throw held[0];
    }
  }

  /** One YAML document or tree: skipped when empty, a list's items, or one object. */
  private void document(YamlTrees.Document doc, String source, Run run) {
    JsonNode tree = doc.tree();
    if (tree.isNull() || tree.isMissingNode()) {
      // k8s.io/cli-runtime/pkg/resource/visitor.go StreamVisitor.Visit: a document that is empty
      // or "null" after trimming is skipped ("continue").
      return;
    }
    if (isList(tree)) {
      JsonNode items = tree.get("items");
      if (items != null && !items.isNull() && !items.isArray()) {
        throw error(source, doc, "/items", "expected a list of objects");
      }
      if (items != null) {
        String listKind = tree.get("kind").textValue();
        String itemKind = listKind.substring(0, listKind.length() - "List".length());
        for (int i = 0; i < items.size(); i++) {
          String at = "/items/" + i;
          run.count(source, doc, at);
          JsonNode item = items.get(i);
          // k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructured.go decodeToList: "For
          // typed lists, e.g., a PodList, API server doesn't set each item's APIVersion and
          // Kind": items with neither take the list's apiVersion and its kind without "List".
          if (item instanceof ObjectNode o
              && !itemKind.isEmpty()
              && Admission.unsetField(o, "apiVersion")
              && Admission.unsetField(o, "kind")) {
            ObjectNode typed = o.deepCopy(); // never write into a caller's tree
            typed.put("apiVersion", tree.get("apiVersion").textValue());
            typed.put("kind", itemKind);
            item = typed;
          }
          object(source, doc, item, at, run);
        }
      }
      return;
    }
    run.count(source, doc, "");
    object(source, doc, tree, "", run);
  }

  /**
   * {@code kind: List}, or a typed list: a kind ending in {@code List} with an {@code items} field
   * (k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructured.go decodes any object with
   * {@code items} as a list).
   */
  private static boolean isList(JsonNode tree) {
    if (!tree.isObject()
        || !tree.path("apiVersion").isTextual()
        || !tree.path("kind").isTextual()) {
      return false;
    }
    String kind = tree.get("kind").textValue();
    return kind.equals("List")
        || (kind.endsWith("List")
            && tree.has("items")
            && Kind.find(groupOf(tree.get("apiVersion").textValue()), kind).isEmpty());
  }

  private static ManifestWarning skipped(
      String source, YamlTrees.Document doc, JsonNode tree, String pointer) {
    String kind = tree.path("kind").asText();
    String apiVersion = tree.path("apiVersion").asText();
    String name = tree.path("metadata").path("name").asText();
    String ns = tree.path("metadata").path("namespace").asText();
    String what = kind + " " + (ns.isEmpty() ? name : ns + "/" + name);
    String why =
        Kind.find(groupOf(apiVersion), kind).isPresent()
            ? "version "
                + apiVersion
                + " of "
                + kind
                + " is not read (read: "
                + Kind.find(groupOf(apiVersion), kind).get().versions()
                + ")"
            : "kind " + apiVersion + " " + kind + " is not read by kong-translator";
    return new ManifestWarning(
        source, doc.number(), doc.position(pointer)[0], "skipped " + what + ": " + why);
  }

  private static String groupOf(String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** One object: checks, admission (defaults, namespace, uid, validation), binding. */
  private void object(
      String source, YamlTrees.Document doc, JsonNode tree, String pointer, Run run) {
    if (!tree.isObject()) {
      throw error(
          source,
          doc,
          pointer,
          "expected a Kubernetes object (a mapping), found " + describe(tree));
    }
    JsonNode apiVersion = tree.get("apiVersion");
    JsonNode kind = tree.get("kind");
    if (apiVersion == null || !apiVersion.isTextual() || apiVersion.textValue().isEmpty()) {
      throw error(
          source,
          doc,
          pointer + "/apiVersion",
          "missing or not a string: every object needs an apiVersion");
    }
    if (kind == null || !kind.isTextual() || kind.textValue().isEmpty()) {
      throw error(
          source, doc, pointer + "/kind", "missing or not a string: every object needs a kind");
    }
    Optional<Kind> k = Kind.forApiVersion(apiVersion.textValue(), kind.textValue());
    if (k.isEmpty()) {
      run.warnings.add(skipped(source, doc, tree, pointer));
      return;
    }
    JsonNode name = tree.path("metadata").path("name");
    if (!name.isTextual() || name.textValue().isEmpty()) {
      throw error(
          source,
          doc,
          pointer + "/metadata/name",
          "missing: " + kind.textValue() + " objects need metadata.name");
    }
    String version = k.get().versionOf(apiVersion.textValue());
    Admission.Outcome admitted = admission.admit(k.get(), version, (ObjectNode) tree);
    JsonNode meta = tree.path("metadata");
    ObjectRef ref =
        new ObjectRef(
            k.get().group(),
            version,
            k.get().kindName(),
            k.get().namespaced() ? meta.path("namespace").asText("") : "",
            name.textValue(),
            meta.path("uid").isTextual() ? meta.path("uid").textValue() : "");
    if (!admitted.violations().isEmpty()) {
      List<InvalidObjectException.Violation> violations = new ArrayList<>();
      for (SchemaViolation v : admitted.violations()) {
        violations.add(
            new InvalidObjectException.Violation(
                YamlTrees.field(pointer + v.pointer()), v.rule(), v.message()));
      }
      int[] pos = doc.position(pointer + admitted.violations().get(0).pointer());
      InvalidObjectException rejected =
          new InvalidObjectException(source, doc.number(), pos[0], pos[1], ref, violations);
      LOG.debug("rejected: {}", rejected.getMessage());
      run.rejected.add(rejected);
      return;
    }
    if (!admitted.defaulted().isEmpty()) {
      List<String> fields = new ArrayList<>();
      for (String p : admitted.defaulted()) {
        fields.add(YamlTrees.field(p));
      }
      DefaultedFields d = new DefaultedFields(ref, source, doc.number(), fields);
      LOG.debug("defaulted: {}", d);
      run.defaulted.add(d);
    }
    run.objects.add(bind(source, doc, tree, pointer, k.get(), kind.textValue(), name.textValue()));
  }

  private static K8sObject bind(
      String source,
      YamlTrees.Document doc,
      JsonNode tree,
      String pointer,
      Kind k,
      String kindName,
      String name) {
    try {
      return ModelJson.MAPPER.treeToValue(tree, k.type());
    } catch (JsonMappingException e) {
      StringBuilder p = new StringBuilder(pointer);
      for (JsonMappingException.Reference r : e.getPath()) {
        p.append('/')
            .append(
                r.getFieldName() != null
                    ? r.getFieldName().replace("~", "~0").replace("/", "~1")
                    : String.valueOf(r.getIndex()));
      }
      String ns = tree.path("metadata").path("namespace").asText();
      String obj = kindName + " " + (ns.isEmpty() ? name : ns + "/" + name);
      return failBinding(source, doc, p.toString(), obj, e);
    } catch (IllegalArgumentException e) {
      throw error(source, doc, pointer, e.getMessage() == null ? "invalid value" : e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw error(source, doc, pointer, "cannot read object: " + e.getOriginalMessage());
    }
  }

  private static K8sObject failBinding(
      String source, YamlTrees.Document doc, String pointer, String obj, JsonMappingException e) {
    String problem;
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      Throwable c = e.getCause();
      problem =
          c instanceof NullPointerException
              ? "null values are not allowed here"
              : (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
    } else {
      problem = e.getOriginalMessage();
      int nl = problem.indexOf('\n');
      if (nl >= 0) {
        problem = problem.substring(0, nl);
      }
      problem = simplify(problem);
    }
    throw error(source, doc, pointer, obj + ": " + problem);
  }

  /** Turns Jackson's type-mismatch wording into a short statement, dropping quoted input. */
  private static String simplify(String m) {
    int from = m.indexOf(" from ");
    if (m.startsWith("Cannot deserialize value of type") || m.startsWith("Cannot coerce")) {
      String type = m.replaceAll("^.*?`([^`]*)`.*$", "$1");
      type = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
      String found = from >= 0 ? m.substring(from + 6).replaceAll("[:(].*$", "").trim() : "";
      return "wrong type: expected " + type + (found.isEmpty() ? "" : ", found " + found);
    }
    // Jackson quotes input values as "..." and, e.g. in "Cannot construct instance of ... from
    // String value ('...')", as '...': neither may reach a message (it may be a Secret's value).
    return m.replaceAll("\"[^\"]*\"", "<value>").replaceAll("'[^']*'", "<value>");
  }

  private static String describe(JsonNode n) {
    return n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static ManifestException error(
      String source, YamlTrees.Document doc, String pointer, String problem) {
    int[] pos = doc.position(pointer);
    return new ManifestException(
        source, doc.number(), pos[0], pos[1], YamlTrees.field(pointer), problem);
  }

  /** The state of one load call: the results so far and the run bounds. */
  private final class Run {
    private final List<K8sObject> objects = new ArrayList<>();
    private final List<ManifestWarning> warnings = new ArrayList<>();
    private final List<InvalidObjectException> rejected = new ArrayList<>();
    private final List<DefaultedFields> defaulted = new ArrayList<>();
    private final Map<String, Integer> perSource = new HashMap<>();
    private int total;
    private long bytes;

    void addBytes(String text, String source) {
      bytes += Utf8Text.length(text, source);
      if (bytes > limits.maxTotalBytes()) {
        throw new ManifestException(
            source,
            0,
            0,
            0,
            "",
            "this load reads more than "
                + limits.maxTotalBytes()
                + " bytes in all (limit maxTotalBytes)");
      }
    }

    void count(String source, YamlTrees.Document doc, String pointer) {
      int n = perSource.merge(source, 1, Integer::sum);
      if (n > limits.maxDocuments()) {
        throw error(
            source,
            doc,
            pointer,
            "more than " + limits.maxDocuments() + " objects (limit maxDocuments)");
      }
      if (++total > limits.maxTotalObjects()) {
        throw error(
            source,
            doc,
            pointer,
            "this load has more than "
                + limits.maxTotalObjects()
                + " objects in all (limit maxTotalObjects)");
      }
    }

    LoadResult result() {
      return new LoadResult(objects, warnings, rejected, defaulted);
    }
  }
}
