package io.lambdaretail.stream;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Static DataFrames shaped like the Kafka source's micro-batches. */
final class KafkaBatches {
  static final StructType KAFKA =
      new StructType()
          .add("key", DataTypes.BinaryType, true)
          .add("value", DataTypes.BinaryType, true)
          .add("topic", DataTypes.StringType, false)
          .add("partition", DataTypes.IntegerType, false)
          .add("offset", DataTypes.LongType, false)
          .add("timestamp", DataTypes.TimestampType, true)
          .add("timestampType", DataTypes.IntegerType, true);

  private final List<Row> rows = new ArrayList<>();

  /** Adds a record of {@code topic}, partition 0, at the next offset of that topic. */
  KafkaBatches add(String topic, long offset, String value) {
    byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    rows.add(
        RowFactory.create(
            null, bytes, topic, 0, offset, Timestamp.valueOf("2026-11-23 10:00:00"), 0));
    return this;
  }

  Dataset<Row> toDataFrame(SparkSession spark) {
    return spark.createDataFrame(rows, KAFKA);
  }
}
