package io.lambdaretail.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.to_date;

import io.lambdaretail.spark.Schemas;
import io.lambdaretail.spark.SparkSessions;
import io.lambdaretail.spark.SparkSettings;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The baseline of {@code scripts/bench-ingest.sh}: what a Spark user writes without this project,
 * Spark's own JSON reader with the page-view schema, the same event time and date derivation and
 * the same {@code event_date}-partitioned Snappy Parquet output as {@code ingest}. Spark picks the
 * codec from the file extension (gzip or none). Prints one JSON line: {@code {"duration_ms": ...}}.
 *
 * <p>Usage: {@code LR_MAIN_CLASS=io.lambdaretail.bench.SparkJsonBaseline scripts/lambda-retail
 * INPUT_GLOB OUTPUT}
 */
public final class SparkJsonBaseline {
  private SparkJsonBaseline() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSessions.create(new SparkSettings("spark-json-baseline", null, Map.of()));
    long started = System.currentTimeMillis();
    spark
        .read()
        .schema(Schemas.PDPVIEWS)
        .json(args[0])
        .withColumn(
            Schemas.EVENT_TIME,
            coalesce(
                expr("to_timestamp(timestamp)"),
                expr("timestamp_millis(try_cast(timestamp AS BIGINT))")))
        .withColumn(Schemas.EVENT_DATE, to_date(col(Schemas.EVENT_TIME)))
        .write()
        .mode("overwrite")
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(Schemas.EVENT_DATE)
        .parquet(args[1]);
    long duration = System.currentTimeMillis() - started;
    spark.stop();
    // the benchmark script reads this line from stdout
    System.out.println("{\"duration_ms\": " + duration + "}");
  }
}
