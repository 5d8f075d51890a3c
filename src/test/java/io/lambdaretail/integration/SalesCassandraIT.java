package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.cli.ExitCodes;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-sales} then {@code predict-sales --cassandra-host ... --keyspace ...} twice against
 * the real node: the keyspace and table are created, the rows read back match the file output, and
 * the rerun upserts instead of adding rows.
 */
@ExtendWith({LocalServices.Cassandra.class, SharedSpark.class})
class SalesCassandraIT {
  private static final String KEYSPACE = "sales_it";
  private static final String FORMAT = "org.apache.spark.sql.cassandra";

  @TempDir Path dir;

  @Test
  void writesTheForecastTableIdempotently(Endpoints endpoints, SparkSession spark)
      throws IOException {
    Path csv = SalesFixtures.tinySales(dir.resolve("gen"));
    List<String> pair = SalesFixtures.firstPair(csv);
    Path model = dir.resolve("model");
    StringWriter err = new StringWriter();
    int trained =
        SalesFixtures.cli(new StringWriter(), err)
            .execute(
                "train-sales",
                csv.toString(),
                "--model-out",
                model.toString(),
                "--iterations",
                "5");
    assertThat(trained).as("train-sales exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
    Path input = dir.resolve("to_predict.csv");
    Files.writeString(
        input,
        String.join(
            "\n",
            "store_id,product_id,date",
            pair.get(0) + "," + pair.get(1) + ",2024-07-15",
            pair.get(0) + "," + pair.get(1) + ",2024-08-01",
            "nowhere," + pair.get(1) + ",2024-07-01",
            pair.get(0) + "," + pair.get(1) + ",someday",
            ""),
        StandardCharsets.UTF_8);

    for (int run = 1; run <= 2; run++) {
      StringWriter out = new StringWriter();
      err = new StringWriter();
      int code =
          SalesFixtures.cli(out, err)
              .execute(
                  "predict-sales",
                  "--model",
                  model.toString(),
                  "--input",
                  input.toString(),
                  "--output",
                  dir.resolve("out").toString(),
                  "--format",
                  "parquet",
                  "--cassandra-host",
                  endpoints.cassandraHost(),
                  "--cassandra-port",
                  String.valueOf(endpoints.cassandraPort()),
                  "--keyspace",
                  KEYSPACE);
      assertThat(code).as("predict-sales run %d; stderr: %s", run, err).isEqualTo(ExitCodes.OK);
      assertThat(out.toString())
          .as("summary of run %d", run)
          .contains("\"table\" : \"sales_forecast_by_store\"")
          .contains("\"rows\" : 3")
          .contains("\"skipped_invalid_date\" : 1");
    }

    Map<String, Double> fromFile = new HashMap<>();
    for (Row r : spark.read().parquet(dir.resolve("out").toString()).collectAsList()) {
      if (!"invalid_date".equals(r.getAs("status"))) {
        String date = r.getAs("date");
        String key = r.getAs("store_id") + "/" + date.substring(0, 7) + "/" + r.getAs("product_id");
        fromFile.put(key, r.getAs("prediction"));
      }
    }
    List<Row> table =
        spark
            .read()
            .format(FORMAT)
            .option("keyspace", KEYSPACE)
            .option("table", "sales_forecast_by_store")
            .option("spark.cassandra.connection.host", endpoints.cassandraHost())
            .option("spark.cassandra.connection.port", String.valueOf(endpoints.cassandraPort()))
            .load()
            .collectAsList();
    assertThat(table).as("rows after two runs: one per key, no duplicates").hasSize(3);
    for (Row r : table) {
      String key =
          r.getAs("store_id")
              + "/"
              + String.format(
                  java.util.Locale.ROOT,
                  "%04d-%02d",
                  r.<Integer>getAs("year"),
                  r.<Integer>getAs("month"))
              + "/"
              + r.getAs("product_id");
      assertThat(fromFile).as("file output has %s", key).containsKey(key);
      assertThat(r.<Double>getAs("prediction"))
          .as("prediction of %s in Cassandra and in the file", key)
          .isEqualTo(fromFile.get(key));
      assertThat(r.<String>getAs("status"))
          .as("status of %s", key)
          .isEqualTo(key.startsWith("nowhere/") ? "unknown_store" : "ok");
      assertThat(r.<String>getAs("model_version")).as("model version of %s", key).isNotBlank();
    }
  }
}
