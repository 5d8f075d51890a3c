package io.lambdaretail.stream;

import io.lambdaretail.ingest.BadRecordException;
import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Turns a Kafka record's value into a row of its topic's table, or says why it cannot. */
interface TopicParser extends Serializable {
  /** The table's columns that come from the record (the job adds the Kafka ones). */
  StructType dataSchema();

  /** The column the topic's Delta table is partitioned by. */
  String partitionColumn();

  /**
   * @throws BadRecordException whose message is the dead-letter reason
   */
  Row parse(String value) throws BadRecordException;
}
