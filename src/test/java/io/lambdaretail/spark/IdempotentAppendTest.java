package io.lambdaretail.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class IdempotentAppendTest {
  @TempDir Path dir;

  private static Dataset<Row> batch(SparkSession spark, long id) {
    return spark.sql("SELECT " + id + "L AS batch, id FROM range(3)");
  }

  private static long rows(SparkSession spark, String path) {
    return spark.read().format("delta").load(path).count();
  }

  @Test
  void aReplayedBatchIsSkippedByANewWriterOfTheSameStream(SparkSession spark) {
    String path = dir.resolve("t").toString();
    IdempotentAppend first = new IdempotentAppend("stream-a");
    assertThat(first.append(batch(spark, 0), path, 0, false)).isTrue();
    assertThat(first.append(batch(spark, 1), path, 1, false)).isTrue();

    // a restart: the checkpoint replays batch 1, then goes on with 2
    IdempotentAppend restarted = new IdempotentAppend("stream-a");
    assertThat(restarted.append(batch(spark, 1), path, 1, false)).isFalse();
    assertThat(restarted.append(batch(spark, 2), path, 2, false)).isTrue();
    assertThat(rows(spark, path)).isEqualTo(9);

    // another stream (another checkpoint) has its own batch ids
    assertThat(new IdempotentAppend("stream-b").append(batch(spark, 1), path, 1, false)).isTrue();
    assertThat(rows(spark, path)).isEqualTo(12);
  }

  @Test
  void findsTheStreamsLatestBatchBehindMoreForeignCommitsThanItReadsFirst(SparkSession spark) {
    String path = dir.resolve("t").toString();
    new IdempotentAppend("stream-a", 2).append(batch(spark, 5), path, 5, false);
    for (int i = 0; i < 3; i++) {
      new IdempotentAppend("other", 2).append(batch(spark, 100 + i), path, 100 + i, false);
    }
    DeltaTable.forPath(spark, path).optimize().executeCompaction();

    IdempotentAppend restarted = new IdempotentAppend("stream-a", 2);
    assertThat(restarted.lastCommittedBatch(spark, path)).isEqualTo(5);
    assertThat(restarted.append(batch(spark, 5), path, 5, false)).isFalse();
    assertThat(rows(spark, path)).isEqualTo(12);
  }

  @Test
  void readsOnlyItsOwnMarkers() {
    IdempotentAppend a = new IdempotentAppend("stream-a");
    assertThat(a.batchOf("{\"stream\":\"stream-a\",\"batch\":7}")).isEqualTo(7L);
    assertThat(a.batchOf("{\"stream\":\"stream-b\",\"batch\":7}")).isNull();
    assertThat(a.batchOf("{\"stream\":\"stream-a\",\"batch\":\"x\"}")).isNull();
    assertThat(a.batchOf("{not json")).isNull();
    assertThat(a.batchOf("nightly backfill")).isNull();
    assertThat(a.batchOf(null)).isNull();
  }
}
