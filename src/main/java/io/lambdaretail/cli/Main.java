package io.lambdaretail.cli;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.config.PipelineConfigException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar: {@code spark-submit --class io.lambdaretail.cli.Main <jar> <command>}.
 */
@Command(
    name = "lambda-retail",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Spark jobs for an e-commerce Lambda architecture: batch, speed and serving layers.",
    subcommands = {
      GenerateCommand.class,
      IngestCommand.class,
      TrainSalesCommand.class,
      PredictSalesCommand.class,
      TrainAlsCommand.class,
      TrainHybridCommand.class,
      RecommendCommand.class,
      StreamCommand.class,
      ServeCommand.class,
      ProduceCommand.class,
      CatalogCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success; the JSON summary is on stdout (and in --metrics-out)",
      "  1  the command failed while running",
      "  2  invalid options, config file or input; nothing was started",
      "",
      "Run 'lambda-retail COMMAND --help' for a command's options and examples."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Parses and runs one command line; returns the exit code. Tests call this directly. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    ConfigResolver resolver;
    CommandLine cli;
    try {
      resolver = ConfigResolver.fromArgs(args);
      cli = commandLine(out, err, resolver);
      resolver.validateKeys(cli);
    } catch (PipelineConfigException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    return cli.execute(args);
  }

  /** The wired command tree: subcommands, config precedence, error handling, exit codes. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, ConfigResolver resolver) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setDefaultValueProvider(resolver);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(ErrorHandlers::onParameterError);
    cli.setExecutionExceptionHandler(ErrorHandlers::onExecutionError);
    cli.setExitCodeExceptionMapper(ErrorHandlers::exitCode);
    cli.setExecutionStrategy(new ResolvedConfig());
    return cli;
  }

  @Override
  public void run() {
    // No subcommand given: show what there is to run.
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
  }
}
