package io.lambdaretail.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.lambdaretail.ingest.BadRecordException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Splits one topic's raw records into typed rows and dead letters in one pass: each record is
 * parsed once and lands in exactly one of the two.
 */
final class TopicRouter {
  private static final int COORDINATES = 6; // partition, offset, timestamp, date, value, reason

  private TopicRouter() {}

  /** Raw rows of one topic to routed rows: Kafka coordinates, value, reason (null = good), data. */
  static Dataset<Row> route(Dataset<Row> raw, TopicParser parser) {
    StructType routed = routedSchema(parser.dataSchema());
    int width = routed.size();
    Dataset<Row> in =
        raw.select(
            col(StreamColumns.PARTITION),
            col(StreamColumns.OFFSET),
            col(StreamColumns.TIMESTAMP),
            col(StreamColumns.DATE),
            col(StreamColumns.VALUE));
    return in.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> routeAll(rows, parser, width),
        Encoders.row(routed));
  }

  /** The good rows as the topic's table stores them. */
  static Dataset<Row> typed(Dataset<Row> routed) {
    return routed
        .filter(col(StreamColumns.REASON).isNull())
        .drop(StreamColumns.VALUE, StreamColumns.REASON);
  }

  /** The bad rows as {@code dead_letters} rows. */
  static Dataset<Row> deadLetters(Dataset<Row> routed, String topic, java.sql.Timestamp now) {
    return routed
        .filter(col(StreamColumns.REASON).isNotNull())
        .select(
            lit(topic).as(StreamColumns.TOPIC),
            col(StreamColumns.KAFKA_PARTITION).as(StreamColumns.PARTITION),
            col(StreamColumns.KAFKA_OFFSET).as(StreamColumns.OFFSET),
            col(StreamColumns.KAFKA_TIMESTAMP).as(StreamColumns.TIMESTAMP),
            col(StreamColumns.VALUE),
            col(StreamColumns.REASON),
            lit(now).as(StreamColumns.INGESTED_AT));
  }

  /** Every raw record of a topic that cannot have a table, as dead letters with {@code reason}. */
  static Dataset<Row> rejectAll(Dataset<Row> raw, String reason) {
    Column[] cols = {
      col(StreamColumns.TOPIC),
      col(StreamColumns.PARTITION),
      col(StreamColumns.OFFSET),
      col(StreamColumns.TIMESTAMP),
      col(StreamColumns.VALUE),
      lit(reason).as(StreamColumns.REASON),
      col(StreamColumns.INGESTED_AT)
    };
    return raw.select(cols);
  }

  static StructType routedSchema(StructType data) {
    List<StructField> fields = new ArrayList<>(List.of(StreamColumns.KAFKA_COORDINATES.fields()));
    fields.add(DataTypes.createStructField(StreamColumns.KAFKA_DATE, DataTypes.DateType, false));
    fields.add(DataTypes.createStructField(StreamColumns.VALUE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(StreamColumns.REASON, DataTypes.StringType, true));
    fields.addAll(List.of(data.fields()));
    return DataTypes.createStructType(fields);
  }

  private static Iterator<Row> routeAll(Iterator<Row> rows, TopicParser parser, int width) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        Object[] out = new Object[width];
        for (int i = 0; i < COORDINATES - 1; i++) {
          out[i] = r.get(i);
        }
        String value = r.getString(4);
        try {
          Row data = parser.parse(value);
          for (int i = 0; i < data.size(); i++) {
            out[COORDINATES + i] = data.get(i);
          }
        } catch (BadRecordException e) {
          out[COORDINATES - 1] = e.getMessage();
        }
        return RowFactory.create(out);
      }
    };
  }
}
