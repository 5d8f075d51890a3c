package io.lambdaretail.recs.hybrid;

import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.report.HtmlReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * What a {@code train-hybrid} run did: counts, features, training speed, and the comparison of the
 * hybrid model, ALS and popularity on the same split, plus the cold-start evaluation.
 *
 * @param features per side: layout, feature columns, ignored columns, bad rows, feature counts
 * @param training epochs, seconds per epoch, interactions per second
 * @param metrics test metrics by model name ({@code hybrid}, {@code als}, {@code popularity})
 * @param coldStart the cold-start evaluation, or null when it did not run
 */
public record TrainHybridResult(
    TrainHybridOptions options,
    String modelVersion,
    Map<String, Object> counts,
    Map<String, Object> range,
    Map<String, Object> features,
    Map<String, Object> training,
    Map<String, RankingMetrics> metrics,
    Map<String, Object> coldStart,
    String sparkVersion,
    long durationMs) {

  public Map<String, Object> toSummary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("model", options.modelOut());
    s.put("report", new Path(options.modelOut(), HtmlReport.FILE_NAME).toString());
    s.put("kind", HybridModel.KIND);
    s.put("model_version", modelVersion);
    s.put("user_key", options.input().userKey().column());
    s.put("split", options.split().describe());
    s.put("data", range);
    s.put("counts", counts);
    Map<String, Object> p = options.model().toMap();
    p.put("identity_features", identityFeatures(options));
    p.put("partitions", training.get("partitions"));
    s.put("parameters", p);
    s.put("features", features);
    s.put("training", training);
    Map<String, Object> m = new LinkedHashMap<>();
    metrics.forEach((name, r) -> m.put(name, r.toMap()));
    s.put("metrics", m);
    s.put("cold_start", coldStart);
    s.put("refit", options.refit());
    s.put("spark_version", sparkVersion);
    s.put("duration_ms", durationMs);
    return s;
  }

  /** {@code both}, {@code users}, {@code items} or {@code none}, as {@code --identity-features}. */
  static String identityFeatures(TrainHybridOptions o) {
    if (o.userIdentity() == o.itemIdentity()) {
      return o.userIdentity() ? "both" : "none";
    }
    return o.userIdentity() ? "users" : "items";
  }

  /** The metrics as a text table, for the log. */
  public String metricsTable() {
    return RankingMetrics.table(metrics);
  }

  TrainHybridResult withDuration(long ms) {
    return new TrainHybridResult(
        options,
        modelVersion,
        counts,
        range,
        features,
        training,
        metrics,
        coldStart,
        sparkVersion,
        ms);
  }
}
