package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.ingest.EventSource;
import io.lambdaretail.ingest.IngestJob;
import io.lambdaretail.ingest.IngestOptions;
import io.lambdaretail.ingest.IngestOptions.Compression;
import io.lambdaretail.ingest.IngestOptions.Format;
import io.lambdaretail.ingest.IngestOptions.WriteMode;
import io.lambdaretail.ingest.IngestResult;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * {@code ingest} from {@code s3a://} to {@code s3a://} against the real S3-compatible server: a
 * multi-block xz dump big enough for two read units (so units seek into the object), a bad line in
 * a late block, and a rerun that must replace, not duplicate.
 */
@ExtendWith({LocalServices.S3.class, SharedSpark.class})
class IngestS3IT {
  private static final int LINES = 8_000;
  private static final int BAD = 6_543;
  private static final String BAD_LINE =
      "{\"browser_id\":\"b6543\",\"product_id\":\"p\",\"timestamp\":\"tea time\"}";
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void ingestsAMultiBlockXzDumpFromS3aToS3a(Endpoints endpoints, SparkSession spark)
      throws Exception {
    S3Settings.apply(spark, endpoints);
    String root = "s3a://" + endpoints.s3Bucket() + "/";
    String run = UUID.randomUUID().toString();
    Path input = new Path(root + "in/" + run + "/views.ndjson.xz");
    long badOffset = upload(spark, input);
    IngestOptions options =
        new IngestOptions(
            EventSource.PDPVIEWS,
            root + "in/" + run,
            root + "out/" + run + "/views",
            Format.PARQUET,
            Compression.SNAPPY,
            WriteMode.OVERWRITE_PARTITIONS,
            null,
            1.0);

    IngestResult first = new IngestJob(spark, options).run();
    IngestResult rerun = new IngestJob(spark, options).run();

    assertThat(first.readUnits()).as("read tasks of the one s3a file").isGreaterThan(1);
    for (IngestResult result : List.of(first, rerun)) {
      assertThat(result.files())
          .as("per-file counts")
          .containsExactly(new IngestResult.FileCounts(input.toString(), LINES, LINES - 1, 1));
    }
    List<Row> table = spark.read().parquet(options.output()).select("browser_id").collectAsList();
    assertThat(table).as("rows on s3a after a rerun").hasSize(LINES - 1);
    assertThat(table.stream().map(r -> r.getString(0)).distinct().count())
        .as("distinct browser ids: no line twice")
        .isEqualTo(LINES - 1);
    List<Row> bad = spark.read().parquet(options.quarantine()).collectAsList();
    assertThat(bad).as("quarantine rows on s3a after a rerun").hasSize(1);
    Map<String, Object> row =
        List.of("file", "position", "raw", "reason").stream()
            .collect(Collectors.toMap(c -> c, c -> bad.get(0).getAs(c)));
    assertThat(row)
        .as("the bad line: file, byte offset in the decompressed file, raw text, reason")
        .containsEntry("file", input.toString())
        .containsEntry("position", badOffset)
        .containsEntry("raw", BAD_LINE)
        .containsEntry(
            "reason",
            "invalid timestamp in 'timestamp': tea time (expected ISO-8601 or epoch millis)");
  }

  /**
   * Writes about 2 MB of page views as xz with a block every 64 KiB to {@code file}; returns the
   * uncompressed offset of the bad line.
   */
  private static long upload(SparkSession spark, Path file) throws IOException {
    Random random = new Random(17);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    long badOffset = -1;
    for (int i = 0; i < LINES; i++) {
      String line;
      if (i == BAD) {
        badOffset = text.size();
        line = BAD_LINE;
      } else {
        StringBuilder note = new StringBuilder();
        for (int k = 0; k < 200; k++) {
          note.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        line =
            "{\"browser_id\":\"b"
                + i
                + "\",\"product_id\":\"p"
                + i % 40
                + "\",\"timestamp\":"
                + (1_709_251_200_000L + i * 1000L)
                + ",\"note\":\""
                + note
                + "\"}";
      }
      text.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] plain = text.toByteArray();
    ByteArrayOutputStream xz = new ByteArrayOutputStream();
    try (XZOutputStream out = new XZOutputStream(xz, new LZMA2Options(0))) {
      for (int start = 0; start < plain.length; start += 64 * 1024) {
        out.write(plain, start, Math.min(64 * 1024, plain.length - start));
        out.endBlock();
      }
    }
    FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (FSDataOutputStream out = fs.create(file, true)) {
      out.write(xz.toByteArray());
    }
    assertThat(fs.getFileStatus(file).getLen())
        .as("compressed size: above 1 MiB so that the file is cut into units")
        .isGreaterThan(1L << 20);
    return badOffset;
  }
}
