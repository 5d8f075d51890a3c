package io.lambdaretail.sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lambdaretail.config.Errors;
import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.report.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The model directory: the fitted {@link PipelineModel} (Spark's {@code metadata/} and {@code
 * stages/}), {@code metadata.json} (kind {@value #KIND}, metrics, feature list, ...) and {@code
 * state/} with the Parquet tables prediction needs: store, product and pair levels and the monthly
 * history that lags are read from.
 */
public final class SalesModelStore {
  /** The {@code kind} in {@code metadata.json} of a sales model. */
  public static final String KIND = "sales-regression";

  static final String METADATA = "metadata.json";
  private static final String STORE_LEVELS = "state/store_levels";
  private static final String PRODUCT_LEVELS = "state/product_levels";
  private static final String PAIR_LEVELS = "state/pair_levels";
  private static final String HISTORY = "state/monthly_history";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SalesModelStore() {}

  /** A loaded model and its state. */
  public record SalesModel(
      PipelineModel pipeline,
      SalesLevels levels,
      Dataset<Row> history,
      Map<String, Object> metadata) {

    /** The last month of the history: forecasts are made from the end of it. */
    public int lastHistoryPeriod() {
      return ((Number) metadata.get(HISTORY_LAST_PERIOD)).intValue();
    }
  }

  /** Metadata key of the history's last month as a {@link SalesFeatures#PERIOD}. */
  static final String HISTORY_LAST_PERIOD = "history_last_period";

  /**
   * Writes the pipeline, the state, the report and metadata.json into a staging sibling that then
   * replaces {@code dir} ({@link SafeOutput#replace}): a failed run leaves the old model whole.
   */
  static void save(
      SparkSession spark,
      String dir,
      PipelineModel pipeline,
      SalesLevels levels,
      Dataset<Row> history,
      HtmlReport report,
      Map<String, Object> metadata) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    SafeOutput.replace(
        conf,
        dir,
        KIND,
        "train-sales",
        staging -> {
          try {
            pipeline.write().overwrite().save(staging);
          } catch (IOException e) {
            throw new UncheckedIOException("while saving the sales model to " + dir, e);
          }
          levels.stores().write().mode("overwrite").parquet(staging + "/" + STORE_LEVELS);
          levels.products().write().mode("overwrite").parquet(staging + "/" + PRODUCT_LEVELS);
          levels.pairs().write().mode("overwrite").parquet(staging + "/" + PAIR_LEVELS);
          history.write().mode("overwrite").parquet(staging + "/" + HISTORY);
          report.write(conf, staging);
          Path file = new Path(staging, METADATA);
          try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
            out.write(JSON.writeValueAsBytes(metadata));
          } catch (IOException e) {
            throw new UncheckedIOException("while writing " + file, e);
          }
        });
  }

  /** Fails with exit 2 unless {@code dir} holds a {@code metadata.json} of kind {@value #KIND}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> requireSalesModel(Configuration conf, String dir) {
    Path file = new Path(dir, METADATA);
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(new Path(dir))) {
        throw Errors.notASalesModel(dir, "the directory does not exist");
      }
      if (!fs.exists(file)) {
        throw Errors.notASalesModel(dir, "it has no " + METADATA);
      }
      Map<String, Object> metadata;
      try (InputStream in = fs.open(file)) {
        metadata = JSON.readValue(in, Map.class);
      }
      Object kind = metadata.get("kind");
      if (!KIND.equals(kind)) {
        throw Errors.notASalesModel(dir, METADATA + " has kind '" + kind + "', not '" + KIND + "'");
      }
      return metadata;
    } catch (IOException e) {
      throw Errors.notASalesModel(dir, METADATA + " is unreadable (" + e.getMessage() + ")");
    }
  }

  /** Loads the pipeline and its state after {@link #requireSalesModel}. */
  public static SalesModel load(SparkSession spark, String dir) {
    Map<String, Object> metadata =
        requireSalesModel(spark.sparkContext().hadoopConfiguration(), dir);
    double globalMean = ((Number) metadata.get("global_mean")).doubleValue();
    SalesLevels levels =
        new SalesLevels(
            spark.read().parquet(dir + "/" + STORE_LEVELS),
            spark.read().parquet(dir + "/" + PRODUCT_LEVELS),
            spark.read().parquet(dir + "/" + PAIR_LEVELS),
            globalMean);
    return new SalesModel(
        PipelineModel.load(dir), levels, spark.read().parquet(dir + "/" + HISTORY), metadata);
  }
}
