package io.github.kongtranslator.core.manifest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.manifest.internal.YamlTrees;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads Kubernetes manifests into the typed model.
 *
 * <p>Input is multi-document YAML or JSON (JSON is read as YAML), from files, directories
 * (every {@code .yaml}, {@code .yml} and {@code .json} file below it, in path order), streams
 * or strings; a {@code kind: List} document contributes its {@code items}. Each document is
 * dispatched by {@code apiVersion} and {@code kind}; every served version of a kind (see {@link
 * Kind#versions()}) maps onto the same typed value. Documents of kinds this library does not read
 * are skipped with a {@link ManifestWarning}, never an error.
 *
 * <p>Bad input gives a {@link ManifestException} naming the source, document number,
 * line:column and field. Resources are bounded by {@link ManifestLimits}.
 *
 * <pre>{@code
 * LoadResult loaded = Manifests.load(Path.of("manifests/"));
 * CacheStores stores = CacheStores.of(loaded.objects());
 * }</pre>
 */
public final class Manifests {
  private static final Manifests DEFAULT = new Manifests(ManifestLimits.defaults());

  private final ManifestLimits limits;

  private Manifests(ManifestLimits limits) {
    this.limits = limits;
  }

  /**
   * A loader with custom limits.
   *
   * @param limits the limits
   * @return the loader
   */
  public static Manifests withLimits(ManifestLimits limits) {
    return new Manifests(limits);
  }

  /** A loader with {@link ManifestLimits#defaults()}. */
  public static Manifests defaults() {
    return DEFAULT;
  }

  /**
   * Loads a file or every manifest file below a directory, with default limits.
   *
   * @param path a file or directory
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input or an unreadable file
   */
  public static LoadResult load(Path path) {
    return DEFAULT.read(path);
  }

  /**
   * Parses manifests from a string, with default limits.
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
   * Loads files and directories in order.
   *
   * @param paths files or directories
   * @return the loaded objects and warnings, in argument order
   * @throws ManifestException on bad input or an unreadable file
   */
  public LoadResult read(List<Path> paths) {
    LoadResult result = new LoadResult(List.of(), List.of());
    for (Path p : paths) {
      result = result.plus(read(p));
    }
    return result;
  }

  /**
   * Loads a file or every manifest file below a directory.
   *
   * @param path a file or directory
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input or an unreadable file
   */
  public LoadResult read(Path path) {
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(path)) {
        files = s.filter(Files::isRegularFile).filter(Manifests::isManifestFile).sorted().toList();
      } catch (IOException | UncheckedIOException e) {
        throw new ManifestException(path.toString(), 0, 0, 0, "", "cannot list directory: " + e.getMessage());
      }
      return read(files);
    }
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(r, path.toString());
    } catch (IOException e) {
      throw new ManifestException(path.toString(), 0, 0, 0, "", "cannot read: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private static boolean isManifestFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /**
   * Loads manifests from a UTF-8 stream. The stream is not closed.
   *
   * @param in the stream
   * @param sourceName name used in messages, e.g. {@code <stdin>}
   * @return the loaded objects and warnings
   * @throws ManifestException on bad input
   */
  public LoadResult read(InputStream in, String sourceName) {
    return read(new InputStreamReader(in, StandardCharsets.UTF_8), sourceName);
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
    List<K8sObject> objects = new ArrayList<>();
    List<ManifestWarning> warnings = new ArrayList<>();
    int count = 0;
    for (YamlTrees.Document doc : new YamlTrees(sourceName, limits).read(reader)) {
      JsonNode tree = doc.tree();
      if (isList(tree)) {
        JsonNode items = tree.get("items");
        if (items != null && !items.isNull() && !items.isArray()) {
          throw error(sourceName, doc, "/items", "expected a list of objects");
        }
        if (items != null) {
          for (int i = 0; i < items.size(); i++) {
            if (++count > limits.maxDocuments()) {
              throw error(sourceName, doc, "/items/" + i,
                  "more than " + limits.maxDocuments() + " objects (limit maxDocuments)");
            }
            JsonNode item = items.get(i);
            String at = "/items/" + i;
            bind(sourceName, doc, item, at).ifPresentOrElse(objects::add,
                () -> warnings.add(skipped(sourceName, doc, item, at)));
          }
        }
        continue;
      }
      if (++count > limits.maxDocuments()) {
        throw error(sourceName, doc, "", "more than " + limits.maxDocuments() + " objects (limit maxDocuments)");
      }
      bind(sourceName, doc, tree, "").ifPresentOrElse(objects::add,
          () -> warnings.add(skipped(sourceName, doc, tree, "")));
    }
    return new LoadResult(objects, warnings);
  }

  private static boolean isList(JsonNode tree) {
    return tree.isObject() && "List".equals(tree.path("kind").asText(null))
        && tree.path("apiVersion").isTextual();
  }

  private static ManifestWarning skipped(String source, YamlTrees.Document doc, JsonNode tree, String pointer) {
    String kind = tree.path("kind").asText();
    String apiVersion = tree.path("apiVersion").asText();
    String name = tree.path("metadata").path("name").asText();
    String ns = tree.path("metadata").path("namespace").asText();
    String what = kind + " " + (ns.isEmpty() ? name : ns + "/" + name);
    String why = Kind.find(groupOf(apiVersion), kind).isPresent()
        ? "version " + apiVersion + " of " + kind + " is not read (read: "
            + Kind.find(groupOf(apiVersion), kind).get().versions() + ")"
        : "kind " + apiVersion + " " + kind + " is not read by kong-translator";
    return new ManifestWarning(source, doc.number(), doc.position(pointer)[0], "skipped " + what + ": " + why);
  }

  private static String groupOf(String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static Optional<K8sObject> bind(String source, YamlTrees.Document doc, JsonNode tree, String pointer) {
    if (!tree.isObject()) {
      throw error(source, doc, pointer, "expected a Kubernetes object (a mapping), found " + describe(tree));
    }
    JsonNode apiVersion = tree.get("apiVersion");
    JsonNode kind = tree.get("kind");
    if (apiVersion == null || !apiVersion.isTextual() || apiVersion.textValue().isEmpty()) {
      throw error(source, doc, pointer + "/apiVersion", "missing or not a string: every object needs an apiVersion");
    }
    if (kind == null || !kind.isTextual() || kind.textValue().isEmpty()) {
      throw error(source, doc, pointer + "/kind", "missing or not a string: every object needs a kind");
    }
    Optional<Kind> k = Kind.forApiVersion(apiVersion.textValue(), kind.textValue());
    if (k.isEmpty()) {
      return Optional.empty();
    }
    JsonNode name = tree.path("metadata").path("name");
    if (!name.isTextual() || name.textValue().isEmpty()) {
      throw error(source, doc, pointer + "/metadata/name",
          "missing: " + kind.textValue() + " objects need metadata.name");
    }
    try {
      return Optional.of(ModelJson.MAPPER.treeToValue(tree, k.get().type()));
    } catch (JsonMappingException e) {
      StringBuilder p = new StringBuilder(pointer);
      for (JsonMappingException.Reference r : e.getPath()) {
        p.append('/').append(r.getFieldName() != null
            ? r.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(r.getIndex()));
      }
      String ns = tree.path("metadata").path("namespace").asText();
      String obj = kind.textValue() + " " + (ns.isEmpty() ? name.textValue() : ns + "/" + name.textValue());
      return Optional.of(failBinding(source, doc, p.toString(), obj, e));
    } catch (IllegalArgumentException e) {
      throw error(source, doc, pointer, e.getMessage() == null ? "invalid value" : e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw error(source, doc, pointer, "cannot read object: " + e.getOriginalMessage());
    }
  }

  private static K8sObject failBinding(String source, YamlTrees.Document doc, String pointer, String obj,
      JsonMappingException e) {
    String problem;
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      Throwable c = e.getCause();
      problem = c instanceof NullPointerException
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
    return m.replaceAll("\"[^\"]*\"", "<value>");
  }

  private static String describe(JsonNode n) {
    return n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static ManifestException error(String source, YamlTrees.Document doc, String pointer, String problem) {
    int[] pos = doc.position(pointer);
    return new ManifestException(source, doc.number(), pos[0], pos[1], YamlTrees.field(pointer), problem);
  }
}
