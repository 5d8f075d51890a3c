package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.time.Duration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Session windows over page views: a visitor's views no more than {@code gap} apart form one
 * session. A visitor is the user, or the browser for anonymous views. A session is closed once the
 * stream's event-time watermark (the latest page view seen) is more than {@code gap} past its last
 * view: no view in order can extend it any more. Deterministic for given views and watermark, so a
 * replayed micro-batch recomputes the same sessions.
 */
final class Sessions {
  static final String OPEN = "open";
  static final String CLOSED = "closed";
  static final String SESSION_DATE = "session_date";

  private Sessions() {}

  /** Page views (typed pdpviews rows) as (user_id, anonymous, product_id, event_time). */
  static Dataset<Row> visits(Dataset<Row> views) {
    return views
        .select(
            coalesce(col(Schemas.USER_ID), col(Schemas.BROWSER_ID)).as(ServingTables.USER_ID),
            col(Schemas.USER_ID).isNull().as(ServingTables.ANONYMOUS),
            col(Schemas.PRODUCT_ID),
            col(Schemas.EVENT_TIME))
        .filter(col(ServingTables.USER_ID).isNotNull().and(col(Schemas.EVENT_TIME).isNotNull()));
  }

  /**
   * The sessions of the visits: user_id, session_start, session_end, anonymous, views, products
   * (distinct, in order of first view), status, session_date.
   */
  static Dataset<Row> sessionize(Dataset<Row> visits, Duration gap, Timestamp watermark) {
    double gapSeconds = gap.toMillis() / 1000.0;
    WindowSpec byTime =
        Window.partitionBy(ServingTables.USER_ID)
            .orderBy(col(Schemas.EVENT_TIME), col(Schemas.PRODUCT_ID));
    Column seconds = col(Schemas.EVENT_TIME).cast("double");
    Column previous = lag(seconds, 1).over(byTime);
    Column starts =
        when(previous.isNull().or(seconds.minus(previous).gt(gapSeconds)), 1).otherwise(0);
    Dataset<Row> numbered =
        visits.withColumn(
            "session_no",
            sum(starts).over(byTime.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    Dataset<Row> grouped =
        numbered
            .groupBy(col(ServingTables.USER_ID), col("session_no"))
            .agg(
                min(Schemas.EVENT_TIME).as(ServingTables.SESSION_START),
                max(Schemas.EVENT_TIME).as(ServingTables.SESSION_END),
                max(col(ServingTables.ANONYMOUS).cast("int"))
                    .equalTo(1)
                    .as(ServingTables.ANONYMOUS),
                count(lit(1)).cast("int").as(ServingTables.VIEWS),
                collect_list(struct(col(Schemas.EVENT_TIME), col(Schemas.PRODUCT_ID)))
                    .as("viewed"));
    Column closed =
        lit(watermark)
            .cast("double")
            .minus(col(ServingTables.SESSION_END).cast("double"))
            .gt(gapSeconds);
    return grouped.select(
        col(ServingTables.USER_ID),
        col(ServingTables.SESSION_START),
        col(ServingTables.SESSION_END),
        col(ServingTables.ANONYMOUS),
        col(ServingTables.VIEWS),
        expr("array_distinct(transform(array_sort(viewed), v -> v." + Schemas.PRODUCT_ID + "))")
            .as(ServingTables.PRODUCTS),
        when(closed, lit(CLOSED)).otherwise(lit(OPEN)).as(ServingTables.STATUS),
        to_date(col(ServingTables.SESSION_START)).as(SESSION_DATE));
  }
}
