package io.github.kongtranslator.cli;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.DefaultedFields;
import io.github.kongtranslator.core.manifest.InvalidObjectException;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestWarning;
import io.github.kongtranslator.core.model.Kind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kong-translator validate FILE|DIR|- ...}: loads manifests and reports what they hold. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Loads Kubernetes manifests as the API server would admit them (namespace,",
      "uid, defaults, validation) and prints the objects loaded per kind. Warnings (skipped",
      "kinds) go to stderr; objects the API server would refuse are listed on stderr (exit 1);",
      "unreadable or malformed input exits with code 2."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description = "manifest files, directories, or - for stdin")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "namespace for objects without one, as kubectl (default: default)")
  String namespace = "";

  @Option(
      names = "--show-defaults",
      description = "print the fields filled in per object (namespace, uid, API server defaults)")
  boolean showDefaults;

  @Option(names = "--debug", description = "show stack traces of errors")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  @Override
  public Integer call() {
    LoadResult loaded = InputFiles.load(inputs, InputFiles.options(namespace));
    CacheStores stores = CacheStores.of(loaded.objects());
    PrintWriter out = java.util.Objects.requireNonNull(spec).commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Kind k : Kind.values()) {
      if (stores.size(k) > 0) {
        out.printf("%-24s %d%n", k.kindName(), stores.size(k));
      }
    }
    out.printf("%-24s %d%n", "total", stores.size());
    if (stores.size() < loaded.objects().size()) {
      err.println(
          "warning: "
              + (loaded.objects().size() - stores.size())
              + " object(s) replaced by a later object with the same kind, namespace and name");
    }
    if (showDefaults) {
      for (DefaultedFields d : loaded.defaulted()) {
        out.println("defaulted " + d);
      }
    }
    for (ManifestWarning w : loaded.warnings()) {
      err.println("warning: " + w);
    }
    for (InvalidObjectException e : loaded.rejected()) {
      err.println("rejected: " + e.getMessage());
    }
    return loaded.rejected().isEmpty() ? KongTranslatorCli.OK : KongTranslatorCli.FAILURES;
  }
}
