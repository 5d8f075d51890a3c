package io.lambdaretail.stream;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column names and layouts of the stream's Delta tables. */
final class StreamColumns {
  static final String TOPIC = "topic";
  static final String PARTITION = "partition";
  static final String OFFSET = "offset";
  static final String TIMESTAMP = "timestamp";
  static final String KEY = "key";
  static final String VALUE = "value";
  static final String INGESTED_AT = "ingested_at";
  static final String DATE = "date";
  static final String REASON = "reason";

  static final String KAFKA_PARTITION = "kafka_partition";
  static final String KAFKA_OFFSET = "kafka_offset";
  static final String KAFKA_TIMESTAMP = "kafka_timestamp";
  static final String KAFKA_DATE = "kafka_date";

  /** {@code raw}: every record as Kafka delivered it; partitioned by topic and date. */
  static final StructType RAW =
      new StructType()
          .add(TOPIC, StringType, false)
          .add(PARTITION, IntegerType, false)
          .add(OFFSET, LongType, false)
          .add(TIMESTAMP, TimestampType, true)
          .add(KEY, StringType, true)
          .add(VALUE, StringType, true)
          .add(INGESTED_AT, TimestampType, false)
          .add(DATE, DataTypes.DateType, false);

  /** {@code dead_letters}: a record that fits no table, and why; partitioned by topic. */
  static final StructType DEAD_LETTERS =
      new StructType()
          .add(TOPIC, StringType, false)
          .add(PARTITION, IntegerType, false)
          .add(OFFSET, LongType, false)
          .add(TIMESTAMP, TimestampType, true)
          .add(VALUE, StringType, true)
          .add(REASON, StringType, false)
          .add(INGESTED_AT, TimestampType, false);

  /**
   * Columns every typed row starts with, then the topic's data columns, then {@code KAFKA_DATE}.
   */
  static final StructType KAFKA_COORDINATES =
      new StructType()
          .add(KAFKA_PARTITION, IntegerType, false)
          .add(KAFKA_OFFSET, LongType, false)
          .add(KAFKA_TIMESTAMP, TimestampType, true);

  private StreamColumns() {}
}
