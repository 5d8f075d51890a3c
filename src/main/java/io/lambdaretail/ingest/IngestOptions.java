package io.lambdaretail.ingest;

import io.lambdaretail.config.Errors;
import java.util.Locale;

/**
 * What {@link IngestJob} reads and writes; checked on construction, before Spark starts.
 *
 * @param source which dump ({@code --source}); decides the schema and the required fields
 * @param input file, directory or glob; local, {@code s3a://} or {@code hdfs://} ({@code --input})
 * @param output table path ({@code --output})
 * @param format {@code parquet} or {@code delta} ({@code --format})
 * @param compression Parquet codec ({@code --compression})
 * @param mode what happens to existing data ({@code --mode})
 * @param quarantine where bad lines go ({@code --quarantine}, default {@code <output>_quarantine})
 * @param maxBadRatio fail the run (exit 1) when quarantined / input lines exceeds it
 */
public record IngestOptions(
    EventSource source,
    String input,
    String output,
    Format format,
    Compression compression,
    WriteMode mode,
    String quarantine,
    double maxBadRatio) {

  /** Table format of the output and the quarantine. */
  public enum Format {
    PARQUET,
    DELTA;

    String sparkName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Parquet compression codec. */
  public enum Compression {
    SNAPPY,
    ZSTD
  }

  /** {@code overwrite-partitions} replaces the event dates this run writes, and only those. */
  public enum WriteMode {
    OVERWRITE_PARTITIONS,
    APPEND,
    ERROR_IF_EXISTS
  }

  public IngestOptions {
    if (source == null) {
      throw Errors.invalid("--source", null, "pass --source pdpviews, transactions or deals.");
    }
    requirePath("--input", input, "e.g. --input 'data/sample/pdpviews/*.ndjson.xz'.");
    requirePath("--output", output, "e.g. --output data/lake/pdpviews.");
    if (quarantine == null || quarantine.isBlank()) {
      quarantine = output.replaceAll("/+$", "") + "_quarantine";
    }
    if (quarantine.equals(output)) {
      throw Errors.invalid("--quarantine", quarantine, "use a path other than --output.");
    }
    if (!(maxBadRatio >= 0 && maxBadRatio <= 1)) {
      throw Errors.mustBeRatio("--max-bad-ratio", maxBadRatio);
    }
  }

  private static void requirePath(String option, String value, String example) {
    if (value == null || value.isBlank()) {
      throw Errors.invalid(option, value, "this option is required; " + example);
    }
  }
}
