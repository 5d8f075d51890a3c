package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code sessions_by_user} and the Delta {@code sessions} table. Per batch, with W the watermark
 * after it and W' the one before (the latest view outside the batch), the sessions recomputed are
 * those of visitors with a view at or after min(W' - gap, the batch's first view): every session
 * the batch extends and every one that closes because W passed it. They are computed from those
 * visitors' views of the {@link #LOOKBACK} before that point onwards (a session longer than that is
 * cut at its start). Closed sessions not yet in Delta {@code sessions} are appended there with the
 * batch's transaction id, so a replay appends nothing twice.
 *
 * <p>Cost per batch: the page views of the day before the batch on. Limits: views that arrive out
 * of order can merge two sessions already written, and the earlier row then stays in {@code
 * sessions_by_user} beside the merged one; after a pause of more than a day in page views, sessions
 * open before it are closed when their visitor is next seen.
 */
final class SessionWriter {
  static final Duration LOOKBACK = Duration.ofDays(1);
  private static final String PARTITION = "kafka_partition";
  private static final String OFFSET = "kafka_offset";

  private final SparkSession spark;
  private final CassandraStore store;
  private final Duration gap;
  private final ServingStats stats;

  SessionWriter(SparkSession spark, CassandraStore store, Duration gap, ServingStats stats) {
    this.spark = spark;
    this.store = store;
    this.gap = gap;
    this.stats = stats;
  }

  void write(Dataset<Row> batch, Dataset<Row> all, String deltaPath, String appId, long batchId) {
    Row bounds = batch.agg(min(Schemas.EVENT_TIME)).first();
    if (bounds.isNullAt(0)) {
      return;
    }
    Timestamp batchStart = bounds.getTimestamp(0);
    // the watermarks come from the last day before the batch on: a per-batch cost bounded by a
    // day of views, not by the table (after a pause of more than a day, sessions left open before
    // it close when their visitor is next seen)
    Timestamp horizon = new Timestamp(batchStart.getTime() - LOOKBACK.toMillis());
    Row marks =
        since(all, horizon)
            .agg(max(Schemas.EVENT_TIME), max(when(not(inBatch(batch)), col(Schemas.EVENT_TIME))))
            .first();
    Timestamp watermark = marks.getTimestamp(0);
    Timestamp before = marks.isNullAt(1) ? null : marks.getTimestamp(1);
    Timestamp relevant = batchStart;
    if (before != null && before.getTime() - gap.toMillis() < batchStart.getTime()) {
      relevant = new Timestamp(before.getTime() - gap.toMillis());
    }
    Timestamp from = new Timestamp(relevant.getTime() - LOOKBACK.toMillis());
    Dataset<Row> recent = since(all, from);
    Dataset<Row> visits = Sessions.visits(recent);
    Dataset<Row> visitors =
        visits
            .filter(col(Schemas.EVENT_TIME).geq(lit(relevant)))
            .select(ServingTables.USER_ID)
            .distinct();
    Dataset<Row> sessions =
        Sessions.sessionize(
                visits.join(visitors, ActivityTotals.seq(ServingTables.USER_ID), "left_semi"),
                gap,
                watermark)
            .filter(col(ServingTables.SESSION_END).geq(lit(relevant)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      store.upsert(sessions.drop(Sessions.SESSION_DATE), ServingTables.SESSIONS, null);
      stats.written(ServingTables.SESSIONS, sessions.count());
      appendClosed(sessions, deltaPath, appId, batchId);
    } finally {
      sessions.unpersist();
    }
  }

  private void appendClosed(Dataset<Row> sessions, String path, String appId, long batchId) {
    Dataset<Row> closed =
        sessions
            .filter(col(ServingTables.STATUS).equalTo(Sessions.CLOSED))
            .drop(ServingTables.STATUS);
    if (DeltaTable.isDeltaTable(spark, path)) {
      Dataset<Row> known =
          spark
              .read()
              .format("delta")
              .load(path)
              .select(ServingTables.USER_ID, ServingTables.SESSION_START);
      closed =
          closed.join(
              known,
              ActivityTotals.seq(ServingTables.USER_ID, ServingTables.SESSION_START),
              "left_anti");
    }
    closed = closed.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = closed.count();
      if (n > 0) {
        closed
            .write()
            .format("delta")
            .mode(SaveMode.Append)
            .option("txnAppId", appId)
            .option("txnVersion", batchId)
            .partitionBy(Sessions.SESSION_DATE)
            .save(path);
      }
      stats.sessionsClosed(n);
    } finally {
      closed.unpersist();
    }
  }

  /** Views at or after {@code from}, reading only the event dates that can hold them. */
  private static Dataset<Row> since(Dataset<Row> views, Timestamp from) {
    return views.filter(
        col(Schemas.EVENT_DATE)
            .geq(to_date(lit(from)))
            .and(col(Schemas.EVENT_TIME).geq(lit(from))));
  }

  /** The batch's own rows of the page-view table: its offset range in each Kafka partition. */
  private static Column inBatch(Dataset<Row> batch) {
    List<Row> ranges = batch.groupBy(PARTITION).agg(min(OFFSET), max(OFFSET)).collectAsList();
    Column in = lit(false);
    for (Row r : ranges) {
      in =
          in.or(
              col(PARTITION)
                  .equalTo(r.getInt(0))
                  .and(col(OFFSET).between(r.getLong(1), r.getLong(2))));
    }
    return in;
  }
}
