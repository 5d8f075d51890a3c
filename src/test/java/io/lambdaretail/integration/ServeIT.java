package io.lambdaretail.integration;

import static io.lambdaretail.integration.ServingFixtures.order;
import static io.lambdaretail.integration.ServingFixtures.rows;
import static io.lambdaretail.integration.ServingFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lambdaretail.serving.Replication;
import io.lambdaretail.serving.ServeJob;
import io.lambdaretail.serving.ServeOptions;
import io.lambdaretail.serving.ServingOptions;
import io.lambdaretail.stream.StreamJob;
import io.lambdaretail.stream.StreamOptions;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda merge against the real broker and node: the speed layer counts a late event in
 * late_events and leaves it out of its tables; {@code serve} recomputes the day from the lake, the
 * late event included, leaves every row the speed layer had right as it was, and a second run
 * changes nothing.
 */
@ExtendWith({LocalServices.Kafka.class, LocalServices.Cassandra.class, SharedSpark.class})
class ServeIT {
  @TempDir Path dir;

  @Test
  void serveCorrectsWhatTheSpeedLayerMissedAndIsIdempotent(SparkSession spark) throws Exception {
    Endpoints endpoints = LocalServices.endpoints();
    ServingFixtures.deleteTopics(endpoints, "pdpviews", "transactions", "deals");
    String keyspace = "serve_" + UUID.randomUUID().toString().substring(0, 6);
    Path items = dir.resolve("items.csv");
    Files.writeString(
        items,
        "product_id,category,sub_category,brand,price_band,price\n"
            + "p1,footwear,shoes,acme,low,10.0\np2,hats,caps,acme,low,5.0\n");
    produce(
        endpoints,
        "pdpviews",
        view("u1", "b1", "p1", "2026-11-23T10:05:00Z"),
        view("u1", "b1", "p2", "2026-11-23T10:10:00Z"),
        view(null, "b2", "p2", "2026-11-23T11:20:00Z"),
        view("u2", "b3", "p1", "2026-11-23T12:30:00Z"));
    produce(endpoints, "transactions", order("o1", "u1", "2026-11-23T10:30:00Z", "p1", 2, 10.0));
    Map<String, Object> first = stream(spark, endpoints, keyspace, items).run().toSummary();
    assertThat(first.get("late_events")).isEqualTo(0L);

    // 09:40 is older than the watermark (12:30 - 15m): lake yes, speed layer no
    produce(endpoints, "pdpviews", view("u3", "b4", "p1", "2026-11-23T09:40:00Z"));
    Map<String, Object> second = stream(spark, endpoints, keyspace, items).run().toSummary();
    assertThat(second.get("late_events")).as("summary of the second run").isEqualTo(1L);

    try (CqlSession cql = ServingFixtures.cql(spark, endpoints)) {
      List<String> speedActivity = activity(cql, keyspace);
      assertThat(speedActivity)
          .as("the speed layer's rows: no 09:00 hour")
          .containsExactlyInAnyOrder(
              "p1 2026-11-23T10:00:00Z 1/1/2/20.0",
              "p1 2026-11-23T12:00:00Z 1/0/0/0.0",
              "p2 2026-11-23T10:00:00Z 1/0/0/0.0",
              "p2 2026-11-23T11:00:00Z 1/0/0/0.0");
      List<String> speedSessions = sessions(cql, keyspace);

      Map<String, Object> served = serve(spark, endpoints, keyspace, items).run();
      List<String> batchActivity = activity(cql, keyspace);
      assertThat(batchActivity)
          .as("the late view counted, every other row as the speed layer had it")
          .containsExactlyInAnyOrderElementsOf(
              concat(speedActivity, "p1 2026-11-23T09:00:00Z 1/0/0/0.0"));
      assertThat(sessions(cql, keyspace))
          .as("the late visitor's session added, the others unchanged")
          .containsAll(speedSessions.stream().filter(s -> !s.contains("open")).toList())
          .anyMatch(s -> s.startsWith("u3 2026-11-23T09:40:00Z"));
      assertThat(
              rows(
                  cql,
                  "SELECT views FROM \""
                      + keyspace
                      + "\".trending_categories WHERE window_start = '2026-11-23 09:30:00+0000'"))
          .extracting(r -> r.get("views"))
          .containsExactly("1");
      assertThat(served.toString()).contains("item_activity_by_hour=5");

      serve(spark, endpoints, keyspace, items).run();
      assertThat(activity(cql, keyspace)).as("a rerun").isEqualTo(batchActivity);

      assertThat(
              rows(
                  cql,
                  "SELECT table_name FROM system_schema.tables WHERE keyspace_name = '"
                      + keyspace
                      + "'"))
          .extracting(r -> r.get("table_name"))
          .as("--cassandra-topic-tables transactions: a table of orders, none of page views")
          .contains("transactions", "item_activity_by_hour")
          .doesNotContain("pdpviews");
    }
  }

