package io.lambdaretail.ingest;

import static io.lambdaretail.ingest.IngestFixtures.uri;
import static io.lambdaretail.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lambdaretail.generate.DatasetStats;
import io.lambdaretail.generate.GenerateJob;
import io.lambdaretail.generate.GenerateOptions;
import io.lambdaretail.generate.GenerateResult;
import io.lambdaretail.generate.Scale;
import io.lambdaretail.ingest.IngestFixtures.Text;
import io.lambdaretail.spark.Schemas;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End-to-end runs of {@link IngestJob} on the shared local[2] session: what lands in the table and
 * in the quarantine, with which positions and counts, read by how many tasks.
 */
@ExtendWith(SharedSpark.class)
class IngestJobTest {
  /** Lines of the multi-block file: about 5 MB uncompressed, 2 MB as xz, so 3 read units. */
  private static final int VIEWS = 20_000;

  private static final int BAD_IN_FIRST_BLOCK = 5;
  private static final int BAD_MID_FILE = 8_123;
  private static final int BAD_AT_BLOCK_START = 12_000;
  private static final int BAD_NEAR_END = VIEWS - 3;

  /** Bad lines by index in the multi-block file, each of another class. */
  private static final Map<Integer, String> DEEP_BAD =
      Map.of(
          BAD_IN_FIRST_BLOCK, "{\"browser_id\":\"b5\",\"product_id\":",
          BAD_MID_FILE,
              "{\"browser_id\":\"b8123\",\"product_id\":[1],\"timestamp\":\"2024-03-01T10:00:00Z\"}",
          BAD_AT_BLOCK_START, "{\"browser_id\":\"b12000\",\"timestamp\":\"2024-03-01T10:00:00Z\"}",
          BAD_NEAR_END,
              "{\"browser_id\":\"b19997\",\"product_id\":\"p\",\"timestamp\":\"2024-03-01 10h\"}");

  private static final Map<Integer, String> DEEP_REASONS =
      Map.of(
          BAD_MID_FILE, "wrong type for 'product_id': expected a string, got array [1]",
          BAD_AT_BLOCK_START, "missing required field 'product_id'",
          BAD_NEAR_END,
              "invalid timestamp in 'timestamp': 2024-03-01 10h (expected ISO-8601 or epoch millis)");

  @TempDir Path dir;

  private static Dataset<Row> parquet(SparkSession spark, String path) {
    return spark.read().parquet(path);
  }

  private static Set<String> strings(Dataset<Row> rows, String column) {
    return rows.select(column).collectAsList().stream()
        .map(r -> r.getString(0))
        .collect(Collectors.toSet());
  }

  private static Instant instant(Row row, String column) {
    return ((Timestamp) row.getAs(column)).toInstant();
  }

