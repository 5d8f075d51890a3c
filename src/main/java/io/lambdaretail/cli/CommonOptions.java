package io.lambdaretail.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command has. Mixed into each subcommand with {@code @Mixin}. */
public final class CommonOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file with option values (<command>.<option>=value or <option>=value) and"
              + " spark.* settings. Command-line flags win over it.")
  Path config;

  @Option(
      names = "--metrics-out",
      paramLabel = "FILE",
      description = "Also write the final JSON summary to FILE (for Airflow and other callers).")
  Path metricsOut;

  @Option(
      names = "--print-config",
      description =
          "Print the resolved configuration (command line > --config file > defaults, secrets"
              + " masked) and exit without running.")
  boolean printConfig;

  @Option(
      names = "--stacktrace",
      description = "Print the full stack trace when the command fails.")
  boolean stacktrace;

  public Path metricsOut() {
    return metricsOut;
  }
}