  private StreamJob stream(SparkSession spark, Endpoints e, String keyspace, Path items) {
    return new StreamJob(
        spark,
        new StreamOptions(
            e.kafkaBootstrap(),
            List.of("pdpviews", "transactions"),
            null,
            dir.resolve("lake").toString(),
            dir.resolve("checkpoint").toString(),
            null,
            true,
            "earliest",
            0,
            0,
            Map.of(),
            // the page views only in the serving tables: no table of their records
            cassandra(e, keyspace, items, Set.of("transactions")),
            null));
  }

  private ServeJob serve(SparkSession spark, Endpoints e, String keyspace, Path items) {
    String lake = dir.resolve("lake/topics/").toString();
    return new ServeJob(
        spark,
        new ServeOptions(
            LocalDate.parse("2026-11-23"),
            LocalDate.parse("2026-11-23"),
            lake + "/pdpviews",
            lake + "/transactions",
            lake + "/deals",
            cassandra(e, keyspace, items)));
  }

  private static ServingOptions cassandra(Endpoints e, String keyspace, Path items) {
    return cassandra(e, keyspace, items, null);
  }

  private static ServingOptions cassandra(
      Endpoints e, String keyspace, Path items, Set<String> topicTables) {
    return new ServingOptions(
        e.cassandraHost(),
        e.cassandraPort(),
        keyspace,
        Replication.parse("SimpleStrategy:1"),
        Map.of(),
        Duration.ofMinutes(30),
        Duration.ofMinutes(30),
        Duration.ofHours(1),
        items.toString(),
        1,
        Duration.ofMillis(200),
        Duration.ofMinutes(15),
        16,
        topicTables);
  }

  private static List<String> activity(CqlSession cql, String keyspace) {
    return rows(
            cql,
            "SELECT product_id, hour, views, purchases, units, revenue FROM \""
                + keyspace
                + "\".item_activity_by_hour")
        .stream()
        .map(
            r ->
                r.get("product_id")
                    + " "
                    + r.get("hour")
                    + " "
                    + r.get("views")
                    + "/"
                    + r.get("purchases")
                    + "/"
                    + r.get("units")
                    + "/"
                    + r.get("revenue"))
        .sorted()
        .toList();
  }

  private static List<String> sessions(CqlSession cql, String keyspace) {
    return rows(
            cql,
            "SELECT user_id, session_start, session_end, views, products, status FROM \""
                + keyspace
                + "\".sessions_by_user")
        .stream()
        .map(
            r ->
                r.get("user_id")
                    + " "
                    + r.get("session_start")
                    + " "
                    + r.get("session_end")
                    + " "
                    + r.get("views")
                    + " "
                    + r.get("products")
                    + " "
                    + r.get("status"))
        .sorted()
        .toList();
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> out = new java.util.ArrayList<>(list);
    out.add(more);
    return out;
  }

  private void produce(Endpoints endpoints, String topic, String... values) throws Exception {
    ServingFixtures.produce(endpoints, dir, topic, List.of(values));
  }
}
