package io.lambdaretail.ingest;

import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.spark.Schemas;
import org.apache.hadoop.conf.Configuration;

/**
 * Where ingest may write: its table and quarantine must be new or earlier outputs of ingest for the
 * same source ({@link SafeOutput}), checked before Spark starts and marked after each run.
 */
public final class IngestOutputs {
  private static final String COMMAND = "ingest";
  private static final String QUARANTINE_KIND = "ingest-quarantine";

  private IngestOutputs() {}

  /** Refuses (exit 2) a --output or --quarantine that holds something else. */
  public static void check(Configuration conf, IngestOptions options) {
    SafeOutput.checkTable(
        conf, "--output", options.output(), tableKind(options), Schemas.EVENT_DATE);
    SafeOutput.checkTable(conf, "--quarantine", options.quarantine(), QUARANTINE_KIND, "source");
  }

  static void mark(Configuration conf, IngestOptions options) {
    SafeOutput.mark(conf, options.output(), tableKind(options), COMMAND);
    SafeOutput.mark(conf, options.quarantine(), QUARANTINE_KIND, COMMAND);
  }

  private static String tableKind(IngestOptions options) {
    return "ingest-" + options.source().cliName();
  }
}
