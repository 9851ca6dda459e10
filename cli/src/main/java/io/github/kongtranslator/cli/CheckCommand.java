package io.github.kongtranslator.cli;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.io.ConfigFormat;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.validation.KongValidator;
import io.github.kongtranslator.kongmodel.validation.RouterFlavor;
import io.github.kongtranslator.kongmodel.validation.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kong-translator check FILE|-}: validates a declarative configuration offline against Kong
 * 3.9.1's schema rules, one line per violation.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a Kong declarative configuration (YAML or JSON) offline against",
      "Kong 3.9.1's schema rules. Prints one line per violation:",
      "<section> <entity>: <field>: <rule> (<Kong file>).",
      "Exit code 0 when valid, 1 when not, 2 when the input cannot be read."
    })
final class CheckCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE|-",
      description = "configuration file, or - for stdin (read as YAML, which includes JSON)")
  String input = "-";

  @Option(
      names = "--router-flavor",
      paramLabel = "FLAVOR",
      description =
          "Kong's router_flavor: ${COMPLETION-CANDIDATES} (default: EXPRESSIONS when a route sets expression or priority, else TRADITIONAL_COMPATIBLE)")
  @Nullable RouterFlavor flavor;

  @Option(names = "--debug", description = "show stack traces of errors")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.@Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    PrintWriter out = cl.getOut();
    KongConfig config;
    try {
      if (input.equals("-")) {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        config = KongConfigReader.of(ConfigFormat.YAML).read(text, "<stdin>");
      } else {
        config = KongConfigReader.read(Path.of(input));
      }
    } catch (IOException e) {
      cl.getErr().println("error: cannot read " + input + ": " + e.getClass().getSimpleName());
      return KongTranslatorCli.BAD_INPUT;
    }
    KongValidator validator = KongValidator.kong391();
    if (flavor != null) {
      validator = validator.withRouterFlavor(flavor);
    }
    List<Violation> violations = validator.validate(config);
    violations.forEach(v -> out.println(v.line()));
    return violations.isEmpty() ? KongTranslatorCli.OK : KongTranslatorCli.FAILURES;
  }
}
