package io.lambdaretail.integration;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.cli.Main;
import io.lambdaretail.stream.StreamJob;
import io.lambdaretail.stream.StreamOptions;
import io.lambdaretail.stream.StreamResult;
import io.lambdaretail.testing.ChildJvm;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code stream} against the real Kafka broker: discovery, evolution, dead letters, kill -9. */
@ExtendWith({LocalServices.Kafka.class, SharedSpark.class})
class StreamIT {
  @TempDir Path dir;

  @Test
  void discoversTopicsAndKeysAndKeepsDeadLetters(Endpoints kafka, SparkSession spark)
      throws Exception {
    String prefix = "it" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    String clicks = prefix + "_clicks";
    produce(kafka, clicks, "{\"id\": 1, \"page\": \"home\"}", "{\"id\": 2, \"page\": \"cart\"}");
    produce(kafka, clicks, "not json");
    StreamOptions options = options(kafka, prefix + "_.*", dir);
    StreamResult first = new StreamJob(spark, options).run();

    assertThat(first.toSummary().get("tables").toString()).contains(clicks + "=2");
    Dataset<Row> table =
        spark.read().format("delta").load(dir.resolve("lake/topics/" + clicks).toString());
    assertThat(table.columns()).contains("id", "page");

    String orders = prefix + "_orders";
    produce(kafka, clicks, "{\"id\": 3, \"page\": \"home\", \"coupon\": \"X1\"}");
    produce(kafka, clicks, "{\"id\": \"three\"}");
    produce(kafka, orders, "{\"order\": \"o1\", \"total\": 9.5}");
    StreamResult second = new StreamJob(spark, options).run();

    assertThat(second.toSummary().get("new_columns").toString())
        .contains(clicks + ".coupon", orders + ".order", orders + ".total");
    table = spark.read().format("delta").load(dir.resolve("lake/topics/" + clicks).toString());
    assertThat(table.count()).isEqualTo(3);
    assertThat(table.filter(col("coupon").isNull()).count()).isEqualTo(2);
    Dataset<Row> ordersTable =
        spark.read().format("delta").load(dir.resolve("lake/topics/" + orders).toString());
    assertThat(ordersTable.select("total").as(Encoders.DOUBLE()).collectAsList())
        .containsExactly(9.5);
    List<String> reasons =
        spark
            .read()
            .format("delta")
            .load(dir.resolve("lake/dead_letters").toString())
            .orderBy("offset")
            .select("reason")
            .as(Encoders.STRING())
            .collectAsList();
    assertThat(reasons).hasSize(2);
    assertThat(reasons.get(0)).startsWith("malformed JSON");
    assertThat(reasons.get(1))
        .isEqualTo("type mismatch: column 'id' is bigint, the value is string");
    assertThat(spark.read().format("delta").load(dir.resolve("lake/raw").toString()).count())
        .isEqualTo(6);
  }

  @Test
  void aDriverKilledMidStreamRestartsWithEveryRecordOnce(Endpoints kafka, SparkSession spark)
      throws Exception {
    String topic = "it" + UUID.randomUUID().toString().substring(0, 8) + "_events";
    int n = 3000;
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // after the first batches typed n as bigint, every 10th record breaks that type: it must
      // be in the dead letters, once
      values.add(bad(i) ? "{\"n\": \"bad" + i + "\"}" : "{\"n\": " + i + "}");
    }
    produce(kafka, topic, values.toArray(String[]::new));
    Path lake = dir.resolve("lake");
    String[] args = {
      "stream",
      "--bootstrap",
      kafka.kafkaBootstrap(),
      "--topics",
      topic,
      "--lake",
      lake.toString(),
      "--checkpoint",
      dir.resolve("checkpoint").toString(),
      "--master",
      "local[2]",
      "--conf",
      "spark.ui.enabled=false",
      "--conf",
      "spark.sql.shuffle.partitions=2"
    };
    Path log1 = dir.resolve("first.log");
    Process first =
        ChildJvm.start(
            log1, concat(args, "--trigger", "500ms", "--max-offsets-per-trigger", "300"));
    // kill -9 once a few batches have committed, wherever the driver is then
    waitForCommits(lake.resolve("raw/_delta_log"), 3, first, log1);
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long beforeRestart = countCommits(lake.resolve("raw/_delta_log"));

    Path log2 = dir.resolve("second.log");
    Process second = ChildJvm.start(log2, concat(args, "--available-now"));
    boolean finished = second.waitFor(5, TimeUnit.MINUTES);
    second.destroyForcibly();
    assertThat(finished).as("restart finished; log:%n%s", Files.readString(log2)).isTrue();
    assertThat(second.exitValue()).as("restart exit; log:%n%s", Files.readString(log2)).isZero();

    Dataset<Row> raw = spark.read().format("delta").load(lake.resolve("raw").toString());
    Dataset<Row> typed =
        spark.read().format("delta").load(lake.resolve("topics/" + topic).toString());
    Dataset<Row> dead = spark.read().format("delta").load(lake.resolve("dead_letters").toString());
    assertThat(beforeRestart).as("the first run committed before it died").isGreaterThan(0);
    assertThat(raw.count()).isEqualTo(n);
    assertThat(raw.select("offset").distinct().count()).isEqualTo(n);
    assertThat(new HashSet<>(raw.select("value").as(Encoders.STRING()).collectAsList()))
        .isEqualTo(new HashSet<>(values));
    List<Long> typedOffsets = typed.select("kafka_offset").as(Encoders.LONG()).collectAsList();
    List<Long> deadOffsets = dead.select("offset").as(Encoders.LONG()).collectAsList();
    long bad = java.util.stream.IntStream.range(0, n).filter(StreamIT::bad).count();
    assertThat(typedOffsets).hasSize((int) (n - bad)).doesNotHaveDuplicates();
    assertThat(deadOffsets).hasSize((int) bad).doesNotHaveDuplicates();
    Set<Long> all = new HashSet<>(typedOffsets);
    all.addAll(deadOffsets);
    assertThat(all).hasSize(n);
    assertThat(typed.agg(org.apache.spark.sql.functions.sum("n")).first().getLong(0))
        .isEqualTo(expectedSum(n));
  }

  private static boolean bad(int i) {
    return i >= 1000 && i % 10 == 9;
  }

  private static long expectedSum(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      if (!bad(i)) {
        sum += i;
      }
    }
    return sum;
  }

  private static StreamOptions options(Endpoints kafka, String pattern, Path dir) {
    return new StreamOptions(
        kafka.kafkaBootstrap(),
        List.of(),
        pattern,
        dir.resolve("lake").toString(),
        dir.resolve("checkpoint").toString(),
        null,
        true,
        "earliest",
        0,
        0,
        Map.of());
  }

  /** Sends the values through the {@code produce} command, one line each. */
  private void produce(Endpoints kafka, String topic, String... values) throws Exception {
    Path file = Files.createTempFile(dir, "records", ".ndjson");
    Files.write(file, List.of(values), StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "produce",
            "--bootstrap",
            kafka.kafkaBootstrap(),
            "--topic",
            topic,
            "--input",
            file.toString());
    assertThat(code).as("produce: %s", err).isZero();
    assertThat(out.toString()).contains("\"records\" : " + values.length);
  }

  private static void waitForCommits(Path log, int commits, Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
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
