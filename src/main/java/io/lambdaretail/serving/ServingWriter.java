package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes one micro-batch to the Cassandra serving tables, after its Delta commits: the topics' own
 * tables from the batch's typed rows, and the serving tables from totals recomputed over the lake's
 * typed tables (which already hold the batch), so every write is an idempotent upsert. The cost per
 * batch is a read of the lake's rows for the hours, windows, deals and visitors the batch touches
 * (pruned by event date), plus one pass over page views' event times for the watermark.
 */
public final class ServingWriter {
  /** The lake tables the serving tables are computed from, and the Delta {@code sessions} table. */
  public record Lake(String pdpviews, String transactions, String deals, String sessions) {}

  public static final String PDPVIEWS = "pdpviews";
  public static final String TRANSACTIONS = "transactions";
  public static final String DEALS = "deals";
  private static final long HOUR_SECONDS = 3600;

  private final SparkSession spark;
  private final ServingOptions options;
  private final Lake lake;
  private final String appId;
  private final CassandraStore store;
  private final ServingStats stats = new ServingStats();
  private final TopicTables topics;
  private final SessionWriter sessions;
  private Dataset<Row> categories;

  public ServingWriter(SparkSession spark, ServingOptions options, Lake lake, String appId) {
    this.spark = spark;
    this.options = options;
    this.lake = lake;
    this.appId = appId;
    this.store = new CassandraStore(spark, options);
    this.topics = new TopicTables(store, options.topicKeys(), stats);
    this.sessions = new SessionWriter(spark, store, options.sessionGap(), stats);
  }

  /** Creates the keyspace and the serving tables when missing. */
  public void start() {
    store.execute(
        "creating keyspace " + options.keyspace(),
        ServingTables.createKeyspaceCql(options.keyspace(), options.replication()));
    for (TableDesign t : ServingTables.all()) {
      store.execute("creating table " + t.name(), t.createCql(options.keyspace()));
    }
  }

  public ServingStats stats() {
    return stats;
  }

  /**
   * @param typed each topic's typed rows of this batch (committed to Delta already)
   */
  public void write(long batchId, Map<String, Dataset<Row>> typed) {
    typed.forEach(topics::write);
    Dataset<Row> views = typed.get(PDPVIEWS);
    Dataset<Row> orders = typed.get(TRANSACTIONS);
    if (views != null || orders != null) {
      totals(views, orders, HOUR_SECONDS, false);
      if (options.itemCategories() != null) {
        totals(views, orders, options.trendWindow().toSeconds(), true);
      }
    }
    if (typed.containsKey(DEALS)) {
      deals(typed.get(DEALS));
    }
    if (views != null) {
      sessions.write(
          views, read(lake.pdpviews(), Schemas.PDPVIEWS_TABLE), lake.sessions(), appId, batchId);
    }
  }

