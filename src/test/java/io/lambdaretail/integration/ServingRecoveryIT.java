package io.lambdaretail.integration;

import static io.lambdaretail.integration.ServingFixtures.deal;
import static io.lambdaretail.integration.ServingFixtures.order;
import static io.lambdaretail.integration.ServingFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lambdaretail.serving.Replication;
import io.lambdaretail.serving.ServingOptions;
import io.lambdaretail.stream.StreamJob;
import io.lambdaretail.stream.StreamOptions;
import io.lambdaretail.testing.ChildJvm;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving tables after a crash (kill -9 of the driver) and after a Cassandra outage equal those
 * of an uninterrupted run over the same topics, table by table, row by row.
 */
@ExtendWith({LocalServices.Kafka.class, LocalServices.Cassandra.class, SharedSpark.class})
class ServingRecoveryIT {
  private static final List<String> TABLES =
      List.of(
          "item_activity_by_hour",
          "sessions_by_user",
          "deals_by_category",
          "trending_categories",
          "pdpviews",
          "transactions",
          "deals");
  private static final Instant BASE = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;

  @Test
  void aDriverKilledMidStreamLeavesEveryCassandraTableAsAnUninterruptedRun(SparkSession spark)
      throws Exception {
    Endpoints endpoints = LocalServices.endpoints();
    String id = UUID.randomUUID().toString().substring(0, 6);
    ServingFixtures.deleteTopics(endpoints, "pdpviews", "transactions", "deals");
    produce(endpoints, 0, 3000);
    Path items = items();

    String[] args = args(endpoints, "kill_" + id, dir.resolve("kill"), items);
    Path log1 = dir.resolve("first.log");
    Process first =
        ChildJvm.start(
            log1, concat(args, "--trigger", "500ms", "--max-offsets-per-trigger", "1000"));
    try {
      // kill -9 once batches have committed, wherever the driver is then
      waitForCommits(dir.resolve("kill/lake/raw/_delta_log"), 2, first, log1);
    } finally {
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    runToEnd(dir.resolve("second.log"), concat(args, "--available-now"), 0);

    new StreamJob(spark, options(endpoints, "ref_" + id, dir.resolve("ref"), items)).run();
    assertSameTables(spark, endpoints, "ref_" + id, "kill_" + id);
    assertSameSessions(spark, dir.resolve("ref"), dir.resolve("kill"));
  }

  @Test
  void aCassandraOutageFailsTheJobClearlyAndARestartLosesNothing(SparkSession spark)
      throws Exception {
    Endpoints endpoints = LocalServices.endpoints();
    String id = UUID.randomUUID().toString().substring(0, 6);
    ServingFixtures.deleteTopics(endpoints, "pdpviews", "transactions", "deals");
    produce(endpoints, 0, 1500);
    Path items = items();
    String[] args =
        concat(
            args(endpoints, "out_" + id, dir.resolve("out"), items),
            "--cassandra-retries",
            "2",
            "--cassandra-retry-backoff",
            "500ms");
    Path log1 = dir.resolve("first.log");
    Process first =
        ChildJvm.start(log1, concat(args, "--trigger", "1s", "--max-offsets-per-trigger", "1000"));
    boolean down = false;
    try {
      waitForCommits(dir.resolve("out/lake/raw/_delta_log"), 1, first, log1);
      LocalServices.stop("cassandra");
      down = true;
      produce(endpoints, 1500, 3000);
      boolean ended = first.waitFor(10, TimeUnit.MINUTES);
      String log = Files.readString(log1);
      assertThat(ended).as("the job gave up; log:%n%s", log).isTrue();
      assertThat(first.exitValue()).as("exit code; log:%n%s", log).isEqualTo(1);
      assertThat(log)
          .containsPattern(
              "error: CassandraUnavailableException: Cassandra at 127\\.0\\.0\\.1:\\d+ is unavailable: .* failed 3 times .*"
                  + " restart the job with the same --checkpoint once Cassandra is back");
    } finally {
      first.destroyForcibly();
      if (down) {
        LocalServices.restartKeepingData("cassandra");
      }
    }
    runToEnd(dir.resolve("second.log"), concat(args, "--available-now"), 0);

    new StreamJob(spark, options(endpoints, "ref_" + id, dir.resolve("ref"), items)).run();
    assertSameTables(spark, endpoints, "ref_" + id, "out_" + id);
    assertSameSessions(spark, dir.resolve("ref"), dir.resolve("out"));
  }

  /**
   * Views [from, to): 25 visitors (one anonymous) each viewing every 250 s, a 15-minute pause every
   * 500 views (so sessions close); an order every 10th view; a deal version every 15th.
   */
  private void produce(Endpoints endpoints, int from, int to) throws Exception {
    List<String> views = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    List<String> deals = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String time = BASE.plusSeconds(i * 10L + (i / 500) * 900L).toString();
      int v = i % 25;
      String user = v == 0 ? null : "u" + v;
      views.add(view(user, "b" + v, "p" + (i % 30), time));
      if (i % 10 == 0) {
        orders.add(order("o" + i, "u" + (v + 1), time, "p" + (i % 30), 1 + i % 3, 1.0 + i % 7));
      }
      if (i % 15 == 0) {
        deals.add(deal("d" + (i % 40), "s" + (i % 4), 5 * (i % 7), 10 + i % 13, time));
      }
    }
    ServingFixtures.produce(endpoints, dir, "pdpviews", views);
    ServingFixtures.produce(endpoints, dir, "transactions", orders);
    ServingFixtures.produce(endpoints, dir, "deals", deals);
  }

