package io.lambdaretail.recs.als;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.cli.ExitCodes;
import io.lambdaretail.cli.Main;
import io.lambdaretail.recs.RecsFixtures;
import io.lambdaretail.testing.SharedSpark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/**
 * train-als on a two-group interactions CSV (last-k split), then recommend to .ndjson.xz and
 * Parquet, through the real command line; and the bad-input paths (exit 2).
 */
@ExtendWith(SharedSpark.class)
class AlsRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SMALL = {"--rank", "4", "--iterations", "4", "--k", "5"};

  @TempDir static Path dir;
  private static Path csv;
  private static Path model;
  private static JsonNode trained;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static String[] args(String[] head, String... tail) {
    return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
  }

  @BeforeAll
  static void train(SparkSession spark) throws IOException {
    csv = RecsFixtures.twoGroups(dir);
    model = dir.resolve("model");
    Run r =
        run(
            args(
                new String[] {"train-als", "--interactions", csv.toString(), "--split", "last-k"},
                args(SMALL, "--last-k", "2", "--model-out", model.toString())));
    assertThat(r.code()).as("train-als exit code; stderr: %s", r.err()).isZero();
    trained = JSON.readTree(r.out());
  }

  @Test
  void summaryHasMetricsAndBaselineUnderTheContractKeys() {
    for (String part : List.of("metrics", "baseline")) {
      JsonNode m = trained.get(part);
      for (String key : List.of("precision@5", "recall@5", "map@5", "ndcg@5", "auc", "coverage")) {
        assertThat(m.get(key).asDouble()).as("%s.%s in [0, 1]", part, key).isBetween(0.0, 1.0);
      }
      assertThat(m.get("users").asLong()).as("%s: every user held out 2 items", part).isEqualTo(40);
    }
    assertThat(trained.get("counts").get("train_pairs").asLong())
        .as("320 rows, 2 of 8 per user held out")
        .isEqualTo(240);
    assertThat(Files.exists(model.resolve("metadata.json"))).as("metadata.json saved").isTrue();
  }

  @Test
  void reportHasTheMetricsTableAndPrecisionAtKForBothModels() throws IOException {
    Path report = model.resolve("report.html");
    String html = Files.readString(report, StandardCharsets.UTF_8);

    assertThat(trained.get("report").asText()).as("summary report path").endsWith("report.html");
    assertThat(Path.of(trained.get("report").asText().replaceFirst("^file:", "")))
        .as("the summary points at the written report")
        .isEqualTo(report);
    assertThat(html)
        .as("report.html")
        .contains("<svg", "precision@k on the test split", "<td>ndcg@5</td>")
        .contains("data-series=\"als\"", "data-series=\"popularity\"")
        .doesNotContain("<script");
    // k = 1..20: twenty points per polyline
    String points = html.replaceFirst("(?s).*data-series=\"als\" points=\"([^\"]*)\".*", "$1");
    assertThat(points.split(" ")).as("points of the als curve").hasSize(20);
  }

  @Test
  void recommendWritesNdjsonXzWithoutTrainingItems() throws IOException {
    Path out = dir.resolve("recs");
    Run r = run("recommend", "--model", model.toString(), "--k", "3", "--out", out.toString());

    assertThat(r.code()).as("recommend exit code; stderr: %s", r.err()).isZero();
    List<JsonNode> lines = readNdjsonXz(out);
    assertThat(lines).as("one line per user").hasSize(40);
    List<String> training = trainingItems("u03");
    JsonNode u03 =
        lines.stream()
            .filter(l -> l.get("user_id").asText().equals("u03"))
            .findFirst()
            .orElseThrow();
    assertThat(u03.get("items")).as("k items").hasSize(3);
    assertThat(u03.get("scores")).as("a score per item").hasSize(3);
    for (JsonNode item : u03.get("items")) {
      assertThat(training)
          .as("recommended items are new to the user")
          .doesNotContain(item.asText());
    }
    assertThat(u03.get("scores").get(0).asDouble())
        .as("best first")
        .isGreaterThanOrEqualTo(u03.get("scores").get(2).asDouble());
  }

  @Test
  void recommendWritesParquetAndGivesUnknownUsersThePopularList(SparkSession spark)
      throws IOException {
    Path users = dir.resolve("users.txt");
    Files.write(users, List.of("user_id", "u01", "stranger"), StandardCharsets.UTF_8);
    Path out = dir.resolve("recs.parquet");
    Run r =
        run(
            "recommend",
            "--model",
            model.toString(),
            "--users",
            users.toString(),
            "--k",
            "2",
            "--out",
            out.toString(),
            "--format",
            "parquet");

    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
    JsonNode counts = JSON.readTree(r.out()).get("counts");
    assertThat(counts.get("users").asLong()).as("users").isEqualTo(2);
    assertThat(counts.get("users_unknown").asLong()).as("the stranger").isEqualTo(1);
    List<Row> rows =
        spark.read().parquet(out.toString()).orderBy("user_id", "rank").collectAsList();
    assertThat(rows).as("2 users x 2 ranks").hasSize(4);
    assertThat(rows.get(0).<Integer>getAs("rank")).as("ranks from 1").isEqualTo(1);
    assertThat(rows.get(0).<String>getAs("model_version")).as("model version").startsWith("als-");
  }

  @Test
  void recommendTakesTheUsersOfACsvTableSuchAsTheTestInteractions() throws IOException {
    Path users = dir.resolve("test-interactions.csv");
    Files.write(
        users,
        List.of("item_id,user_id,weight", "i1,u01,1", "i2,u01,1", "i3,stranger,1"),
        StandardCharsets.UTF_8);
    Run r =
        run(
            "recommend",
            "--model",
            model.toString(),
            "--users",
            users.toString(),
            "--k",
            "2",
            "--out",
            dir.resolve("csv-users").toString());

    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
    JsonNode counts = JSON.readTree(r.out()).get("counts");
    assertThat(counts.get("users").asLong()).as("distinct users of the table").isEqualTo(2);
    assertThat(counts.get("users_unknown").asLong()).as("the stranger").isEqualTo(1);
  }

  @Test
  void badInputExitsWithCodeTwoAndOneClearLine() throws IOException {
    Path empty = dir.resolve("empty.csv");
    Files.write(empty, List.of("user_id,item_id,weight,timestamp"), StandardCharsets.UTF_8);
    Path other = Files.createDirectories(dir.resolve("sales-model"));
    Files.writeString(other.resolve("metadata.json"), "{\"kind\": \"sales-regression\"}");
    Path unknown = dir.resolve("unknown.txt");
    Files.write(unknown, List.of("nobody", "noone"), StandardCharsets.UTF_8);

    Run k0 = run("recommend", "--model", model.toString(), "--k", "0", "--out", "x");
    Run wrongModel = run("recommend", "--model", other.toString(), "--out", "x");
    Run nobody =
        run(
            "recommend",
            "--model",
            model.toString(),
            "--users",
            unknown.toString(),
            "--out",
            dir.resolve("none").toString());
    Run emptyTrain =
        run(
            args(
                new String[] {"train-als", "--interactions", empty.toString(), "--split", "last-k"},
                args(SMALL, "--model-out", dir.resolve("m2").toString())));

    assertThat(k0.code()).as("k=0").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(k0.err()).as("k=0 message").contains("--k must be at least 1, cannot be: 0");
    assertThat(wrongModel.code()).as("sales model").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(wrongModel.err())
        .as("wrong kind message")
        .contains("is not a recommender model", "kind 'sales-regression'");
    assertThat(nobody.code()).as("unknown users").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(nobody.err()).as("unknown users message").contains("None of the 2 user id(s)");
    assertThat(emptyTrain.code()).as("empty training set").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(emptyTrain.err()).as("empty message").contains("The training set is empty");
  }

  private static List<String> trainingItems(String user) throws IOException {
    List<String> items = new ArrayList<>();
    for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
      if (line.startsWith(user + ",")) {
        items.add(line.split(",")[1]);
      }
    }
    return items;
  }

  private static List<JsonNode> readNdjsonXz(Path out) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".ndjson.xz")).toList()) {
        try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    new XZInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(JSON.readTree(line));
          }
        }
      }
    }
    return lines;
  }
}
