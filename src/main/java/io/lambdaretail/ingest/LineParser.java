package io.lambdaretail.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.spark.Schemas;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Turns a {@link SourceLine} into a row of its source's table, or a {@link BadRecordException}
 * whose message is the quarantine reason. Hand-written on Jackson rather than Spark's JSON reader
 * because that reader accepts wrong types silently (any JSON value fits a string column) and loses
 * the line's file and position, both of which the quarantine needs.
 */
public final class LineParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final EventSource source;
  private final int eventTimeIndex;
  private transient ObjectMapper json;

  public LineParser(EventSource source) {
    this.source = source;
    this.eventTimeIndex = source.table().fieldIndex(Schemas.EVENT_TIME);
  }

  /** The source's table schema: typed columns, {@code extra}, {@code event_date}. */
  public StructType tableSchema() {
    return source.table();
  }

  /**
   * A row of {@link #tableSchema()} for a good line.
   *
   * @throws BadRecordException with the quarantine reason for a bad line or a read error
   */
  Row toTableRow(SourceLine line) throws BadRecordException {
    if (line.error() != null) {
      throw new BadRecordException("unreadable input: " + line.error());
    }
    return toTableRow(line.text());
  }

  /**
   * A row of {@link #tableSchema()} for one JSON record (a Kafka message's value, say).
   *
   * @throws BadRecordException with the reason when the record does not fit the contract
   */
  public Row toTableRow(String text) throws BadRecordException {
    JsonNode record = parseJson(text);
    Object[] typed = source.typedValues(record);
    int n = typed.length;
    Object[] values = new Object[n + 2];
    System.arraycopy(typed, 0, values, 0, n);
    Map<String, String> extra = extraKeys(record);
    Timestamp time = (Timestamp) typed[eventTimeIndex];
    values[n] = extra == null ? null : JavaConverters.mapAsScalaMap(extra);
    values[n + 1] = Date.valueOf(time.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
    return RowFactory.create(values);
  }

  private JsonNode parseJson(String text) throws BadRecordException {
    if (json == null) {
      // two objects on one line, or trailing garbage, is a malformed line, not a good record
      json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadRecordException("malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRecordException("malformed JSON: expected one object per line");
    }
    return node;
  }

  /** Keys beyond the contract, kept as key -> JSON text so nothing is dropped. */
  private Map<String, String> extraKeys(JsonNode record) {
    Map<String, String> extra = new HashMap<>();
    addUnknown(record, "", source::isKnownKey, extra);
    JsonNode items = record.get(Schemas.ITEMS);
    if (source == EventSource.TRANSACTIONS && items != null && items.isArray()) {
      // keys of an order's items beyond product_id, quantity and price: items[i].key
      for (int i = 0; i < items.size(); i++) {
        addUnknown(items.get(i), "items[" + i + "].", EventSource::isKnownItemKey, extra);
      }
    }
    return extra.isEmpty() ? null : extra;
  }

  private static void addUnknown(
      JsonNode node, String prefix, Predicate<String> known, Map<String, String> extra) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.test(e.getKey())) {
        JsonNode v = e.getValue();
        extra.put(prefix + e.getKey(), v.isTextual() ? v.asText() : v.toString());
      }
    }
  }
}
