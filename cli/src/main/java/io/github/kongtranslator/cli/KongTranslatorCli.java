package io.github.kongtranslator.cli;

import io.github.kongtranslator.core.KongTranslatorException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code kong-translator} command.
 *
 * <p>Exit codes: 0 success; 1 the command ran and found failures; 2 bad usage or unreadable input.
 * Errors are printed as one line each on stderr, without stack traces unless {@code --debug} is
 * given.
 */
@Command(
    name = "kong-translator",
    mixinStandardHelpOptions = true,
    versionProvider = KongTranslatorCli.Version.class,
    description = "Translates Kubernetes objects into Kong declarative configuration.",
    subcommands = {
      ValidateCommand.class,
      TranslateCommand.class,
      GoldenCommand.class,
      ShaCommand.class,
      FallbackCommand.class,
      StatusCommand.class,
      CheckCommand.class,
      RouteCommand.class
    })
public final class KongTranslatorCli implements Runnable {
  /** Exit code: success. */
  public static final int OK = 0;

  /** Exit code: the command ran and found failures. */
  public static final int FAILURES = 1;

  /** Exit code: bad usage or unreadable input. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  /** Prints usage when no sub-command is given. */
  @Override
  public void run() {
    if (spec != null) {
      spec.commandLine().usage(spec.commandLine().getErr());
    }
    throw new CommandLine.ParameterException(
        java.util.Objects.requireNonNull(spec).commandLine(), "a command is required");
  }

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // UTF-8 whatever the platform's default (YAML and JSON output are UTF-8)
    System.exit(execute(args, utf8(System.out), utf8(System.err)));
  }

  private static PrintWriter utf8(OutputStream out) {
    return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
  }

  /**
   * Runs the command line without exiting.
   *
   * @param args the arguments
   * @param out where results go
   * @param err where diagnostics go
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine cl = new CommandLine(new KongTranslatorCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> e instanceof KongTranslatorException ? BAD_INPUT : FAILURES);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (debug) {
            e.printStackTrace(err);
          }
          err.println(
              "error: "
                  + (e instanceof KongTranslatorException
                      ? e.getMessage()
                      : e.getClass().getSimpleName()
                          + (e.getMessage() == null ? "" : ": " + e.getMessage())));
          err.flush();
          return e instanceof KongTranslatorException ? BAD_INPUT : FAILURES;
        });
    cl.setParameterExceptionHandler(
        (e, a) -> {
          err.println("error: " + e.getMessage());
          e.getCommandLine().usage(err);
          err.flush();
          return BAD_INPUT;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = KongTranslatorCli.class.getPackage().getImplementationVersion();
      return new String[] {"kong-translator " + (v == null ? "development build" : v)};
    }
  }
}
