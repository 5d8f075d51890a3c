package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.testing.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code stream}, {@code produce} and {@code catalog} on the command line: bad options fail early.
 */
@ExtendWith(SharedSpark.class)
class StreamCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--lake l --checkpoint c | give exactly one of --topics a,b and --topic-pattern REGEX",
        "--topics a --topic-pattern b.* --lake l --checkpoint c | give exactly one of",
        "--topic-pattern ( --lake l --checkpoint c | Invalid value '(' for --topic-pattern",
        "--topics a --lake l --checkpoint c --available-now --trigger 5s | drop --trigger",
        "--topics a --lake l --checkpoint c --trigger 0s | not a positive duration",
        "--topics a --lake l --checkpoint c --available-now --lake-trigger 5s | drop --lake-trigger",
        "--topics a --lake l --checkpoint c --lake-trigger -1s | not a positive duration",
        "--topics a --lake l --checkpoint c --starting-offsets first | use earliest or latest",
        "--topics a,,b --lake l --checkpoint c | remove the empty topic name",
        "--topics a --checkpoint c | Missing required option: '--lake=PATH'"
      })
  void streamRejectsBadOptionsBeforeSparkStarts(String options, String message) {
    String[] args = ("stream --bootstrap localhost:1 " + options).split(" ");

    assertThat(run(args)).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains(message);
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
  }

  @Test
  void produceNeedsExactlyOneSource() {
    assertThat(run("produce", "--bootstrap", "localhost:1", "--topic", "t"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("give exactly one of --input FILE and --generate N");
  }

  @Test
  void produceRejectsAMissingFile() {
    assertThat(
            run("produce", "--bootstrap", "localhost:1", "--topic", "t", "--input", "/nope.ndjson"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("/nope.ndjson");
  }

  @Test
  void catalogRefusesWritesWithExitCode2(SparkSession spark) {
    String lake = dir.toString();
    spark.sql("SELECT 1L AS id").write().format("delta").save(lake + "/raw");

    assertThat(run("catalog", "--lake", lake, "query", "DROP TABLE raw"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("catalog query is read-only");
    assertThat(run("catalog", "--lake", lake, "query", "SELECT count(*) AS n FROM raw"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("\"n\" : 1").contains("\"truncated\" : false");
  }

  @Test
  void catalogRefusesALakeThatIsMissingOrEmpty() throws Exception {
    assertThat(run("catalog", "--lake", dir.resolve("nope").toString(), "tables"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("for --lake: no such directory");
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);

    err.getBuffer().setLength(0);
    java.nio.file.Files.createDirectories(dir.resolve("empty"));
    assertThat(run("catalog", "--lake", dir.resolve("empty").toString(), "tables"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("it holds no Delta table");
    assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
  }

  @Test
  void catalogChecksItsAction() {
    assertThat(run("catalog", "--lake", "l", "drop")).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("use one of [tables, columns, query]");
  }
}
