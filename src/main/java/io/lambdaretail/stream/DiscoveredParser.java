package io.lambdaretail.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaretail.ingest.BadRecordException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A topic without a contract: its table has one column per key seen so far (see {@link
 * SchemaInference}); a value whose type the column cannot hold is a dead letter, a key absent from
 * the record is null.
 */
final class DiscoveredParser implements TopicParser {
  private static final long serialVersionUID = 1L;
  private final StructType dataSchema;
  private transient Map<String, Integer> index;
  private transient ValueKind[] kinds;

  DiscoveredParser(StructType dataSchema) {
    this.dataSchema = dataSchema;
  }

  @Override
  public StructType dataSchema() {
    return dataSchema;
  }

  @Override
  public String partitionColumn() {
    return StreamColumns.KAFKA_DATE;
  }

  @Override
  public Row parse(String value) throws BadRecordException {
    if (index == null) {
      buildIndex();
    }
    Object[] values = new Object[kinds.length];
    for (Map.Entry<String, JsonNode> e : JsonRecords.read(value).values()) {
      ValueKind kind = ValueKind.of(e.getValue());
      if (kind == null) {
        continue;
      }
      Integer i = index.get(e.getKey().toLowerCase(Locale.ROOT));
      if (i == null) {
        throw new BadRecordException("key '" + e.getKey() + "' has no column in the table");
      }
      if (kinds[i] == null || !kinds[i].holds(kind)) {
        throw new BadRecordException(
            "type mismatch: column '"
                + dataSchema.fields()[i].name()
                + "' is "
                + dataSchema.fields()[i].dataType().simpleString()
                + ", the value is "
                + kind.type().simpleString());
      }
      values[i] = kinds[i].convert(e.getValue());
    }
    return RowFactory.create(values);
  }

  private void buildIndex() {
    StructField[] fields = dataSchema.fields();
    Map<String, Integer> byName = new HashMap<>();
    ValueKind[] k = new ValueKind[fields.length];
    for (int i = 0; i < fields.length; i++) {
      byName.put(fields[i].name().toLowerCase(Locale.ROOT), i);
      k[i] = ValueKind.ofType(fields[i].dataType());
    }
    kinds = k;
    index = byName;
  }
}
