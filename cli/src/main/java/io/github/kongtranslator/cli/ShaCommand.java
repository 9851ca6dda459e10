package io.github.kongtranslator.cli;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.io.ConfigFormat;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.kongmodel.sha.EntityKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kong-translator sha FILE|-}: prints the config SHA of a declarative configuration. */
@Command(
    name = "sha",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a Kong declarative configuration (YAML or JSON) and prints its SHA:",
      "the SHA-256 of the RFC 8785 canonical form of the configuration's JSON document, in",
      "lowercase hex. With --entities, one line per entity: <digest> <entity>."
    })
final class ShaCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE|-",
      description = "configuration file, or - for stdin (read as YAML, which includes JSON)")
  String input = "-";

  @Option(names = "--entities", description = "print one line per entity with its digest")
  boolean entities;

  @Option(names = "--debug", description = "show stack traces of errors")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
    KongConfig config;
    if (input.equals("-")) {
      String text;
      try {
        text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      config = KongConfigReader.of(ConfigFormat.YAML).read(text, "<stdin>");
    } else {
      config = KongConfigReader.read(Path.of(input));
    }
    if (entities) {
      for (Map.Entry<EntityKey, ConfigSha> e : ConfigSha.entityDigests(config).entrySet()) {
        out.println(e.getValue().hex() + " " + e.getKey());
      }
    } else {
      out.println(ConfigSha.of(config).hex());
    }
    return KongTranslatorCli.OK;
  }
}
