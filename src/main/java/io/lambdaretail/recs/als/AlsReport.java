package io.lambdaretail.recs.als;

import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.recs.RankingReport;
import io.lambdaretail.report.HtmlReport;
import java.util.LinkedHashMap;
import java.util.Map;

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
    Map<String, RankingMetrics> metrics = new LinkedHashMap<>();
    metrics.put(ALS, result.metrics());
    metrics.put(POPULARITY, result.baseline());
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put(ALS, alsCurve);
    curves.put(POPULARITY, popularityCurve);
    HtmlReport report =
        RankingReport.start(
            "train-als",
            result.modelVersion(),
            result.range(),
            result.options().split().describe(),
            result.params().toMap(),
            result.options().refit());
    RankingReport.metrics(report, "Test metrics", metrics);
    return RankingReport.precisionCurves(report, curves);
  }
}
