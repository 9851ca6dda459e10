package io.github.kongtranslator.fallback.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.FallbackGenerator;
import io.github.kongtranslator.fallback.FallbackResult;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.errors.GatewayRejection;
import io.github.kongtranslator.kongmodel.errors.ParseOutcome;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import io.github.kongtranslator.translator.conformance.TreeDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs one golden case as {@code conformance/README.md} ("Broken objects", "How a case is run")
 * prescribes: translate; if any object is annotated {@value GoldenCorpus#BROKEN_ANNOTATION}, the
 * gateway rejects that first push with a flattened-errors body naming every annotated object (in
 * input order); the broken objects are derived from that body with the target rules of {@code
 * fallback-spec.md} §4.10 (never from the annotation directly); the fallback is generated and
 * pushed, or — when nothing usable is named — the gateway's last valid configuration (the empty
 * one) is pushed. The last accepted configuration is compared with the golden.
 */
public final class FallbackGoldenRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FallbackGoldenRunner() {}

  /**
   * What happened when a case ran.
   *
   * @param rejectionBody the first push's 400 body, null when nothing is annotated broken
   * @param broken the broken refs derived from that body
   * @param fallback the generated fallback, null when the case needed none
   * @param accepted the configuration the gateway accepted last
   */
  public record Run(
      @Nullable String rejectionBody,
      ImmutableList<ObjectRef> broken,
      @Nullable FallbackResult fallback,
      KongConfig accepted) {}

  /**
   * Builds the corpus gateway's 400 body: one {@code flattened_errors} entry per annotated object,
   * in input order, with {@code k8s-*} tags from the object's own metadata (empty values kept) and
   * one error item {@code {"messages":["broken object"]}}.
   *
   * @param objects the input objects, in input order
   * @return the body, or empty when no object is annotated broken
   */
  public static Optional<String> rejectionBody(List<K8sObject> objects) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode entries = body.putArray("flattened_errors");
    for (K8sObject o : objects) {
      if (!"true".equals(o.metadata().annotation(GoldenCorpus.BROKEN_ANNOTATION))) {
        continue;
      }
      ObjectNode entry = entries.addObject();
      entry.putArray("errors").addObject().putArray("messages").add("broken object");
      String apiVersion = o.apiVersion();
      int slash = apiVersion.lastIndexOf('/');
      ArrayNode tags = entry.putArray("entity_tags");
      tags.add("k8s-name:" + o.metadata().name());
      tags.add("k8s-namespace:" + o.metadata().namespace());
      tags.add("k8s-kind:" + o.kindName());
      tags.add("k8s-group:" + (slash < 0 ? "" : apiVersion.substring(0, slash)));
      tags.add("k8s-version:" + apiVersion.substring(slash + 1));
      tags.add("k8s-uid:" + o.metadata().uid());
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a case with the library's rules: target entry parsing ({@code fallback-spec.md} §4.10),
   * every dependency ({@link io.github.kongtranslator.fallback.graph.ConfigGraph#of(CacheStores)})
   * and failing closed on translation failures ({@link TranslationFailurePolicy#FAIL_CLOSED}, for
   * the desired and the fallback configuration). The fallback is {@link FallbackGenerator}'s.
   *
   * @param c the case
   * @return what was pushed and accepted
   */
  public static Run run(GoldenCase c) {
    List<K8sObject> objects = GoldenCorpus.load(c);
    CacheStores snapshot = CacheStores.of(objects);
    Translator translator = Translator.create(c.options());
    KongConfig desired =
        FailClosedTranslator.create(translator, TranslationFailurePolicy.FAIL_CLOSED)
            .translate(snapshot)
            .config();
    Optional<String> body = rejectionBody(objects);
    if (body.isEmpty()) {
      return new Run(null, ImmutableList.of(), null, desired);
    }
    ParseOutcome outcome = FlattenedErrors.parse(body.get());
    ImmutableList<ObjectRef> broken =
        outcome.rejection().map(GatewayRejection::targetBrokenObjects).orElse(ImmutableList.of());
    // The gateway held nothing before: its last valid configuration is the empty one.
    KongConfig lastValid = translator.translate(CacheStores.empty()).config();
    FallbackResult fallback =
        FallbackGenerator.create(translator, TranslationFailurePolicy.FAIL_CLOSED)
            .generate(snapshot, broken);
    KongConfig accepted = fallback.config().orElse(lastValid);
    return new Run(body.get(), broken, fallback, accepted);
  }

  /**
   * Runs a case and compares the accepted configuration with its golden as YAML trees.
   *
   * @param c the case
   * @return the first difference, or empty when the case passes
   */
  public static Optional<String> check(GoldenCase c) {
    return diff(c, run(c).accepted());
  }

  /** The first difference between a configuration and a case's golden, as YAML trees. */
  static Optional<String> diff(GoldenCase c, KongConfig accepted) {
    Object actual = GoldenCorpus.parseYaml(KongConfigWriter.yaml().write(accepted));
    @Nullable Object expected;
    try {
      expected = GoldenCorpus.parseYaml(Files.readString(c.golden(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TreeDiff.firstDifference(expected, actual);
  }
}
