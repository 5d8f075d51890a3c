package io.lambdaretail.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Turns a {@link SourceLine} into one row of {@link #schema(EventSource)}: the source's typed
 * columns for a good record, or the quarantine columns ({@code _file}, {@code _position}, {@code
 * _raw}, {@code _reason}) for a bad one. Hand-written on Jackson rather than Spark's JSON reader
 * because that reader accepts wrong types silently (any JSON value fits a string column) and loses
 * the line's file and position, both of which the quarantine needs.
 */
public final class LineParser implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String FILE = "_file";
  public static final String POSITION = "_position";
  public static final String RAW = "_raw";
  public static final String REASON = "_reason";

  private final EventSource source;
  private final int eventTimeIndex;
  private transient ObjectMapper json;

  public LineParser(EventSource source) {
    this.source = source;
    this.eventTimeIndex = source.table().fieldIndex(Schemas.EVENT_TIME);
  }

  /** The source's table columns followed by the four quarantine columns. */
  public static StructType schema(EventSource source) {
    return source
        .table()
        .add(FILE, DataTypes.StringType)
        .add(POSITION, DataTypes.LongType)
        .add(RAW, DataTypes.StringType)
        .add(REASON, DataTypes.StringType);
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
    JsonNode record = parseJson(line.text());
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

  /** {@link #schema(EventSource)} row: the table row plus file and position, or the quarantine. */
  public Row parse(SourceLine line) {
    try {
      Row good = toTableRow(line);
      Object[] values = new Object[good.length() + 4];
      for (int i = 0; i < good.length(); i++) {
        values[i] = good.get(i);
      }
      values[good.length()] = line.file();
      values[good.length() + 1] = line.position();
      return RowFactory.create(values);
    } catch (BadRecordException e) {
      return bad(line, e.getMessage());
    }
  }

  private JsonNode parseJson(String text) throws BadRecordException {
    if (json == null) {
      json = new ObjectMapper();
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
    Map<String, String> extra = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!source.isKnownKey(e.getKey())) {
        if (extra == null) {
          extra = new HashMap<>();
        }
        JsonNode v = e.getValue();
        extra.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
      }
    }
    return extra;
  }

  private Row bad(SourceLine line, String reason) {
    Object[] values = new Object[source.table().length() + 4];
    int n = source.table().length();
    values[n] = line.file();
    values[n + 1] = line.position();
    values[n + 2] = line.text();
    values[n + 3] = reason;
    return RowFactory.create(values);
  }
}
