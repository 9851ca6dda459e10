package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The OpenAPI schemas of the CRDs this library reads (Gateway API and Kong's CRDs), bundled as
 * resources under {@code io/github/kongtranslator/core/crds/} (see the README there for versions,
 * licences and how to update). Core kinds (Service, Secret, ...) have no CRD and are not handled
 * here.
 *
 * <p>A kind's CRD file is read and compiled on first use (regular expressions compiled, CEL rules
 * parsed), once, into a tree per served version; every object is then walked against that tree.
 * Defaults and rules come from the CRD YAML only: updating a CRD is a file update.
 *
 * <p>Thread-safe.
 */
public final class CrdSchemas {
  private static final String ROOT = "/io/github/kongtranslator/core/crds/";
  private static final CrdSchemas BUNDLED = new CrdSchemas(ROOT);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String root;
  private volatile @Nullable Map<String, String> index;
  private final Map<Kind, Map<String, SchemaNode>> compiled =
      Collections.synchronizedMap(new EnumMap<>(Kind.class));
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
  private final Map<String, CelRule> rules = new ConcurrentHashMap<>();

  private CrdSchemas(String root) {
    this.root = root;
  }

  /** The schemas bundled with this library. */
  public static CrdSchemas bundled() {
    return BUNDLED;
  }

  /**
   * Whether a CRD schema is bundled for {@code kind} at {@code version}.
   *
   * @param kind the object's kind
   * @param version the apiVersion version part, e.g. {@code v1}
   * @return false for core kinds and for versions the bundled CRD does not serve
   */
  public boolean hasSchema(Kind kind, String version) {
    return schema(kind, version) != null;
  }

  /**
   * Applies the structural-schema defaults of {@code kind} at {@code version} to the object in
   * place, as the API server does on create/update (see {@link Defaulting}); non-nullable {@code
   * null} fields without a default are removed first, as the API server does.
   *
   * @param kind the object's kind
   * @param version the object's apiVersion version part (e.g. {@code v1})
   * @param object the whole object (apiVersion, kind, metadata, spec, ...)
   * @return JSON pointers of the fields that were defaulted, in document order; empty when none or
   *     when the kind has no bundled CRD
   */
  public List<String> applyDefaults(Kind kind, String version, ObjectNode object) {
    SchemaNode s = schema(kind, version);
    if (s == null) {
      return List.of();
    }
    Defaulting.pruneNulls(object, s);
    List<String> out = new ArrayList<>();
    Defaulting.apply(object, s, "", out);
    return out;
  }

  /**
   * Validates the (already defaulted) object against the CRD schema of {@code kind} at {@code
   * version}: types, enums, patterns, formats, min/max, lengths, required fields and the {@code
   * x-kubernetes-validations} rules that are evaluated (see {@link #skippedRules}). {@code
   * metadata} is not checked here (the API server validates it as ObjectMeta).
   *
   * @return the violations, empty when the API server would accept the object
   */
  public List<SchemaViolation> validate(Kind kind, String version, ObjectNode object) {
    SchemaNode s = schema(kind, version);
    if (s == null) {
      return List.of();
    }
    return Validation.validate(object, s);
  }

