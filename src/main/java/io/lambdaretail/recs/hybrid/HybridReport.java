package io.lambdaretail.recs.hybrid;

import io.lambdaretail.recs.RankingReport;
import io.lambdaretail.report.HtmlReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code report.html} of a {@code train-hybrid} run: hybrid, ALS and popularity on the same
 * split (metrics and precision@k curves), then the cold-start split.
 */
final class HybridReport {
  private HybridReport() {}

  /**
   * @param curves precision@k for k = 1..{@link RankingReport#CURVE_K} by model name
   */
  static HtmlReport build(TrainHybridResult result, Map<String, double[]> curves) {
    Map<String, Object> parameters = new LinkedHashMap<>(result.options().model().toMap());
    parameters.put("identity_features", TrainHybridResult.identityFeatures(result.options()));
    HtmlReport report =
        RankingReport.start(
            "train-hybrid",
            result.modelVersion(),
            result.range(),
            result.options().split().describe(),
            parameters,
            result.options().refit());
    RankingReport.metrics(report, "Test metrics", result.metrics());
    RankingReport.precisionCurves(report, curves);
    return coldStart(report, result.coldStart());
  }

  @SuppressWarnings("unchecked")
  private static HtmlReport coldStart(HtmlReport report, Map<String, Object> cold) {
    report.heading("Cold start");
    if (cold == null) {
      return report.paragraph("Not run (--cold-item-share 0, or no --item-features).");
    }
    Map<String, Object> hybrid =
        (Map<String, Object>) ((Map<String, Object>) cold.get("metrics")).get("hybrid");
    List<List<Object>> rows = new ArrayList<>();
    hybrid.forEach((name, value) -> rows.add(List.of(name, value)));
    return report
        .paragraph(
            cold.get("items_held_out")
                + " products with features held out of training ("
                + cold.get("test_pairs")
                + " pairs); the hybrid model ranks them by their features alone. "
                + cold.get("note")
                + ".")
        .table(List.of("metric", "hybrid"), rows);
  }
}
