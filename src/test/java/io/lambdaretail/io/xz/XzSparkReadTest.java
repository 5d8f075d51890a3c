package io.lambdaretail.io.xz;

import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark's text and JSON readers over the codec, with small partitions so one file gets many tasks.
 */
@ExtendWith(SharedSpark.class)
class XzSparkReadTest {
  private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
  private static final String CODECS = "io.compression.codecs";

  @TempDir java.nio.file.Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lambdaretail.io.xz.XzCase#all")
  void textReaderYieldsEveryLineOnceFromManyTasks(XzCase c, SparkSession spark) throws Exception {
    XzFixtures.write(dir, "data.xz", c.compressed());
    long partitionBytes = Math.max(64, c.compressed().length / 8);

    List<Row> rows =
        withXz(spark, partitionBytes, () -> linesWithPartition(spark.read().text(dir.toString())));

    assertThat(rows.stream().map(row -> row.getString(0)).toList())
        .as("lines read by Spark")
        .containsExactlyInAnyOrderElementsOf(XzFixtures.hadoopLines(c.plain()));
    if (c.multiBlock()) {
      assertThat(rows.stream().map(row -> row.getInt(1)).distinct().count())
          .as("partitions that yield lines")
          .isGreaterThan(1);
    }
  }

  @Test
  void readsXzAndGzipSideBySide(SparkSession spark) throws Exception {
    XzCase c = XzCase.all().get(0);
    XzFixtures.write(dir, "a.xz", c.compressed());
    List<String> gzLines = XzFixtures.lines(50, 30, 99);
    XzFixtures.write(dir, "b.gz", gzip(XzFixtures.text(gzLines)));

    List<Row> rows =
        withXz(spark, 256, () -> linesWithPartition(spark.read().text(dir.toString())));

    List<String> expected = new ArrayList<>(XzFixtures.hadoopLines(c.plain()));
    expected.addAll(gzLines);
    assertThat(rows.stream().map(row -> row.getString(0)).toList())
        .as("lines of a.xz and b.gz")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void jsonReaderSplitsNdjsonXz(SparkSession spark) throws Exception {
    String json =
        IntStream.range(0, 400)
            .mapToObj(i -> "{\"id\":" + i + ",\"name\":\"user-" + i + "\"}")
            .collect(Collectors.joining("\n", "", "\n"));
    byte[] text = XzFixtures.utf8(json);
    XzFixtures.write(dir, "users.ndjson.xz", XzFixtures.xz(text, blockEnds(text.length, 700)));
    StructType schema =
        new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);

    List<Row> rows =
        withXz(
            spark, 300, () -> linesWithPartition(spark.read().schema(schema).json(dir.toString())));

    assertThat(rows.stream().map(row -> row.getLong(0)).sorted().toList())
        .as("ids")
        .isEqualTo(IntStream.range(0, 400).asLongStream().boxed().toList());
    assertThat(rows.stream().filter(row -> row.isNullAt(1)).count()).as("broken records").isZero();
    assertThat(rows.stream().map(row -> row.getInt(2)).distinct().count())
        .as("partitions that yield records")
        .isGreaterThan(1);
  }

  @Test
  void filesSparkWritesWithTheCodecSplitToo(SparkSession spark) throws Exception {
    List<String> lines = XzFixtures.lines(2000, 40, 5);
    String out = dir.resolve("out").toString();
    spark
        .createDataset(lines, org.apache.spark.sql.Encoders.STRING())
        .coalesce(1)
        .write()
        .option("compression", XzCodec.class.getName())
        .option(XzCodec.BLOCK_SIZE_KEY, "4096")
        .text(out);

    List<Row> rows = withXz(spark, 512, () -> linesWithPartition(spark.read().text(out)));

    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")))
          .as("written parts")
          .singleElement()
          .satisfies(name -> assertThat(name).endsWith(".txt.xz"));
    }
    assertThat(rows.stream().map(row -> row.getString(0)).toList())
        .containsExactlyInAnyOrderElementsOf(lines);
    assertThat(rows.stream().map(row -> row.getInt(1)).distinct().count())
        .as("partitions that yield lines")
        .isGreaterThan(1);
  }

  @Test
  void truncatedFileFailsTheReadWithTheReason(SparkSession spark) throws Exception {
    byte[] xz = XzCase.all().get(0).compressed();
    XzFixtures.write(dir, "cut.xz", Arrays.copyOf(xz, xz.length - 100));

    assertThatThrownBy(() -> withXz(spark, 256, () -> spark.read().text(dir.toString()).count()))
        .hasMessageContaining(
            "Cannot read the index of this " + (xz.length - 100) + "-byte xz file");
  }

  /** The rows with the id of the partition (task) that read each appended. */
  private static List<Row> linesWithPartition(Dataset<Row> data) {
    return data.withColumn("partition", spark_partition_id()).collectAsList();
  }

  /**
   * Runs {@code body} with the codec registered and partitions of at most {@code maxPartitionBytes}
   * compressed bytes, then puts the shared session's settings back.
   */
  private static <T> T withXz(SparkSession spark, long maxPartitionBytes, Callable<T> body)
      throws Exception {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String codecs = hadoop.get(CODECS);
    String partitionBytes = spark.conf().get(MAX_PARTITION_BYTES, null);
    try {
      XzCodec.register(hadoop);
      spark.conf().set(MAX_PARTITION_BYTES, maxPartitionBytes);
      return body.call();
    } finally {
      if (codecs == null) {
        hadoop.unset(CODECS);
      } else {
        hadoop.set(CODECS, codecs);
      }
      if (partitionBytes == null) {
        spark.conf().unset(MAX_PARTITION_BYTES);
      } else {
        spark.conf().set(MAX_PARTITION_BYTES, partitionBytes);
      }
    }
  }

  private static long[] blockEnds(long length, long every) {
    return java.util.stream.LongStream.iterate(every, p -> p < length, p -> p + every).toArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
