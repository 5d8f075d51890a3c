package io.lambdaretail.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.spark.Schemas;
import io.lambdaretail.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serving tables' logic on static rows shaped like the lake's typed tables. */
@ExtendWith(SharedSpark.class)
class ServingTransformsTest {
  private static final Date DAY = Date.valueOf("2026-11-23");

  private static Timestamp at(String hhmm) {
    return Timestamp.valueOf("2026-11-23 " + hhmm + ":00");
  }

  private static Row view(String user, String browser, String product, String hhmm) {
    return RowFactory.create(browser, user, product, at(hhmm), null, null, DAY);
  }

  private static Row order(String id, String hhmm, Row... lines) {
    return RowFactory.create(
        "u1", "b1", id, at(hhmm), List.of(lines), Map.of("coupon", "\"X\""), DAY);
  }

  private static Row line(String product, int quantity, double price) {
    return RowFactory.create(product, quantity, price);
  }

  private static Dataset<Row> views(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), Schemas.PDPVIEWS_TABLE);
  }

  private static Dataset<Row> orders(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), Schemas.TRANSACTIONS_TABLE);
  }

  private static Map<String, String> byKey(Dataset<Row> totals) {
    return totals.collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> r.getString(0) + "@" + r.getTimestamp(1).toString().substring(11, 16),
                r ->
                    r.getLong(2) + "/" + r.getLong(3) + "/" + r.getLong(4) + "/" + r.getDouble(5)));
  }

  @Test
  void hourlyTotalsOfTheTouchedKeysAreRecountedFromTheLake(SparkSession spark) {
    Row late = view("u1", "b1", "p1", "11:10");
    Row o1 = order("o1", "10:30", line("p1", 2, 5.0), line("p2", 1, 3.0));
    Row o2 = order("o2", "10:50", line("p1", 1, 5.0));
    Dataset<Row> lakeViews =
        views(
            spark,
            view("u1", "b1", "p1", "10:05"),
            view(null, "b2", "p1", "10:40"),
            view("u2", "b3", "p2", "10:20"),
            late);
    // o1 twice: Kafka delivered it twice; it is one purchase
    Dataset<Row> lakeOrders = orders(spark, o1, o1, o2);
    Dataset<Row> touched =
        ActivityTotals.touched(
            ActivityTotals.viewEvents(views(spark, late), 3600),
            ActivityTotals.orderLines(orders(spark, o2), 3600));
    Dataset<Row> totals =
        ActivityTotals.totals(
            ActivityTotals.viewEvents(lakeViews, 3600),
            ActivityTotals.orderLines(lakeOrders, 3600),
            touched);

    // views/purchases/units/revenue, only for the keys the batch touched
    assertThat(byKey(totals))
        .containsOnly(Map.entry("p1@10:00", "2/2/3/15.0"), Map.entry("p1@11:00", "1/0/0/0.0"));
    assertThat(
            byKey(
                ActivityTotals.totals(
                    ActivityTotals.viewEvents(lakeViews, 3600),
                    ActivityTotals.orderLines(lakeOrders, 3600),
                    touched)))
        .as("recomputing (a replay) gives the same totals, not twice them")
        .isEqualTo(byKey(totals));

    Dataset<Row> categories =
        spark.createDataFrame(
            List.of(RowFactory.create("p1", "shoes", "s", "b", "low", 5.0)),
            Schemas.ITEMS_FEATURES);
    Dataset<Row> v =
        ActivityTotals.byCategory(ActivityTotals.viewEvents(lakeViews, 900), categories);
    Dataset<Row> o =
        ActivityTotals.byCategory(ActivityTotals.orderLines(lakeOrders, 900), categories);
    assertThat(byKey(ActivityTotals.totals(v, o, ActivityTotals.touched(v, o))))
        .containsOnly(
            Map.entry("shoes@10:00", "1/0/0/0.0"),
            Map.entry("shoes@10:30", "1/1/2/10.0"),
            Map.entry("shoes@10:45", "0/1/1/5.0"),
            Map.entry("shoes@11:00", "1/0/0/0.0"),
            Map.entry("unknown@10:15", "1/0/0/0.0"),
            Map.entry("unknown@10:30", "0/1/1/3.0"));
  }

  @Test
  void viewsFurtherApartThanTheGapStartANewSessionClosedOnceTheWatermarkPassesIt(
      SparkSession spark) {
    Dataset<Row> lake =
        views(
            spark,
            view("u1", "b1", "p2", "10:00"),
            view("u1", "b1", "p1", "10:05"),
            view("u1", "b1", "p2", "10:10"),
            view("u1", "b1", "p3", "11:00"),
            view(null, "b9", "p7", "11:15"));
    List<Row> sessions =
        Sessions.sessionize(Sessions.visits(lake), Duration.ofMinutes(30), at("11:20"))
            .orderBy(ServingTables.USER_ID, ServingTables.SESSION_START)
            .collectAsList();

    assertThat(sessions).hasSize(3);
    Row first = sessions.get(0);
    assertThat(first.getString(0)).isEqualTo("b9");
    assertThat(first.getBoolean(3)).as("anonymous visitor keyed by browser").isTrue();
    Row closed = sessions.get(1);
    assertThat(closed.getTimestamp(1)).isEqualTo(at("10:00"));
    assertThat(closed.getTimestamp(2)).isEqualTo(at("10:10"));
    assertThat(closed.getInt(4)).isEqualTo(3);
    assertThat(closed.getList(5)).containsExactly("p2", "p1");
    assertThat(closed.getString(6)).isEqualTo("closed");
    assertThat(closed.getDate(7)).isEqualTo(DAY);
    Row open = sessions.get(2);
    assertThat(open.getTimestamp(1)).isEqualTo(at("11:00"));
    assertThat(open.getString(6)).as("watermark only 20 min past its end").isEqualTo("open");
  }

  @Test
  void aDealMovesToTheKeyOfItsLatestVersionAndItsOldKeysAreDeleted(SparkSession spark) {
    StructType schema =
        Schemas.DEALS_TABLE
            .add("kafka_partition", DataTypes.IntegerType)
            .add("kafka_offset", DataTypes.LongType);
    Dataset<Row> versions =
        spark.createDataFrame(
            List.of(
                deal("d1", "s1", 10.0, 90.0, "10:00", 0),
                deal("d1", "s1", 20.0, 80.0, "11:00", 1),
                deal("d1", "s1", 20.0, 80.0, "09:00", 2),
                deal("d2", "s1", 5.0, null, "10:00", 3)),
            schema);
    Dataset<Row> latest = DealVersions.latest(versions);

    List<Row> rows = DealVersions.rows(latest).collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(3)).isEqualTo("d1");
    assertThat(rows.get(0).getDouble(1)).isEqualTo(20.0);
    assertThat(rows.get(0).getTimestamp(16)).as("updated_at of the latest").isEqualTo(at("11:00"));
    assertThat(DealVersions.staleKeys(versions, latest).collectAsList())
        .containsExactly(RowFactory.create("s1", 10.0, 90.0, "d1"));
  }

  private static Row deal(
      String id, String sub, Double discount, Double price, String updated, long offset) {
    Object[] v = new Object[Schemas.DEALS_TABLE.size() + 2];
    v[0] = id;
    v[1] = "cat";
    v[2] = sub;
    v[3] = "title " + id;
    v[4] = price;
    v[5] = discount;
    v[16] = at(updated);
    v[17] = at(updated);
    v[19] = DAY;
    v[20] = 0;
    v[21] = offset;
    return RowFactory.create(v);
  }

  @Test
  void topicRowsKeepTheirShapeInCassandraTypes(SparkSession spark) {
    Dataset<Row> typed =
        orders(spark, order("o1", "10:30", line("p1", 2, 5.0)))
            .withColumnRenamed("user_id", "User_Id");
    Dataset<Row> rows = CqlTypes.forCassandra(typed, "transactions");
    Map<String, String> columns = CqlTypes.columns(rows.schema());

    assertThat(columns)
        .containsEntry("kafka_topic", "text")
        .containsEntry("user_id", "text")
        .containsEntry("event_time", "timestamp")
        .containsEntry("items", "text")
        .containsEntry("extra", "map<text, text>")
        .containsEntry("event_date", "date");
    Row r = rows.first();
    assertThat(r.getString(0)).isEqualTo("transactions");
    assertThat(r.getString(rows.schema().fieldIndex("items")))
        .isEqualTo("[{\"product_id\":\"p1\",\"quantity\":2,\"price\":5.0}]");
    assertThat(CqlTypes.of(DataTypes.createArrayType(DataTypes.LongType)))
        .isEqualTo("list<bigint>");
    assertThat(
            TopicTables.design("transactions", rows.schema(), List.of("Order_Id")).partitionKey())
        .containsExactly("order_id");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TopicTables.design("transactions", rows.schema(), List.of("basket")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "--cassandra-key transactions=basket: the topic has no column 'basket'");
  }
}