  /** item_activity_by_hour, or trending_categories by category per trend window. */
  private void totals(Dataset<Row> views, Dataset<Row> orders, long seconds, boolean byCategory) {
    Dataset<Row> batchViews = events(views, Schemas.PDPVIEWS_TABLE, seconds, true, byCategory);
    Dataset<Row> batchLines =
        events(orders, Schemas.TRANSACTIONS_TABLE, seconds, false, byCategory);
    Dataset<Row> touched =
        ActivityTotals.touched(batchViews, batchLines).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> dates = dates(touched, seconds);
      Dataset<Row> allViews =
          events(
              pruned(lake.pdpviews(), Schemas.PDPVIEWS_TABLE, dates),
              null,
              seconds,
              true,
              byCategory);
      Dataset<Row> allLines =
          events(
              pruned(lake.transactions(), Schemas.TRANSACTIONS_TABLE, dates),
              null,
              seconds,
              false,
              byCategory);
      Dataset<Row> totals = ActivityTotals.totals(allViews, allLines, touched);
      String table = byCategory ? ServingTables.TRENDS : ServingTables.ITEM_ACTIVITY;
      Dataset<Row> rows =
          byCategory
              ? totals
                  .withColumnRenamed(ActivityTotals.KEY, ServingTables.CATEGORY)
                  .withColumnRenamed(ActivityTotals.BUCKET, ServingTables.WINDOW_START)
                  .withColumn(
                      ServingTables.WINDOW_END,
                      org.apache.spark.sql.functions.timestamp_seconds(
                          col(ServingTables.WINDOW_START).cast("long").plus(lit(seconds))))
              : totals
                  .withColumnRenamed(ActivityTotals.KEY, ServingTables.PRODUCT_ID)
                  .withColumnRenamed(ActivityTotals.BUCKET, ServingTables.HOUR);
      rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
      try {
        store.upsert(rows, table, byCategory ? options.trendTtl() : null);
        stats.written(table, rows.count());
      } finally {
        rows.unpersist();
      }
    } finally {
      touched.unpersist();
    }
  }

  private Dataset<Row> events(
      Dataset<Row> rows, StructType schema, long seconds, boolean views, boolean byCategory) {
    Dataset<Row> source = rows == null ? spark.createDataFrame(List.of(), schema) : rows;
    Dataset<Row> events =
        views
            ? ActivityTotals.viewEvents(source, seconds)
            : ActivityTotals.orderLines(source, seconds);
    return byCategory ? ActivityTotals.byCategory(events, categories()) : events;
  }

  private void deals(Dataset<Row> batchDeals) {
    Dataset<Row> ids = batchDeals.select(ServingTables.ID).distinct();
    Dataset<Row> versions =
        read(lake.deals(), Schemas.DEALS_TABLE)
            .join(ids, ActivityTotals.seq(ServingTables.ID), "left_semi")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> latest = DealVersions.latest(versions);
      List<Row> stale = DealVersions.staleKeys(versions, latest).collectAsList();
      store.delete(ServingTables.DEALS, DealVersions.KEY, stale);
      stats.deleted(stale.size());
      Dataset<Row> rows = DealVersions.rows(latest).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        store.upsert(rows, ServingTables.DEALS, null);
        long written = rows.count();
        long all = latest.count();
        stats.written(ServingTables.DEALS, written);
        if (written < all) {
          stats.skipped(
              ServingTables.DEALS, all - written, "sub_category, discount or price is null");
        }
      } finally {
        rows.unpersist();
      }
    } finally {
      versions.unpersist();
    }
  }

  private Dataset<Row> categories() {
    if (categories == null) {
      categories =
          spark
              .read()
              .option("header", "true")
              .schema(Schemas.ITEMS_FEATURES)
              .csv(options.itemCategories())
              .select(Schemas.PRODUCT_ID, ServingTables.CATEGORY)
              .persist(StorageLevel.MEMORY_AND_DISK());
    }
    return categories;
  }

  /** The Delta table, or no rows of its contract when the topic has never been written. */
  private Dataset<Row> read(String path, StructType schema) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().format("delta").load(path);
  }

  private Dataset<Row> pruned(String path, StructType schema, List<String> dates) {
    return read(path, schema).filter(col(Schemas.EVENT_DATE).cast("string").isin(dates.toArray()));
  }

  /** Every UTC date a touched bucket covers, for partition pruning. */
  private static List<String> dates(Dataset<Row> touched, long seconds) {
    List<Timestamp> buckets =
        touched.select(ActivityTotals.BUCKET).distinct().as(Encoders.TIMESTAMP()).collectAsList();
    TreeSet<String> dates = new TreeSet<>();
    for (Timestamp b : buckets) {
      LocalDate first = b.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
      LocalDate last =
          b.toInstant()
              .plus(Duration.ofSeconds(seconds - 1))
              .atOffset(ZoneOffset.UTC)
              .toLocalDate();
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        dates.add(d.toString());
      }
    }
    return new ArrayList<>(dates);
  }
}
