package io.lambdaretail.ingest;

import static io.lambdaretail.ingest.IngestFixtures.uri;
import static io.lambdaretail.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.cli.ExitCodes;
import io.lambdaretail.cli.Main;
import io.lambdaretail.ingest.IngestFixtures.Text;
import io.lambdaretail.testing.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lambda-retail ingest} through the real command line: exit codes, the one-line errors and
 * the JSON summary. Runs that reach Spark take the shared session first, so the command's {@code
 * getOrCreate()} reuses it.
 */
@ExtendWith(SharedSpark.class)
class IngestCliTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** Six good views and two bad lines. */
  private Path views() {
    Text text = new Text();
    for (int i = 0; i < 6; i++) {
      text.add(
          "{\"browser_id\":\"b"
              + i
              + "\",\"product_id\":\"p\",\"timestamp\":\"2024-03-01T12:00:00Z\",\"k\":"
              + i
              + "}");
    }
    text.add("{\"browser_id\":");
    text.add("{\"browser_id\":\"b9\",\"product_id\":\"p\",\"timestamp\":\"later\"}");
    return write(dir, "in/views.ndjson", text.bytes());
  }

  @Test
  void missingSourceIsInvalidInput() {
    int code =
        run("ingest", "--input", views().toString(), "--output", dir.resolve("out").toString());

    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
    assertThat(err.toString())
        .as("stderr")
        .startsWith("error: ")
        .contains("--source")
        .contains("pdpviews, transactions or deals");
    assertThat(out.toString()).as("stdout").isEmpty();
    assertThat(dir.resolve("out")).as("output").doesNotExist();
  }

  @Test
  void unknownSourceIsInvalidInput() {
    int code =
        run(
            "ingest",
            "--source",
            "clicks",
            "--input",
            views().toString(),
            "--output",
            dir.resolve("out").toString());

    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
    assertThat(err.toString())
        .as("stderr")
        .startsWith("error: ")
        .contains("'clicks' is not a source; use one of pdpviews, transactions, deals")
        .contains("lambda-retail ingest --help");
    assertThat(dir.resolve("out")).as("output").doesNotExist();
  }

  @Test
  void missingInputOrBadRatioIsInvalidInput() {
    assertThat(run("ingest", "--source", "deals", "--output", dir.resolve("out").toString()))
        .as("exit code without --input")
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines()).as("stderr lines without --input").hasSize(1);
    assertThat(err.toString()).as("stderr without --input").contains("--input");

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "ingest",
                "--source",
                "deals",
                "--input",
                views().toString(),
                "--output",
                dir.resolve("out").toString(),
                "--max-bad-ratio",
                "2"))
        .as("exit code with --max-bad-ratio 2")
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().trim())
        .as("stderr with --max-bad-ratio 2")
        .isEqualTo("error: --max-bad-ratio must be a ratio between 0 and 1, cannot be: 2.0.");
  }

  @Test
  void noMatchingFileIsInvalidInput(SparkSession spark) {
    String glob = dir.resolve("in/*.ndjson.xz").toString();

    int code =
        run(
            "ingest",
            "--source",
            "pdpviews",
            "--input",
            glob,
            "--output",
            dir.resolve("out").toString());

    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
    assertThat(err.toString().trim())
        .as("stderr")
        .isEqualTo(
            "error: Invalid value '"
                + glob
                + "' for --input: no file matches. Check the path or glob, e.g."
                + " 'data/sample/pdpviews/*.ndjson.xz'.");
    assertThat(dir.resolve("out")).as("output").doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "delta"})
  void tooManyBadLinesExitWith1AndLeaveTheTableAndTheQuarantineAsTheyWere(
      String format, SparkSession spark) throws Exception {
    Path input = views();
    String output = dir.resolve("out").toString();
    String[] args = {
      "ingest",
      "--source",
      "pdpviews",
      "--input",
      input.toString(),
      "--output",
      output,
      "--format",
      format
    };
    assertThat(run(args)).as("first run; stderr: %s", err).isEqualTo(ExitCodes.OK);
    Map<Path, byte[]> before = files(dir.resolve("out"), dir.resolve("out_quarantine"));
    err.getBuffer().setLength(0);

    String[] guarded =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--max-bad-ratio", "0.01"))
            .toArray(String[]::new);
    int code = run(guarded);

    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
    assertThat(err.toString())
        .as("stderr")
        .contains("2 of 8 input lines (0.2500) were bad, above --max-bad-ratio 0.01; nothing was")
        .contains("1 x ");
    Map<Path, byte[]> after = files(dir.resolve("out"), dir.resolve("out_quarantine"));
    assertThat(after.keySet())
        .as("files of the table and the quarantine")
        .isEqualTo(before.keySet());
    before.forEach((f, bytes) -> assertThat(after.get(f)).as("%s", f).isEqualTo(bytes));
    try (java.util.stream.Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no staging or spool left behind")
          .containsExactlyInAnyOrder("in", "out", "out_quarantine");
    }
    assertThat(spark.read().format(format).load(output).count()).isEqualTo(6);
  }

  @Test
  void aRunWhoseEveryLineIsBadExitsWith1(SparkSession spark) {
    Text text = new Text();
    text.add("{\"browser_id\":");
    text.add("nope");
    Path input = write(dir, "in/bad.ndjson", text.bytes());
    String output = dir.resolve("out").toString();

    int code =
        run("ingest", "--source", "pdpviews", "--input", input.toString(), "--output", output);

    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
    assertThat(err.toString())
        .contains("2 of 2 input lines (1.0000) were bad, every line was bad")
        .contains("they are in " + output + "_quarantine");
    assertThat(spark.read().parquet(output + "_quarantine").count()).isEqualTo(2);
  }

  private static Map<Path, byte[]> files(Path... roots) throws java.io.IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    for (Path root : roots) {
      try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          files.put(p, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  @Test
  void summaryCountsAddUpInTotalAndPerFile(SparkSession spark) throws Exception {
    Path input = views();
    Path metrics = dir.resolve("metrics/ingest.json");

    int code =
        run(
            "ingest",
            "--source",
            "pdpviews",
            "--input",
            dir.resolve("in").toString(),
            "--output",
            dir.resolve("lake/views").toString(),
            "--format",
            "parquet",
            "--metrics-out",
            metrics.toString());

    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
    ObjectMapper json = new ObjectMapper();
    JsonNode summary = json.readTree(out.toString());
    assertThat(json.readTree(metrics.toFile())).as("--metrics-out").isEqualTo(summary);
    assertThat(summary.path("command").asText()).as("command").isEqualTo("ingest");
    assertThat(summary.path("status").asText()).as("status").isEqualTo("ok");
    assertThat(summary.path("source").asText()).as("source").isEqualTo("pdpviews");
    assertThat(summary.path("format").asText()).as("format").isEqualTo("parquet");
    assertThat(summary.path("quarantine").asText())
        .as("quarantine path")
        .isEqualTo(dir.resolve("lake/views_quarantine").toString());
    JsonNode counts = summary.path("counts");
    assertThat(counts.path("input_lines").asLong()).as("input_lines").isEqualTo(8);
    assertThat(counts.path("written").asLong()).as("written").isEqualTo(6);
    assertThat(counts.path("quarantined").asLong()).as("quarantined").isEqualTo(2);
    JsonNode file = counts.path("per_file").path(uri(input));
    assertThat(file.path("input_lines").asLong()).as("per-file input_lines").isEqualTo(8);
    assertThat(file.path("written").asLong()).as("per-file written").isEqualTo(6);
    assertThat(file.path("quarantined").asLong()).as("per-file quarantined").isEqualTo(2);
    assertThat(summary.path("event_dates").path("min").asText())
        .as("first event date")
        .isEqualTo("2024-03-01");
    assertThat(
            spark
                .read()
                .parquet(dir.resolve("lake/views").toString())
                .selectExpr("extra['k'] AS k")
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .sorted())
        .as("extra key k of the rows written")
        .containsExactly("0", "1", "2", "3", "4", "5");
  }
}
