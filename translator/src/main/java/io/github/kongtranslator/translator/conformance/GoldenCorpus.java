package io.github.kongtranslator.translator.conformance;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.KongTranslatorException;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The golden corpus ({@code conformance/kic-golden}): discovers cases and runs them through the
 * translator.
 *
 * <p>Typical use: {@code GoldenCorpus.discover(dir)} then {@link #check(GoldenCase)} for each case;
 * an empty difference means the case passes.
 */
public final class GoldenCorpus {
  /** Annotation marking an object the corpus gateway rejects (needs the fallback). */
  public static final String BROKEN_ANNOTATION = "test.konghq.com/broken";

  private static final String GOLDEN_SUFFIX = "_golden.yaml";
  private static final String SETTINGS_SUFFIX = "_settings.yaml";

  private GoldenCorpus() {}

  /**
   * Lists every case variant below a corpus directory, sorted by case then variant name.
   *
   * @param kicGoldenDir the {@code kic-golden} directory
   * @return the variants
   * @throws UncheckedIOException when the directory cannot be read
   * @throws IllegalArgumentException when a settings file is malformed
   */
  public static ImmutableList<GoldenCase> discover(Path kicGoldenDir) {
    List<GoldenCase> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(kicGoldenDir)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path in = dir.resolve("in.yaml");
        if (!Files.isRegularFile(in)) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path g :
              files
                  .filter(f -> f.getFileName().toString().endsWith(GOLDEN_SUFFIX))
                  .sorted(Comparator.comparing(Path::toString))
                  .toList()) {
            String file = g.getFileName().toString();
            String variant = file.substring(0, file.length() - GOLDEN_SUFFIX.length());
            Path settings = dir.resolve(variant + SETTINGS_SUFFIX);
            out.add(
                new GoldenCase(
                    dir.getFileName().toString(),
                    variant,
                    in,
                    g,
                    Files.isRegularFile(settings) ? flags(settings) : ImmutableMap.of()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ImmutableList.copyOf(out);
  }

  private static ImmutableMap<String, Boolean> flags(Path settings) throws IOException {
    Object doc = yaml().load(Files.readString(settings, StandardCharsets.UTF_8));
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (doc instanceof Map<?, ?> m && m.get("feature_flags") instanceof Map<?, ?> ff) {
      for (Map.Entry<?, ?> e : ff.entrySet()) {
        if (!(e.getValue() instanceof Boolean b)) {
          throw new IllegalArgumentException(
              settings + ": feature flag " + e.getKey() + " must be a boolean");
        }
        out.put(String.valueOf(e.getKey()), b);
      }
    }
    return ImmutableMap.copyOf(out);
  }

  private static Yaml yaml() {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(64 * 1024 * 1024);
    return new Yaml(new SafeConstructor(lo));
  }

  /**
   * Loads a case's input objects <em>as stored</em> ({@link Manifests#asStored()}): no namespace,
   * uid, default or validation step. KIC's golden harness puts {@code in.yaml} straight into its
   * store without an API server, and the goldens depend on that: kind-less backendRefs stay
   * kind-less ({@code gateway-api-spec.md} §1.2) and broken objects keep their empty uids ({@code
   * conformance/README.md}, {@code fallback-spec.md} §4.5).
   *
   * @param c the case
   * @return the objects in input order
   * @throws KongTranslatorException when the input cannot be loaded
   */
  public static List<K8sObject> load(GoldenCase c) {
    LoadResult r = Manifests.asStored().read(c.input());
    return r.objects();
  }

  /**
   * Whether the case's input has an object annotated {@value #BROKEN_ANNOTATION}, so that its
   * golden is a fallback configuration the translator alone cannot produce.
   *
   * @param c the case
   * @return true when a broken object is present
   */
  public static boolean needsFallback(GoldenCase c) {
    return load(c).stream()
        .anyMatch(o -> o.metadata().annotations().containsKey(BROKEN_ANNOTATION));
  }

  /**
   * Parses a YAML document into plain maps, lists and scalars.
   *
   * @param yamlText the text
   * @return the tree
   */
  public static Object parseYaml(String yamlText) {
    return yaml().load(yamlText);
  }

  /**
   * Translates a case's input with its options and compares the written configuration with its
   * golden.
   *
   * @param c the case
   * @return the first difference, or empty when the case passes
   * @throws UncheckedIOException when the golden cannot be read
   * @throws KongTranslatorException when the input cannot be loaded
   */
  public static Optional<String> check(GoldenCase c) {
    TranslationResult result = Translator.create(c.options()).translate(CacheStores.of(load(c)));
    Object actual = parseYaml(KongConfigWriter.yaml().write(result.config()));
    Object expected;
    try {
      expected = parseYaml(Files.readString(c.golden(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TreeDiff.firstDifference(expected, actual);
  }
}
