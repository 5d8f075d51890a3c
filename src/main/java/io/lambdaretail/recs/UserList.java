package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.CsvHeader;
import io.lambdaretail.io.InputFiles;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The users {@code recommend --users} names: a text file of one id a line (a header line {@code
 * user_id} or {@code browser_id} is skipped), a CSV whose header has one of those columns (e.g. the
 * test interactions), or Parquet with one. Its kind is told from its first bytes before Spark
 * starts, so a binary file, a model directory or a table of other columns is one line and exit 2.
 */
public final class UserList {
  private static final String OPTION = "--users";
  private static final List<String> ID_COLUMNS =
      List.of(UserKey.USER_ID.column(), UserKey.BROWSER_ID.column());
  private static final String HINT =
      "Pass one id a line, or a CSV or Parquet table with a user_id or browser_id column.";

  /** How the list is read; {@code column} is null for a plain list. */
  public record Kind(boolean parquet, String column) {}

  private UserList() {}

  /** Exit 2 unless {@code path} is a list of ids this command can read. */
  public static Kind require(Configuration conf, String path) {
    TrainingSets.requireExists(conf, OPTION, path);
    InputFiles.requireNotOutput(conf, OPTION, path, HINT);
    if (InputFiles.isParquet(conf, CsvHeader.firstFile(conf, OPTION, path))) {
      return new Kind(true, null);
    }
    List<String> header = CsvHeader.read(conf, OPTION, path);
    if (header.size() <= 1) {
      return new Kind(false, null);
    }
    String column = idColumn(header);
    if (column == null) {
      throw Errors.missingColumns(path, List.of(USER_ID), header, HINT);
    }
    return new Kind(false, column);
  }

  /** The distinct ids of the list as a {@code user_id} column. */
  public static Dataset<Row> read(SparkSession spark, String path) {
    Kind kind = require(spark.sparkContext().hadoopConfiguration(), path);
    if (kind.parquet()) {
      Dataset<Row> table = spark.read().parquet(path);
      String column = idColumn(Arrays.asList(table.columns()));
      if (column == null) {
        throw Errors.missingColumns(path, List.of(USER_ID), List.of(table.columns()), HINT);
      }
      return ids(table, column);
    }
    if (kind.column() != null) {
      return ids(spark.read().option("header", "true").csv(path), kind.column());
    }
    return spark
        .read()
        .text(path)
        .select(trim(col("value")).as(USER_ID))
        .filter(col(USER_ID).notEqual(""))
        .filter(not(col(USER_ID).isin(ID_COLUMNS.toArray())))
        .distinct();
  }

  private static Dataset<Row> ids(Dataset<Row> table, String column) {
    return table
        .select(trim(col(column).cast("string")).as(USER_ID))
        .filter(col(USER_ID).isNotNull().and(col(USER_ID).notEqual("")))
        .distinct();
  }

  private static String idColumn(List<String> columns) {
    return ID_COLUMNS.stream().filter(columns::contains).findFirst().orElse(null);
  }
}
