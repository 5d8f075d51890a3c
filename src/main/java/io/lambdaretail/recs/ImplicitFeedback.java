package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.BOUGHT;
import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.TIMESTAMP;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static io.lambdaretail.recs.Interactions.WEIGHT;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;

import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pure transforms from events to the training set. Events are first brought to one frame ({@code
 * user_id, item_id, timestamp, additive, once, purchase}) so that page views, order lines and the
 * rows of a plain interactions table are split and aggregated by the same code: a pair's weight is
 * {@code sum(additive x decay) + max(once x decay)}, so views add up and "bought at least once"
 * counts once however often the item was bought.
 */
public final class ImplicitFeedback {
  /** Per event: summed into the weight (a view, a row of an interactions table). */
  public static final String ADDITIVE = "additive";

  /** Per event: counted once per pair, the largest (a purchase). */
  public static final String ONCE = "once";

  /** Per event: whether it is a purchase. */
  public static final String PURCHASE = "purchase";

  private static final double SECONDS_PER_DAY = 86_400d;

  private ImplicitFeedback() {}

  /** Ingested page views (Schemas.PDPVIEWS_TABLE) keyed by {@code userColumn}, to events. */
  public static Dataset<Row> viewEvents(Dataset<Row> views, String userColumn, double weight) {
    return views
        .filter(col(userColumn).isNotNull().and(col(Schemas.PRODUCT_ID).isNotNull()))
        .select(
            col(userColumn).cast("string").as(USER_ID),
            col(Schemas.PRODUCT_ID).cast("string").as(ITEM_ID),
            col(Schemas.EVENT_TIME).as(TIMESTAMP),
            lit(weight).as(ADDITIVE),
            lit(0d).as(ONCE),
            lit(false).as(PURCHASE));
  }

  /** Ingested orders (Schemas.TRANSACTIONS_TABLE): one event per order line. */
  public static Dataset<Row> purchaseEvents(Dataset<Row> orders, String userColumn, double weight) {
    return orders
        .filter(col(userColumn).isNotNull())
        .select(
            col(userColumn).cast("string").as(USER_ID),
            col(Schemas.EVENT_TIME).as(TIMESTAMP),
            explode(col(Schemas.ITEMS)).as("line"))
        .filter(col("line." + Schemas.PRODUCT_ID).isNotNull())
        .select(
            col(USER_ID),
            col("line." + Schemas.PRODUCT_ID).as(ITEM_ID),
            col(TIMESTAMP),
            lit(0d).as(ADDITIVE),
            lit(weight).as(ONCE),
            lit(true).as(PURCHASE));
  }

  /**
   * A plain interactions table ({@code user_id, item_id, weight[, timestamp]}, as {@link
   * TrainingSets#readInteractions} returns it) to events; a public benchmark's rows have no
   * purchase flag, so every pair counts as bought (excluded from its user's recommendations).
   */
  public static Dataset<Row> tableEvents(Dataset<Row> table) {
    return table.select(
        col(USER_ID),
        col(ITEM_ID),
        col(TIMESTAMP),
        col(WEIGHT).as(ADDITIVE),
        lit(0d).as(ONCE),
        lit(true).as(PURCHASE));
  }

  /**
   * One row per (user, item): {@code user_id, item_id, weight, timestamp (the last event), bought}.
   * With a half-life, an event {@code d} days before {@code reference} weighs {@code 0.5^(d /
   * halfLifeDays)}. Pairs of weight 0 are left out: they carry no preference.
   */
  public static Dataset<Row> aggregate(
      Dataset<Row> events, double halfLifeDays, Timestamp reference) {
    Column decay = lit(1d);
    if (halfLifeDays > 0) {
      Column ageDays =
          lit(reference.getTime() / 1000d)
              .minus(unix_timestamp(col(TIMESTAMP)))
              .divide(SECONDS_PER_DAY);
      decay = pow(lit(0.5d), ageDays.divide(halfLifeDays));
    }
    return events
        .groupBy(USER_ID, ITEM_ID)
        .agg(
            sum(col(ADDITIVE).multiply(decay)).plus(max(col(ONCE).multiply(decay))).as(WEIGHT),
            max(col(TIMESTAMP)).as(TIMESTAMP),
            max(col(PURCHASE)).as(BOUGHT))
        .filter(col(WEIGHT).gt(0))
        .select(USER_ID, ITEM_ID, WEIGHT, TIMESTAMP, BOUGHT);
  }

  /**
   * Keeps items with at least {@code minItem} distinct users, then users with at least {@code
   * minUser} of the remaining items (one pass each, in that order, as documented).
   */
  public static Dataset<Row> withMinimums(Dataset<Row> pairs, int minUser, int minItem) {
    Dataset<Row> kept = pairs;
    if (minItem > 1) {
      Dataset<Row> items =
          kept.groupBy(ITEM_ID).agg(count(lit(1)).as("n")).filter(col("n").geq(minItem));
      kept = kept.join(items.select(ITEM_ID), ITEM_ID);
    }
    if (minUser > 1) {
      Dataset<Row> users =
          kept.groupBy(USER_ID).agg(count(lit(1)).as("n")).filter(col("n").geq(minUser));
      kept = kept.join(users.select(USER_ID), USER_ID);
    }
    return kept.select(USER_ID, ITEM_ID, WEIGHT, TIMESTAMP, BOUGHT);
  }
}
