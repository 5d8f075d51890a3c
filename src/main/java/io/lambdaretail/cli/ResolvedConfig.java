package io.lambdaretail.cli;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.config.PipelineConfigException;
import io.lambdaretail.config.Secrets;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs before every command: refuses secrets given on the command line and a {@code --metrics-out}
 * file it may not replace, and answers {@code --print-config} with the command's resolved options
 * (command line > config file > default) and Spark settings, secrets masked, instead of running it.
 */
final class ResolvedConfig implements CommandLine.IExecutionStrategy {
  private static final String PRINT_CONFIG = "--print-config";

  @Override
  public int execute(ParseResult parseResult) {
    ParseResult command = parseResult;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    refuseSecrets(command);
    if (command.hasMatchedOption(PRINT_CONFIG)) {
      CommandSpec spec = command.commandSpec();
      Map<String, Object> summary = Map.of("config", resolved(spec));
      spec.commandLine().getOut().println(Summaries.toJson(new TreeMap<>(summary)));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    // after --print-config, which writes no summary
    checkMetricsFile(command);
    return new CommandLine.RunLast().execute(parseResult);
  }

  private static void checkMetricsFile(ParseResult command) {
    CommandSpec spec = command.commandSpec();
    OptionSpec metrics = spec.findOption("--metrics-out");
    if (metrics == null || metrics.getValue() == null) {
      return;
    }
    OptionSpec overwrite = spec.findOption("--overwrite");
    try {
      MetricsFile.check(
          (java.nio.file.Path) metrics.getValue(),
          spec.name(),
          overwrite != null && Boolean.TRUE.equals(overwrite.getValue()));
    } catch (PipelineConfigException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static void refuseSecrets(ParseResult command) {
    for (OptionSpec option : command.matchedOptions()) {
      String name = option.longestName();
      if (Secrets.isSecret(name)) {
        throw refused(command, name, "");
      }
      if (option.getValue() instanceof Map<?, ?> map) {
        for (Object key : map.keySet()) {
          if (Secrets.isSecret(key.toString())) {
            throw refused(command, name, key.toString());
          }
        }
      }
    }
  }

  private static CommandLine.ParameterException refused(
      ParseResult command, String option, String key) {
    return new CommandLine.ParameterException(
        command.commandSpec().commandLine(), Secrets.onCommandLine(option, key));
  }

  private static Map<String, Object> resolved(CommandSpec spec) {
    Map<String, Object> out = new TreeMap<>();
    out.put("command", spec.qualifiedName(" "));
    Map<String, String> options = new TreeMap<>();
    for (OptionSpec option : spec.options()) {
      String name = option.longestName().replaceFirst("^-+", "");
      if (option.usageHelp() || option.versionHelp() || name.equals("print-config")) {
        continue;
      }
      Object value = option.getValue();
      if (value instanceof Map<?, ?> map) {
        Map<String, String> given = new TreeMap<>();
        map.forEach((k, v) -> given.put(k.toString(), String.valueOf(v)));
        Map<String, String> entries = ConfigResolver.entriesOf(spec, name, given);
        Secrets.mask(entries).forEach((k, v) -> options.put(name + "." + k, v));
      } else {
        options.put(name, Secrets.isSecret(name) ? Secrets.MASK : String.valueOf(value));
      }
    }
    out.put("options", options);
    if (spec.commandLine().getDefaultValueProvider() instanceof ConfigResolver resolver) {
      out.put("spark", Secrets.mask(resolver.sparkConf()));
    }
    return out;
  }
}
