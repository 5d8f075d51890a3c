package io.lambdaretail.sales;

import io.lambdaretail.report.HtmlReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;

/**
 * What a {@code train-sales} run did: row counts, the training and holdout months, and the holdout
 * metrics of our model, of the original feature set with the same regressor and of the
 * seasonal-naive forecast (same store, product and month a year earlier).
 *
 * @param trainRange first and last training month, {@code yyyy-MM}
 * @param holdoutRange first and last holdout month, {@code yyyy-MM}
 */
public record SalesTrainingResult(
    SalesTrainingOptions options,
    Counts counts,
    long trainRows,
    long holdoutRows,
    List<String> trainRange,
    List<String> holdoutRange,
    SalesMetrics metrics,
    SalesMetrics baseline,
    SalesMetrics seasonalNaive,
    String sparkVersion,
    long durationMs) {

  /**
   * Row counts before the split.
   *
   * @param rowsByReason input rows per quarantine reason, valid rows under ""
   * @param monthlyRows (store, product, month) rows of the complete months
   * @param partialMonths first or last month the upload does not cover from its first to its last
   *     day ({@code yyyy-MM}); left out of training
   * @param partialMonthRows valid input rows in those months
   */
  public record Counts(
      Map<String, Long> rowsByReason,
      long monthlyRows,
      List<String> partialMonths,
      long partialMonthRows) {}

  public long inputRows() {
    return counts.rowsByReason().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rejected input rows per reason. */
  public Map<String, Long> quarantinedByReason() {
    Map<String, Long> bad = new TreeMap<>(counts.rowsByReason());
    bad.remove("");
    return bad;
  }

  public long quarantined() {
    return quarantinedByReason().values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Object> toSummary() {
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("input_rows", inputRows());
    rows.put("valid_rows", inputRows() - quarantined());
    rows.put("quarantined", quarantined());
    rows.put("quarantined_by_reason", quarantinedByReason());
    rows.put("partial_month_rows", counts.partialMonthRows());
    rows.put("monthly_rows", counts.monthlyRows());
    rows.put("train_rows", trainRows);
    rows.put("holdout_rows", holdoutRows);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("input", options.input());
    s.put("model", options.modelOut());
    s.put("quarantine", options.quarantine());
    s.put("regressor", options.regressor().cliName());
    s.put("iterations", options.iterations());
    s.put("train_months", Map.of("first", trainRange.get(0), "last", trainRange.get(1)));
    s.put("holdout_months", Map.of("first", holdoutRange.get(0), "last", holdoutRange.get(1)));
    s.put("partial_months", counts.partialMonths());
    s.put("counts", rows);
    s.put("metrics", metrics.toMap());
    s.put("baseline", baseline.toMap());
    s.put("seasonal_naive", seasonalNaive.toMap());
    s.put("features", SalesFeatures.OURS);
    s.put("report", new Path(options.modelOut(), HtmlReport.FILE_NAME).toString());
    s.put("spark_version", sparkVersion);
    s.put("duration_ms", durationMs);
    return s;
  }

  /** The plain-text metrics table logged at the end of a run. */
  public String metricsTable() {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            java.util.Locale.ROOT,
            "%-16s %10s %10s %8s %8s%n",
            "model",
            "rmse",
            "mae",
            "r2",
            "smape"));
    row(t, "ours", metrics);
    row(t, "original", baseline);
    row(t, "seasonal-naive", seasonalNaive);
    return t.toString();
  }

  private static void row(StringBuilder t, String name, SalesMetrics m) {
    t.append(
        String.format(
            java.util.Locale.ROOT,
            "%-16s %10.3f %10.3f %8.4f %8.2f%n",
            name,
            m.rmse(),
            m.mae(),
            m.r2(),
            m.smape()));
  }
}
