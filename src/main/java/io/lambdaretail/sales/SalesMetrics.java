package io.lambdaretail.sales;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Holdout metrics of one model: RMSE, MAE and R2 from Spark's {@link RegressionEvaluator}, and
 * SMAPE in percent (0..200), where a row whose actual and predicted values are both 0 counts as a
 * perfect 0.
 */
public record SalesMetrics(double rmse, double mae, double r2, double smape) {

  /** Evaluates {@code prediction} against {@code label}; four small jobs over the given rows. */
  public static SalesMetrics evaluate(Dataset<Row> rows, String label, String prediction) {
    RegressionEvaluator evaluator =
        new RegressionEvaluator().setLabelCol(label).setPredictionCol(prediction);
    return new SalesMetrics(
        evaluator.setMetricName("rmse").evaluate(rows),
        evaluator.setMetricName("mae").evaluate(rows),
        evaluator.setMetricName("r2").evaluate(rows),
        smape(rows, label, prediction));
  }

  static double smape(Dataset<Row> rows, String label, String prediction) {
    Column y = col(label).cast("double");
    Column p = col(prediction).cast("double");
    Column denominator = abs(y).plus(abs(p));
    Column term =
        when(denominator.equalTo(0), lit(0.0))
            .otherwise(abs(y.minus(p)).multiply(2).divide(denominator));
    Row r = rows.agg(avg(term)).first();
    return r.isNullAt(0) ? Double.NaN : 100 * r.getDouble(0);
  }

  /** {@code rmse}, {@code mae}, {@code r2}, {@code smape} for the JSON summary. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rmse", rmse);
    m.put("mae", mae);
    m.put("r2", r2);
    m.put("smape", smape);
    return m;
  }
}
