package io.lambdaretail.recs.als;

import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.report.LineChart;
import io.lambdaretail.report.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code report.html} of a {@code train-als} run: the test metrics of ALS and popularity, their
 * precision@k curves on the same split, and the data range and parameters.
 */
final class AlsReport {
  static final String ALS = "als";
  static final String POPULARITY = "popularity";

  private AlsReport() {}

  /**
   * @param alsCurve mean precision@k of ALS for k = 1..n
   * @param popularityCurve the same for the popularity baseline
   */
  static HtmlReport build(TrainAlsResult result, double[] alsCurve, double[] popularityCurve) {
    RankingMetrics m = result.metrics();
    RankingMetrics b = result.baseline();
    int k = m.k();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("precision@" + k, m.precision(), b.precision()));
    rows.add(List.of("recall@" + k, m.recall(), b.recall()));
    rows.add(List.of("map@" + k, m.map(), b.map()));
    rows.add(List.of("ndcg@" + k, m.ndcg(), b.ndcg()));
    rows.add(List.of("auc", m.auc(), b.auc()));
    rows.add(List.of("coverage", m.coverage(), b.coverage()));
    rows.add(List.of("users", m.users(), b.users()));
    rows.add(List.of("users_known", m.usersKnown(), b.usersKnown()));
    return new HtmlReport("train-als " + result.modelVersion())
        .paragraph(
            "Data "
                + result.range()
                + "; split "
                + result.options().split().describe()
                + "; parameters "
                + result.params().toMap()
                + (result.options().refit() ? "; saved model refitted on all pairs" : ""))
        .heading("Test metrics")
        .table(List.of("metric", ALS, POPULARITY), rows)
        .heading("Precision@k")
        .chart(
            LineChart.svg(
                "precision@k on the test split",
                "k",
                "precision",
                List.of(curve(ALS, alsCurve), curve(POPULARITY, popularityCurve))));
  }

  static Series curve(String name, double[] precisionAtK) {
    double[] ks = new double[precisionAtK.length];
    for (int i = 0; i < ks.length; i++) {
      ks[i] = i + 1;
    }
    return new Series(name, ks, precisionAtK);
  }
}
