package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.sales.SalesMetrics;
import io.lambdaretail.sales.SalesPredictionJob;
import io.lambdaretail.sales.SalesPredictionOptions;
import io.lambdaretail.sales.SalesPredictionResult;
import io.lambdaretail.sales.SalesTrainingJob;
import io.lambdaretail.sales.SalesTrainingOptions;
import io.lambdaretail.sales.SalesTrainingResult;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-sales} from an {@code s3a://} CSV and predictions for an {@code s3a://} input. */
@ExtendWith({LocalServices.S3.class, SharedSpark.class})
class SalesS3IT {
  @TempDir Path dir;

  @Test
  void trainsFromS3aAndPredicts(Endpoints endpoints, SparkSession spark) throws Exception {
    S3Settings.apply(spark, endpoints);
    Path csv = SalesFixtures.tinySales(dir.resolve("gen"));
    List<String> pair = SalesFixtures.firstPair(csv);
    Path toPredict = dir.resolve("to_predict.csv");
    Files.writeString(
        toPredict,
        "store_id,product_id,year,month\n" + pair.get(0) + "," + pair.get(1) + ",2024,7\n",
        StandardCharsets.UTF_8);
    String root = "s3a://" + endpoints.s3Bucket() + "/sales-" + UUID.randomUUID() + "/";
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(root + "upload/sales.csv");
    FileSystem fs = remote.getFileSystem(spark.sparkContext().hadoopConfiguration());
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(csv.toUri()), remote);
    fs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(toPredict.toUri()),
        new org.apache.hadoop.fs.Path(root + "next.csv"));
    long csvRows = Files.lines(csv).count() - 1;

    SalesTrainingResult trained =
        new SalesTrainingJob(
                spark,
                new SalesTrainingOptions(
                    root + "upload/sales.csv",
                    dir.resolve("model").toString(),
                    3,
                    SalesTrainingOptions.Regressor.GBT,
                    null,
                    42,
                    5))
            .run();
    SalesPredictionResult predicted =
        new SalesPredictionJob(
                spark,
                new SalesPredictionOptions(
                    dir.resolve("model").toString(),
                    root + "next.csv",
                    root + "predictions",
                    SalesPredictionOptions.Format.CSV,
                    null))
            .run();

    assertThat(trained.inputRows()).as("rows read from s3a").isEqualTo(csvRows);
    assertThat(trained.holdoutRange()).as("holdout months").containsExactly("2024-04", "2024-06");
    for (SalesMetrics m : List.of(trained.metrics(), trained.baseline(), trained.seasonalNaive())) {
      assertThat(m.rmse()).as("holdout RMSE").isFinite().isPositive();
    }
    assertThat(Path.of(trained.options().quarantine())).as("quarantine beside the model").exists();
    assertThat(predicted.byStatus()).as("the one row predicted").containsEntry("ok", 1L);
    Dataset<Row> written = spark.read().option("header", "true").csv(root + "predictions");
    assertThat(written.columns())
        .as("csv header on s3a")
        .containsExactly("store_id", "product_id", "year", "month", "prediction", "status");
    assertThat(written.collectAsList()).as("csv rows on s3a").hasSize(1);
  }
}
