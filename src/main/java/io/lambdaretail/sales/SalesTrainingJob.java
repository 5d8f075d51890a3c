package io.lambdaretail.sales;

import static io.lambdaretail.sales.SalesFeatures.PERIOD;
import static io.lambdaretail.spark.Schemas.MONTH;
import static io.lambdaretail.spark.Schemas.PREDICTION;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.REASON;
import static io.lambdaretail.spark.Schemas.STORE_ID;
import static io.lambdaretail.spark.Schemas.YEAR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.sales.SalesTrainingResult.Counts;
import io.lambdaretail.spark.SparkSessions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the sales regression: reads the sales CSV, quarantines bad rows, sums quantities per
 * store, product and month, builds calendar, lag and level features ({@link SalesFeatures}), keeps
 * the last N months out as a time-based holdout, fits our pipeline and the original four-stage one
 * with the same regressor, scores both and the seasonal-naive forecast on the holdout, and saves
 * our model with the state prediction needs ({@link SalesModelStore}) and a {@code report.html}
 * ({@link SalesReport}).
 *
 * <p>The saved model is the one fitted on the training months, so the reported metrics describe it;
 * its lag history holds all months. Cost: one pass over the CSV (cached after parsing), a shuffle
 * for the monthly sums and one for the lag windows; model fitting then runs on the cached monthly
 * rows, which are far fewer than the daily input.
 */
public final class SalesTrainingJob {
  private static final Logger LOG = LoggerFactory.getLogger(SalesTrainingJob.class);

  /** The output kind of {@code --quarantine} ({@link SafeOutput}). */
  public static final String QUARANTINE_KIND = "sales-quarantine";

  private final SparkSession spark;
  private final SalesTrainingOptions options;

  public SalesTrainingJob(SparkSession spark, SalesTrainingOptions options) {
    this.spark = spark;
    this.options = options;
  }

  /** Months covered by the clean data and the number of distinct products and stores. */
  private record Span(int first, int last, long products, long stores) {
    int months() {
      return last - first + 1;
    }
  }

  /** Complete months (periods) of the upload; the partial edge months and their input rows. */
  private record Edges(
      int firstComplete, int lastComplete, List<String> partialMonths, long partialRows) {}

  /** Our fitted pipeline, the original one and the bins the trees used. */
  private record Models(PipelineModel ours, PipelineModel original, int maxBins) {}

  public SalesTrainingResult run() {
    long started = System.currentTimeMillis();
    describe();
    SparkSessions.useFewShufflePartitions(spark);
    // read and clean; rejected rows go to the quarantine
    List<String> header =
        SalesCsv.requireTrainingColumns(
            spark.sparkContext().hadoopConfiguration(), options.input());
    Dataset<Row> classified =
        SalesCleaning.classify(SalesCsv.read(spark, options.input(), header)).cache();
    Map<String, Long> reasons = reasonCounts(classified);
    SafeOutput.replace(
        spark.sparkContext().hadoopConfiguration(),
        options.quarantine(),
        QUARANTINE_KIND,
        "train-sales",
        dir -> SalesCleaning.quarantine(classified).write().mode("overwrite").parquet(dir));
    if (reasons.getOrDefault("", 0L) == 0) {
      classified.unpersist();
      Map<String, Long> rejected = new TreeMap<>(reasons);
      rejected.remove("");
      throw Errors.noValidSalesRows(options.input(), rejected, options.quarantine());
    }
    Dataset<Row> valid = SalesCleaning.valid(classified);
    Edges edges = edges(valid);
    Dataset<Row> monthly =
        SalesCleaning.monthly(valid)
            .filter(col(PERIOD).between(edges.firstComplete(), edges.lastComplete()))
            .cache();
    try {
      // split by time, learn levels on the training months only, then fit, score and save
      Span span = span(monthly);
      int cutoff = span.last() - options.holdoutMonths();
      SalesLevels levels = SalesFeatures.levels(monthly.filter(col(PERIOD).leq(cutoff)));
      Dataset<Row> features = features(monthly, levels, cutoff, options.holdoutMonths()).cache();
      Models models = fit(features.filter(col(PERIOD).leq(cutoff)), span);
      SalesTrainingResult result =
          score(
              models,
              features,
              new Counts(reasons, monthly.count(), edges.partialMonths(), edges.partialRows()),
              span,
              cutoff,
              started);
      HtmlReport report = report(models, features.filter(col(PERIOD).gt(cutoff)), result);
      features.unpersist();
      Dataset<Row> history = monthly.select(STORE_ID, PRODUCT_ID, YEAR, MONTH, PERIOD, QUANTITY);
      SalesModelStore.save(
          spark,
          options.modelOut(),
          models.ours(),
          levels,
          history,
          report,
          metadata(result, levels, models.maxBins(), span.last()));
      LOG.info("train-sales holdout metrics:{}{}", System.lineSeparator(), result.metricsTable());
      return result;
    } finally {
      monthly.unpersist();
      classified.unpersist();
    }
  }

