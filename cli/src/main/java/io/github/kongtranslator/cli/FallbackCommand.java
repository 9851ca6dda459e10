package io.github.kongtranslator.cli;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestWarning;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.FallbackGenerator;
import io.github.kongtranslator.fallback.FallbackResult;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.errors.GatewayRejection;
import io.github.kongtranslator.kongmodel.io.ConfigFormat;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kong-translator fallback}: the configuration to push after the gateway rejected the
 * translation of some manifests, with the report of what was excluded and why.
 */
@Command(
    name = "fallback",
    mixinStandardHelpOptions = true,
    description = {
      "Given the gateway's flattened-errors body (POST /config?flatten_errors=1) for the",
      "configuration of FILE|DIR..., excludes the broken objects and everything that depends on",
      "them, and prints the fallback configuration on stdout. The exclusion report (object and",
      "the dependency path that excluded it) goes to stderr, or to --report FILE.",
      "With --last-valid, excluded objects are backfilled from the last valid manifests where",
      "that is safe. When the errors name no object, nothing is guessed: the last valid",
      "configuration is printed if given (exit 1), otherwise nothing (exit 1).",
      "Fails closed on translation failures as translate does (\"left out ...\" lines), unless",
      "--kic-compatible."
    })
final class FallbackCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description = "the manifests whose configuration was rejected")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--errors",
      required = true,
      paramLabel = "ERRORS.json",
      description = "the gateway's error body")
  Path errors = Path.of("");

  @Option(
      names = "--last-valid",
      paramLabel = "FILE|DIR",
      description = "manifests of the last valid state (repeatable)")
  List<String> lastValid = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "write the exclusion report here instead of stderr")
  @Nullable Path report;

  @Option(
      names = "--flag",
      paramLabel = "NAME=true|false",
      description = "feature flag (repeatable)")
  Map<String, String> flags = new LinkedHashMap<>();

  @Option(
      names = "--ingress-class",
      paramLabel = "C",
      description = "controller ingress class (default: kong)")
  String ingressClass = "kong";

  @Option(
      names = "--output",
      paramLabel = "yaml|json",
      description = "output format (default: yaml)")
  String output = "yaml";

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "namespace for objects without one, as kubectl (default: default)")
  String namespace = "";

  @Option(
      names = "--kic-compatible",
      description =
          "as KIC: emit an object whose plugin, credential"
              + " or consumer group cannot be translated without it (default: leave it and its dependents out)")
  boolean kicCompatible;

  @Option(names = "--debug", description = "show stack traces of errors")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.@Nullable CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    ConfigFormat format =
        switch (output.toLowerCase(Locale.ROOT)) {
          case "yaml", "yml" -> ConfigFormat.YAML;
          case "json" -> ConfigFormat.JSON;
          default ->
              throw new CommandLine.ParameterException(
                  cl, "--output must be yaml or json, not " + output);
        };
    TranslatorOptions options = TranslateCommand.options(cl, flags, ingressClass);
    Translator translator = Translator.create(options);
    LoadResult loaded = InputFiles.load(inputs, InputFiles.options(namespace));
    CacheStores snapshot = CacheStores.of(loaded.objects());
    Optional<CacheStores> last =
        lastValid.isEmpty()
            ? Optional.empty()
            : Optional.of(
                CacheStores.of(
                    InputFiles.load(lastValid, InputFiles.options(namespace)).objects()));
    if (!Files.isReadable(errors)) {
      throw new CommandLine.ParameterException(cl, "cannot read --errors " + errors);
    }
    Optional<GatewayRejection> rejection =
        FlattenedErrors.parseUtf8(Files.readAllBytes(errors)).rejection();
    List<ObjectRef> broken =
        rejection.<List<ObjectRef>>map(GatewayRejection::targetBrokenObjects).orElse(List.of());

    StringWriter reportText = new StringWriter();
    PrintWriter rep = new PrintWriter(reportText);
    for (var e : loaded.rejected()) {
      cl.getErr().println("rejected: " + e.getMessage());
    }
    for (ManifestWarning w : loaded.warnings()) {
      cl.getErr().println("warning: " + w);
    }
    TranslationFailurePolicy policy = TranslateCommand.policy(kicCompatible);
    FallbackGenerator generator = FallbackGenerator.create(translator, policy);
    FallbackResult result =
        last.isPresent()
            ? generator.generate(snapshot, broken, last.get())
            : generator.generate(snapshot, broken);
    for (ObjectRef ref : result.unknownBroken()) {
      rep.println("unknown broken object (not in the input): " + ref);
    }
    for (Map.Entry<ObjectRef, ExclusionReason> e : result.excluded().entrySet()) {
      rep.println("excluded " + e.getKey() + ": " + e.getValue());
    }
    for (Map.Entry<ObjectRef, ExclusionReason> e : result.translationExcluded().entrySet()) {
      rep.println("left out " + e.getKey() + ": " + e.getValue());
    }
    for (ObjectRef ref : result.backfilled()) {
      rep.println("backfilled " + ref + " from the last valid state");
    }
    result
        .translation()
        .ifPresent(
            t -> {
              for (TranslationFailure f : t.failures()) {
                rep.println("translation failure: " + f);
              }
            });
    int code = KongTranslatorCli.OK;
    Optional<KongConfig> config = result.config();
    if (config.isEmpty()) {
      rep.println(
          rejection.isEmpty()
              ? "the error body names no object ("
                  + errors
                  + " is not a flattened-errors body):"
                  + " no fallback is guessed"
              : "the errors name no object of the input: no fallback is guessed");
      code = KongTranslatorCli.FAILURES;
      if (last.isPresent()) {
        rep.println("printing the last valid configuration instead");
        config =
            Optional.of(
                FailClosedTranslator.create(translator, policy).translate(last.get()).config());
      }
    }
    rep.flush();
    if (report != null) {
      Files.writeString(report, reportText.toString());
    } else {
      cl.getErr().print(reportText);
    }
    config.ifPresent(c -> cl.getOut().print(KongConfigWriter.of(format).write(c)));
    return code;
  }
}
