package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * The speed layer's input: the typed page views, orders and deals of a stream as one row per
 * serving-table key an event touches ({@link SpeedKind}): a view feeds its product's hour, its
 * category's trend window and its visitor's sessions; an order line its product's hour and its
 * category's window; a deal version its deal. Exactly one row of each event is {@code first}, so
 * events (not rows) can be counted when they come too late.
 */
final class SpeedEvents {
  static final String KIND = "kind";
  static final String KEY = "key";
  static final String BUCKET = "bucket";
  static final String EVENT_TIME = "event_time";
  static final String EVENT_MS = "event_ms";
  static final String FIRST = "first";
  static final String PRODUCT = "product";
  static final String ANONYMOUS = "anonymous";
  static final String ORDER = "order_id";
  static final String LINE = "line";
  static final String UNITS = "units";
  static final String REVENUE = "revenue";
  static final String SUB_CATEGORY = "sub_category";
  static final String DISCOUNT = "discount";
  static final String PRICE = "price";
  static final String DEAL = "deal";
  static final String PARTITION = "kafka_partition";
  static final String OFFSET = "kafka_offset";
  static final long HOUR_MS = 3_600_000L;

  private static final String CANDIDATES = "candidates";
  private static final String NEVER_LATE = "never_late";

  /** Spark's column metadata key for a watermarked event time (EventTimeWatermark.delayKey). */
  private static final String WATERMARK_DELAY_KEY = "spark.watermarkDelayMs";

  private static final String ONE = "one";

  private SpeedEvents() {}

  /**
   * @param views typed pdpviews rows (with Kafka coordinates); null when not read
   * @param orders typed transactions rows; null when not read
   * @param deals typed deals rows; null when not read
   * @param categories product_id, category; null: no trend rows
   * @param watermark events older than the latest event time minus this are late
   */
  static Dataset<Row> events(
      Dataset<Row> views,
      Dataset<Row> orders,
      Dataset<Row> deals,
      Dataset<Row> categories,
      Duration trendWindow,
      Duration watermark) {
    List<Dataset<Row>> parts = new ArrayList<>();
    if (views != null) {
      parts.add(viewRows(withCategory(views, categories), categories != null, trendWindow));
    }
    if (orders != null) {
      parts.add(orderRows(orders, categories, trendWindow));
    }
    if (deals != null) {
      parts.add(dealRows(deals));
    }
    Dataset<Row> all = parts.stream().reduce(Dataset::unionByName).orElseThrow();
    // Spark drops rows older than the watermark before the state function, uncounted. So the event
    // time goes on as plain millis, and the mark that event-time timeouts need rides on a column
    // that is never late: the state function checks lateness itself and counts late events.
    Metadata mark =
        new MetadataBuilder().putLong(WATERMARK_DELAY_KEY, watermark.toMillis()).build();
    return all.filter(col(EVENT_TIME).isNotNull())
        .withWatermark(EVENT_TIME, watermark.toMillis() + " milliseconds")
        .withColumn(EVENT_MS, unix_millis(col(EVENT_TIME)))
        .withColumn(NEVER_LATE, lit(Timestamp.valueOf("9999-12-31 00:00:00")).as(NEVER_LATE, mark))
        .drop(EVENT_TIME);
  }

  private static Dataset<Row> viewRows(Dataset<Row> views, boolean trends, Duration window) {
    Column product = col(Schemas.PRODUCT_ID);
    Column visitor = coalesce(col(Schemas.USER_ID), col(Schemas.BROWSER_ID));
    List<Column> candidates = new ArrayList<>();
    candidates.add(
        when(
            product.isNotNull(),
            candidate(SpeedKind.ACTIVITY, product, bucket(HOUR_MS), product, null, null, null)));
    if (trends) {
      candidates.add(
          candidate(
              SpeedKind.TREND, category(), bucket(window.toMillis()), product, null, null, null));
    }
    candidates.add(
        when(
            visitor.isNotNull(),
            candidate(SpeedKind.SESSION, visitor, lit(0L), product, null, null, null)));
    Dataset<Row> withOrder =
        views.withColumn(ORDER, lit(null).cast("string")).withColumn(LINE, lit(0));
    return explodeCandidates(withOrder, candidates, lit(true));
  }

  private static Dataset<Row> orderRows(
      Dataset<Row> orders, Dataset<Row> categories, Duration window) {
    Dataset<Row> lines =
        orders
            .select(
                col(Schemas.ORDER_ID),
                col(Schemas.EVENT_TIME),
                col(PARTITION),
                col(OFFSET),
                posexplode_outer(col(Schemas.ITEMS)).as(new String[] {LINE, ONE}))
            .filter(col(ONE).isNotNull().and(col(Schemas.ORDER_ID).isNotNull()))
            .withColumn(Schemas.PRODUCT_ID, col(ONE + "." + Schemas.PRODUCT_ID));
    lines = withCategory(lines, categories);
    Column product = col(Schemas.PRODUCT_ID);
    Column quantity = col(ONE + "." + Schemas.QUANTITY);
    Column units = coalesce(quantity.cast("long"), lit(0L));
    Column revenue = coalesce(quantity.multiply(col(ONE + "." + Schemas.PRICE)), lit(0.0));
    List<Column> candidates = new ArrayList<>();
    candidates.add(
        when(
            product.isNotNull(),
            candidate(
                SpeedKind.ACTIVITY,
                product,
                bucket(HOUR_MS),
                product,
                lit(false),
                units,
                revenue)));
    if (categories != null) {
      candidates.add(
          candidate(
              SpeedKind.TREND,
              category(),
              bucket(window.toMillis()),
              product,
              lit(false),
              units,
              revenue));
    }
    return explodeCandidates(lines, candidates, col(LINE).equalTo(0));
  }

