package io.lambdaretail.stream;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Kafka source rows to rows of the {@code raw} table: nothing filtered, bytes as text. */
final class RawRecords {
  private RawRecords() {}

  static Dataset<Row> fromKafka(Dataset<Row> kafka, Timestamp ingestedAt) {
    return kafka.select(
        col("topic").as(StreamColumns.TOPIC),
        col("partition").as(StreamColumns.PARTITION),
        col("offset").as(StreamColumns.OFFSET),
        col("timestamp").as(StreamColumns.TIMESTAMP),
        col("key").cast("string").as(StreamColumns.KEY),
        col("value").cast("string").as(StreamColumns.VALUE),
        lit(ingestedAt).as(StreamColumns.INGESTED_AT),
        // a record without a broker timestamp is dated by its arrival, never dropped
        to_date(coalesce(col("timestamp"), lit(ingestedAt))).as(StreamColumns.DATE));
  }
}
