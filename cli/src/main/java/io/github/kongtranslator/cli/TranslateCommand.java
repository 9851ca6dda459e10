package io.github.kongtranslator.cli;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.InvalidObjectException;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestWarning;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.FailClosedResult;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.kongmodel.io.ConfigFormat;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kong-translator translate}: prints the Kong declarative configuration of manifests. */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = {
      "Translates Kubernetes manifests into Kong declarative configuration (stdout).",
      "Objects the API server would refuse and translation failures go to stderr, one line",
      "per problem naming the object; the",
      "configuration of every other object is still printed (exit 0). Fails closed: an object",
      "whose plugin, credential or consumer group cannot be translated is left out with",
      "everything that depends on it (\"left out ...\" lines on stderr with the reason path),",
      "unless --kic-compatible. Unreadable input exits 2."
    })
final class TranslateCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description = "manifest files, directories, or - for stdin")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--flag",
      paramLabel = "NAME=true|false",
      description = "feature flag, e.g. ExpressionRoutes=true (repeatable); defaults as KIC's")
  Map<String, String> flags = new LinkedHashMap<>();

  @Option(
      names = "--ingress-class",
      paramLabel = "C",
      description = "controller ingress class (default: kong)")
  String ingressClass = "kong";

  @Option(
      names = "--gateway-controller",
      paramLabel = "NAME",
      description =
          "Gateway API controller name; Gateways of GatewayClasses naming it are managed"
              + " and their TLS listeners yield certificates (default: empty, none managed)")
  String gatewayController = "";

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

  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    ConfigFormat format =
        switch (output.toLowerCase(Locale.ROOT)) {
          case "yaml", "yml" -> ConfigFormat.YAML;
          case "json" -> ConfigFormat.JSON;
          default ->
              throw new CommandLine.ParameterException(
                  cl, "--output must be yaml or json, not " + output);
        };
    TranslatorOptions options =
        options(cl, flags, ingressClass).toBuilder()
            .gatewayControllerName(gatewayController)
            .build();
    LoadResult loaded = InputFiles.load(inputs, InputFiles.options(namespace));
    FailClosedResult result =
        FailClosedTranslator.create(Translator.create(options), policy(kicCompatible))
            .translate(CacheStores.of(loaded.objects()));
    PrintWriter err = cl.getErr();
    for (ManifestWarning w : loaded.warnings()) {
      err.println("warning: " + w);
    }
    for (InvalidObjectException e : loaded.rejected()) {
      err.println("rejected: " + e.getMessage());
    }
    for (TranslationFailure f : result.failures()) {
      err.println("translation failure: " + f);
    }
    for (Map.Entry<ObjectRef, ExclusionReason> e : result.excluded().entrySet()) {
      err.println("left out " + e.getKey() + ": " + e.getValue());
    }
    cl.getOut().print(KongConfigWriter.of(format).write(result.config()));
    return KongTranslatorCli.OK;
  }

  static TranslationFailurePolicy policy(boolean kicCompatible) {
    return kicCompatible
        ? TranslationFailurePolicy.KIC_COMPATIBLE
        : TranslationFailurePolicy.FAIL_CLOSED;
  }

  static TranslatorOptions options(CommandLine cl, Map<String, String> flags, String ingressClass) {
    Map<String, Boolean> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : flags.entrySet()) {
      if (FeatureFlag.byKicName(f.getKey()).isEmpty()) {
        throw new CommandLine.ParameterException(cl, "unknown feature flag " + f.getKey());
      }
      String v = f.getValue().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new CommandLine.ParameterException(
            cl, "--flag " + f.getKey() + " must be true or false");
      }
      parsed.put(f.getKey(), Boolean.parseBoolean(v));
    }
    return TranslatorOptions.builder().ingressClass(ingressClass).featureFlags(parsed).build();
  }
}
