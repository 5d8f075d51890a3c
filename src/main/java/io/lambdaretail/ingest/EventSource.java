package io.lambdaretail.ingest;

import static io.lambdaretail.ingest.JsonFields.optionalBoolean;
import static io.lambdaretail.ingest.JsonFields.optionalDouble;
import static io.lambdaretail.ingest.JsonFields.optionalInt;
import static io.lambdaretail.ingest.JsonFields.optionalText;
import static io.lambdaretail.ingest.JsonFields.optionalTime;
import static io.lambdaretail.ingest.JsonFields.requiredText;
import static io.lambdaretail.ingest.JsonFields.requiredTime;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The event dumps {@code ingest} reads, each with its contract (DESIGN.md section 2): which keys it
 * knows, which are required, and how a JSON record becomes the typed values of its table.
 */
public enum EventSource {
  /** Product page views: browser_id, product_id and timestamp required; user_id may be null. */
  PDPVIEWS(Schemas.PDPVIEWS_TABLE, Schemas.PDPVIEWS) {
    @Override
    Object[] typedValues(JsonNode r) throws BadRecordException {
      Timestamp time = requiredTime(r, Schemas.TIMESTAMP);
      return new Object[] {
        requiredText(r, Schemas.BROWSER_ID),
        optionalText(r, Schemas.USER_ID),
        requiredText(r, Schemas.PRODUCT_ID),
        time,
        optionalText(r, Schemas.SESSION_ID)
      };
    }
  },

  /** Orders: order_id, timestamp and a non-empty items array required. */
  TRANSACTIONS(Schemas.TRANSACTIONS_TABLE, Schemas.TRANSACTIONS) {
    @Override
    Object[] typedValues(JsonNode r) throws BadRecordException {
      String user = optionalText(r, Schemas.USER_ID);
      String browser = optionalText(r, Schemas.BROWSER_ID);
      if (user == null && browser == null) {
        throw new BadRecordException("missing required field 'user_id' or 'browser_id'");
      }
      return new Object[] {
        user,
        browser,
        requiredText(r, Schemas.ORDER_ID),
        requiredTime(r, Schemas.TIMESTAMP),
        items(r)
      };
    }
  },

  /** Deals: id and updated_at required; updated_at is the event time (the deal's version). */
  DEALS(Schemas.DEALS_TABLE, Schemas.DEALS) {
    @Override
    Object[] typedValues(JsonNode r) throws BadRecordException {
      Object[] v = new Object[Schemas.DEALS.fields().length + 1];
      int i = 0;
      for (StructField f : Schemas.DEALS.fields()) {
        v[i++] = dealValue(r, f);
      }
      requiredText(r, "id");
      v[i] = requiredTime(r, "updated_at");
      return v;
    }
  };

  private final StructType table;
  private final Set<String> knownKeys;

  EventSource(StructType table, StructType contract) {
    this.table = table;
    this.knownKeys = Set.of(contract.fieldNames());
  }

  /** The name on the command line and in summaries: {@code pdpviews}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Schema of the table this source is written to, {@code extra} and {@code event_date} last. */
  public StructType table() {
    return table;
  }

  static boolean isKnownItemKey(String key) {
    return Schemas.TRANSACTION_ITEM.getFieldIndex(key).isDefined();
  }

  boolean isKnownKey(String key) {
    return knownKeys.contains(key);
  }

  /**
   * The values of {@link #table()} before {@code extra} and {@code event_date}; event time last.
   */
  abstract Object[] typedValues(JsonNode record) throws BadRecordException;

  private static scala.collection.Seq<Row> items(JsonNode r) throws BadRecordException {
    JsonNode items = r.get(Schemas.ITEMS);
    if (items == null || items.isNull()) {
      throw new BadRecordException("missing required field 'items'");
    }
    if (!items.isArray() || items.isEmpty()) {
      throw new BadRecordException("wrong type for 'items': expected a non-empty array");
    }
    List<Row> rows = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      if (!item.isObject()) {
        throw new BadRecordException("wrong type for 'items': expected objects in the array");
      }
      rows.add(
          RowFactory.create(
              requiredText(item, Schemas.PRODUCT_ID),
              requireItemQuantity(item),
              optionalDouble(item, Schemas.PRICE)));
    }
    // Spark's Row encoder takes Scala collections
    return scala.collection.JavaConverters.asScalaBuffer(rows).toSeq();
  }

  private static Integer requireItemQuantity(JsonNode item) throws BadRecordException {
    Integer quantity = optionalInt(item, Schemas.QUANTITY);
    if (quantity == null) {
      throw new BadRecordException("missing required field 'items[].quantity'");
    }
    return quantity;
  }

  private static Object dealValue(JsonNode r, StructField f) throws BadRecordException {
    String name = f.name();
    if (name.endsWith("_at")) {
      return optionalTime(r, name);
    }
    return switch (f.dataType().typeName()) {
      case "double" -> optionalDouble(r, name);
      case "integer" -> optionalInt(r, name);
      case "boolean" -> optionalBoolean(r, name);
      default -> optionalText(r, name);
    };
  }
}
