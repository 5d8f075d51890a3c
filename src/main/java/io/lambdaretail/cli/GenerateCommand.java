package io.lambdaretail.cli;

import io.lambdaretail.generate.GenerateJob;
import io.lambdaretail.generate.GenerateOptions;
import io.lambdaretail.generate.Scale;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: deterministic synthetic data for every input of the other commands. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes realistic synthetic data, deterministic by seed: pdpviews/*.ndjson.xz and"
          + " transactions/*.ndjson.xz (multi-block xz, several files per day), users.csv,"
          + " items.csv, sales/sales.csv and deals/deals.ndjson.",
      "Runs without Spark."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail generate --out data/sample",
      "  lambda-retail generate --out /tmp/bench --scale medium --seed 7",
      "  lambda-retail generate --out /tmp/bad --scale tiny --bad-ratio 0.05 --overwrite"
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (required).")
  Path out;

  @Option(
      names = "--scale",
      defaultValue = "tiny",
      description =
          "Size preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). tiny ~2 MB of page"
              + " views, small ~70 MB, medium ~1.4 GB, large ~20 GB of JSON.")
  Scale scale;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Registered users (default: the scale's).")
  Integer users;

  @Option(names = "--products", paramLabel = "N", description = "Products (default: the scale's).")
  Integer products;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Days of events (default: the scale's).")
  Integer days;

  @Option(
      names = "--start-date",
      paramLabel = "YYYY-MM-DD",
      defaultValue = "2024-01-01",
      description = "First day of events (default: ${DEFAULT-VALUE}).")
  LocalDate startDate;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--bad-ratio",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "Share of malformed event lines (broken JSON, wrong types, missing fields), 0..1"
              + " (default: ${DEFAULT-VALUE}).")
  double badRatio;

  @Option(
      names = "--xz-block-size",
      paramLabel = "SIZE",
      defaultValue = "auto",
      converter = ByteSizeConverter.class,
      description =
          "Uncompressed bytes per xz block, e.g. 1M; 'auto' = a quarter of the file, 1K..8M"
              + " (default: ${DEFAULT-VALUE}).")
  long xzBlockSize;

  @Option(
      names = "--xz-preset",
      paramLabel = "0-9",
      defaultValue = "1",
      description = "xz compression preset (default: ${DEFAULT-VALUE}; 6 is xz's own default).")
  int xzPreset;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files written in parallel (default: the number of cores).")
  Integer threads;

  @Option(names = "--overwrite", description = "Replace what an earlier run wrote into --out.")
  boolean overwrite;

  @Override
  public Integer call() {
    Summaries.emit(spec, common, new GenerateJob(options()).run().toSummary());
    return ExitCodes.OK;
  }

  GenerateOptions options() {
    return new GenerateOptions(
        out,
        scale,
        users != null ? users : scale.users(),
        products != null ? products : scale.products(),
        days != null ? days : scale.days(),
        startDate,
        seed,
        badRatio,
        xzBlockSize,
        xzPreset,
        threads != null ? threads : Runtime.getRuntime().availableProcessors(),
        overwrite);
  }
}
