package io.lambdaretail.ingest;

import static io.lambdaretail.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.ingest.IngestFixtures.Text;
import io.lambdaretail.ingest.IngestOptions.Format;
import io.lambdaretail.ingest.IngestOptions.WriteMode;
import io.lambdaretail.spark.Schemas;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reruns, append, error-if-exists and --max-bad-ratio, for Parquet and Delta. */
@ExtendWith(SharedSpark.class)
class IngestWriteModesTest {
  /** Delta rebuilds a snapshot with 50 tasks by default: seconds per commit on two cores. */
  private static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  @TempDir Path dir;
  private String snapshotPartitions;

  @BeforeEach
  void fewerDeltaSnapshotPartitions(SparkSession spark) {
    snapshotPartitions = spark.conf().get(SNAPSHOT_PARTITIONS, null);
    spark.conf().set(SNAPSHOT_PARTITIONS, "2");
  }

  @AfterEach
  void restoreDeltaSnapshotPartitions(SparkSession spark) {
    if (snapshotPartitions == null) {
      spark.conf().unset(SNAPSHOT_PARTITIONS);
    } else {
      spark.conf().set(SNAPSHOT_PARTITIONS, snapshotPartitions);
    }
  }

  /** Day A: views on 2024-03-01 and 2024-03-02, two of them bad. */
  private Path dayA() {
    Text text = new Text();
    for (int i = 0; i < 6; i++) {
      text.add(
          "{\"browser_id\":\"a"
              + i
              + "\",\"product_id\":\"p\",\"timestamp\":\"2024-03-0"
              + (1 + i % 2)
              + "T12:00:00Z\"}");
    }
    text.add("{\"browser_id\":\"a-bad\"");
    text.add("{\"browser_id\":\"a-bad2\",\"product_id\":\"p\",\"timestamp\":\"noon\"}");
    return write(dir, "in/a.ndjson", text.bytes());
  }

  /** Day B: views on 2024-03-03, one of them bad. */
  private Path dayB() {
    Text text = new Text();
    text.add("{\"browser_id\":\"b0\",\"product_id\":\"p\",\"timestamp\":\"2024-03-03T01:00:00Z\"}");
    text.add("{\"browser_id\":\"b1\",\"product_id\":\"p\",\"timestamp\":\"2024-03-03T02:00:00Z\"}");
    text.add("{\"browser_id\":\"b-bad\",\"timestamp\":\"2024-03-03T02:00:00Z\"}");
    return write(dir, "in/b.ndjson", text.bytes());
  }

  private IngestOptions options(Path input, Format format, WriteMode mode, double maxBadRatio) {
    return IngestFixtures.with(
        IngestFixtures.options(
            EventSource.PDPVIEWS, input.toString(), dir.resolve("lake/views").toString()),
        format,
        mode,
        maxBadRatio);
  }

  private static Dataset<Row> read(SparkSession spark, Format format, String path) {
    return spark.read().format(format.name().toLowerCase(java.util.Locale.ROOT)).load(path);
  }

  /** Values of one string column -> how many rows carry each, from one read of the table. */
  private static Map<String, Long> counts(Dataset<Row> table, String column) {
    return table.select(column).collectAsList().stream()
        .collect(Collectors.groupingBy(r -> r.getString(0), Collectors.counting()));
  }

  private static Map<String, Long> once(String... keys) {
    return java.util.Arrays.stream(keys).collect(Collectors.toMap(k -> k, k -> 1L));
  }

  /**
   * Ingest A, then B (another day), then A again: the rerun replaces A's dates and A's quarantine
   * rows, never duplicates them, and leaves B's alone.
   */
  @ParameterizedTest
  @EnumSource(Format.class)
  void rerunReplacesItsPartitionsAndNeverDuplicates(Format format, SparkSession spark) {
    Path a = dayA();
    Path b = dayB();
    IngestOptions ingestA = options(a, format, WriteMode.OVERWRITE_PARTITIONS, 1.0);
    IngestOptions ingestB = options(b, format, WriteMode.OVERWRITE_PARTITIONS, 1.0);

    new IngestJob(spark, ingestA).run();
    new IngestJob(spark, ingestB).run();
    IngestResult rerun = new IngestJob(spark, ingestA).run();

    assertThat(rerun.written()).as("rows the rerun wrote").isEqualTo(6);
    List<Row> table =
        read(spark, format, ingestA.output())
            .select(Schemas.BROWSER_ID, Schemas.EVENT_DATE)
            .collectAsList();
    assertThat(
            table.stream()
                .collect(Collectors.groupingBy(r -> r.getString(0), Collectors.counting())))
        .as("each good line of A and B exactly once")
        .isEqualTo(once("a0", "a1", "a2", "a3", "a4", "a5", "b0", "b1"));
    assertThat(table.stream().map(r -> r.getDate(1).toString()).distinct().sorted())
        .as("event dates")
        .containsExactly("2024-03-01", "2024-03-02", "2024-03-03");
    assertThat(counts(read(spark, format, ingestA.quarantine()), "raw"))
        .as("each bad line of A and B exactly once")
        .isEqualTo(
            once(
                "{\"browser_id\":\"a-bad\"",
                "{\"browser_id\":\"a-bad2\",\"product_id\":\"p\",\"timestamp\":\"noon\"}",
                "{\"browser_id\":\"b-bad\",\"timestamp\":\"2024-03-03T02:00:00Z\"}"));
  }