  /** Tasks that wrote output rows, per stage; a task that read no line writes none. */
  private static final class OutputTasks extends SparkListener {
    final Map<Integer, Set<Long>> byStage = new ConcurrentHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null && end.taskMetrics().outputMetrics().recordsWritten() > 0) {
        byStage
            .computeIfAbsent(end.stageId(), k -> ConcurrentHashMap.newKeySet())
            .add(end.taskInfo().taskId());
      }
    }

    int mostInOneStage() {
      return byStage.values().stream().mapToInt(Set::size).max().orElse(0);
    }
  }

  @Test
  void multiBlockXzIsReadByManyTasksAndBadLinesKeepTheirRealOffsets(SparkSession spark)
      throws Exception {
    Text text = IngestFixtures.pageViews(VIEWS, 11, DEEP_BAD);
    byte[] plain = text.bytes();
    // a block every 64 KiB, and one starting exactly at a bad line deep in the file
    long[] ends =
        IngestFixtures.blockEnds(
            plain.length, IngestFixtures.BLOCK, text.offset(BAD_AT_BLOCK_START));
    Path file = write(dir, "in/views.ndjson.xz", IngestFixtures.xz(plain, ends));
    IngestOptions options =
        IngestFixtures.options(
            EventSource.PDPVIEWS, dir.resolve("in").toString(), dir.resolve("out").toString());

    OutputTasks tasks = new OutputTasks();
    spark.sparkContext().addSparkListener(tasks);
    IngestResult result;
    try {
      result = new IngestJob(spark, options).run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(tasks);
    }

    assertThat(ends.length).as("xz blocks - 1").isGreaterThan(60);
    assertThat(result.readUnits()).as("read units of the one file").isGreaterThan(1);
    assertThat(tasks.mostInOneStage()).as("tasks of one stage that wrote rows").isGreaterThan(1);
    assertThat(result.files())
        .as("per-file counts")
        .containsExactly(
            new IngestResult.FileCounts(
                uri(file), VIEWS, VIEWS - DEEP_BAD.size(), DEEP_BAD.size()));

    List<Row> bad = parquet(spark, options.quarantine()).orderBy("position").collectAsList();
    assertThat(bad)
        .as("quarantine rows: file, position (byte offset in the decompressed file) and raw line")
        .extracting(r -> r.getAs("file"), r -> r.getAs("position"), r -> r.getAs("raw"))
        .containsExactly(
            DEEP_BAD.keySet().stream()
                .sorted()
                .map(i -> tuple(uri(file), text.offset(i), text.line(i)))
                .toArray(org.assertj.core.groups.Tuple[]::new));
    assertThat((String) bad.get(0).getAs("reason"))
        .as("reason of the malformed line")
        .startsWith("malformed JSON: ");
    assertThat(bad.subList(1, bad.size()))
        .as("reasons of the deeper bad lines")
        .extracting(r -> r.getAs("reason"))
        .containsExactly(
            DEEP_REASONS.get(BAD_MID_FILE),
            DEEP_REASONS.get(BAD_AT_BLOCK_START),
            DEEP_REASONS.get(BAD_NEAR_END));

    Dataset<Row> table = parquet(spark, options.output());
    Set<String> expectedIds =
        IntStream.range(0, VIEWS)
            .filter(i -> !DEEP_BAD.containsKey(i))
            .mapToObj(i -> "b" + i)
            .collect(Collectors.toSet());
    assertThat(table.count()).as("rows written").isEqualTo(VIEWS - DEEP_BAD.size());
    assertThat(strings(table, Schemas.BROWSER_ID))
        .as("every good line exactly once")
        .isEqualTo(expectedIds);
    assertThat(
            table.groupBy(Schemas.EVENT_DATE).count().collectAsList().stream()
                .collect(
                    Collectors.toMap(
                        r -> r.getDate(0).toLocalDate().toString(), r -> r.getLong(1))))
        .as("rows per event_date")
        .containsExactlyInAnyOrderEntriesOf(Map.of("2024-03-01", 9_999L, "2024-03-02", 9_997L));
  }

  private static final List<String> VIEWS_FILE =
      List.of(
          "{\"browser_id\":\"g0\",\"user_id\":null,\"product_id\":\"p1\","
              + "\"timestamp\":\"2024-03-01T10:00:00Z\",\"session_id\":\"s1\",\"ref\":\"email\","
              + "\"n\":3,\"obj\":{\"a\":[1,2]},\"flag\":true}",
          "{\"browser_id\":\"g1\",\"user_id\":\"u\u00e9\",\"product_id\":\"p\u263a\ud83d\ude00\","
              + "\"timestamp\":\"2024-03-01T23:30:00-02:00\"}",
          "{\"browser_id\":\"x2\",\"product_id\":",
          "{\"browser_id\":\"g3\",\"product_id\":12345,\"timestamp\":\"2024-03-01T10:00:00.5\"}",
          "{\"browser_id\":\"x4\",\"product_id\":true,\"timestamp\":\"2024-03-01T10:00:00Z\"}",
          "{\"browser_id\":\"g5\",\"product_id\":\"p5\",\"timestamp\":1709251200000}",
          "{\"product_id\":\"p6\",\"timestamp\":\"2024-03-01T10:00:00Z\",\"user_id\":\"x6\"}",
          "{\"browser_id\":\"g7\",\"product_id\":\"p7\",\"timestamp\":\"1709337599999\"}",
          "{\"browser_id\":\"x8\",\"product_id\":\"p8\",\"timestamp\":\"2024-13-45T99:00:00Z\"}",
          "[1,2,3]",
          "{\"browser_id\":\"x10\",\"product_id\":\"p10\",\"timestamp\":1.7E12}",
          "{\"browser_id\":\"x11\",\"product_id\":\"p11\"}",
          "",
          "{\"browser_id\":\"g13\",\"product_id\":\"p13\",\"timestamp\":\"2024-03-02T00:00:00+00:00\"}");

  /** Reason (or its start, for the JSON parser's own words) of each bad line of VIEWS_FILE. */
  private static final Map<Integer, String> VIEWS_FILE_REASONS =
      Map.of(
          2, "malformed JSON: ",
          4, "wrong type for 'product_id': expected a string, got boolean true",
          6, "missing required field 'browser_id'",
          8,
              "invalid timestamp in 'timestamp': 2024-13-45T99:00:00Z"
                  + " (expected ISO-8601 or epoch millis)",
          9, "malformed JSON: expected one object per line",
          10, "wrong type for 'timestamp': expected a timestamp, got number 1.7E12",
          11, "missing required field 'timestamp'",
          12, "malformed JSON: expected one object per line");

  private static final List<String> GZ_FILE =
      List.of(
          "{\"browser_id\":\"g20\",\"product_id\":\"p\",\"timestamp\":\"2024-03-02T08:00:00Z\"}",
          "{\"browser_id\":\"x21\",\"product_id\":\"p\",\"timestamp\":\"not a time\"}",
          "{\"browser_id\":\"g22\",\"product_id\":\"p\",\"timestamp\":\"2024-03-02T09:00:00Z\"}");

  @Test
  void everyClassOfBadLineIsQuarantinedAndGoodLinesAreNormalised(SparkSession spark) {
    Text views = new Text();
    VIEWS_FILE.forEach(views::add);
    Text gz = new Text();
    GZ_FILE.forEach(gz::add);
    Path plainFile = write(dir, "in/views.ndjson", views.bytes());
    Path gzFile = write(dir, "in/more.ndjson.gz", IngestFixtures.gzip(gz.bytes()));
    IngestOptions options =
        IngestFixtures.options(
            EventSource.PDPVIEWS, dir.resolve("in").toString(), dir.resolve("out").toString());

    IngestResult result = new IngestJob(spark, options).run();

    assertThat(result.files())
        .as("per-file counts")
        .containsExactly(
            new IngestResult.FileCounts(uri(gzFile), 3, 2, 1),
            new IngestResult.FileCounts(uri(plainFile), 14, 6, 8));
    assertThat(List.of(result.minEventDate(), result.maxEventDate()))
        .as("event date range")
        .containsExactly("2024-03-01", "2024-03-02");
    Map<String, Object> summary = result.toSummary();
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) summary.get("counts");
    assertThat(counts)
        .as("summary counts")
        .containsEntry("input_lines", 17L)
        .containsEntry("written", 8L)
        .containsEntry("quarantined", 9L);
    assertThat(counts.get("per_file"))
        .as("summary counts per file")
        .isEqualTo(
            Map.of(
                uri(gzFile),
                Map.of("input_lines", 3L, "written", 2L, "quarantined", 1L),
                uri(plainFile),
                Map.of("input_lines", 14L, "written", 6L, "quarantined", 8L)));

    Dataset<Row> quarantine = parquet(spark, options.quarantine());
    assertThat(quarantine.columns())
        .as("quarantine columns, partition columns last")
        .containsExactly("file", "position", "raw", "reason", "ingested_at", "source", "file_id");
    assertThat(dir.resolve("out_quarantine/source=pdpviews"))
        .as("quarantine partitioned by source")
        .isDirectoryContaining(p -> p.getFileName().toString().startsWith("file_id="));
    List<Row> bad = quarantine.orderBy("file", "position").collectAsList();
    assertThat(bad).as("quarantine rows").hasSize(9);
    assertThat(bad)
        .as("source of every quarantine row")
        .allSatisfy(r -> assertThat((String) r.getAs("source")).isEqualTo("pdpviews"))
        .allSatisfy(r -> assertThat(r.isNullAt(r.fieldIndex("ingested_at"))).isFalse());
    Row gzBad = bad.get(0);
    assertThat(List.of(gzBad.getAs("file"), gzBad.getAs("position"), gzBad.getAs("raw")))
        .as("bad line of the gzip file")
        .containsExactly(uri(gzFile), gz.offset(1), GZ_FILE.get(1));
    assertThat((String) gzBad.getAs("reason"))
        .as("reason of the gzip file's bad line")
        .isEqualTo(
            "invalid timestamp in 'timestamp': not a time (expected ISO-8601 or epoch millis)");
    List<Integer> badIndexes = VIEWS_FILE_REASONS.keySet().stream().sorted().toList();
    for (int k = 0; k < badIndexes.size(); k++) {
      int i = badIndexes.get(k);
      Row row = bad.get(k + 1);
      assertThat(List.of(row.getAs("file"), row.getAs("position"), row.getAs("raw")))
          .as("file, byte offset and raw text of line %d", i)
          .containsExactly(uri(plainFile), views.offset(i), views.line(i));
      assertThat((String) row.getAs("reason"))
          .as("reason of line %d", i)
          .startsWith(VIEWS_FILE_REASONS.get(i));
    }

    Map<String, Row> good =
        parquet(spark, options.output()).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs(Schemas.BROWSER_ID), r -> r));
    assertThat(good.keySet())
        .as("good lines of both files")
        .containsExactlyInAnyOrder("g0", "g1", "g3", "g5", "g7", "g13", "g20", "g22");
    Map<String, Instant> expectedTimes =
        Map.of(
            "g0", Instant.parse("2024-03-01T10:00:00Z"),
            "g1", Instant.parse("2024-03-02T01:30:00Z"),
            "g3", Instant.parse("2024-03-01T10:00:00.500Z"),
            "g5", Instant.parse("2024-03-01T00:00:00Z"),
            "g7", Instant.parse("2024-03-01T23:59:59.999Z"),
            "g13", Instant.parse("2024-03-02T00:00:00Z"),
            "g20", Instant.parse("2024-03-02T08:00:00Z"),
            "g22", Instant.parse("2024-03-02T09:00:00Z"));
    expectedTimes.forEach(
        (id, time) -> {
          Row row = good.get(id);
          assertThat(instant(row, Schemas.EVENT_TIME)).as("event_time of %s", id).isEqualTo(time);
          assertThat(((java.sql.Date) row.getAs(Schemas.EVENT_DATE)).toLocalDate())
              .as("event_date of %s", id)
              .isEqualTo(LocalDate.ofInstant(time, java.time.ZoneOffset.UTC));
        });
    Row g0 = good.get("g0");
    assertThat(g0.<String>getAs(Schemas.USER_ID)).as("null user_id").isNull();
    assertThat(g0.getJavaMap(g0.fieldIndex(Schemas.EXTRA)))
        .as("extra keys of g0")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ref", "email", "n", "3", "obj", "{\"a\":[1,2]}", "flag", "true"));
    assertThat(good.get("g1").<String>getAs(Schemas.PRODUCT_ID))
        .as("multi-byte product id")
        .isEqualTo("p\u263a\ud83d\ude00");
    assertThat(good.get("g3").<String>getAs(Schemas.PRODUCT_ID))
        .as("numeric product id kept as text")
        .isEqualTo("12345");
    assertThat(good.get("g5").isNullAt(good.get("g5").fieldIndex(Schemas.EXTRA)))
        .as("no extra keys")
        .isTrue();
    assertThat(dir.resolve("out/event_date=2024-03-01")).as("partition directory").isDirectory();
  }

  /**
   * Truncated multi-block files: cut just the index off (every block intact) or in the middle. The
   * index is gone either way, so the file is read once from its start; every line before the damage
   * is written, one quarantine row names the file, and the counts add up.
   */
  @ParameterizedTest(name = "cut {0} bytes off the end")
  @ValueSource(ints = {4, 1_000_000})
  void truncatedXzKeepsTheLinesBeforeTheDamage(int cut, SparkSession spark) {
    Text text = IngestFixtures.pageViews(VIEWS, 5, Map.of());
    byte[] plain = text.bytes();
    byte[] xz =
        IngestFixtures.xz(plain, IngestFixtures.blockEnds(plain.length, IngestFixtures.BLOCK));
    Path file = write(dir, "in/cut.ndjson.xz", Arrays.copyOf(xz, xz.length - cut));
    IngestOptions options =
        IngestFixtures.options(
            EventSource.PDPVIEWS, file.toString(), dir.resolve("out").toString());

    IngestResult result = new IngestJob(spark, options).run();

    long written = result.written();
    assertThat(result.readUnits()).as("read units planned").isGreaterThan(1);
    assertThat(result.files())
        .as("per-file counts: lines before the damage, plus one for the unreadable rest")
        .containsExactly(new IngestResult.FileCounts(uri(file), written + 1, written, 1));
    if (cut == 4) {
      assertThat(written).as("lines written when only the index is lost").isEqualTo(VIEWS);
    } else {
      long damagedBlockStart =
          Arrays.stream(IngestFixtures.blocks(xz))
              .filter(b -> b[0] < xz.length - cut)
              .mapToLong(b -> b[1])
              .max()
              .orElseThrow();
      long complete =
          IntStream.range(0, VIEWS - 1)
              .filter(i -> text.offset(i + 1) <= damagedBlockStart)
              .count();
      assertThat(written)
          .as("lines written: at least those ending before the damaged block")
          .isGreaterThanOrEqualTo(complete)
          .isLessThan(VIEWS);
    }
    assertThat(strings(parquet(spark, options.output()), Schemas.BROWSER_ID))
        .as("the lines written are the file's first lines, each once")
        .isEqualTo(
            IntStream.range(0, (int) written).mapToObj(i -> "b" + i).collect(Collectors.toSet()));
    List<Row> bad = parquet(spark, options.quarantine()).collectAsList();
    assertThat(bad).as("quarantine rows").hasSize(1);
    Row error = bad.get(0);
    assertThat((String) error.getAs("file")).as("file of the error").isEqualTo(uri(file));
    assertThat((String) error.getAs("reason"))
        .as("reason")
        .startsWith("unreadable input: ")
        .contains("xz");
    assertThat(error.isNullAt(error.fieldIndex("raw")))
        .as("raw text of the unreadable part is null")
        .isTrue();
    assertThat((Long) error.getAs("position"))
        .as("position: the start of the last line read")
        .isEqualTo(text.offset((int) written - 1));
  }

  /**
   * A corrupt block in the middle of a file with an intact index: the issue asks to keep every line
   * that can be read, and the blocks after the damaged one can be; one quarantine row names the
   * file and the damage.
   */
  @Test
  void corruptBlockKeepsTheLinesOfEveryOtherBlock(SparkSession spark) {
    Text text = IngestFixtures.pageViews(2_000, 9, Map.of());
    byte[] plain = text.bytes();
    byte[] xz = IngestFixtures.xz(plain, IngestFixtures.blockEnds(plain.length, 16 * 1024));
    long[][] blocks = IngestFixtures.blocks(xz);
    int damaged = 5;
    xz[(int) (blocks[damaged][0] + blocks[damaged + 1][0]) / 2] ^= 0x55;
    Path file = write(dir, "in/corrupt.ndjson.xz", xz);
    IngestOptions options =
        IngestFixtures.options(
            EventSource.PDPVIEWS, file.toString(), dir.resolve("out").toString());

    IngestResult result = new IngestJob(spark, options).run();

    long from = blocks[damaged][1];
    long to = blocks[damaged + 1][1];
    Set<String> outside =
        IntStream.range(0, text.size())
            .filter(i -> text.offset(i) >= to || i + 1 < text.size() && text.offset(i + 1) <= from)
            .mapToObj(i -> "b" + i)
            .collect(Collectors.toSet());
    assertThat(result.inputLines())
        .as("input lines = written + quarantined")
        .isEqualTo(result.written() + result.quarantined());
    assertThat(
            parquet(spark, options.quarantine()).collectAsList().stream()
                .filter(r -> ((String) r.getAs("reason")).startsWith("unreadable input: ")))
        .as("quarantine rows for the damage")
        .singleElement()
        .satisfies(r -> assertThat((String) r.getAs("file")).as("file").isEqualTo(uri(file)));
    Set<String> missing = new HashSet<>(outside);
    missing.removeAll(strings(parquet(spark, options.output()), Schemas.BROWSER_ID));
    assertThat(missing.size())
        .as(
            "lines of the %d intact blocks (of %d) not written, e.g. %s",
            blocks.length - 1, blocks.length, missing.stream().sorted().limit(3).toList())
        .isZero();
  }

  /** An empty dump next to good ones must not fail the run. */
  @Test
  void zeroByteXzFileDoesNotFailTheRun(SparkSession spark) {
    Text text = new Text();
    text.add(GZ_FILE.get(0));
    write(dir, "in/a.ndjson", text.bytes());
    write(dir, "in/b.ndjson.xz", new byte[0]);
    IngestOptions options =
        IngestFixtures.options(
            EventSource.PDPVIEWS, dir.resolve("in").toString(), dir.resolve("out").toString());

    IngestResult result = new IngestJob(spark, options).run();

    assertThat(result.written()).as("lines written").isEqualTo(1);
    assertThat(result.inputLines())
        .as("input lines = written + quarantined")
        .isEqualTo(result.written() + result.quarantined());
  }

  /** What the generator writes, bad lines included, is what ingest reads. */
  @Test
  void generatedDumpsIngestWithOnlyTheDeliberatelyBadLinesQuarantined(SparkSession spark) {
    Path data = dir.resolve("gen");
    GenerateResult generated =
        new GenerateJob(
                new GenerateOptions(
                    data,
                    Scale.TINY,
                    400,
                    40,
                    2,
                    LocalDate.of(2024, 1, 1),
                    7,
                    0.05,
                    4096,
                    0,
                    2,
                    false))
            .run();

    Map<EventSource, String> inputs =
        Map.of(
            EventSource.PDPVIEWS, data.resolve("pdpviews").toString(),
            EventSource.TRANSACTIONS, data.resolve("transactions").toString(),
            EventSource.DEALS, data.resolve("deals/deals.ndjson").toString());
    Set<String> reasons = new HashSet<>();
    for (Map.Entry<EventSource, String> input : inputs.entrySet()) {
      EventSource source = input.getKey();
      DatasetStats stats = generated.datasets().get(source.cliName());
      IngestOptions options =
          IngestFixtures.options(
              source, input.getValue(), dir.resolve("lake/" + source.cliName()).toString());

      IngestResult result = new IngestJob(spark, options).run();

      assertThat(result.inputLines()).as("input lines of %s", source).isEqualTo(stats.lines());
      assertThat(result.quarantined())
          .as("quarantined lines of %s: the generator's bad lines", source)
          .isEqualTo(stats.badLines());
      assertThat(parquet(spark, options.output()).count())
          .as("rows of %s", source)
          .isEqualTo(stats.lines() - stats.badLines());
      if (stats.badLines() > 0) {
        parquet(spark, options.quarantine()).select("reason").collectAsList().stream()
            .map(r -> r.getString(0).replaceAll("[:'].*", ""))
            .forEach(reasons::add);
      }
    }
    assertThat(reasons)
        .as("classes of reasons for the generated bad lines")
        .contains("malformed JSON", "wrong type for ", "missing required field ");
  }
}
