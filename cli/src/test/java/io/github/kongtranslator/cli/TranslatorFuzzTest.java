package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.ManifestException;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.kongmodel.errors.TagIdentity;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.kongmodel.validation.KongValidator;
import io.github.kongtranslator.kongmodel.validation.RouterFlavor;
import io.github.kongtranslator.kongmodel.validation.Violation;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.yaml.snakeyaml.Yaml;

/**
 * Fuzzes translation: corpus inputs with one node per object replaced by a value of another shape,
 * an out-of-range number, a huge or unicode string, or removed. Every input that loads translates
 * under every flag combination of the corpus without any part crashing, and its output is
 * well-formed ({@link #assertWellFormed}).
 */
class TranslatorFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<List<JsonNode>> CASES = load();
  private static final List<TranslatorOptions> OPTIONS =
      List.of(
          TranslatorOptions.defaults(),
          TranslatorOptions.builder().featureFlags(Map.of("ExpressionRoutes", true)).build(),
          TranslatorOptions.builder()
              .featureFlags(Map.of("KongServiceFacade", true, "FillIDs", false))
              .build());

  private static List<List<JsonNode>> load() {
    Path corpus = GoldenDir.KIC_GOLDEN;
    List<List<JsonNode>> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(corpus)) {
      for (Path d : dirs.sorted().toList()) {
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(d.resolve("in.yaml")))) {
          if (doc != null) {
            docs.add(JSON.valueToTree(doc));
          }
        }
        out.add(docs);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  private static JsonNode randomValue(Random rnd) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (rnd.nextInt(10)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(-1);
      case 2 -> f.numberNode(70000);
      case 3 -> f.textNode("");
      case 4 -> f.textNode("/~(((" + "a".repeat(rnd.nextInt(100)));
      case 5 -> f.textNode("xn--bcher-kva.例え.テスト");
      case 6 -> f.arrayNode().add("a").add(2);
      case 7 -> f.objectNode().put("k", "v");
      case 8 -> f.textNode("x".repeat(100_000));
      default -> f.booleanNode(rnd.nextBoolean());
    };
  }

  private static void mutate(JsonNode root, Random rnd) {
    List<Object[]> places = new ArrayList<>();
    collect(root, places);
    if (places.isEmpty()) {
      return;
    }
    Object[] p = places.get(rnd.nextInt(places.size()));
    boolean remove = rnd.nextInt(5) == 0;
    if (p[0] instanceof ObjectNode o) {
      if (remove) {
        o.remove((String) p[1]);
      } else {
        o.set((String) p[1], randomValue(rnd));
      }
    } else if (p[0] instanceof ArrayNode a) {
      if (remove) {
        a.remove((Integer) p[1]);
      } else {
        a.set((Integer) p[1], randomValue(rnd));
      }
    }
  }

  private static void collect(JsonNode n, List<Object[]> out) {
    if (n instanceof ObjectNode o) {
      o.fieldNames()
          .forEachRemaining(
              k -> {
                if (!k.equals("apiVersion") && !k.equals("kind")) {
                  out.add(new Object[] {o, k});
                  collect(o.get(k), out);
                }
              });
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Object[] {a, i});
        collect(a.get(i), out);
      }
    }
  }

  @Test
  void translation_neverThrows_onMutatedCorpusInputs() {
    qt().forAll(SourceDSL.integers().between(0, CASES.size() - 1), SourceDSL.longs().all())
        .checkAssert(
            (caseIndex, seed) -> {
              Random rnd = new Random(seed);
              StringBuilder stream = new StringBuilder();
              for (JsonNode doc : CASES.get(caseIndex)) {
                JsonNode copy = doc.deepCopy();
                if (rnd.nextInt(3) > 0) {
                  mutate(copy, rnd);
                }
                stream.append("---\n").append(copy).append('\n');
              }
              List<K8sObject> objects;
              try {
                objects = Manifests.parse(stream.toString(), "fuzz.yaml").objects();
              } catch (ManifestException e) {
                assertThat(e.getMessage()).startsWith("fuzz.yaml");
                return;
              }
              CacheStores stores = CacheStores.of(objects);
              for (TranslatorOptions o : OPTIONS) {
                TranslationResult r = Translator.create(o).translate(stores);
                assertWellFormed(r, o, "case " + caseIndex + " seed " + seed + " " + o);
              }
            });
  }

  /**
   * What every translation must give, whatever its input: no part crashed (a crash is caught per
   * object and reported as an "unexpected error" failure), every failure blames an object, every
   * entity Kong would reject is reported as a {@code KONG_INVALID} failure, and the configuration
   * round-trips through the deck writer and reader in both formats.
   */
  static void assertWellFormed(TranslationResult r, TranslatorOptions o, String what) {
    assertThat(r.failures())
        .as(what)
        .allSatisfy(
            f -> {
              assertThat(f.reason()).as(what).doesNotContain("unexpected error");
              assertThat(f.causingObjects()).as(what + ": " + f.reason()).isNotEmpty();
            });
    KongValidator validator =
        KongValidator.kong391()
            .withRouterFlavor(
                o.isEnabled(FeatureFlag.EXPRESSION_ROUTES)
                    ? RouterFlavor.EXPRESSIONS
                    : RouterFlavor.TRADITIONAL_COMPATIBLE);
    List<Violation> violations = validator.validate(r.config());
    // each violation of an entity that names its object is one KONG_INVALID failure
    assertThat(
            r.failures().stream()
                .filter(f -> f.effect() == TranslationFailure.Effect.KONG_INVALID)
                .count())
        .as(what + ": Kong-invalid failures for " + violations)
        .isEqualTo(
            violations.stream()
                .filter(v -> TagIdentity.fromTags(v.tags()).targetRef().isPresent())
                .count());
    String yaml = KongConfigWriter.yaml().write(r.config());
    assertThat(KongConfigReader.yaml().read(yaml, "out.yaml")).as(what).isEqualTo(r.config());
    assertThat(KongConfigWriter.yaml().write(KongConfigReader.yaml().read(yaml, "out.yaml")))
        .as(what)
        .isEqualTo(yaml);
    String json = KongConfigWriter.json().write(r.config());
    assertThat(KongConfigReader.json().read(json, "out.json")).as(what).isEqualTo(r.config());
  }
}