  /**
   * A rerun of a file whose bad lines were fixed at the source: its quarantine rows must go, as the
   * rerun replaces the quarantine rows of the files it reads. A quarantine partition is only
   * replaced when the rerun writes rows into it, so a now clean file keeps its stale rows.
   */
  @Test
  void rerunOfAFixedFileClearsItsQuarantineRows(SparkSession spark) {
    Path a = dayA();
    IngestOptions ingestA = options(a, Format.PARQUET, WriteMode.OVERWRITE_PARTITIONS, 1.0);
    new IngestJob(spark, ingestA).run();
    Text fixed = new Text();
    for (int i = 0; i < 6; i++) {
      fixed.add(
          "{\"browser_id\":\"a"
              + i
              + "\",\"product_id\":\"p\",\"timestamp\":\"2024-03-0"
              + (1 + i % 2)
              + "T12:00:00Z\"}");
    }
    write(dir, "in/a.ndjson", fixed.bytes());

    IngestResult rerun = new IngestJob(spark, ingestA).run();

    assertThat(rerun.quarantined()).as("bad lines in the rerun").isZero();
    assertThat(spark.read().schema(Schemas.QUARANTINE).parquet(ingestA.quarantine()).count())
        .as("quarantine rows of the fixed file after its rerun")
        .isZero();
  }

  @Test
  void appendAddsTheRowsAgain(SparkSession spark) {
    IngestOptions append = options(dayA(), Format.PARQUET, WriteMode.APPEND, 1.0);

    new IngestJob(spark, append).run();
    new IngestJob(spark, append).run();

    Map<String, Long> ids =
        counts(read(spark, Format.PARQUET, append.output()), Schemas.BROWSER_ID);
    assertThat(ids).as("good lines after two appends").hasSize(6);
    assertThat(ids.values()).as("each good line twice").containsOnly(2L);
    assertThat(read(spark, Format.PARQUET, append.quarantine()).count())
        .as("quarantine rows after two appends")
        .isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void errorIfExistsRefusesAnExistingTableAndLeavesItUnchanged(Format format, SparkSession spark) {
    IngestOptions first = options(dayA(), format, WriteMode.ERROR_IF_EXISTS, 1.0);
    IngestOptions second = options(dayB(), format, WriteMode.ERROR_IF_EXISTS, 1.0);

    IngestResult created = new IngestJob(spark, first).run();

    assertThat(created.written()).as("rows of the first run").isEqualTo(6);
    assertThatThrownBy(() -> new IngestJob(spark, second).run())
        .as("second run into the same table")
        .hasMessageContaining(first.output())
        .hasMessageMatching("(?s).*already exist.*");
    assertThat(counts(read(spark, format, first.output()), Schemas.BROWSER_ID))
        .as("table after the refused run")
        .isEqualTo(once("a0", "a1", "a2", "a3", "a4", "a5"));
    assertThat(read(spark, format, first.quarantine()).count())
        .as("quarantine after the refused run")
        .isEqualTo(2);
  }

  @Test
  void errorIfExistsChecksTheQuarantineBeforeWritingTheTable(SparkSession spark) throws Exception {
    IngestOptions options = options(dayA(), Format.PARQUET, WriteMode.ERROR_IF_EXISTS, 1.0);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of(options.quarantine()));

    assertThatThrownBy(() -> new IngestJob(spark, options).run())
        .as("run whose quarantine path exists")
        .hasMessageContaining(options.quarantine())
        .hasMessageContaining("already exists");
    assertThat(java.nio.file.Path.of(options.output())).as("table not written").doesNotExist();
  }

  @Test
  void tooManyBadLinesFailTheRunBeforeAnythingChanges(SparkSession spark) {
    Path a = dayA();
    IngestOptions atLimit = options(a, Format.PARQUET, WriteMode.OVERWRITE_PARTITIONS, 0.25);
    IngestOptions strict = options(a, Format.PARQUET, WriteMode.OVERWRITE_PARTITIONS, 0.1);

    IngestResult ok = new IngestJob(spark, atLimit).run();

    assertThat(ok.badRatio()).as("bad ratio 2 of 8, not above 0.25").isEqualTo(0.25);
    assertThatThrownBy(() -> new IngestJob(spark, strict).run())
        .as("run with --max-bad-ratio 0.1")
        .isInstanceOf(IngestFailedException.class)
        .hasMessageStartingWith(
            "2 of 8 input lines (0.2500) were bad, above --max-bad-ratio 0.1; nothing was written"
                + " (1 x ");
    assertThat(read(spark, Format.PARQUET, strict.output()).count())
        .as("the first run's table, as it was")
        .isEqualTo(6);
    List<Row> bad = read(spark, Format.PARQUET, strict.quarantine()).collectAsList();
    assertThat(bad).as("the first run's quarantine, as it was").hasSize(2);
  }
}