  private Path items() throws Exception {
    StringBuilder csv =
        new StringBuilder("product_id,category,sub_category,brand,price_band,price\n");
    for (int p = 0; p < 25; p++) {
      csv.append("p").append(p).append(",c").append(p % 4).append(",s,b,low,1.0\n");
    }
    Path items = dir.resolve("items.csv");
    Files.writeString(items, csv.toString());
    return items;
  }

  private static String[] args(Endpoints e, String keyspace, Path run, Path items) {
    return new String[] {
      "stream",
      "--bootstrap",
      e.kafkaBootstrap(),
      "--topics",
      "pdpviews,transactions,deals",
      "--lake",
      run.resolve("lake").toString(),
      "--checkpoint",
      run.resolve("checkpoint").toString(),
      "--master",
      "local[2]",
      "--conf",
      "spark.ui.enabled=false",
      "--conf",
      "spark.sql.shuffle.partitions=2",
      "--cassandra-host",
      e.cassandraHost(),
      "--cassandra-port",
      String.valueOf(e.cassandraPort()),
      "--keyspace",
      keyspace,
      "--session-gap",
      "5m",
      "--trend-window",
      "10m",
      "--item-categories",
      items.toString()
    };
  }

  private static StreamOptions options(Endpoints e, String keyspace, Path run, Path items) {
    ServingOptions cassandra =
        new ServingOptions(
            e.cassandraHost(),
            e.cassandraPort(),
            keyspace,
            Replication.parse("SimpleStrategy:1"),
            Map.of(),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofDays(7),
            items.toString(),
            2,
            Duration.ofSeconds(1),
            Duration.ofHours(1),
            64,
            null);
    return new StreamOptions(
        e.kafkaBootstrap(),
        List.of("pdpviews", "transactions", "deals"),
        null,
        run.resolve("lake").toString(),
        run.resolve("checkpoint").toString(),
        null,
        true,
        "earliest",
        0,
        0,
        Map.of(),
        cassandra,
        null);
  }

  private static void runToEnd(Path log, String[] args, int expectedExit) throws Exception {
    Process p = ChildJvm.start(log, args);
    boolean finished = p.waitFor(15, TimeUnit.MINUTES);
    p.destroyForcibly();
    assertThat(finished).as("run finished; log:%n%s", Files.readString(log)).isTrue();
    assertThat(p.exitValue()).as("exit; log:%n%s", Files.readString(log)).isEqualTo(expectedExit);
  }

  private static void assertSameTables(
      SparkSession spark, Endpoints endpoints, String expected, String actual) {
    try (CqlSession cql = ServingFixtures.cql(spark, endpoints)) {
      for (String table : TABLES) {
        List<String> want = sorted(cql, expected, table);
        assertThat(want).as("reference rows of %s", table).isNotEmpty();
        assertThat(sorted(cql, actual, table)).as("rows of %s", table).isEqualTo(want);
      }
    }
  }

  private static List<String> sorted(CqlSession cql, String keyspace, String table) {
    return ServingFixtures.rows(cql, "SELECT * FROM \"" + keyspace + "\".\"" + table + "\"")
        .stream()
        .map(Object::toString)
        .sorted()
        .toList();
  }

  private static void assertSameSessions(SparkSession spark, Path expected, Path actual) {
    Dataset<Row> want =
        spark.read().format("delta").load(expected.resolve("lake/sessions").toString());
    Dataset<Row> got =
        spark.read().format("delta").load(actual.resolve("lake/sessions").toString());
    assertThat(want.count()).as("closed sessions in the reference").isGreaterThan(0);
    assertThat(got.count()).as("closed sessions, each once").isEqualTo(want.count());
    assertThat(got.exceptAll(want).count()).as("sessions not in the reference").isZero();
  }

  private static void waitForCommits(Path log, int commits, Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (countCommits(log) < commits) {
      assertThat(p.isAlive()).as("stream died early:%n%s", Files.readString(out)).isTrue();
      assertThat(System.nanoTime()).as("commits in time").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static long countCommits(Path log) throws Exception {
    if (!Files.isDirectory(log)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
    }
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
