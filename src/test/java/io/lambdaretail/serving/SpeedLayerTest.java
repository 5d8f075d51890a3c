package io.lambdaretail.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.spark.Schemas;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The speed layer's stateful transformation on in-memory streams ({@link MemoryStream}), batch by
 * batch: totals carried in state, late events counted and skipped, sessions extended, merged and
 * closed by the watermark, a deal's earlier version deleted.
 */
@ExtendWith(SharedSpark.class)
class SpeedLayerTest {
  private static final Date DAY = Date.valueOf("2026-11-23");
  private static final StructType VIEW = withKafka(Schemas.PDPVIEWS_TABLE);
  private static final StructType ORDER = withKafka(Schemas.TRANSACTIONS_TABLE);
  private static final StructType DEAL = withKafka(Schemas.DEALS_TABLE);

  @TempDir Path dir;
  private final AtomicLong offset = new AtomicLong();
  private MemoryStream<Row> views;
  private MemoryStream<Row> orders;
  private MemoryStream<Row> deals;
  private StreamingQuery query;
  private String table;

  @BeforeEach
  void start(SparkSession spark) throws Exception {
    views = new MemoryStream<>(1, spark.sqlContext(), Option.empty(), Encoders.row(VIEW));
    orders = new MemoryStream<>(2, spark.sqlContext(), Option.empty(), Encoders.row(ORDER));
    deals = new MemoryStream<>(3, spark.sqlContext(), Option.empty(), Encoders.row(DEAL));
    Dataset<Row> categories =
        spark.createDataFrame(
            List.of(RowFactory.create("p1", "footwear"), RowFactory.create("p2", "hats")),
            new StructType()
                .add(Schemas.PRODUCT_ID, DataTypes.StringType)
                .add(ServingTables.CATEGORY, DataTypes.StringType));
    ServingOptions options =
        new ServingOptions(
            "127.0.0.1",
            9042,
            "ks",
            Replication.parse("SimpleStrategy:1"),
            Map.of(),
            Duration.ofMinutes(30),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            "items.csv",
            0,
            Duration.ofSeconds(1),
            Duration.ofHours(1),
            4,
            null);
    table = "speed_" + Math.abs(System.nanoTime());
    query =
        SpeedLayer.updates(
                new SpeedLayer.Input(views.toDF(), orders.toDF(), deals.toDF()),
                categories,
                options)
            .writeStream()
            .format("memory")
            .queryName(table)
            .outputMode("update")
            .option("checkpointLocation", dir.resolve("checkpoint").toString())
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    query.stop();
  }

  @Test
  void totalsSessionsAndDealsFollowTheEventsBatchByBatch(SparkSession spark) {
    batch(
        List.of(view("u1", "p1", "10:05"), view("u1", "p1", "10:10"), view(null, "p2", "10:20")),
        List.of(order("o1", "10:30", line("p1", 2, 5.0), line("p2", 1, 3.0))),
        List.of(deal("d1", 10, 90, "10:00")));
    // o1 again (Kafka delivered it twice): one purchase; u1's session grows
    batch(
        List.of(view("u1", "p2", "10:35")),
        List.of(
            order("o1", "10:30", line("p1", 2, 5.0), line("p2", 1, 3.0)),
            order("o2", "10:50", line("p1", 1, 5.0))),
        List.of(deal("d1", 30, 70, "11:00")));

    assertThat(latest(spark, "TOTALS", "ACTIVITY", "p1"))
        .as("views/purchases/units/revenue of p1 at 10:00")
        .isEqualTo("2/2/3/15.0");
    assertThat(latest(spark, "TOTALS", "TREND", "footwear"))
        .as("the 15-minute window from 10:00 of p1's category")
        .isEqualTo("2/0/0/0.0");
    assertThat(sessions(spark, "u1"))
        .as("the session row after each batch")
        .containsExactly("10:05-10:10 2 [p1] open", "10:05-10:35 3 [p1, p2] open");
    assertThat(rows(spark, "update = 'DEAL_DELETE'"))
        .as("d1's earlier key is deleted")
        .containsExactly("d1 s1 10.0 90.0");
    assertThat(rows(spark, "update = 'DEAL' AND key = 'd1'"))
        .containsExactly("d1 s1 10.0 90.0", "d1 s1 30.0 70.0");

    // 12:30 moves the watermark (1h) to 11:30: u1's and b2's sessions close
    batch(List.of(view("u2", "p1", "12:30")), List.of(), List.of());
    assertThat(sessions(spark, "u1")).endsWith("10:05-10:35 3 [p1, p2] closed");
    assertThat(sessions(spark, "b2"))
        .containsExactly("10:20-10:20 1 [p2] open", "10:20-10:20 1 [p2] closed");

    // 10:55 is older than the watermark: counted late, no total changes
    long before = count(spark, "update = 'TOTALS'");
    batch(List.of(view("u1", "p1", "10:55")), List.of(), List.of());
    assertThat(count(spark, "update = 'TOTALS'")).isEqualTo(before);
    assertThat(spark.sql("SELECT sum(late) FROM " + table).first().getLong(0)).isEqualTo(1);
  }