  /**
   * The complete months of the upload and what the partial first and last months held. Those
   * months' sums are not monthly quantities: they are left out of training and history, and
   * reported.
   */
  private Edges edges(Dataset<Row> valid) {
    Row r = valid.agg(min(SalesCleaning.SALE_DATE), max(SalesCleaning.SALE_DATE)).first();
    if (r.isNullAt(0)) {
      throw Errors.notEnoughMonths(0, options.holdoutMonths());
    }
    LocalDate first = r.getDate(0).toLocalDate();
    LocalDate last = r.getDate(1).toLocalDate();
    int firstComplete = SalesCleaning.firstCompletePeriod(first);
    int lastComplete = SalesCleaning.lastCompletePeriod(last);
    List<String> partial = new ArrayList<>();
    if (firstComplete > SalesCleaning.period(first)) {
      partial.add(month(SalesCleaning.period(first)));
    }
    if (lastComplete < SalesCleaning.period(last) && SalesCleaning.period(last) >= firstComplete) {
      partial.add(month(SalesCleaning.period(last)));
    }
    long partialRows =
        partial.isEmpty()
            ? 0
            : SalesFeatures.withPeriod(valid)
                .filter(not(col(PERIOD).between(firstComplete, lastComplete)))
                .count();
    return new Edges(firstComplete, lastComplete, List.copyOf(partial), partialRows);
  }

  private void describe() {
    spark
        .sparkContext()
        .setJobDescription(
            "train-sales ("
                + options.regressor().cliName()
                + ", holdout="
                + options.holdoutMonths()
                + " months) from "
                + options.input()
                + " to "
                + options.modelOut());
  }

  /**
   * Features of all months: training rows (up to the cutoff) with spread horizons, holdout rows
   * with the horizon from the cutoff, so a holdout month sees no lag after the cutoff, just as a
   * forecast made at the cutoff would not.
   */
  static Dataset<Row> features(
      Dataset<Row> monthly, SalesLevels levels, int cutoff, int maxHorizon) {
    Dataset<Row> lagged = SalesFeatures.withCalendar(SalesFeatures.withLags(monthly));
    Dataset<Row> train =
        SalesFeatures.withTrainingHorizon(lagged.filter(col(PERIOD).leq(cutoff)), maxHorizon);
    Dataset<Row> holdout =
        SalesFeatures.withHorizonFrom(lagged.filter(col(PERIOD).gt(cutoff)), cutoff);
    return SalesFeatures.withRatioLabel(
        SalesFeatures.withLevels(SalesFeatures.maskLags(train.unionByName(holdout)), levels));
  }

  /** Fits our pipeline and the original one with the same regressor on the training rows. */
  private Models fit(Dataset<Row> train, Span span) {
    LOG.info(
        "train-sales: {} months, {} stores, {} products",
        span.months(),
        span.stores(),
        span.products());
    // trees treat the indexed columns as categorical: one bin per label plus the unknown one
    int maxBins = (int) Math.max(32, Math.max(span.products(), span.stores()) + 1);
    SalesPipelines.Fit fit =
        new SalesPipelines.Fit(options.regressor(), maxBins, options.iterations(), options.seed());
    PipelineModel ours = SalesPipelines.ours(fit).fit(train);
    PipelineModel original = SalesPipelines.original(fit).fit(train);
    return new Models(ours, original, maxBins);
  }

