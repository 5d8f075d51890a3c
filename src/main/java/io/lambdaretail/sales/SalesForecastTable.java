package io.lambdaretail.sales;

import static io.lambdaretail.spark.Schemas.MONTH;
import static io.lambdaretail.spark.Schemas.PREDICTION;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.STORE_ID;
import static io.lambdaretail.spark.Schemas.YEAR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.lambdaretail.config.Errors;
import io.lambdaretail.spark.CassandraConf;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Cassandra table {@value #TABLE} that the website reads as "forecast of store S": partition
 * key {@code store_id}, clustered by {@code year}, {@code month} and {@code product_id}, so one
 * partition read returns a store's forecast in month order. Writes are upserts on that key, so a
 * rerun replaces its rows instead of adding to them.
 */
public final class SalesForecastTable {
  public static final String TABLE = "sales_forecast_by_store";
  public static final String MODEL_VERSION = "model_version";
  private static final String FORMAT = "org.apache.spark.sql.cassandra";
  // Cassandra's own rule for unquoted names; quoted anyway so no name is read as a keyword
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

  /** Where to write: a node and a keyspace. */
  public record Target(String host, int port, String keyspace) {
    public Target {
      if (host == null || host.isBlank()) {
        throw Errors.invalid("--cassandra-host", host, "pass the Cassandra contact point.");
      }
      if (port < 1 || port > 65_535) {
        throw Errors.invalid("--cassandra-port", String.valueOf(port), "use a port 1-65535.");
      }
      if (keyspace == null || !IDENTIFIER.matcher(keyspace).matches()) {
        throw Errors.invalid(
            "--keyspace",
            keyspace,
            "use a letter then up to 47 letters, digits or underscores, e.g. lambda_retail.");
      }
    }
  }

  private SalesForecastTable() {}

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String createKeyspace(String keyspace) {
    return "CREATE KEYSPACE IF NOT EXISTS "
        + quote(keyspace)
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}";
  }

  static String createTable(String keyspace) {
    return "CREATE TABLE IF NOT EXISTS "
        + quote(keyspace)
        + "."
        + quote(TABLE)
        + " (store_id text, year int, month int, product_id text, prediction double,"
        + " status text, model_version text,"
        + " PRIMARY KEY ((store_id), year, month, product_id))"
        + " WITH CLUSTERING ORDER BY (year ASC, month ASC, product_id ASC)";
  }

  /**
   * Rows of the table from scored rows with year and month; rows without them (an invalid date)
   * have no key and are left to the caller to count.
   */
  public static Dataset<Row> rows(Dataset<Row> scored, String modelVersion) {
    return scored
        .filter(col(YEAR).isNotNull().and(col(MONTH).isNotNull()))
        .select(
            col(STORE_ID),
            col(YEAR).cast("int").as(YEAR),
            col(MONTH).cast("int").as(MONTH),
            col(PRODUCT_ID),
            col(PREDICTION),
            col(SalesPredictionJob.STATUS),
            lit(modelVersion).as(MODEL_VERSION));
  }

  /** Creates the keyspace (replication 1, for a dev node) and the table when missing. */
  public static void ensure(SparkSession spark, Target target) {
    try (CqlSession session = CassandraConnector.apply(conf(spark, target)).openSession()) {
      session.execute(createKeyspace(target.keyspace()));
      session.execute(createTable(target.keyspace()));
    }
  }

  public static void write(Dataset<Row> rows, Target target) {
    rows.write()
        .format(FORMAT)
        .option("keyspace", target.keyspace())
        .option("table", TABLE)
        .option("spark.cassandra.connection.host", target.host())
        .option("spark.cassandra.connection.port", String.valueOf(target.port()))
        .mode("append")
        .save();
  }

  private static SparkConf conf(SparkSession spark, Target target) {
    return CassandraConf.of(spark, target.host(), target.port());
  }
}
