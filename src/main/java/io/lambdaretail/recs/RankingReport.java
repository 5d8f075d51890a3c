package io.lambdaretail.recs;

import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.report.LineChart;
import io.lambdaretail.report.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts every recommender's {@code report.html} shares: a table of test metrics with a column
 * per model, and the models' precision@k curves for k = 1..{@link #CURVE_K} in one chart.
 */
public final class RankingReport {
  /** The precision@k curves run over k = 1..20. */
  public static final int CURVE_K = 20;

  private RankingReport() {}

  /** A report titled {@code command version} that opens with what the models were trained on. */
  public static HtmlReport start(
      String command,
      String version,
      Map<String, Object> range,
      String split,
      Map<String, Object> parameters,
      boolean refit) {
    return new HtmlReport(command + " " + version)
        .paragraph(
            "Data "
                + range
                + "; split "
                + split
                + "; parameters "
                + parameters
                + (refit ? "; saved model refitted on all pairs" : ""));
  }

  /** Adds a heading and the metrics table; a model mapped to null is left out. */
  public static HtmlReport metrics(
      HtmlReport report, String heading, Map<String, RankingMetrics> models) {
    List<String> header = new ArrayList<>(List.of("metric"));
    List<RankingMetrics> columns = new ArrayList<>();
    models.forEach(
        (name, m) -> {
          if (m != null) {
            header.add(name);
            columns.add(m);
          }
        });
    int k = columns.get(0).k();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("precision@" + k, columns, RankingMetrics::precision));
    rows.add(row("recall@" + k, columns, RankingMetrics::recall));
    rows.add(row("map@" + k, columns, RankingMetrics::map));
    rows.add(row("ndcg@" + k, columns, RankingMetrics::ndcg));
    rows.add(row("auc", columns, RankingMetrics::auc));
    rows.add(row("coverage", columns, RankingMetrics::coverage));
    rows.add(row("users", columns, RankingMetrics::users));
    rows.add(row("users_known", columns, RankingMetrics::usersKnown));
    return report.heading(heading).table(header, rows);
  }

  /** Adds a heading and one chart of the precision@k curves, one line per model. */
  public static HtmlReport precisionCurves(HtmlReport report, Map<String, double[]> curves) {
    List<Series> series = new ArrayList<>();
    curves.forEach((name, c) -> series.add(curve(name, c)));
    return report
        .heading("Precision@k")
        .chart(LineChart.svg("precision@k on the test split", "k", "precision", series));
  }

  static Series curve(String name, double[] precisionAtK) {
    double[] ks = new double[precisionAtK.length];
    for (int i = 0; i < ks.length; i++) {
      ks[i] = i + 1;
    }
    return new Series(name, ks, precisionAtK);
  }

  private static List<Object> row(
      String metric,
      List<RankingMetrics> columns,
      java.util.function.Function<RankingMetrics, Object> f) {
    List<Object> r = new ArrayList<>(List.of(metric));
    columns.forEach(m -> r.add(f.apply(m)));
    return r;
  }
}
