package io.lambdaretail.sales;

import static io.lambdaretail.sales.SalesFeatures.PERIOD;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.report.LineChart;
import io.lambdaretail.report.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code report.html} of a {@code train-sales} run: the holdout metrics of the three models,
 * predicted vs actual monthly totals (over stores) of the top products by holdout quantity, and
 * each model's error by holdout month. Only per-month aggregates reach the driver.
 */
final class SalesReport {
  static final int TOP_PRODUCTS = 3;
  static final String ACTUAL = "actual";
  static final String PREDICTED = "predicted";
  static final String SQUARED_ERROR = "squared_error";
  static final String ABSOLUTE_ERROR = "absolute_error";
  static final String ROWS = "rows";
  static final String OURS = "ours";
  static final String ORIGINAL = "original";
  static final String SEASONAL_NAIVE = "seasonal-naive";

  private SalesReport() {}

  /** The {@code n} products with the largest holdout quantity, largest first (one small job). */
  static List<String> topProducts(Dataset<Row> holdout, int n) {
    return holdout
        .groupBy(PRODUCT_ID)
        .agg(sum(QUANTITY).as(QUANTITY))
        .orderBy(desc(QUANTITY), col(PRODUCT_ID))
        .limit(n)
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  /**
   * Sums per month and product of the scored rows ({@code quantity} and {@code prediction}): the
   * actual and predicted totals over stores, the squared and absolute errors and the row count.
   * Products outside {@code top} share one null product group, so a month has at most |top| + 1
   * rows however large the catalogue.
   */
  static Dataset<Row> monthly(Dataset<Row> scored, String prediction, List<String> top) {
    Column y = col(QUANTITY).cast("double");
    Column p = col(prediction).cast("double");
    Column product =
        when(col(PRODUCT_ID).isin(top.toArray()), col(PRODUCT_ID)).otherwise(lit(null));
    return scored
        .groupBy(col(PERIOD), product.as(PRODUCT_ID))
        .agg(
            sum(y).as(ACTUAL),
            sum(p).as(PREDICTED),
            sum(y.minus(p).multiply(y.minus(p))).as(SQUARED_ERROR),
            sum(abs(y.minus(p))).as(ABSOLUTE_ERROR),
            count(lit(1)).as(ROWS))
        .orderBy(PERIOD, PRODUCT_ID);
  }

  /** The collected {@link #monthly} rows of one model. */
  record Monthly(List<Row> rows) {
    static Monthly of(Dataset<Row> monthly) {
      return new Monthly(monthly.collectAsList());
    }

    int firstPeriod() {
      return rows.stream().mapToInt(r -> r.getInt(0)).min().orElse(0);
    }

    /** RMSE of each month, by period. */
    TreeMap<Integer, Double> rmseByMonth() {
      TreeMap<Integer, double[]> sums = new TreeMap<>();
      for (Row r : rows) {
        double[] s = sums.computeIfAbsent(r.getInt(0), m -> new double[2]);
        s[0] += r.getDouble(r.fieldIndex(SQUARED_ERROR));
        s[1] += r.getLong(r.fieldIndex(ROWS));
      }
      TreeMap<Integer, Double> rmse = new TreeMap<>();
      sums.forEach((m, s) -> rmse.put(m, Math.sqrt(s[0] / s[1])));
      return rmse;
    }

    /** Monthly totals of one product's {@code column} ({@link #ACTUAL} or {@link #PREDICTED}). */
    TreeMap<Integer, Double> totals(String product, String column) {
      TreeMap<Integer, Double> t = new TreeMap<>();
      for (Row r : rows) {
        if (product.equals(r.getString(1))) {
          t.put(r.getInt(0), r.getDouble(r.fieldIndex(column)));
        }
      }
      return t;
    }
  }

  /**
   * @param models {@link Monthly} aggregates by model name ({@link #OURS} first)
   */
  static HtmlReport build(
      SalesTrainingResult result, List<String> top, Map<String, Monthly> models) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row(OURS, result.metrics()));
    rows.add(row(ORIGINAL + " (four features)", result.baseline()));
    rows.add(row(SEASONAL_NAIVE, result.seasonalNaive()));
    String months =
        "holdout month ("
            + result.holdoutRange().get(0)
            + " .. "
            + result.holdoutRange().get(1)
            + ")";
    HtmlReport report =
        new HtmlReport("train-sales " + result.options().modelOut())
            .paragraph(
                "Input "
                    + result.options().input()
                    + "; regressor "
                    + result.options().regressor().cliName()
                    + "; training months "
                    + result.trainRange().get(0)
                    + " .. "
                    + result.trainRange().get(1)
                    + "; holdout months "
                    + result.holdoutRange().get(0)
                    + " .. "
                    + result.holdoutRange().get(1))
            .heading("Holdout metrics")
            .table(List.of("model", "rmse", "mae", "r2", "smape"), rows)
            .heading("Predicted vs actual per month, top products by holdout quantity");
    Monthly ours = models.get(OURS);
    int first = ours.firstPeriod();
    for (String product : top) {
      report.chart(
          LineChart.svg(
              "predicted vs actual per month: " + product,
              months,
              "quantity (all stores)",
              List.of(
                  series(ACTUAL, first, ours.totals(product, ACTUAL)),
                  series(PREDICTED, first, ours.totals(product, PREDICTED)))));
    }
    List<Series> errors = new ArrayList<>();
    models.forEach((name, m) -> errors.add(series(name, first, m.rmseByMonth())));
    return report
        .heading("Error by month")
        .chart(LineChart.svg("RMSE by holdout month", months, "RMSE", errors));
  }

  /** Months numbered from 1 at {@code firstPeriod}, so a month a product lacks stays a gap. */
  static Series series(String name, int firstPeriod, TreeMap<Integer, Double> byPeriod) {
    double[] x = new double[byPeriod.size()];
    double[] y = new double[byPeriod.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> e : byPeriod.entrySet()) {
      x[i] = e.getKey() - firstPeriod + 1;
      y[i++] = e.getValue();
    }
    return new Series(name, x, y);
  }

  private static List<Object> row(String name, SalesMetrics m) {
    return List.of(name, m.rmse(), m.mae(), m.r2(), m.smape());
  }
}