  /**
   * The fields the API server would prune from the object (unknown to the schema and not under
   * {@code x-kubernetes-preserve-unknown-fields}); {@code metadata} is not looked into.
   *
   * @return JSON pointers in document order; empty when none or when the kind has no bundled CRD
   */
  public List<String> unknownFields(Kind kind, String version, ObjectNode object) {
    SchemaNode s = schema(kind, version);
    if (s == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("metadata")) {
        continue;
      }
      SchemaNode field = s.field(e.getKey());
      String ptr = "/" + Defaulting.escape(e.getKey());
      if (field == null) {
        out.add(ptr);
      } else {
        unknown(e.getValue(), field, ptr, out);
      }
    }
    return out;
  }

  private static void unknown(JsonNode x, SchemaNode s, String ptr, List<String> out) {
    if (s.embeddedResource) {
      return;
    }
    if (x.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = x.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        SchemaNode field = s.field(e.getKey());
        String p = ptr + "/" + Defaulting.escape(e.getKey());
        if (field != null) {
          unknown(e.getValue(), field, p, out);
        } else if (!s.preserveUnknownFields) {
          out.add(p);
        }
      }
    } else if (x.isArray() && s.items != null) {
      for (int i = 0; i < x.size(); i++) {
        unknown(x.get(i), s.items, ptr + "/" + i, out);
      }
    }
  }

  /**
   * The {@code x-kubernetes-validations} rules of a kind's CRD that are not evaluated, with why.
   *
   * @return rule text to reason, for every served version; empty for kinds without a CRD
   */
  public Map<String, String> skippedRules(Kind kind) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SchemaNode s : versions(kind).values()) {
      s.forEachNode(
          "",
          (path, node) ->
              node.rules.stream()
                  .filter(r -> !r.evaluated())
                  .forEach(r -> out.put(r.rule(), r.skipReason())));
    }
    return out;
  }

  /** The served versions of a kind's bundled CRD, each with its compiled schema. */
  Map<String, SchemaNode> versions(Kind kind) {
    Map<String, SchemaNode> v = compiled.get(kind);
    if (v == null) {
      // compiled outside the lock; a race compiles twice and keeps one, harmlessly
      v = compile(kind);
      Map<String, SchemaNode> prev = compiled.putIfAbsent(kind, v);
      if (prev != null) {
        v = prev;
      }
    }
    return v;
  }

  private @Nullable SchemaNode schema(Kind kind, String version) {
    return versions(kind).get(version);
  }

  /** The bundled CRD file of a kind, relative to the CRD folder. */
  Optional<String> file(Kind kind) {
    return Optional.ofNullable(index().get(kind.group() + "/" + kind.kindName()));
  }

  private Map<String, String> index() {
    Map<String, String> i = index;
    if (i == null) {
      Map<String, String> read = new LinkedHashMap<>();
      try (InputStream in = open("index.tsv")) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) { // blank lines skipped
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] cols = line.split("\t", -1);
          read.put(cols[0] + "/" + cols[1], cols[2]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled CRD index", e);
      }
      index = i = Collections.unmodifiableMap(read);
    }
    return i;
  }

  private InputStream open(String name) {
    InputStream in = CrdSchemas.class.getResourceAsStream(root + name);
    if (in == null) {
      throw new IllegalStateException("bundled CRD resource missing: " + root + name);
    }
    return in;
  }

  /**
   * YAML as Kubernetes reads it (sigs.k8s.io/yaml converts to JSON): a timestamp stays a string.
   */
  private static final class StringTimestamps extends SafeConstructor {
    StringTimestamps(LoaderOptions options) {
      super(options);
      yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
    }
  }

  /**
   * Compiles a schema pattern; one Java cannot compile (none in the bundled CRDs) matches
   * everything, so it never refuses an object the API server would accept.
   */
  private static Pattern compilePattern(String goPattern) {
    try {
      return GoRegex.compile(goPattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      return Pattern.compile("");
    }
  }

  private Map<String, SchemaNode> compile(Kind kind) {
    Optional<String> file = file(kind);
    if (file.isEmpty()) {
      return Map.of();
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    Object yaml;
    try (InputStream in = open(file.get())) {
      yaml =
          new Yaml(new StringTimestamps(options))
              .load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled CRD " + file.get(), e);
    }
    JsonNode crd = JSON.valueToTree(yaml);
    Map<String, SchemaNode> out = new LinkedHashMap<>();
    for (JsonNode v : crd.path("spec").path("versions")) {
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      if (!schema.isObject()) {
        continue;
      }
      out.put(
          v.path("name").asText(),
          SchemaNode.compile(
              schema,
              p -> patterns.computeIfAbsent(p, CrdSchemas::compilePattern),
              r -> rules.computeIfAbsent(r.toString(), t -> CelRule.compile(r))));
    }
    return Collections.unmodifiableMap(out);
  }
}
