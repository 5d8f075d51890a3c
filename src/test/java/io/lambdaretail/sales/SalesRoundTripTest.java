package io.lambdaretail.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.cli.ExitCodes;
import io.lambdaretail.cli.Main;
import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.config.PipelineConfigException;
import io.lambdaretail.generate.GenerateJob;
import io.lambdaretail.generate.GenerateOptions;
import io.lambdaretail.generate.Scale;
import io.lambdaretail.ingest.EventSource;
import io.lambdaretail.ingest.IngestJob;
import io.lambdaretail.ingest.IngestOptions;
import io.lambdaretail.sales.SalesPredictionOptions.Format;
import io.lambdaretail.sales.SalesTrainingOptions.Regressor;
import io.lambdaretail.testing.SharedSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Generated tiny sales (3 stores x 40 products, two years to 2024-06-30) trained once with the
 * default GBT; then save, load and predict, the error paths of both commands.
 */
@ExtendWith(SharedSpark.class)
class SalesRoundTripTest {
  private static final Logger LOG = LoggerFactory.getLogger(SalesRoundTripTest.class);

  @TempDir static Path dir;
  private static Path generated;
  private static Path model;
  private static SalesTrainingResult result;
  private static String store;
  private static String product;

  @BeforeAll
  static void generateAndTrain(SparkSession spark) throws IOException {
    generated = dir.resolve("gen");
    // one event day ending on a month's last day, so the last sales month is complete
    new GenerateJob(
            new GenerateOptions(
                generated,
                Scale.TINY,
                50,
                40,
                1,
                LocalDate.of(2024, 6, 30),
                7L,
                0.0,
                0,
                1,
                2,
                false))
        .run();
    Path csv = generated.resolve("sales/sales.csv");
    String[] first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(1).split(",");
    product = first[0];
    store = first[3];
    model = dir.resolve("model");
    result =
        new SalesTrainingJob(
                spark,
                new SalesTrainingOptions(
                    csv.toString(), model.toString(), 3, Regressor.GBT, null, 42, 20))
            .run();
    LOG.info("tiny sales holdout metrics:{}{}", System.lineSeparator(), result.metricsTable());
  }

