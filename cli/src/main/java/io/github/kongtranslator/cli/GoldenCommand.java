package io.github.kongtranslator.cli;

import io.github.kongtranslator.translator.conformance.GoldenCase;
import io.github.kongtranslator.translator.conformance.GoldenCorpus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kong-translator golden DIR...}: runs conformance cases and reports each variant. */
@Command(
    name = "golden",
    mixinStandardHelpOptions = true,
    description = {
      "Runs conformance cases: each DIR is a case directory (in.yaml plus",
      "<variant>_golden.yaml and optional <variant>_settings.yaml) or a directory of such",
      "case directories. Prints PASS/FAIL per variant and 'N passed, M failed'; exit 1 on any failure."
    })
final class GoldenCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "case directories or corpus directories")
  List<Path> dirs = new ArrayList<>();

  @CommandLine.Option(names = "--debug", description = "show stack traces of errors")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    PrintWriter out = cl.getOut();
    List<GoldenCase> cases = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new CommandLine.ParameterException(cl, "not a directory: " + dir);
      }
      Path abs = dir.toAbsolutePath().normalize();
      Path parent = abs.getParent();
      if (parent != null && Files.isRegularFile(abs.resolve("in.yaml"))) {
        String name = abs.getFileName().toString();
        GoldenCorpus.discover(parent).stream()
            .filter(c -> c.caseName().equals(name))
            .forEach(cases::add);
      } else {
        cases.addAll(GoldenCorpus.discover(abs));
      }
    }
    int passed = 0;
    int failed = 0;
    for (GoldenCase c : cases) {
      Optional<String> diff;
      try {
        diff = GoldenRun.check(c);
      } catch (RuntimeException e) {
        diff = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (diff.isEmpty()) {
        passed++;
        out.println("PASS " + c.id());
      } else {
        failed++;
        out.println("FAIL " + c.id() + ": " + diff.get());
      }
    }
    out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? KongTranslatorCli.OK : KongTranslatorCli.FAILURES;
  }
}
