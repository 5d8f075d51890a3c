package io.lambdaretail.cli;

import io.lambdaretail.io.SafeOutput;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/**
 * {@code --overwrite} of the commands that write output directories, and the check of those
 * directories before Spark starts ({@link SafeOutput#check}).
 */
public final class OverwriteOption {
  @Option(
      names = "--overwrite",
      description =
          "Replace an output path that holds something other than an earlier output of this"
              + " command (never the working or home directory, their parents or a lake).")
  boolean overwrite;

  /** Refuses (exit 2) an unsafe output path; null paths (outputs not asked for) pass. */
  void check(Configuration conf, String option, String path, String kind) {
    if (path != null) {
      SafeOutput.check(conf, option, path, kind, overwrite);
    }
  }
}
