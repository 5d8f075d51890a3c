package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.to_date;

import io.lambdaretail.serving.CassandraStore.Write;
import io.lambdaretail.spark.IdempotentAppend;
import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the speed layer's {@code foreachBatch}: the state function's updates of one
 * micro-batch, collected to the driver in one action (they are one row per key the batch touched,
 * far fewer than its events; a second action would run the state function again) and written
 * through the job's one Cassandra session, asynchronously; sessions that closed are appended to the
 * Delta {@code sessions} table tagged with the batch id ({@link IdempotentAppend}), so a replay
 * appends nothing twice.
 */
final class SpeedWriter implements VoidFunction2<Dataset<Row>, Long> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SpeedWriter.class);
  private static final String DEAL_ROW = "deal_row";

  /** The Delta {@code sessions} table: a closed session per row, by the date it started. */
  static final StructType SESSIONS_TABLE =
      new StructType()
          .add(ServingTables.USER_ID, DataTypes.StringType, true)
          .add(ServingTables.SESSION_START, DataTypes.TimestampType, true)
          .add(ServingTables.SESSION_END, DataTypes.TimestampType, true)
          .add(ServingTables.ANONYMOUS, DataTypes.BooleanType, true)
          .add(ServingTables.VIEWS, DataTypes.IntegerType, true)
          .add(ServingTables.PRODUCTS, DataTypes.createArrayType(DataTypes.StringType, true), true);

  private final transient SparkSession spark;
  private final transient CassandraStore store;
  private final transient ServingStats stats;
  private final ServingOptions options;
  private final String sessionsPath;
  private final IdempotentAppend delta;
  private final CqlTemplates cql;

  SpeedWriter(
      SparkSession spark,
      CassandraStore store,
      ServingStats stats,
      ServingOptions options,
      String sessionsPath,
      String appId) {
    this.spark = spark;
    this.store = store;
    this.stats = stats;
    this.options = options;
    this.sessionsPath = sessionsPath;
    this.delta = new IdempotentAppend(appId);
    this.cql = new CqlTemplates(options.keyspace());
  }

  @Override
  public void call(Dataset<Row> updates, Long batchId) {
    long start = System.nanoTime();
    List<Row> rows =
        updates.withColumn(DEAL_ROW, from_json(col("deal"), dealSchema())).collectAsList();
    long collected = System.nanoTime();
    Batch batch = new Batch();
    for (Row r : rows) {
      batch.add(r);
    }
    store.writeAll("writing the serving tables of batch " + batchId, batch.writes);
    long written = System.nanoTime();
    batch.written.forEach(stats::written);
    stats.deleted(batch.dealDeletes);
    stats.late(batch.late);
    if (batch.unkeyedDeals > 0) {
      stats.skipped(
          ServingTables.DEALS, batch.unkeyedDeals, "sub_category, discount or price is null");
    }
    appendClosed(batch.closed, batchId);
    if (!rows.isEmpty()) {
      long end = System.nanoTime();
      LOG.info(
          "serving batch {}: {} Cassandra writes, {} sessions closed, {} late events in {} ms"
              + " (state {} ms, Cassandra {} ms, Delta {} ms)",
          batchId,
          batch.writes.size(),
          batch.closed.size(),
          batch.late,
          millis(end - start),
          millis(collected - start),
          millis(written - collected),
          millis(end - written));
    }
  }

  private void appendClosed(List<Row> closed, long batchId) {
    if (closed.isEmpty()) {
      return;
    }
    Dataset<Row> sessions =
        spark
            .createDataFrame(closed, SESSIONS_TABLE)
            .withColumn(Sessions.SESSION_DATE, to_date(col(ServingTables.SESSION_START)));
    delta.append(sessions, sessionsPath, batchId, false, Sessions.SESSION_DATE);
    stats.sessionsClosed(closed.size());
  }

  private static StructType dealSchema() {
    StructType s = new StructType();
    for (String c : DealVersions.KEY) {
      s = s.add(Schemas.DEALS_TABLE.apply(c));
    }
    for (String c : DealVersions.OTHER_COLUMNS.keySet()) {
      s = s.add(Schemas.DEALS_TABLE.apply(c));
    }
    return s;
  }

  /** One batch's writes, sorted out by update kind. */
  private final class Batch {
    final List<Write> writes = new ArrayList<>();
    final List<Row> closed = new ArrayList<>();
    final java.util.Map<String, Long> written = new java.util.TreeMap<>();
    long late;
    long dealDeletes;
    long unkeyedDeals;

    void add(Row r) {
      String key = r.getString(SpeedUpdates.KEY);
      switch (r.getString(SpeedUpdates.UPDATE)) {
        case SpeedUpdates.TOTALS -> totals(r, key);
        case SpeedUpdates.SESSION -> session(r, key);
        case SpeedUpdates.SESSION_DELETE ->
            writes.add(
                Write.of(cql.deleteSession(), key, instant(r.getLong(SpeedUpdates.SESSION_START))));
        case SpeedUpdates.DEAL -> deal(r, key);
        case SpeedUpdates.DEAL_DELETE -> {
          writes.add(
              Write.of(
                  cql.deleteDeal(),
                  r.getString(SpeedUpdates.SUB_CATEGORY),
                  r.getDouble(SpeedUpdates.DISCOUNT),
                  r.getDouble(SpeedUpdates.PRICE),
                  key));
          dealDeletes++;
        }
        case SpeedUpdates.LATE -> late += r.getLong(SpeedUpdates.LATE_EVENTS);
        default -> throw new IllegalStateException("unknown update " + r);
      }
    }

    private void totals(Row r, String key) {
      Instant bucket = instant(r.getLong(SpeedUpdates.BUCKET));
      Object views = r.getLong(SpeedUpdates.VIEWS);
      Object purchases = r.getLong(SpeedUpdates.PURCHASES);
      Object units = r.getLong(SpeedUpdates.UNITS);
      Object revenue = r.getDouble(SpeedUpdates.REVENUE);
      if (SpeedKind.valueOf(r.getString(SpeedUpdates.KIND)) == SpeedKind.ACTIVITY) {
        writes.add(
            Write.inPartition(key, cql.activity(), key, bucket, views, purchases, units, revenue));
        count(ServingTables.ITEM_ACTIVITY);
      } else {
        Instant end = bucket.plus(options.trendWindow());
        int ttl = (int) options.trendTtl().toSeconds();
        writes.add(
            Write.inPartition(
                bucket, cql.trend(), bucket, key, end, views, purchases, units, revenue, ttl));
        count(ServingTables.TRENDS);
      }
    }

    private void session(Row r, String key) {
      Instant start = instant(r.getLong(SpeedUpdates.SESSION_START));
      Instant end = instant(r.getLong(SpeedUpdates.SESSION_END));
      boolean anonymous = r.getBoolean(SpeedUpdates.ANONYMOUS);
      int views = r.getInt(SpeedUpdates.SESSION_VIEWS);
      List<String> products = r.getList(SpeedUpdates.PRODUCTS);
      String status = r.getString(SpeedUpdates.STATUS);
      writes.add(
          Write.inPartition(
              key, cql.session(), key, start, end, anonymous, views, products, status));
      count(ServingTables.SESSIONS);
      if (Sessions.CLOSED.equals(status)) {
        closed.add(
            RowFactory.create(
                key,
                Timestamp.from(start),
                Timestamp.from(end),
                anonymous,
                views,
                products.toArray(String[]::new)));
      }
    }

    private void deal(Row r, String key) {
      if (r.isNullAt(SpeedUpdates.SUB_CATEGORY)
          || r.isNullAt(SpeedUpdates.DISCOUNT)
          || r.isNullAt(SpeedUpdates.PRICE)) {
        unkeyedDeals++;
        return;
      }
      Row deal = r.getAs(DEAL_ROW);
      List<Object> values = new ArrayList<>();
      values.add(r.getString(SpeedUpdates.SUB_CATEGORY));
      values.add(r.getDouble(SpeedUpdates.DISCOUNT));
      values.add(r.getDouble(SpeedUpdates.PRICE));
      values.add(key);
      int i = DealVersions.KEY.size();
      for (String c : DealVersions.OTHER_COLUMNS.keySet()) {
        Object v = deal.isNullAt(i) ? null : deal.get(i);
        values.add(v instanceof Timestamp t ? t.toInstant() : v);
        i++;
      }
      writes.add(Write.inPartition(values.get(0), cql.deal(), values.toArray()));
      count(ServingTables.DEALS);
    }

    private void count(String table) {
      written.merge(table, 1L, Long::sum);
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static Instant instant(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  /** The CQL of the speed layer's writes, every name quoted; built once, not per row. */
  private static final class CqlTemplates implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String activity;
    private final String trend;
    private final String session;
    private final String deal;
    private final String deleteSession;
    private final String deleteDeal;

    CqlTemplates(String keyspace) {
      this.activity = insert(keyspace, ServingTables.itemActivity(), false);
      this.trend = insert(keyspace, ServingTables.trends(), true);
      this.session = insert(keyspace, ServingTables.sessions(), false);
      this.deal = insert(keyspace, ServingTables.deals(), false);
      this.deleteSession = delete(keyspace, ServingTables.sessions());
      this.deleteDeal = delete(keyspace, ServingTables.deals());
    }

    String activity() {
      return activity;
    }

    String trend() {
      return trend;
    }

    String session() {
      return session;
    }

    String deal() {
      return deal;
    }

    String deleteSession() {
      return deleteSession;
    }

    String deleteDeal() {
      return deleteDeal;
    }

    private static String insert(String keyspace, TableDesign t, boolean ttl) {
      String names =
          t.columns().keySet().stream().map(Cql::quote).collect(Collectors.joining(", "));
      String marks = t.columns().keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
      return "INSERT INTO "
          + Cql.qualified(keyspace, t.name())
          + " ("
          + names
          + ") VALUES ("
          + marks
          + ")"
          + (ttl ? " USING TTL ?" : "");
    }

    private static String delete(String keyspace, TableDesign t) {
      return "DELETE FROM "
          + Cql.qualified(keyspace, t.name())
          + " WHERE "
          + t.primaryKey().stream()
              .map(c -> Cql.quote(c) + " = ?")
              .collect(Collectors.joining(" AND "));
    }
  }
}