  private SalesTrainingResult score(
      Models models, Dataset<Row> features, Counts counts, Span span, int cutoff, long started) {
    Dataset<Row> holdout = features.filter(col(PERIOD).gt(cutoff));
    return new SalesTrainingResult(
        options,
        counts,
        features.filter(col(PERIOD).leq(cutoff)).count(),
        holdout.count(),
        List.of(month(span.first()), month(cutoff)),
        List.of(month(cutoff + 1), month(span.last())),
        SalesMetrics.evaluate(models.ours().transform(holdout), QUANTITY, PREDICTION),
        SalesMetrics.evaluate(models.original().transform(holdout), QUANTITY, PREDICTION),
        // seasonal naive: the same month a year earlier (the pair level where it is missing)
        SalesMetrics.evaluate(holdout, QUANTITY, SalesFeatures.SEASONAL_NAIVE),
        spark.version(),
        System.currentTimeMillis() - started);
  }

  /** The report from per-month aggregates of the holdout predictions: three small jobs. */
  private static HtmlReport report(
      Models models, Dataset<Row> holdout, SalesTrainingResult result) {
    List<String> top = SalesReport.topProducts(holdout, SalesReport.TOP_PRODUCTS);
    // our model's output still carries the seasonal-naive column: one pass for both
    Dataset<Row> scored = models.ours().transform(holdout);
    Map<String, SalesReport.Monthly> monthly = new LinkedHashMap<>();
    monthly.put(
        SalesReport.OURS, SalesReport.Monthly.of(SalesReport.monthly(scored, PREDICTION, top)));
    monthly.put(
        SalesReport.ORIGINAL,
        SalesReport.Monthly.of(
            SalesReport.monthly(models.original().transform(holdout), PREDICTION, top)));
    monthly.put(
        SalesReport.SEASONAL_NAIVE,
        SalesReport.Monthly.of(SalesReport.monthly(holdout, SalesFeatures.SEASONAL_NAIVE, top)));
    return SalesReport.build(result, top, monthly);
  }

  /** Input rows per reason, with good rows under the key "" (one job). */
  private static Map<String, Long> reasonCounts(Dataset<Row> classified) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : classified.groupBy(REASON).count().collectAsList()) {
      counts.put(r.isNullAt(0) ? "" : r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private Span span(Dataset<Row> monthly) {
    Row r =
        monthly
            .agg(min(PERIOD), max(PERIOD), countDistinct(PRODUCT_ID), countDistinct(STORE_ID))
            .first();
    if (r.isNullAt(0)) {
      throw Errors.notEnoughMonths(0, options.holdoutMonths());
    }
    Span span = new Span(r.getInt(0), r.getInt(1), r.getLong(2), r.getLong(3));
    if (span.months() <= options.holdoutMonths()) {
      throw Errors.notEnoughMonths(span.months(), options.holdoutMonths());
    }
    return span;
  }

  private Map<String, Object> metadata(
      SalesTrainingResult result, SalesLevels levels, int maxBins, int lastPeriod) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", SalesModelStore.KIND);
    m.put("created_at", java.time.Instant.now().toString());
    m.put("input", options.input());
    m.put("regressor", options.regressor().cliName());
    m.put("iterations", options.iterations());
    m.put("max_bins", maxBins);
    m.put("label", QUANTITY);
    m.put(
        "target", SalesFeatures.RATIO_LABEL + " = " + QUANTITY + " / " + SalesFeatures.PAIR_LEVEL);
    m.put("features", SalesFeatures.OURS);
    m.put("lags_months", SalesFeatures.LAGS);
    m.put("max_horizon", options.holdoutMonths());
    m.put(SalesModelStore.HISTORY_LAST_PERIOD, lastPeriod);
    m.put("global_mean", levels.globalMean());
    m.put("spark_version", result.sparkVersion());
    Map<String, Object> summary = result.toSummary();
    for (String key :
        List.of(
            "train_months",
            "holdout_months",
            "partial_months",
            "counts",
            "metrics",
            "baseline",
            "seasonal_naive")) {
      m.put(key, summary.get(key));
    }
    return m;
  }

  static String month(int period) {
    return String.format(Locale.ROOT, "%04d-%02d", period / 12, period % 12 + 1);
  }
}
