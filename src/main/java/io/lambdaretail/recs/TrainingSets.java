package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.TIMESTAMP;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static io.lambdaretail.recs.Interactions.WEIGHT;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.when;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.CsvHeader;
import io.lambdaretail.io.InputFiles;
import io.lambdaretail.spark.LakeTables;
import io.lambdaretail.spark.Schemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/**
 * Reads what a recommender trains on: the ingested {@code pdpviews} and {@code transactions} tables
 * (Parquet or Delta, as {@code ingest} writes them) or a plain interactions table, and turns them
 * into the event frame of {@link ImplicitFeedback}.
 */
public final class TrainingSets {
  /** Columns a plain interactions table must have; {@code timestamp} is optional. */
  public static final List<String> INTERACTION_COLUMNS = List.of(USER_ID, ITEM_ID, WEIGHT);

  // epoch values above this are milliseconds, below it seconds (year 5138 in seconds)
  private static final double MILLIS_THRESHOLD = 1e11;

  private TrainingSets() {}

  /** A plain interactions table and whether it has a {@code timestamp} column. */
  public record InteractionsTable(Dataset<Row> rows, boolean hasTimestamp) {}

  /** An ingested table: Delta when the directory has a {@code _delta_log}, else Parquet. */
  public static Dataset<Row> readLake(SparkSession spark, String option, String path) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    requireExists(conf, option, path);
    return LakeTables.read(spark, path);
  }

  /**
   * Exit 2 when a table lacks what its option needs (e.g. the transactions table given as
   * --pdpviews): said here from the schema, before any job runs, not by Spark's analyser.
   */
  private static void requireColumns(
      Dataset<Row> table, String option, String path, String source, UserKey key, String column) {
    List<String> found = Arrays.asList(table.columns());
    List<String> missing = new ArrayList<>();
    for (String c : List.of(key.column(), column, Schemas.EVENT_TIME)) {
      if (!found.contains(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw Errors.missingColumns(
          path,
          missing,
          found,
          "Pass " + option + " the table 'ingest --source " + source + "' wrote.");
    }
  }

  /** Page views and order lines as events keyed by {@code key}. */
  public static Dataset<Row> lakeEvents(
      SparkSession spark, String pdpviews, String transactions, UserKey key, FeedbackWeights w) {
    Dataset<Row> events = null;
    if (pdpviews != null && w.viewWeight() > 0) {
      Dataset<Row> views = readLake(spark, "--pdpviews", pdpviews);
      requireColumns(views, "--pdpviews", pdpviews, "pdpviews", key, Schemas.PRODUCT_ID);
      events = ImplicitFeedback.viewEvents(views, key.column(), w.viewWeight());
    }
    if (transactions != null && w.purchaseWeight() > 0) {
      Dataset<Row> orders = readLake(spark, "--transactions", transactions);
      requireColumns(orders, "--transactions", transactions, "transactions", key, Schemas.ITEMS);
      Dataset<Row> bought =
          ImplicitFeedback.purchaseEvents(orders, key.column(), w.purchaseWeight());
      events = events == null ? bought : events.unionByName(bought);
    }
    if (events == null) {
      throw Errors.invalid(
          "--pdpviews/--transactions",
          "none",
          "pass at least one ingested table whose weight is above 0, or --interactions PATH.");
    }
    return events;
  }

  /**
   * A plain interactions table, CSV with a header or Parquet: {@code user_id,item_id,weight[,
   * timestamp]}. The timestamp may be epoch seconds or milliseconds or ISO-8601 text. Rows with no
   * user, no item or a weight that is not a number keep null there: callers count and drop them.
   */
  public static InteractionsTable readInteractions(SparkSession spark, String option, String path) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    requireExists(conf, option, path);
    Dataset<Row> raw =
        isCsv(conf, path)
            ? spark.read().option("header", "true").option("inferSchema", "false").csv(path)
            : spark.read().parquet(path);
    List<String> found = Arrays.asList(raw.columns());
    List<String> missing = new ArrayList<>(INTERACTION_COLUMNS);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      throw Errors.missingColumns(
          path,
          missing,
          found,
          "Pass "
              + option
              + " as CSV (with a header) or Parquet with user_id,item_id,weight"
              + " and optionally timestamp.");
    }
    boolean hasTimestamp = found.contains(TIMESTAMP);
    Dataset<Row> rows =
        raw.select(
            col(USER_ID).cast("string").as(USER_ID),
            col(ITEM_ID).cast("string").as(ITEM_ID),
            col(WEIGHT).cast("double").as(WEIGHT),
            hasTimestamp
                ? timestamp(raw, col(TIMESTAMP)).as(TIMESTAMP)
                : lit(null).cast(DataTypes.TimestampType).as(TIMESTAMP));
    return new InteractionsTable(rows, hasTimestamp);
  }

  /** Rows of {@link #readInteractions} that can be used: user, item and a finite weight. */
  public static Column usable() {
    return col(USER_ID)
        .isNotNull()
        .and(col(ITEM_ID).isNotNull())
        .and(col(WEIGHT).isNotNull())
        .and(col(WEIGHT).isNaN().unary_$bang());
  }

  private static Column timestamp(Dataset<Row> raw, Column value) {
    if (raw.schema().apply(TIMESTAMP).dataType() instanceof NumericType) {
      return epoch(value.cast("double"));
    }
    if (raw.schema().apply(TIMESTAMP).dataType().equals(DataTypes.TimestampType)) {
      return value;
    }
    Column number = value.cast("double");
    return when(number.isNotNull(), epoch(number)).otherwise(to_timestamp(value));
  }

  private static Column epoch(Column number) {
    Column seconds = when(number.gt(MILLIS_THRESHOLD), number.divide(1000d)).otherwise(number);
    return seconds.cast(DataTypes.TimestampType);
  }

  private static boolean isCsv(Configuration conf, String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".tsv")) {
      return true;
    }
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.getFileStatus(p).isDirectory()) {
        return false;
      }
      for (FileStatus f : fs.listStatus(p)) {
        String name = f.getPath().getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("while listing " + path, e);
    }
  }

  /** Checks, before Spark starts, that every input path of {@code input} exists (else exit 2). */
  public static void requireInputs(Configuration conf, TrainingInput input) {
    if (input.pdpviews() != null) {
      requireExists(conf, "--pdpviews", input.pdpviews());
    }
    if (input.transactions() != null) {
      requireExists(conf, "--transactions", input.transactions());
    }
    if (input.interactions() != null) {
      requireInteractions(conf, "--interactions", input.interactions());
    }
    if (input.testInteractions() != null) {
      requireInteractions(conf, "--test-interactions", input.testInteractions());
    }
  }

  /** Exit-2 error when {@code path} does not exist. */
  public static void requireExists(SparkSession spark, String option, String path) {
    requireExists(spark.sparkContext().hadoopConfiguration(), option, path);
  }

  /** A {@code .parquet} file or a directory holding some. */
  public static boolean isParquet(SparkSession spark, String path) {
    if (path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return true;
    }
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.getFileStatus(p).isDirectory()) {
        return false;
      }
      for (FileStatus f : fs.listStatus(p)) {
        if (f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("while listing " + path, e);
    }
  }

  /**
   * An interactions input is CSV whose header has the columns, or Parquet (its first data file
   * starts with {@code PAR1}); a model or output directory, a binary file or a CSV of other columns
   * is refused here, before Spark starts, with one line.
   */
  private static void requireInteractions(Configuration conf, String option, String path) {
    requireExists(conf, option, path);
    String hint =
        "Pass "
            + option
            + " as CSV (with a header) or Parquet with user_id,item_id,weight and"
            + " optionally timestamp.";
    InputFiles.requireNotOutput(conf, option, path, hint);
    if (isCsv(conf, path)) {
      List<String> header = CsvHeader.read(conf, option, path);
      List<String> missing = new ArrayList<>(INTERACTION_COLUMNS);
      missing.removeAll(header);
      if (!missing.isEmpty()) {
        throw Errors.missingColumns(path, missing, header, hint);
      }
    } else if (!InputFiles.isParquet(conf, CsvHeader.firstFile(conf, option, path))) {
      throw Errors.invalid(option, path, "it is neither CSV (named .csv) nor Parquet. " + hint);
    }
  }

  /** Exit-2 error when {@code path} does not exist (checks before Spark starts). */
  public static void requireExists(Configuration conf, String option, String path) {
    if (!InputFiles.exists(conf, new Path(path))) {
      throw Errors.tableNotFound(option, path);
    }
  }
}
