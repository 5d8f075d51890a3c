package io.lambdaretail.stream;

import static org.apache.spark.sql.functions.col;

import io.lambdaretail.ingest.EventSource;
import io.lambdaretail.serving.ServingWriter;
import io.lambdaretail.serving.SpeedLayer;
import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The speed layer's input from its own Kafka stream: the contract topics' records parsed exactly as
 * the lake query parses them ({@link TopicRouter}, {@link ContractParser}), good rows only (the
 * lake query puts the bad ones in dead_letters).
 */
final class SpeedInput {
  private SpeedInput() {}

  /**
   * @param reads whether the stream reads each topic: pdpviews, transactions, deals
   */
  static SpeedLayer.Input of(Dataset<Row> kafka, boolean[] reads) {
    // the ingestion time is not used by the speed layer; raw's layout wants one
    Dataset<Row> raw = RawRecords.fromKafka(kafka, new Timestamp(0));
    return new SpeedLayer.Input(
        reads[0] ? typed(raw, ServingWriter.PDPVIEWS, EventSource.PDPVIEWS) : null,
        reads[1] ? typed(raw, ServingWriter.TRANSACTIONS, EventSource.TRANSACTIONS) : null,
        reads[2] ? typed(raw, ServingWriter.DEALS, EventSource.DEALS) : null);
  }

  private static Dataset<Row> typed(Dataset<Row> raw, String topic, EventSource source) {
    Dataset<Row> records = raw.filter(col(StreamColumns.TOPIC).equalTo(topic));
    return TopicRouter.typed(TopicRouter.route(records, new ContractParser(source)));
  }
}
