package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_seconds;

import io.lambdaretail.spark.Schemas;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Views, purchases, units and revenue per (key, time bucket), the key being a product or its
 * category. A micro-batch says which (key, bucket) pairs it touched; their totals are then counted
 * again over everything the lake holds for them, so writing them is an overwrite: a replayed batch,
 * or a late event, yields the right total, never a double count. Buckets are aligned to the epoch
 * in UTC (an hour bucket is a clock hour).
 *
 * <p>Purchases count distinct orders; an order delivered twice by Kafka is counted once. A line
 * without a quantity adds no units and no revenue.
 */
final class ActivityTotals {
  static final String KEY = "key";
  static final String BUCKET = "bucket";
  static final String UNKNOWN_CATEGORY = "unknown";
  private static final String QUANTITY = "quantity";
  private static final String LINE_PRICE = "line_price";

  private ActivityTotals() {}

  /** Page views (typed pdpviews rows) as (key = product_id, bucket). */
  static Dataset<Row> viewEvents(Dataset<Row> views, long bucketSeconds) {
    return views.select(
        col(Schemas.PRODUCT_ID).as(KEY), bucket(col(Schemas.EVENT_TIME), bucketSeconds));
  }

  /** Orders (typed transactions rows) as one row per line: key = product_id, bucket, quantity. */
  static Dataset<Row> orderLines(Dataset<Row> orders, long bucketSeconds) {
    return orders
        .dropDuplicates(Schemas.ORDER_ID)
        .select(
            col(Schemas.ORDER_ID),
            bucket(col(Schemas.EVENT_TIME), bucketSeconds),
            explode(col(Schemas.ITEMS)).as("line"))
        .select(
            col("line." + Schemas.PRODUCT_ID).as(KEY),
            col(BUCKET),
            col(Schemas.ORDER_ID),
            col("line." + Schemas.QUANTITY).as(QUANTITY),
            col("line." + Schemas.PRICE).as(LINE_PRICE));
  }

  /** The events with their product key replaced by the product's category ("unknown" if none). */
  static Dataset<Row> byCategory(Dataset<Row> events, Dataset<Row> categories) {
    Dataset<Row> lookup =
        categories
            .select(col(Schemas.PRODUCT_ID), col("category"))
            .dropDuplicates(Schemas.PRODUCT_ID);
    List<String> rest = List.of(events.columns()).stream().filter(c -> !c.equals(KEY)).toList();
    Column[] cols = new Column[rest.size() + 1];
    cols[0] = coalesce(col("category"), lit(UNKNOWN_CATEGORY)).as(KEY);
    for (int i = 0; i < rest.size(); i++) {
      cols[i + 1] = col(rest.get(i));
    }
    return events
        .join(broadcast(lookup), events.col(KEY).equalTo(lookup.col(Schemas.PRODUCT_ID)), "left")
        .select(cols);
  }

  /** The distinct (key, bucket) pairs a batch's events touch. */
  static Dataset<Row> touched(Dataset<Row> viewEvents, Dataset<Row> orderLines) {
    return viewEvents
        .select(KEY, BUCKET)
        .union(orderLines.select(KEY, BUCKET))
        .filter(col(KEY).isNotNull())
        .distinct();
  }

  /**
   * For each touched pair: views, purchases (distinct orders), units and revenue over all the given
   * events; zero where there are none.
   */
  static Dataset<Row> totals(
      Dataset<Row> viewEvents, Dataset<Row> orderLines, Dataset<Row> touched) {
    Dataset<Row> views =
        viewEvents
            .join(touched, seq(KEY, BUCKET), "left_semi")
            .groupBy(KEY, BUCKET)
            .agg(count(lit(1)).as(ServingTables.VIEWS));
    Dataset<Row> sales =
        orderLines
            .join(touched, seq(KEY, BUCKET), "left_semi")
            .groupBy(KEY, BUCKET)
            .agg(
                countDistinct(col(Schemas.ORDER_ID)).as(ServingTables.PURCHASES),
                sum(col(QUANTITY)).cast("long").as(ServingTables.UNITS),
                sum(col(QUANTITY).multiply(col(LINE_PRICE))).as(ServingTables.REVENUE));
    return touched
        .join(views, seq(KEY, BUCKET), "left")
        .join(sales, seq(KEY, BUCKET), "left")
        .select(
            col(KEY),
            col(BUCKET),
            coalesce(col(ServingTables.VIEWS), lit(0L)).as(ServingTables.VIEWS),
            coalesce(col(ServingTables.PURCHASES), lit(0L)).as(ServingTables.PURCHASES),
            coalesce(col(ServingTables.UNITS), lit(0L)).as(ServingTables.UNITS),
            coalesce(col(ServingTables.REVENUE), lit(0.0)).as(ServingTables.REVENUE));
  }

  static Column bucket(Column time, long seconds) {
    return timestamp_seconds(floor(time.cast("long").divide(seconds)).multiply(seconds)).as(BUCKET);
  }

  static scala.collection.Seq<String> seq(String... names) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toSeq();
  }
}