  @Test
  void summaryHasTheMetricsOfAllThreeModels() {
    Map<String, Object> summary = result.toSummary();

    for (String model : List.of("metrics", "baseline", "seasonal_naive")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) summary.get(model);
      assertThat(m).as("%s keys", model).containsOnlyKeys("rmse", "mae", "r2", "smape");
      m.forEach((k, v) -> assertThat((Double) v).as("%s.%s", model, k).isFinite());
    }
    assertThat(result.holdoutRange()).as("holdout months").containsExactly("2024-04", "2024-06");
    assertThat(result.quarantined()).as("generated rows are all clean").isZero();
    assertThat(result.holdoutRows()).as("3 stores x 40 products x 3 months, at most").isPositive();
    assertThat(result.metrics().rmse())
        .as("our RMSE beats the seasonal-naive forecast")
        .isLessThan(result.seasonalNaive().rmse());
    assertThat(model.resolve("metadata.json")).as("metadata.json").exists();
  }

  @Test
  void reportHasTheMetricsAndChartsOfTheHoldout() throws IOException {
    String html = Files.readString(model.resolve("report.html"), StandardCharsets.UTF_8);

    assertThat(Path.of((String) result.toSummary().get("report")))
        .as("summary report path")
        .isEqualTo(model.resolve("report.html"));
    assertThat(html)
        .as("report.html")
        .contains("<td>seasonal-naive</td>", "<th>smape</th>", "RMSE by holdout month")
        .contains("data-series=\"ours\"", "data-series=\"original\"")
        .contains("data-series=\"seasonal-naive\"")
        .doesNotContain("<script");
    assertThat(html.split(">predicted vs actual per month: ", -1))
        .as("a chart title per top product")
        .hasSize(1 + SalesReport.TOP_PRODUCTS);
    assertThat(html.split("data-series=\"actual\"", -1))
        .as("an actual line per top product")
        .hasSize(1 + SalesReport.TOP_PRODUCTS);
    assertThat(html.split("<svg", -1)).as("3 product charts and the error chart").hasSize(5);
  }

  @Test
  void predictsKnownAndUnknownPairsWithAStatus(SparkSession spark) throws IOException {
    Path input = dir.resolve("to_predict.csv");
    Files.writeString(
        input,
        String.join(
            "\n",
            "store_id,product_id,date",
            store + "," + product + ",2024-07-15",
            store + "," + product + ",2024-05-03",
            "nowhere," + product + ",2024-07-01",
            store + ",nothing,2024-07-01",
            "nowhere,nothing,2024-07-01",
            store + "," + product + ",someday",
            ""),
        StandardCharsets.UTF_8);
    Path output = dir.resolve("predictions");

    SalesPredictionResult run =
        new SalesPredictionJob(
                spark,
                new SalesPredictionOptions(
                    model.toString(), input.toString(), output.toString(), Format.PARQUET, null))
            .run();

    Map<String, Row> byKey = new HashMap<>();
    for (Row r : spark.read().parquet(output.toString()).collectAsList()) {
      byKey.put(r.getAs("store_id") + "/" + r.getAs("product_id") + "/" + r.getAs("date"), r);
    }
    assertThat(run.rows()).as("one output row per input row").isEqualTo(6);
    assertThat(spark.read().parquet(output.toString()).columns())
        .as("output columns")
        .containsExactly("store_id", "product_id", "date", "prediction", "status");
    assertStatus(byKey.get(store + "/" + product + "/2024-07-15"), "ok");
    assertStatus(byKey.get(store + "/" + product + "/2024-05-03"), "ok");
    assertStatus(byKey.get("nowhere/" + product + "/2024-07-01"), "unknown_store");
    assertStatus(byKey.get(store + "/nothing/2024-07-01"), "unknown_product");
    assertStatus(byKey.get("nowhere/nothing/2024-07-01"), "unknown_store_and_product");
    Row bad = byKey.get(store + "/" + product + "/someday");
    assertThat(bad.<String>getAs("status")).as("unparseable date").isEqualTo("invalid_date");
    assertThat(bad.isNullAt(bad.fieldIndex("prediction"))).as("no prediction").isTrue();
  }

  private static void assertStatus(Row row, String status) {
    assertThat(row).as("row with status %s", status).isNotNull();
    assertThat(row.<String>getAs("status")).as("status").isEqualTo(status);
    assertThat(row.<Double>getAs("prediction")).as("prediction for %s", status).isFinite();
  }

  @Test
  void predictSalesCommandTakesYearAndMonth() throws IOException {
    Path input = dir.resolve("by_month.csv");
    Files.writeString(
        input,
        "store_id,product_id,year,month\n" + store + "," + product + ",2024,7\n",
        StandardCharsets.UTF_8);
    Path output = dir.resolve("by_month_out");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        cli(out, err)
            .execute(
                "predict-sales",
                "--model",
                model.toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString());

    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).as("summary").contains("\"ok\" : 1");
    String csv = readCsvOutput(output);
    assertThat(csv).as("csv output").startsWith("store_id,product_id,year,month,prediction,status");
    assertThat(csv).as("csv output").contains(store + "," + product + ",2024,7,");
  }

  private static String readCsvOutput(Path output) throws IOException {
    StringBuilder text = new StringBuilder();
    try (var files = Files.list(output)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        text.append(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }

  @Test
  void csvWithoutQuantityIsInvalidInput() throws IOException {
    Path input = dir.resolve("no_quantity.csv");
    Files.writeString(
        input, "product_id,store_id,date\np1,s1,2024-01-01\n", StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        cli(out, err)
            .execute("train-sales", input.toString(), "--model-out", dir.resolve("m2").toString());

    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .as("stderr")
        .startsWith("error: ")
        .contains("lacks the required column(s) [quantity]")
        .contains("[product_id, store_id, date]");
    assertThat(out.toString()).as("stdout").isEmpty();
    assertThat(dir.resolve("m2")).as("model dir").doesNotExist();
  }

  @Test
  void csvWithWrongTypesIsInvalidInput() throws IOException {
    // quantity and date swapped: every row fails a rule, so nothing is left to train on
    Path input = dir.resolve("swapped.csv");
    Files.writeString(
        input,
        "product_id,store_id,date,quantity\np1,s1,3,2024-01-01\np2,s1,4,2024-01-02\n",
        StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        cli(out, err)
            .execute("train-sales", input.toString(), "--model-out", dir.resolve("m3").toString());

    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .as("stderr")
        .startsWith("error: ")
        .contains("has no valid sales row: all rows were rejected {unparseable_date=2}")
        .contains("date as yyyy-MM-dd");
    assertThat(dir.resolve("m3")).as("model dir").doesNotExist();
  }

  @Test
  void fileThatIsNotACsvIsInvalidInput() throws IOException {
    Path input = dir.resolve("events.ndjson");
    Files.writeString(input, "{\"store_id\":\"s1\",\"quantity\":3}\n", StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        cli(out, err)
            .execute("train-sales", input.toString(), "--model-out", dir.resolve("m4").toString());

    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .as("stderr")
        .startsWith("error: ")
        .contains("lacks the required column(s) [product_id, store_id, quantity, date]");
    assertThat(out.toString()).as("stdout").isEmpty();
  }

  @Test
  void cassandraHostWithoutKeyspaceIsInvalidInput() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        cli(out, err)
            .execute(
                "predict-sales",
                "--model",
                model.toString(),
                "--input",
                dir.resolve("any.csv").toString(),
                "--output",
                dir.resolve("never").toString(),
                "--cassandra-host",
                "127.0.0.1");

    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).as("stderr").contains("--cassandra-host and --keyspace go together");
  }

  @Test
  void ingestOutputIsNotASalesModel(SparkSession spark) throws IOException {
    Path lake = dir.resolve("lake/pdpviews");
    new IngestJob(
            spark,
            new IngestOptions(
                EventSource.PDPVIEWS,
                generated.resolve("pdpviews").toString(),
                lake.toString(),
                IngestOptions.Format.PARQUET,
                IngestOptions.Compression.SNAPPY,
                IngestOptions.WriteMode.OVERWRITE_PARTITIONS,
                null,
                1.0))
        .run();

    assertThatThrownBy(() -> SalesModelStore.load(spark, lake.toString()))
        .as("loading an ingest table as a model")
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("is not a sales model: it has no metadata.json")
        .hasMessageContaining(lake.toString());

    Files.writeString(lake.resolve("metadata.json"), "{\"kind\":\"als\"}", StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        cli(out, err)
            .execute(
                "predict-sales",
                "--model",
                lake.toString(),
                "--input",
                dir.resolve("any.csv").toString(),
                "--output",
                dir.resolve("never").toString());
    assertThat(code).as("exit code").isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .as("stderr")
        .contains("is not a sales model: metadata.json has kind 'als', not 'sales-regression'");
  }

  /** The real command tree, writing to the test's buffers. */
  private static CommandLine cli(StringWriter out, StringWriter err) {
    return Main.commandLine(
        new PrintWriter(out, true), new PrintWriter(err, true), ConfigResolver.empty());
  }
}
