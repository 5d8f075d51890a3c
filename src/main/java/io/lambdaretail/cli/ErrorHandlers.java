package io.lambdaretail.cli;

import io.lambdaretail.config.PipelineConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear line on stderr and the right exit code. */
final class ErrorHandlers {
  private ErrorHandlers() {}

  /** Bad command line: say what is wrong and where the help is; never start Spark. */
  static int onParameterError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = e.getMessage().replace(System.lineSeparator(), " ").trim();
    err.println(
        "error: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return ExitCodes.INVALID_INPUT;
  }

  /** A command threw: user errors exit 2, everything else 1; stack trace only on request. */
  static int onExecutionError(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("error: " + describe(e));
    if (wantsStackTrace(parseResult)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return exitCode(e);
  }

  static int exitCode(Throwable e) {
    if (e instanceof PipelineConfigException || e instanceof ParameterException) {
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.FAILURE;
  }

  /** The message of the deepest cause that has one, prefixed by its type when it is not ours. */
  static String describe(Throwable e) {
    if (e instanceof PipelineConfigException) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().split("\\R", 2)[0];
    String type = root.getClass().getSimpleName();
    String head = e == root ? "" : e.getMessage() == null ? "" : e.getMessage().split("\\R", 2)[0];
    String detail = message.isEmpty() ? type : type + ": " + message;
    return head.isEmpty() || head.contains(message) ? detail : head + " (" + detail + ")";
  }

  private static boolean wantsStackTrace(ParseResult parseResult) {
    return parseResult != null && parseResult.expandedArgs().contains("--stacktrace");
  }
}
