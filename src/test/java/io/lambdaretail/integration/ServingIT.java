package io.lambdaretail.integration;

import static io.lambdaretail.integration.ServingFixtures.deal;
import static io.lambdaretail.integration.ServingFixtures.order;
import static io.lambdaretail.integration.ServingFixtures.rows;
import static io.lambdaretail.integration.ServingFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import io.lambdaretail.serving.Replication;
import io.lambdaretail.serving.ServingOptions;
import io.lambdaretail.stream.StreamJob;
import io.lambdaretail.stream.StreamOptions;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code stream} into the serving tables of the real Cassandra node, from the real broker. */
@ExtendWith({LocalServices.Kafka.class, LocalServices.Cassandra.class, SharedSpark.class})
class ServingIT {
  private static final String INJECTION = "x\\\"; DROP KEYSPACE k; --";

  @TempDir Path dir;

  @Test
  void everyServingTableAnswersItsQueryAndNamesFromDataRunNothing(SparkSession spark)
      throws Exception {
    // both server extensions resolve Endpoints, so it is read here instead of injected
    Endpoints endpoints = LocalServices.endpoints();
    ServingFixtures.deleteTopics(endpoints, "pdpviews", "transactions", "deals");
    String prefix = "sv" + UUID.randomUUID().toString().substring(0, 6);
    String clicks = prefix + "_clicks";
    String longTopic = prefix + "_" + "a".repeat(45);
    String badTopic = prefix + ".Bad-Topic";
    String keyspace = "it_" + prefix;
    try (CqlSession cql = ServingFixtures.cql(spark, endpoints)) {
      cql.execute(
          "CREATE KEYSPACE IF NOT EXISTS k WITH replication ="
              + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
    }
    produce(
        endpoints,
        "pdpviews",
        view("u1", "b1", "p1", "2026-11-23T10:05:00Z"),
        view("u1", "b1", "p1", "2026-11-23T10:10:00Z"),
        view(null, "b2", "p2", "2026-11-23T10:20:00Z"),
        view("u1", "b1", "p3", "2026-11-23T11:30:00Z"),
        view("u2", "b3", "p1", "2026-11-23T12:30:00Z"));
    produce(endpoints, "transactions", order("o1", "u1", "2026-11-23T10:30:00Z", "p1", 2, 10.0));
    produce(
        endpoints,
        "deals",
        deal("d1", "shoes", 10, 90, "2026-11-23T10:00:00Z"),
        deal("d2", "shoes", 30, 50, "2026-11-23T10:00:00Z"),
        deal("d3", "hats", 5, 10, "2026-11-23T10:00:00Z"),
        deal("d1", "shoes", 30, 70, "2026-11-23T11:00:00Z"));
    produce(
        endpoints,
        clicks,
        "{\"id\": 1, \"page\": \"home\"}",
        "{\"id\": 2, \"" + INJECTION + "\": 1}");
    produce(endpoints, longTopic, "{\"id\": 1}");
    produce(endpoints, badTopic, "{\"id\": 1}");
    Path items = dir.resolve("items.csv");
    Files.writeString(
        items,
        "product_id,category,sub_category,brand,price_band,price\n"
            + "p1,footwear,shoes,acme,low,10.0\np2,hats,caps,acme,low,5.0\n");
    String pattern = "pdpviews|transactions|deals|" + prefix + ".*";

    Map<String, Object> first =
        new StreamJob(spark, options(endpoints, pattern, keyspace, items)).run().toSummary();
    produce(endpoints, clicks, "{\"id\": 3, \"page\": \"cart\", \"coupon\": \"X1\"}");
    Map<String, Object> second =
        new StreamJob(spark, options(endpoints, pattern, keyspace, items)).run().toSummary();

    try (CqlSession cql = ServingFixtures.cql(spark, endpoints)) {
      String ks = "\"" + keyspace + "\".";
      assertThat(cql.getMetadata().getKeyspace("k")).as("keyspace k survives").isPresent();
      assertThat(
              cql.getMetadata().getKeyspace(keyspace).orElseThrow().getTables().keySet().stream()
                  .map(CqlIdentifier::asInternal))
          .as("tables: serving ones plus one per valid topic, nothing from the injection")
          .containsExactlyInAnyOrder(
              "item_activity_by_hour",
              "sessions_by_user",
              "deals_by_category",
              "trending_categories",
              "pdpviews",
              "transactions",
              "deals",
              clicks);

      assertThat(
              rows(
                  cql,
                  "SELECT hour, views, purchases, units, revenue FROM "
                      + ks
                      + "item_activity_by_hour WHERE product_id = 'p1'"))
          .extracting(
              r ->
                  r.get("hour")
                      + " "
                      + r.get("views")
                      + "/"
                      + r.get("purchases")
                      + "/"
                      + r.get("units")
                      + "/"
                      + r.get("revenue"))
          .as("latest hour first, totals per hour")
          .containsExactly("2026-11-23T12:00:00Z 1/0/0/0.0", "2026-11-23T10:00:00Z 2/1/2/20.0");

      assertThat(
              rows(
                  cql,
                  "SELECT session_start, session_end, products, status, views FROM "
                      + ks
                      + "sessions_by_user WHERE user_id = 'u1'"))
          .extracting(
              r ->
                  r.get("session_start")
                      + " "
                      + r.get("products")
                      + " "
                      + r.get("status")
                      + " "
                      + r.get("views"))
          .containsExactly(
              "2026-11-23T11:30:00Z [p3] closed 1", "2026-11-23T10:05:00Z [p1] closed 2");
      assertThat(
              rows(
                  cql,
                  "SELECT status, anonymous FROM "
                      + ks
                      + "sessions_by_user WHERE user_id IN ('u2', 'b2')"))
          .extracting(r -> r.get("status") + " " + r.get("anonymous"))
          .containsExactlyInAnyOrder("open false", "closed true");
      assertThat(
              spark
                  .read()
                  .format("delta")
                  .load(dir.resolve("lake/sessions").toString())
                  .select("user_id")
                  .as(Encoders.STRING())
                  .collectAsList())
          .as("closed sessions for training, once each after two runs")
          .containsExactlyInAnyOrder("u1", "u1", "b2");

      assertThat(
              rows(
                  cql,
                  "SELECT id, discount_percentage, price FROM "
                      + ks
                      + "deals_by_category WHERE sub_category = 'shoes'"))
          .extracting(r -> r.get("id") + " " + r.get("discount_percentage") + " " + r.get("price"))
          .as("biggest discount first, then cheapest; d1's old version gone")
          .containsExactly("d2 30.0 50.0", "d1 30.0 70.0");

      assertThat(
              rows(
                  cql,
                  "SELECT category, views, purchases, revenue FROM "
                      + ks
                      + "trending_categories WHERE window_start = '2026-11-23 10:00:00+0000'"))
          .extracting(
              r ->
                  r.get("category")
                      + " "
                      + r.get("views")
                      + "/"
                      + r.get("purchases")
                      + "/"
                      + r.get("revenue"))
          .containsExactly("footwear 2/1/20.0", "hats 1/0/0.0");
      assertThat(
              cql.execute("SELECT TTL(views) FROM " + ks + "trending_categories LIMIT 1")
                  .one()
                  .getInt(0))
          .as("trend rows expire")
          .isBetween(3000, 3600);

      assertThat(rows(cql, "SELECT kafka_offset, page, coupon FROM " + ks + "\"" + clicks + "\""))
          .extracting(r -> r.get("kafka_offset") + " " + r.get("page") + " " + r.get("coupon"))
          .as("the new key became a column (ALTER TABLE ADD)")
          .containsExactlyInAnyOrder("0 home null", "2 cart X1");
      assertThat(cql.execute("SELECT count(*) FROM " + ks + "pdpviews").one().getLong(0))
          .isEqualTo(5);
    }
    assertThat(first.get("rejected_topics").toString()).contains(badTopic);
    Map<?, ?> cassandra = (Map<?, ?>) first.get("cassandra");
    assertThat(cassandra.get("rejected_topics").toString())
        .contains(longTopic, "longer than Cassandra's 48");
    assertThat(cassandra.get("stale_rows_deleted")).isEqualTo(1L);
    assertThat(second.get("new_columns").toString()).contains(clicks + ".coupon");
    List<String> reasons =
        spark
            .read()
            .format("delta")
            .load(dir.resolve("lake/dead_letters").toString())
            .select("reason")
            .as(Encoders.STRING())
            .collectAsList();
    assertThat(reasons)
        .anyMatch(r -> r.contains("DROP KEYSPACE k") && r.contains("not a valid column name"))
        .anyMatch(r -> r.contains("Bad-Topic") && r.contains("not a valid table name"));
  }

  private void produce(Endpoints endpoints, String topic, String... values) throws Exception {
    ServingFixtures.produce(endpoints, dir, topic, List.of(values));
  }

  private StreamOptions options(Endpoints e, String pattern, String keyspace, Path items) {
    ServingOptions cassandra =
        new ServingOptions(
            e.cassandraHost(),
            e.cassandraPort(),
            keyspace,
            Replication.parse("SimpleStrategy:1"),
            Map.of(),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(1),
            items.toString(),
            1,
            Duration.ofMillis(200),
            Duration.ofMinutes(15),
            16,
            null);
    return new StreamOptions(
        e.kafkaBootstrap(),
        List.of(),
        pattern,
        dir.resolve("lake").toString(),
        dir.resolve("checkpoint").toString(),
        null,
        true,
        "earliest",
        0,
        0,
        Map.of(),
        cassandra,
        null);
  }
}
