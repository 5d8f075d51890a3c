package io.lambdaretail.serving;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the speed layer's state function emits: one row per serving-table row to upsert or delete,
 * with absolute values (totals, whole sessions, whole deals), so writing a replayed batch's rows
 * again changes nothing; and a count of the late events a key skipped.
 */
final class SpeedUpdates {
  /** Upsert of a product hour or a category window: key, bucket, totals. */
  static final String TOTALS = "TOTALS";

  /** Upsert of a session: key (visitor), session fields, status. */
  static final String SESSION = "SESSION";

  /** Delete of the session row keyed (key, session_start): the session now starts elsewhere. */
  static final String SESSION_DELETE = "SESSION_DELETE";

  /** Upsert of a deal's latest version (its row as JSON, or null key fields: not writable). */
  static final String DEAL = "DEAL";

  /** Delete of a deal row keyed (sub_category, discount, price, key): an earlier version. */
  static final String DEAL_DELETE = "DEAL_DELETE";

  /** Late events (older than the watermark) this key did not count. */
  static final String LATE = "LATE";

  static final StructType SCHEMA =
      new StructType()
          .add("update", StringType, false)
          .add("kind", StringType, false)
          .add("key", StringType, true)
          .add("bucket", LongType, false)
          .add("views", LongType, false)
          .add("purchases", LongType, false)
          .add("units", LongType, false)
          .add("revenue", DoubleType, false)
          .add("session_start", LongType, false)
          .add("session_end", LongType, false)
          .add("anonymous", BooleanType, false)
          .add("session_views", IntegerType, false)
          .add("products", DataTypes.createArrayType(StringType, true), true)
          .add("status", StringType, true)
          .add("deal", StringType, true)
          .add("sub_category", StringType, true)
          .add("discount", DoubleType, true)
          .add("price", DoubleType, true)
          .add("late", LongType, false);

  static final int UPDATE = 0;
  static final int KIND = 1;
  static final int KEY = 2;
  static final int BUCKET = 3;
  static final int VIEWS = 4;
  static final int PURCHASES = 5;
  static final int UNITS = 6;
  static final int REVENUE = 7;
  static final int SESSION_START = 8;
  static final int SESSION_END = 9;
  static final int ANONYMOUS = 10;
  static final int SESSION_VIEWS = 11;
  static final int PRODUCTS = 12;
  static final int STATUS = 13;
  static final int DEAL_JSON = 14;
  static final int SUB_CATEGORY = 15;
  static final int DISCOUNT = 16;
  static final int PRICE = 17;
  static final int LATE_EVENTS = 18;

  private SpeedUpdates() {}

  static Row totals(SpeedKind kind, String key, long bucket, SpeedState s) {
    Object[] v = empty(TOTALS, kind, key);
    v[BUCKET] = bucket;
    v[VIEWS] = s.getViews();
    v[PURCHASES] = s.getPurchases();
    v[UNITS] = s.getUnits();
    v[REVENUE] = s.getRevenue();
    return RowFactory.create(v);
  }

  static Row session(String visitor, SpeedState.SessionSpan span, String status) {
    Object[] v = empty(SESSION, SpeedKind.SESSION, visitor);
    v[SESSION_START] = span.getStart();
    v[SESSION_END] = span.getEnd();
    v[ANONYMOUS] = span.isAnonymous();
    v[SESSION_VIEWS] = span.getViews();
    v[PRODUCTS] = List.copyOf(span.getProducts()).toArray(String[]::new);
    v[STATUS] = status;
    return RowFactory.create(v);
  }

  static Row sessionDelete(String visitor, long start) {
    Object[] v = empty(SESSION_DELETE, SpeedKind.SESSION, visitor);
    v[SESSION_START] = start;
    return RowFactory.create(v);
  }

  static Row deal(String id, String json, String subCategory, Double discount, Double price) {
    Object[] v = empty(DEAL, SpeedKind.DEAL, id);
    v[DEAL_JSON] = json;
    v[SUB_CATEGORY] = subCategory;
    v[DISCOUNT] = discount;
    v[PRICE] = price;
    return RowFactory.create(v);
  }

  static Row dealDelete(String id, DealKey key) {
    Object[] v = empty(DEAL_DELETE, SpeedKind.DEAL, id);
    v[SUB_CATEGORY] = key.subCategory();
    v[DISCOUNT] = key.discount();
    v[PRICE] = key.price();
    return RowFactory.create(v);
  }

  static Row late(SpeedKind kind, String key, long events) {
    Object[] v = empty(LATE, kind, key);
    v[LATE_EVENTS] = events;
    return RowFactory.create(v);
  }

  private static Object[] empty(String update, SpeedKind kind, String key) {
    Object[] v = new Object[SCHEMA.size()];
    v[UPDATE] = update;
    v[KIND] = kind.name();
    v[KEY] = key;
    v[BUCKET] = 0L;
    v[VIEWS] = 0L;
    v[PURCHASES] = 0L;
    v[UNITS] = 0L;
    v[REVENUE] = 0.0;
    v[SESSION_START] = 0L;
    v[SESSION_END] = 0L;
    v[ANONYMOUS] = false;
    v[SESSION_VIEWS] = 0;
    v[LATE_EVENTS] = 0L;
    return v;
  }

  /** The clustering part of a deal's row key besides its id; complete when no part is null. */
  record DealKey(String subCategory, Double discount, Double price) {
    boolean complete() {
      return subCategory != null && discount != null && price != null;
    }
  }
}