  private static Dataset<Row> dealRows(Dataset<Row> deals) {
    List<Column> columns = new ArrayList<>();
    for (String c : DealVersions.KEY) {
      columns.add(col(c));
    }
    for (String c : DealVersions.OTHER_COLUMNS.keySet()) {
      columns.add(col(c));
    }
    Column json = to_json(struct(columns.toArray(Column[]::new)));
    return deals
        .filter(col(ServingTables.ID).isNotNull())
        .select(
            lit(SpeedKind.DEAL.name()).as(KIND),
            col(ServingTables.ID).as(KEY),
            lit(0L).as(BUCKET),
            col(Schemas.EVENT_TIME).as(EVENT_TIME),
            lit(true).as(FIRST),
            lit(null).cast("string").as(PRODUCT),
            lit(false).as(ANONYMOUS),
            lit(null).cast("string").as(ORDER),
            lit(0).as(LINE),
            lit(0L).as(UNITS),
            lit(0.0).as(REVENUE),
            col(ServingTables.SUB_CATEGORY).as(SUB_CATEGORY),
            col(ServingTables.DISCOUNT).cast("double").as(DISCOUNT),
            col(ServingTables.PRICE).cast("double").as(PRICE),
            json.as(DEAL),
            col(PARTITION),
            col(OFFSET));
  }

  /**
   * One row per non-null candidate; {@code first} marks the first candidate of an event whose
   * {@code firstOfEvent} holds (an order's line 0).
   */
  private static Dataset<Row> explodeCandidates(
      Dataset<Row> in, List<Column> candidates, Column firstOfEvent) {
    Dataset<Row> withCandidates =
        in.withColumn(CANDIDATES, array(candidates.toArray(Column[]::new)))
            .withColumn(CANDIDATES, expr("filter(" + CANDIDATES + ", c -> c is not null)"))
            .withColumn("first_of_event", firstOfEvent);
    return withCandidates
        .select(
            col(Schemas.EVENT_TIME),
            col("first_of_event"),
            col(PARTITION),
            col(OFFSET),
            col(ORDER),
            col(LINE),
            posexplode_outer(col(CANDIDATES)).as(new String[] {"pos", "c"}))
        .filter(col("c").isNotNull())
        .select(
            col("c." + KIND).as(KIND),
            col("c." + KEY).as(KEY),
            col("c." + BUCKET).as(BUCKET),
            col(Schemas.EVENT_TIME).as(EVENT_TIME),
            col("first_of_event").and(col("pos").equalTo(0)).as(FIRST),
            col("c." + PRODUCT).as(PRODUCT),
            col("c." + ANONYMOUS).as(ANONYMOUS),
            col(ORDER),
            col(LINE),
            col("c." + UNITS).as(UNITS),
            col("c." + REVENUE).as(REVENUE),
            lit(null).cast("string").as(SUB_CATEGORY),
            lit(null).cast("double").as(DISCOUNT),
            lit(null).cast("double").as(PRICE),
            lit(null).cast("string").as(DEAL),
            col(PARTITION),
            col(OFFSET));
  }

  private static Column candidate(
      SpeedKind kind,
      Column key,
      Column bucket,
      Column product,
      Column anonymous,
      Column units,
      Column revenue) {
    return struct(
        lit(kind.name()).as(KIND),
        key.cast("string").as(KEY),
        bucket.as(BUCKET),
        product.cast("string").as(PRODUCT),
        (anonymous == null ? col(Schemas.USER_ID).isNull() : anonymous).as(ANONYMOUS),
        (units == null ? lit(0L) : units).as(UNITS),
        (revenue == null ? lit(0.0) : revenue).as(REVENUE));
  }

  /** The start (epoch ms, UTC-aligned) of the event's bucket of {@code millis}. */
  private static Column bucket(long millis) {
    return floor(unix_millis(col(Schemas.EVENT_TIME)).divide(millis)).multiply(millis);
  }

  private static Column category() {
    return coalesce(col(ServingTables.CATEGORY), lit(ActivityTotals.UNKNOWN_CATEGORY));
  }

  private static Dataset<Row> withCategory(Dataset<Row> events, Dataset<Row> categories) {
    if (categories == null) {
      return events;
    }
    Dataset<Row> lookup =
        categories
            .select(col(Schemas.PRODUCT_ID).as("lookup_product"), col(ServingTables.CATEGORY))
            .dropDuplicates("lookup_product");
    return events
        .join(
            broadcast(lookup),
            events.col(Schemas.PRODUCT_ID).equalTo(lookup.col("lookup_product")),
            "left")
        .drop("lookup_product");
  }
}
