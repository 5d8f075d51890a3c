package io.lambdaretail.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** The one place that builds user-facing error messages: problem, value, how to fix it. */
public final class Errors {
  private Errors() {}

  public static PipelineConfigException configFileMissing(Path file) {
    return new PipelineConfigException(
        "--config file '"
            + file
            + "' does not exist or is not readable. Pass an existing file,"
            + " e.g. --config conf/local.properties.");
  }

  public static PipelineConfigException configFileUnreadable(Path file, Exception cause) {
    return new PipelineConfigException(
        "--config file '"
            + file
            + "' could not be read: "
            + cause.getMessage()
            + ". Fix the file (Java properties format: key=value per line).",
        cause);
  }

  public static PipelineConfigException unknownConfigKeys(Path file, Collection<String> keys) {
    return new PipelineConfigException(
        "--config file '"
            + file
            + "' has unknown keys "
            + keys
            + ". Use '<command>.<option>' (e.g. generate.scale), '<option>' or 'spark.*' keys;"
            + " see conf/local.properties.");
  }

  public static PipelineConfigException mustBePositive(String option, long value) {
    return new PipelineConfigException(option + " must be at least 1, cannot be: " + value + ".");
  }

  public static PipelineConfigException mustBeRatio(String option, double value) {
    return new PipelineConfigException(
        option + " must be a ratio between 0 and 1, cannot be: " + value + ".");
  }

  /** The most characters of a bad value a message quotes. */
  public static final int QUOTED_CHARACTERS = 200;

  public static PipelineConfigException invalid(String option, Object value, String howToFix) {
    return new PipelineConfigException(
        "Invalid value '" + printable(String.valueOf(value)) + "' for " + option + ": " + howToFix);
  }

  /**
   * A bad value as a message may quote it: at most {@link #QUOTED_CHARACTERS} characters, each
   * control or unprintable one shown as {@code ?} (binary input would otherwise fill the terminal).
   */
  public static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(QUOTED_CHARACTERS)
        .forEach(c -> out.appendCodePoint(printableCodePoint(c) ? c : '?'));
    return value.codePointCount(0, value.length()) > QUOTED_CHARACTERS
        ? out + "..."
        : out.toString();
  }

  private static boolean printableCodePoint(int c) {
    return !Character.isISOControl(c) && Character.isDefined(c) && c != 0xFFFD;
  }

  public static PipelineConfigException invalidSql(String parserMessage) {
    return new PipelineConfigException("Not valid SQL: " + parserMessage);
  }

  public static PipelineConfigException notReadOnly(String what) {
    return new PipelineConfigException(
        "catalog query is read-only: " + what + ". Use a SELECT (or WITH ... SELECT) query.");
  }

  public static PipelineConfigException unknownTable(String table, Collection<String> known) {
    return new PipelineConfigException(
        "No table '" + table + "' in the lake; its tables are " + known + ".");
  }

  public static PipelineConfigException outputNotWritable(String option, Path path, String why) {
    return new PipelineConfigException(
        option
            + " '"
            + path
            + "' cannot be written: "
            + why
            + ". Pass a directory you can write to.");
  }

  public static PipelineConfigException missingColumns(
      String input, Collection<String> missing, Collection<String> found, String howToFix) {
    return new PipelineConfigException(
        "Input '"
            + input
            + "' lacks the required column(s) "
            + missing
            + "; its header has "
            + printable(found.toString())
            + ". "
            + howToFix);
  }

  public static PipelineConfigException inputNotFound(String option, String input) {
    return new PipelineConfigException(
        option
            + " '"
            + input
            + "' matches no readable file. Pass an existing CSV file or a directory of CSV"
            + " files (local path, s3a:// or hdfs:// URL).");
  }

  public static PipelineConfigException tableNotFound(String option, String path) {
    return new PipelineConfigException(
        option
            + " '"
            + path
            + "' does not exist. Pass the output of 'ingest' (Parquet or Delta) or a CSV/Parquet"
            + " file or directory (local path, s3a:// or hdfs:// URL).");
  }

  public static PipelineConfigException emptyTrainingSet(String what, String howToFix) {
    return new PipelineConfigException("The training set is empty: " + what + ". " + howToFix);
  }

  public static PipelineConfigException notARecommenderModel(
      String path, String why, Collection<String> kinds) {
    return new PipelineConfigException(
        "--model '"
            + path
            + "' is not a recommender model: "
            + why
            + ". Pass the --model-out directory of a recommender training run (kinds "
            + kinds
            + "), e.g. --model models/als.");
  }

  public static PipelineConfigException noKnownUsers(String option, String path, long users) {
    return new PipelineConfigException(
        "None of the "
            + users
            + " user id(s) in "
            + option
            + " '"
            + path
            + "' is known to the model. Check that the ids are of the model's key (user_id or"
            + " browser_id) and that the model was trained on the same data.");
  }

  public static PipelineConfigException notASalesModel(String path, String why) {
    return new PipelineConfigException(
        "--model '"
            + path
            + "' is not a sales model: "
            + why
            + ". Pass the --model-out directory of a 'train-sales' run, e.g. --model models/sales.");
  }

  public static PipelineConfigException notEnoughMonths(int months, int holdout) {
    return new PipelineConfigException(
        "The sales data covers "
            + months
            + " month(s), too few for --holdout-months "
            + holdout
            + ": training needs at least one month before the holdout. Pass a smaller"
            + " --holdout-months or more history.");
  }

  public static PipelineConfigException noValidSalesRows(
      String input, Map<String, Long> rejectedByReason, String quarantine) {
    return new PipelineConfigException(
        "Input '"
            + input
            + "' has no valid sales row: all rows were rejected "
            + rejectedByReason
            + " (see the quarantine at "
            + quarantine
            + "). Check that the columns hold what the header says: date as yyyy-MM-dd and"
            + " quantity as a non-negative number.");
  }
}