  @Test
  void aViewBetweenTwoSessionsMergesThemAndDeletesTheLaterRow(SparkSession spark) {
    batch(List.of(view("u3", "p1", "10:00"), view("u3", "p2", "11:00")), List.of(), List.of());
    batch(List.of(view("u3", "p2", "10:30")), List.of(), List.of());
    assertThat(rows(spark, "update = 'SESSION_DELETE'")).containsExactly("u3 11:00");
    assertThat(sessions(spark, "u3")).last().isEqualTo("10:00-11:00 3 [p1, p2] open");
  }

  private void batch(List<Row> v, List<Row> o, List<Row> d) {
    views.addData(JavaConverters.asScalaBuffer(v).toSeq());
    orders.addData(JavaConverters.asScalaBuffer(o).toSeq());
    deals.addData(JavaConverters.asScalaBuffer(d).toSeq());
    query.processAllAvailable();
  }

  private String latest(SparkSession spark, String update, String kind, String key) {
    List<Row> rows =
        spark
            .sql(
                "SELECT views, purchases, units, revenue FROM "
                    + table
                    + " WHERE update = '"
                    + update
                    + "' AND kind = '"
                    + kind
                    + "' AND key = '"
                    + key
                    + "' AND bucket = "
                    + Instant.parse("2026-11-23T10:00:00Z").toEpochMilli())
            .collectAsList();
    Row last = rows.get(rows.size() - 1);
    return last.getLong(0)
        + "/"
        + last.getLong(1)
        + "/"
        + last.getLong(2)
        + "/"
        + last.getDouble(3);
  }

  private List<String> sessions(SparkSession spark, String visitor) {
    return spark
        .sql(
            "SELECT session_start, session_end, session_views, products, status FROM "
                + table
                + " WHERE update = 'SESSION' AND key = '"
                + visitor
                + "'")
        .collectAsList()
        .stream()
        .map(
            r ->
                hhmm(r.getLong(0))
                    + "-"
                    + hhmm(r.getLong(1))
                    + " "
                    + r.getInt(2)
                    + " "
                    + r.getList(3)
                    + " "
                    + r.getString(4))
        .toList();
  }

  private List<String> rows(SparkSession spark, String where) {
    return spark
        .sql(
            "SELECT key, sub_category, discount, price, session_start FROM "
                + table
                + " WHERE "
                + where)
        .collectAsList()
        .stream()
        .map(
            r ->
                r.isNullAt(1)
                    ? r.getString(0) + " " + hhmm(r.getLong(4))
                    : r.getString(0)
                        + " "
                        + r.getString(1)
                        + " "
                        + r.getDouble(2)
                        + " "
                        + r.getDouble(3))
        .sorted()
        .toList();
  }

  private long count(SparkSession spark, String where) {
    return spark.sql("SELECT count(*) FROM " + table + " WHERE " + where).first().getLong(0);
  }

  private static String hhmm(long millis) {
    return Instant.ofEpochMilli(millis).toString().substring(11, 16);
  }

  private static Timestamp at(String hhmm) {
    return Timestamp.from(Instant.parse("2026-11-23T" + hhmm + ":00Z"));
  }

  private Row view(String user, String product, String hhmm) {
    String browser = user == null ? "b2" : "b-" + user;
    return RowFactory.create(
        browser, user, product, at(hhmm), null, null, DAY, 0, offset.getAndIncrement());
  }

  private Row order(String id, String hhmm, Row... lines) {
    return RowFactory.create(
        "u1",
        "b1",
        id,
        at(hhmm),
        JavaConverters.asScalaBuffer(List.of(lines)).toSeq(),
        null,
        DAY,
        0,
        offset.getAndIncrement());
  }

  private static Row line(String product, int quantity, double price) {
    return RowFactory.create(product, quantity, price);
  }

  private Row deal(String id, double discount, double price, String hhmm) {
    Object[] v = new Object[DEAL.size()];
    v[DEAL.fieldIndex("id")] = id;
    v[DEAL.fieldIndex("category")] = "c";
    v[DEAL.fieldIndex("sub_category")] = "s1";
    v[DEAL.fieldIndex("discount_percentage")] = discount;
    v[DEAL.fieldIndex("price")] = price;
    v[DEAL.fieldIndex("event_time")] = at(hhmm);
    v[DEAL.fieldIndex("kafka_partition")] = 0;
    v[DEAL.fieldIndex("kafka_offset")] = offset.getAndIncrement();
    return RowFactory.create(v);
  }

  private static StructType withKafka(StructType table) {
    return table
        .add("kafka_partition", DataTypes.IntegerType, false)
        .add("kafka_offset", DataTypes.LongType, false);
  }
}
