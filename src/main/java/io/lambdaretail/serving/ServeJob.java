package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.lambdaretail.serving.CassandraStore.Write;
import io.lambdaretail.spark.LakeTables;
import io.lambdaretail.spark.Schemas;
import io.lambdaretail.spark.SparkSessions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code serve}: the batch layer's side of the serving tables. Recomputes item_activity_by_hour,
 * trending_categories, sessions_by_user and deals_by_category for a range of dates from the lake
 * and overwrites the speed layer's rows for them: events the speed layer skipped as late, a replay,
 * a backfill, all end up counted once. Idempotent: every write is an absolute value, and the
 * deletes (a visitor's sessions of the range, earlier deal versions) carry the job's start time as
 * their write time, so they never remove a row written after the job began.
 */
public final class ServeJob {
  private final SparkSession spark;
  private final ServeOptions options;

  public ServeJob(SparkSession spark, ServeOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public Map<String, Object> run() {
    long start = System.nanoTime();
    long startMicros = Instant.now().toEpochMilli() * 1000;
    SparkSessions.useFewShufflePartitions(spark);
    Map<String, Object> sources = new LinkedHashMap<>();
    Dataset<Row> views = read(options.pdpviews(), "pdpviews", sources);
    Dataset<Row> orders = read(options.transactions(), "transactions", sources);
    Dataset<Row> deals = read(options.deals(), "deals", sources);
    ServingOptions cassandra = options.cassandra();
    Map<String, Long> written = new TreeMap<>();
    long replaced = 0;
    long stale = 0;
    try (ServingWriter serving = new ServingWriter(spark, cassandra)) {
      serving.start();
      CassandraStore store = serving.store();
      Dataset<Row> anyViews = orEmpty(views, Schemas.PDPVIEWS_TABLE);
      Dataset<Row> anyOrders = orEmpty(orders, Schemas.TRANSACTIONS_TABLE);
      if (views != null || orders != null) {
        written.put(
            ServingTables.ITEM_ACTIVITY,
            upsert(
                store,
                BatchViews.activity(anyViews, anyOrders, options.from(), options.to()),
                ServingTables.ITEM_ACTIVITY,
                false));
        if (cassandra.itemCategories() != null) {
          Dataset<Row> trends =
              BatchViews.trends(
                  anyViews,
                  anyOrders,
                  categories(cassandra.itemCategories()),
                  cassandra.trendWindow(),
                  options.from(),
                  options.to());
          written.put(ServingTables.TRENDS, upsert(store, trends, ServingTables.TRENDS, true));
        }
      }
      if (views != null) {
        long[] counts = sessions(store, views, startMicros);
        replaced = counts[0];
        written.put(ServingTables.SESSIONS, counts[1]);
      }
      if (deals != null) {
        long[] counts = deals(store, deals, startMicros);
        stale = counts[0];
        written.put(ServingTables.DEALS, counts[1]);
      }
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("from", options.from().toString());
    s.put("to", options.to().toString());
    s.put("sources", sources);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("keyspace", cassandra.keyspace());
    c.put("tables", written);
    c.put("visitors_sessions_replaced", replaced);
    c.put("stale_rows_deleted", stale);
    s.put("cassandra", c);
    s.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
    return s;
  }

  /** Replaces each visitor's sessions of the range: range delete, then the recomputed rows. */
  private long[] sessions(CassandraStore store, Dataset<Row> views, long startMicros) {
    Dataset<Row> read =
        BatchViews.sessionViews(views, options.from(), options.to())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row latest = read.agg(max(col(Schemas.EVENT_TIME))).first();
      if (latest.isNullAt(0)) {
        return new long[] {0, 0};
      }
      Dataset<Row> sessions =
          BatchViews.sessions(
                  read,
                  options.cassandra().sessionGap(),
                  latest.getTimestamp(0),
                  options.from(),
                  options.to())
              .drop(Sessions.SESSION_DATE)
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<Write> deletes = new ArrayList<>();
        String cql =
            "DELETE FROM "
                + Cql.qualified(store.keyspace(), ServingTables.SESSIONS)
                + " USING TIMESTAMP ? WHERE "
                + Cql.quote(ServingTables.USER_ID)
                + " = ? AND "
                + Cql.quote(ServingTables.SESSION_START)
                + " >= ? AND "
                + Cql.quote(ServingTables.SESSION_START)
                + " < ?";
        Instant from = options.from().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant until = options.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Row visitor : sessions.select(ServingTables.USER_ID).distinct().collectAsList()) {
          deletes.add(Write.of(cql, startMicros, visitor.getString(0), from, until));
        }
        store.writeAll("replacing the sessions of " + deletes.size() + " visitors", deletes);
        return new long[] {deletes.size(), upsert(store, sessions, ServingTables.SESSIONS, false)};
      } finally {
        sessions.unpersist();
      }
    } finally {
      read.unpersist();
    }
  }

  /** The latest version of each deal dated in the range; its other versions' keys deleted. */
  private long[] deals(CassandraStore store, Dataset<Row> deals, long startMicros) {
    Dataset<Row> versions =
        BatchViews.dealVersions(deals, options.from(), options.to())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> latest = DealVersions.latest(versions);
      String cql =
          "DELETE FROM "
              + Cql.qualified(store.keyspace(), ServingTables.DEALS)
              + " USING TIMESTAMP ? WHERE "
              + String.join(
                  " AND ", DealVersions.KEY.stream().map(k -> Cql.quote(k) + " = ?").toList());
      List<Write> deletes = new ArrayList<>();
      for (Row k : DealVersions.staleKeys(versions, latest).collectAsList()) {
        deletes.add(Write.of(cql, startMicros, k.get(0), k.get(1), k.get(2), k.get(3)));
      }
      store.writeAll("deleting earlier deal versions", deletes);
      return new long[] {
        deletes.size(), upsert(store, DealVersions.rows(latest), ServingTables.DEALS, false)
      };
    } finally {
      versions.unpersist();
    }
  }

  private long upsert(CassandraStore store, Dataset<Row> rows, String table, boolean ttl) {
    Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      store.upsert(cached, table, ttl ? options.cassandra().trendTtl() : null);
      return cached.count();
    } finally {
      cached.unpersist();
    }
  }

  /** The table, or null (recorded as such) when it was not given or does not exist yet. */
  private Dataset<Row> read(String path, String name, Map<String, Object> sources) {
    boolean present = path != null && LakeTables.exists(spark, path);
    sources.put(name, present ? path : null);
    return present ? LakeTables.read(spark, path) : null;
  }

  private Dataset<Row> orEmpty(Dataset<Row> table, StructType schema) {
    return table != null ? table : spark.createDataFrame(List.of(), schema);
  }

  private Dataset<Row> categories(String path) {
    return spark
        .read()
        .option("header", "true")
        .schema(Schemas.ITEMS_FEATURES)
        .csv(path)
        .select(Schemas.PRODUCT_ID, ServingTables.CATEGORY);
  }
}
