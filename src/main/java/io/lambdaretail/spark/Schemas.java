package io.lambdaretail.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The data contracts (DESIGN.md section 2), the one source of truth for column names and types.
 * Timestamps are read as text because the dumps carry ISO-8601 strings or epoch millis; jobs
 * normalise them to UTC.
 */
public final class Schemas {
  public static final String BROWSER_ID = "browser_id";
  public static final String USER_ID = "user_id";
  public static final String PRODUCT_ID = "product_id";
  public static final String TIMESTAMP = "timestamp";
  public static final String SESSION_ID = "session_id";
  public static final String ORDER_ID = "order_id";
  public static final String ITEMS = "items";
  public static final String QUANTITY = "quantity";
  public static final String PRICE = "price";
  public static final String EVENT_TIME = "event_time";
  public static final String EVENT_DATE = "event_date";
  public static final String EXTRA = "extra";
  public static final String STORE_ID = "store_id";
  public static final String SALES_DATE = "date";
  public static final String YEAR = "year";
  public static final String MONTH = "month";
  public static final String PREDICTION = "prediction";
  public static final String REASON = "reason";

  /** Product detail page views, one JSON object a line. */
  public static final StructType PDPVIEWS =
      new StructType(
          new StructField[] {
            nullable(BROWSER_ID, StringType),
            nullable(USER_ID, StringType),
            nullable(PRODUCT_ID, StringType),
            nullable(TIMESTAMP, StringType),
            nullable(SESSION_ID, StringType)
          });

  /** One purchased line of an order. */
  public static final StructType TRANSACTION_ITEM =
      new StructType(
          new StructField[] {
            nullable(PRODUCT_ID, StringType),
            nullable(QUANTITY, IntegerType),
            nullable(PRICE, DoubleType)
          });

  /** Orders, one JSON object a line. */
  public static final StructType TRANSACTIONS =
      new StructType(
          new StructField[] {
            nullable(USER_ID, StringType),
            nullable(BROWSER_ID, StringType),
            nullable(ORDER_ID, StringType),
            nullable(TIMESTAMP, StringType),
            nullable(ITEMS, DataTypes.createArrayType(TRANSACTION_ITEM, true))
          });

  /** Deals from a deals aggregator (streamed from Kafka, or ingested as ndjson). */
  public static final StructType DEALS =
      new StructType(
          new StructField[] {
            nullable("id", StringType),
            nullable("category", StringType),
            nullable("sub_category", StringType),
            nullable("title", StringType),
            nullable(PRICE, DoubleType),
            nullable("discount_percentage", DoubleType),
            nullable("number_sold", IntegerType),
            nullable("provider_name", StringType),
            nullable("merchant_id", StringType),
            nullable("merchant_name", StringType),
            nullable("merchant_locality", StringType),
            nullable("merchant_region", StringType),
            nullable("merchant_country", StringType),
            nullable("online", BooleanType),
            nullable("expires_at", StringType),
            nullable("created_at", StringType),
            nullable("updated_at", StringType)
          });

  /** The sales CSV of the original upload, read as text and cleaned by the sales job. */
  public static final StructType SALES_CSV =
      new StructType(
          new StructField[] {
            nullable(PRODUCT_ID, StringType),
            nullable("product_name", StringType),
            nullable("product_price", StringType),
            nullable("store_id", StringType),
            nullable("store_name", StringType),
            nullable(QUANTITY, StringType),
            nullable("date", StringType)
          });

  /** User features for the hybrid recommender ({@code users.csv}). */
  public static final StructType USERS =
      new StructType(
          new StructField[] {
            nullable(USER_ID, StringType),
            nullable("country", StringType),
            nullable("age_band", StringType)
          });

  /** Item features for the hybrid recommender ({@code items.csv}). */
  public static final StructType ITEMS_FEATURES =
      new StructType(
          new StructField[] {
            nullable(PRODUCT_ID, StringType),
            nullable("category", StringType),
            nullable("sub_category", StringType),
            nullable("brand", StringType),
            nullable("price_band", StringType),
            nullable(PRICE, DoubleType)
          });

  /** Keys a record carries beyond its contract: key -> the value's JSON text. */
  public static final StructField EXTRA_FIELD =
      nullable(EXTRA, DataTypes.createMapType(StringType, StringType, true));

  /** Ingested page views: UTC event time, extra keys kept, partitioned by event date. */
  public static final StructType PDPVIEWS_TABLE =
      new StructType(
          new StructField[] {
            nullable(BROWSER_ID, StringType),
            nullable(USER_ID, StringType),
            nullable(PRODUCT_ID, StringType),
            nullable(EVENT_TIME, DataTypes.TimestampType),
            nullable(SESSION_ID, StringType),
            EXTRA_FIELD,
            nullable(EVENT_DATE, DataTypes.DateType)
          });

  /** Ingested orders. */
  public static final StructType TRANSACTIONS_TABLE =
      new StructType(
          new StructField[] {
            nullable(USER_ID, StringType),
            nullable(BROWSER_ID, StringType),
            nullable(ORDER_ID, StringType),
            nullable(EVENT_TIME, DataTypes.TimestampType),
            nullable(ITEMS, DataTypes.createArrayType(TRANSACTION_ITEM, true)),
            EXTRA_FIELD,
            nullable(EVENT_DATE, DataTypes.DateType)
          });

  /** Ingested deals; {@code event_time} is {@code updated_at}, the version of the deal. */
  public static final StructType DEALS_TABLE = dealsTable();

  /**
   * Bad input: where it came from, the raw text and why it was rejected; partitioned by {@code
   * source} and {@code file_id} (a short hash of the file). Read an empty Parquet quarantine with
   * this schema: with no bad line yet it holds no file to infer one from.
   */
  public static final StructType QUARANTINE =
      new StructType(
          new StructField[] {
            nullable("source", StringType),
            nullable("file", StringType),
            nullable("position", DataTypes.LongType),
            nullable("raw", StringType),
            nullable("reason", StringType),
            nullable("ingested_at", DataTypes.TimestampType),
            nullable("file_id", StringType)
          });

  private Schemas() {}

  private static StructType dealsTable() {
    StructType t = new StructType();
    for (StructField f : DEALS.fields()) {
      boolean time = f.name().endsWith("_at");
      t = t.add(f.name(), time ? DataTypes.TimestampType : f.dataType(), true);
    }
    return t.add(nullable(EVENT_TIME, DataTypes.TimestampType))
        .add(EXTRA_FIELD)
        .add(nullable(EVENT_DATE, DataTypes.DateType));
  }

  private static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
