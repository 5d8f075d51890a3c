package io.lambdaretail.stream;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Appends of one micro-batch to a Delta table, each tagged with the stream's application id and the
 * batch id: Delta records the pair in the same commit and skips a later append with a version it
 * has seen, so a batch replayed after a crash is written at most once to every table.
 */
final class DeltaAppend {
  private final String appId;

  DeltaAppend(String appId) {
    this.appId = appId;
  }

  void append(Dataset<Row> rows, String path, long batchId, boolean mergeSchema, String... by) {
    rows.write()
        .format("delta")
        .mode(SaveMode.Append)
        .option("txnAppId", appId)
        .option("txnVersion", batchId)
        .option("mergeSchema", mergeSchema)
        .partitionBy(by)
        .save(path);
  }

  /** The table's schema, or null when there is no Delta table at {@code path} yet. */
  static StructType schemaOrNull(SparkSession spark, String path) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return null;
    }
    return DeltaTable.forPath(spark, path).toDF().schema();
  }
}
