package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_date;

import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The batch views of the serving tables for a range of UTC dates, computed from the lake's page
 * views, orders and deals with the same definitions the speed layer keeps in its state ({@link
 * ActivityTotals}, {@link Sessions}, {@link DealVersions}): the rows {@code serve} writes over the
 * speed layer's for closed dates.
 */
final class BatchViews {
  private static final long HOUR_SECONDS = 3600;

  private BatchViews() {}

  /** item_activity_by_hour rows of the hours of [from, to]. */
  static Dataset<Row> activity(
      Dataset<Row> views, Dataset<Row> orders, LocalDate from, LocalDate to) {
    Dataset<Row> v = ActivityTotals.viewEvents(on(views, from, to), HOUR_SECONDS);
    Dataset<Row> o = ActivityTotals.orderLines(on(orders, from, to), HOUR_SECONDS);
    return ActivityTotals.totals(v, o, ActivityTotals.touched(v, o))
        .withColumnRenamed(ActivityTotals.KEY, ServingTables.PRODUCT_ID)
        .withColumnRenamed(ActivityTotals.BUCKET, ServingTables.HOUR);
  }

  /**
   * trending_categories rows of the windows that start in [from, to], counted over the events of
   * the day after too (a window may cross midnight).
   */
  static Dataset<Row> trends(
      Dataset<Row> views,
      Dataset<Row> orders,
      Dataset<Row> categories,
      Duration window,
      LocalDate from,
      LocalDate to) {
    long seconds = window.toSeconds();
    Dataset<Row> v =
        ActivityTotals.byCategory(
            ActivityTotals.viewEvents(on(views, from, to.plusDays(1)), seconds), categories);
    Dataset<Row> o =
        ActivityTotals.byCategory(
            ActivityTotals.orderLines(on(orders, from, to.plusDays(1)), seconds), categories);
    Dataset<Row> touched =
        ActivityTotals.touched(v, o).filter(inRange(to_date(col(ActivityTotals.BUCKET)), from, to));
    return ActivityTotals.totals(v, o, touched)
        .withColumnRenamed(ActivityTotals.KEY, ServingTables.CATEGORY)
        .withColumnRenamed(ActivityTotals.BUCKET, ServingTables.WINDOW_START)
        .withColumn(
            ServingTables.WINDOW_END,
            timestamp_seconds(col(ServingTables.WINDOW_START).cast("long").plus(lit(seconds))));
  }

  /**
   * The page views sessions are cut from: [from - 1 day, to + 1 day], so sessions that cross
   * midnight at either end are whole.
   */
  static Dataset<Row> sessionViews(Dataset<Row> views, LocalDate from, LocalDate to) {
    return on(views, from.minusDays(1), to.plusDays(1));
  }

  /**
   * sessions_by_user rows (with session_date) of the sessions that start in [from, to]; closed when
   * {@code latest} (the latest page view read) is more than the gap past their last view.
   */
  static Dataset<Row> sessions(
      Dataset<Row> sessionViews, Duration gap, Timestamp latest, LocalDate from, LocalDate to) {
    return Sessions.sessionize(Sessions.visits(sessionViews), gap, latest)
        .filter(inRange(col(Sessions.SESSION_DATE), from, to));
  }

  /** Every version of the deals that have a version dated in [from, to]. */
  static Dataset<Row> dealVersions(Dataset<Row> deals, LocalDate from, LocalDate to) {
    Dataset<Row> ids = on(deals, from, to).select(ServingTables.ID).distinct();
    return deals.join(ids, ActivityTotals.seq(ServingTables.ID), "left_semi");
  }

  private static Dataset<Row> on(Dataset<Row> events, LocalDate from, LocalDate to) {
    return events.filter(inRange(col(Schemas.EVENT_DATE), from, to));
  }

  private static Column inRange(Column date, LocalDate from, LocalDate to) {
    return date.between(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
  }
}
