package io.lambdaretail.cli;

import io.lambdaretail.ingest.EventSource;
import io.lambdaretail.ingest.IngestJob;
import io.lambdaretail.ingest.IngestOptions;
import io.lambdaretail.ingest.IngestOptions.Compression;
import io.lambdaretail.ingest.IngestOptions.Format;
import io.lambdaretail.ingest.IngestOptions.WriteMode;
import io.lambdaretail.ingest.IngestOutputs;
import io.lambdaretail.ingest.InputPlanner;
import io.lambdaretail.spark.SparkSessions;
import io.lambdaretail.spark.SparkSettings;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ingest}: event dumps to a Parquet or Delta table, bad lines to a quarantine table. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Reads .ndjson.xz (also .gz, .bz2, plain) event dumps, in parallel even inside one"
          + " multi-block .xz file, and writes a table partitioned by event_date (UTC). Keys"
          + " beyond the contract are kept in the 'extra' map column. Bad lines (malformed JSON,"
          + " wrong types, missing fields, invalid timestamps, unreadable file parts) go to the"
          + " quarantine table with file, position, raw text and reason.",
      "Reruns over the same files replace the event dates they write (overwrite-partitions):"
          + " ingest all files of a day in one run."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail ingest --source pdpviews \\",
      "      --input 'data/sample/pdpviews/*.ndjson.xz' --output data/lake/pdpviews",
      "  lambda-retail ingest --source transactions --format delta \\",
      "      --input s3a://bucket/dumps/transactions/ \\",
      "      --output s3a://bucket/lake/transactions --max-bad-ratio 0.01"
    })
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;

  @Option(
      names = "--source",
      description = "Which dump: ${COMPLETION-CANDIDATES} (required).",
      converter = EventSourceConverter.class,
      completionCandidates = EventSourceConverter.Names.class)
  EventSource source;

  @Option(
      names = "--input",
      paramLabel = "GLOB",
      description = "Files, directory or glob (required).")
  String input;

  @Option(names = "--output", paramLabel = "PATH", description = "Table path (required).")
  String output;

  @Option(
      names = "--format",
      defaultValue = "parquet",
      description = "parquet or delta (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--compression",
      defaultValue = "snappy",
      description = "snappy or zstd (default: ${DEFAULT-VALUE}).")
  Compression compression;

  @Option(
      names = "--mode",
      defaultValue = "overwrite-partitions",
      converter = WriteModeConverter.class,
      description = "overwrite-partitions, append or error-if-exists (default: ${DEFAULT-VALUE}).")
  WriteMode mode;

  @Option(
      names = "--quarantine",
      paramLabel = "PATH",
      description = "Where bad lines go (default: <output>_quarantine).")
  String quarantine;

  @Option(
      names = "--max-bad-ratio",
      paramLabel = "R",
      defaultValue = "1",
      description =
          "Fail (exit 1) without changing the table or the quarantine when quarantined / input"
              + " lines is above R (the good rows are staged first); default ${DEFAULT-VALUE}:"
              + " fail only when every line is bad.")
  double maxBadRatio;

  @Override
  public Integer call() {
    IngestOptions options = options();
    SparkSettings settings = sparkOptions.settings("lambda-retail ingest");
    // a glob that matches nothing is invalid input: say so before Spark starts
    InputPlanner.requireMatches(settings.hadoopConfiguration(), options.input());
    IngestOutputs.check(settings.hadoopConfiguration(), options);
    SparkSession spark = SparkSessions.create(settings);
    Summaries.emit(spec, common, new IngestJob(spark, options).run().toSummary());
    return ExitCodes.OK;
  }

  IngestOptions options() {
    return new IngestOptions(
        source, input, output, format, compression, mode, quarantine, maxBadRatio);
  }
}
