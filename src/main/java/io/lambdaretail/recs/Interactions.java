package io.lambdaretail.recs;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * Column names of the training set every recommender reads: one row per (user, item) with its
 * implicit weight. {@code user_id} holds the browser id when a model is keyed by browser.
 */
public final class Interactions {
  public static final String USER_ID = "user_id";
  public static final String ITEM_ID = "item_id";
  public static final String WEIGHT = "weight";
  public static final String TIMESTAMP = "timestamp";

  /**
   * True when the user bought the item at least once (every pair of a plain interactions table).
   */
  public static final String BOUGHT = "bought";

  /** Dense int ids added by {@link IdIndex#encode}. */
  public static final String USER = "user";

  public static final String ITEM = "item";

  /** The aggregated training set: {@code user_id, item_id, weight, timestamp, bought}. */
  public static final StructType SCHEMA =
      new StructType()
          .add(USER_ID, StringType, false)
          .add(ITEM_ID, StringType, false)
          .add(WEIGHT, DoubleType, false)
          .add(TIMESTAMP, TimestampType, true)
          .add(BOUGHT, BooleanType, false);

  private Interactions() {}
}
