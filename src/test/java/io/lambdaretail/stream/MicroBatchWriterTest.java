package io.lambdaretail.stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class MicroBatchWriterTest {
  private static final String VIEW =
      "{\"browser_id\": \"b1\", \"product_id\": \"p%d\", \"timestamp\": \"2026-11-23T10:00:00Z\"}";

  @TempDir Path dir;

  private Dataset<Row> firstBatch(SparkSession spark) {
    return new KafkaBatches()
        .add("pdpviews", 0, String.format(VIEW, 1))
        .add("pdpviews", 1, String.format(VIEW, 2))
        .add("pdpviews", 2, "{\"browser_id\": \"b1\"}")
        .add("pdpviews", 3, "not json")
        .add("clicks", 0, "{\"id\": 1, \"page\": \"home\"}")
        .add("clicks", 1, "{\"id\": 2, \"page\": \"cart\", \"extra\": null}")
        .add("Bad.Topic", 0, "{\"id\": 1}")
        .toDataFrame(spark);
  }

  @Test
  void everyRecordIsInRawAndInExactlyOneOfItsTableOrTheDeadLetters(SparkSession spark) {
    LakeLayout lake = new LakeLayout(dir.toString());
    StreamStats stats = new StreamStats();
    new MicroBatchWriter(spark, lake, "test", 0, stats).call(firstBatch(spark), 0L);

    assertThat(spark.read().format("delta").load(lake.raw()).count()).isEqualTo(7);
    Dataset<Row> views = spark.read().format("delta").load(lake.topic("pdpviews"));
    assertThat(offsets(views, "kafka_offset")).containsExactly(0L, 1L);
    assertThat(
            views.select("product_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("p1", "p2");
    Dataset<Row> clicks = spark.read().format("delta").load(lake.topic("clicks"));
    assertThat(clicks.columns()).contains("id", "page").doesNotContain("extra");
    assertThat(clicks.count()).isEqualTo(2);

    Map<String, String> dead = deadLetters(spark, lake);
    assertThat(dead)
        .containsOnlyKeys("pdpviews/2", "pdpviews/3", "Bad.Topic/0")
        .containsEntry("pdpviews/2", "missing required field 'timestamp'");
    assertThat(dead.get("pdpviews/3")).startsWith("malformed JSON");
    assertThat(dead.get("Bad.Topic/0")).contains("is not a valid table name");
    assertThat(stats.tables())
        .containsEntry("raw", 7L)
        .containsEntry("pdpviews", 2L)
        .containsEntry("clicks", 2L)
        .containsEntry("dead_letters", 3L);
    assertThat(stats.rejectedTopics()).containsOnlyKeys("Bad.Topic");
  }

  @Test
  void aReplayedBatchIsWrittenOnceAndNewKeysAddColumns(SparkSession spark) {
    LakeLayout lake = new LakeLayout(dir.toString());
    StreamStats stats = new StreamStats();
    MicroBatchWriter writer = new MicroBatchWriter(spark, lake, "test", 0, stats);
    writer.call(firstBatch(spark), 0L);
    // a restart replays batch 0 from the checkpoint, as after a kill -9 before it was committed
    new MicroBatchWriter(spark, lake, "test", 0, new StreamStats()).call(firstBatch(spark), 0L);
    Dataset<Row> second =
        new KafkaBatches()
            .add("clicks", 2, "{\"id\": 3, \"page\": \"home\", \"coupon\": \"X1\"}")
            .add("clicks", 3, "{\"id\": \"four\"}")
            .toDataFrame(spark);
    writer.call(second, 1L);

    assertThat(spark.read().format("delta").load(lake.raw()).count()).isEqualTo(9);
    Dataset<Row> clicks = spark.read().format("delta").load(lake.topic("clicks"));
    assertThat(offsets(clicks, "kafka_offset")).containsExactly(0L, 1L, 2L);
    assertThat(clicks.filter(col("coupon").isNotNull()).count()).isEqualTo(1);
    assertThat(clicks.filter(col("coupon").isNull()).count()).isEqualTo(2);
    assertThat(deadLetters(spark, lake))
        .hasSize(4)
        .containsEntry("clicks/3", "type mismatch: column 'id' is bigint, the value is string");
    assertThat(stats.newColumns()).containsExactly("clicks.coupon", "clicks.id", "clicks.page");
  }

  @Test
  void tablesAreCompactedEveryNBatches(SparkSession spark) {
    LakeLayout lake = new LakeLayout(dir.toString());
    MicroBatchWriter writer = new MicroBatchWriter(spark, lake, "test", 2, new StreamStats());
    writer.call(firstBatch(spark), 0L);
    writer.call(firstBatch(spark), 1L);

    List<String> operations =
        spark
            .sql("DESCRIBE HISTORY delta.`" + lake.raw() + "`")
            .select("operation")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(operations).contains("OPTIMIZE");
    assertThat(spark.read().format("delta").load(lake.raw()).count()).isEqualTo(14);
  }

  private static List<Long> offsets(Dataset<Row> table, String column) {
    return table
        .select(column)
        .orderBy(column)
        .as(org.apache.spark.sql.Encoders.LONG())
        .collectAsList();
  }

  private static Map<String, String> deadLetters(SparkSession spark, LakeLayout lake) {
    return spark.read().format("delta").load(lake.deadLetters()).collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> r.getAs("topic") + "/" + r.getAs("offset"), r -> r.getAs("reason")));
  }
}
