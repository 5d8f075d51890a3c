package io.lambdaretail.sales;

import static io.lambdaretail.sales.SalesFeatures.PERIOD;
import static io.lambdaretail.sales.SalesFeatures.PRODUCT_KNOWN;
import static io.lambdaretail.sales.SalesFeatures.STORE_KNOWN;
import static io.lambdaretail.spark.Schemas.MONTH;
import static io.lambdaretail.spark.Schemas.PREDICTION;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.SALES_DATE;
import static io.lambdaretail.spark.Schemas.STORE_ID;
import static io.lambdaretail.spark.Schemas.YEAR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.sales.SalesModelStore.SalesModel;
import io.lambdaretail.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Predicts the monthly quantity of (store, product, month) rows with a saved {@code train-sales}
 * model. A dated row gets the prediction of its month. Lags come from the model's monthly history
 * through the same window functions as in training (a month with no history falls back to the
 * levels), and an unknown store or product still gets a prediction, from the fallback levels and
 * the indexers' unknown slot, with a status that says so. Cost: one shuffle for the lag windows
 * over the history plus the input; the level tables are broadcast.
 */
public final class SalesPredictionJob {
  /** The output kind of {@code --output} ({@link SafeOutput}). */
  public static final String OUTPUT_KIND = "sales-predictions";

  public static final String STATUS = "status";
  public static final String OK = "ok";
  public static final String UNKNOWN_STORE = "unknown_store";
  public static final String UNKNOWN_PRODUCT = "unknown_product";
  public static final String UNKNOWN_BOTH = "unknown_store_and_product";
  public static final String INVALID_DATE = "invalid_date";

  private static final String ROW_ID = "_row";
  private static final String TARGET = "_target";

  private final SparkSession spark;
  private final SalesPredictionOptions options;

  public SalesPredictionJob(SparkSession spark, SalesPredictionOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public SalesPredictionResult run() {
    long started = System.currentTimeMillis();
    SparkSessions.useFewShufflePartitions(spark);
    spark
        .sparkContext()
        .setJobDescription(
            "predict-sales with "
                + options.model()
                + " for "
                + options.input()
                + " to "
                + options.output());
    SalesModel model = SalesModelStore.load(spark, options.model());
    List<String> header =
        SalesCsv.requirePredictionColumns(
            spark.sparkContext().hadoopConfiguration(), options.input());
    // cached so that the row ids, which join predictions back to input rows, are computed once
    Dataset<Row> input = keyed(SalesCsv.read(spark, options.input(), header), header).cache();
    Dataset<Row> scored = score(model, input).cache();
    try {
      SafeOutput.replace(
          spark.sparkContext().hadoopConfiguration(),
          options.output(),
          OUTPUT_KIND,
          "predict-sales",
          dir ->
              scored
                  .select(outputColumns(header))
                  .write()
                  .mode("overwrite")
                  .option("header", "true")
                  .format(options.format().sparkName())
                  .save(dir));
      long cassandraRows = options.cassandra() == null ? -1 : writeCassandra(model, scored);
      Map<String, Long> byStatus = new TreeMap<>();
      for (Row r : scored.groupBy(STATUS).count().collectAsList()) {
        byStatus.put(r.getString(0), r.getLong(1));
      }
      long rows = byStatus.values().stream().mapToLong(Long::longValue).sum();
      return new SalesPredictionResult(
          options, rows, byStatus, cassandraRows, System.currentTimeMillis() - started);
    } finally {
      scored.unpersist();
      input.unpersist();
    }
  }

  private long writeCassandra(SalesModel model, Dataset<Row> scored) {
    Dataset<Row> rows =
        SalesForecastTable.rows(
            scored.select(
                col("_store").as(STORE_ID),
                col("_product").as(PRODUCT_ID),
                col("_year").as(YEAR),
                col("_month").as(MONTH),
                col(PREDICTION),
                col(STATUS)),
            String.valueOf(model.metadata().get("created_at")));
    SalesForecastTable.ensure(spark, options.cassandra());
    SalesForecastTable.write(rows, options.cassandra());
    return rows.count();
  }

  /** The input's key columns as given, the prediction and the status. */
  private static Column[] outputColumns(List<String> header) {
    List<String> cols = new ArrayList<>(List.of(STORE_ID, PRODUCT_ID));
    cols.addAll(header.contains(SALES_DATE) ? List.of(SALES_DATE) : List.of(YEAR, MONTH));
    cols.addAll(List.of(PREDICTION, STATUS));
    return cols.stream().map(c -> col(c)).toArray(Column[]::new);
  }

  /**
   * Adds internal keys: a row id, trimmed ids, integer year and month and the period (null when the
   * date or the year and month do not parse). A date column wins over year and month.
   */
  static Dataset<Row> keyed(Dataset<Row> raw, List<String> header) {
    Column y;
    Column m;
    if (header.contains(SALES_DATE)) {
      Column date = trim(col(SALES_DATE));
      Column parsed = when(date.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), to_date(date, "yyyy-MM-dd"));
      y = year(parsed);
      m = month(parsed);
    } else {
      y = trim(col(YEAR)).cast("int");
      m = trim(col(MONTH)).cast("int");
      m = when(m.between(1, 12), m);
    }
    return raw.withColumn(ROW_ID, monotonically_increasing_id())
        .withColumn("_store", trim(col(STORE_ID)))
        .withColumn("_product", trim(col(PRODUCT_ID)))
        .withColumn("_year", y)
        .withColumn("_month", m);
  }

  /** The input's columns plus the prediction and the status. */
  private static Dataset<Row> score(SalesModel model, Dataset<Row> input) {
    Dataset<Row> targets =
        SalesFeatures.withPeriod(
                input.select(
                    col(ROW_ID),
                    col("_store").as(STORE_ID),
                    col("_product").as(PRODUCT_ID),
                    col("_year").as(YEAR),
                    col("_month").as(MONTH)))
            .withColumn(QUANTITY, lit(null).cast("double"))
            .withColumn(TARGET, lit(true));
    Dataset<Row> history = model.history().withColumn(TARGET, lit(false));
    // lags over history plus the rows to predict; rows to predict carry no quantity, so they
    // never feed a lag; a month k ahead of the history sees the lags it would see in training
    Dataset<Row> lagged =
        SalesFeatures.withLags(history.unionByName(targets, true)).filter(col(TARGET));
    Dataset<Row> features =
        SalesFeatures.withLevels(
            SalesFeatures.maskLags(
                SalesFeatures.withHorizonFrom(
                    SalesFeatures.withCalendar(lagged), model.lastHistoryPeriod())),
            model.levels());
    Dataset<Row> predicted =
        model
            .pipeline()
            .transform(features)
            .select(col(ROW_ID), col(PERIOD), col(PREDICTION), status());
    return input
        .join(predicted, ROW_ID)
        .withColumn(PREDICTION, when(col(PERIOD).isNotNull(), col(PREDICTION)))
        .withColumn(STATUS, when(col(PERIOD).isNull(), lit(INVALID_DATE)).otherwise(col(STATUS)));
  }

  private static Column status() {
    return when(col(STORE_KNOWN).and(col(PRODUCT_KNOWN)), lit(OK))
        .when(col(PRODUCT_KNOWN), lit(UNKNOWN_STORE))
        .when(col(STORE_KNOWN), lit(UNKNOWN_PRODUCT))
        .otherwise(lit(UNKNOWN_BOTH))
        .as(STATUS);
  }
}
