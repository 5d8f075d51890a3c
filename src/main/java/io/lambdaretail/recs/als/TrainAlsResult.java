package io.lambdaretail.recs.als;

import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.report.HtmlReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * What a {@code train-als} run did: counts, the split, the parameters used (the grid's best with
 * {@code --grid}), the test metrics of ALS and of the popularity baseline on the same split.
 */
public record TrainAlsResult(
    TrainAlsOptions options,
    String modelVersion,
    Map<String, Object> counts,
    Map<String, Object> range,
    AlsParams params,
    List<Map<String, Object>> grid,
    RankingMetrics metrics,
    RankingMetrics baseline,
    String sparkVersion,
    long durationMs) {

  public Map<String, Object> toSummary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("model", options.modelOut());
    s.put("kind", AlsModel.KIND);
    s.put("model_version", modelVersion);
    s.put("user_key", options.input().userKey().column());
    s.put("split", options.split().describe());
    s.put("data", range);
    s.put("counts", counts);
    s.put("parameters", params.toMap());
    s.put("weights", weights());
    if (grid != null) {
      s.put("grid", grid);
    }
    s.put("refit", options.refit());
    s.put("metrics", metrics.toMap());
    s.put("baseline", baseline.toMap());
    s.put("report", new Path(options.modelOut(), HtmlReport.FILE_NAME).toString());
    s.put("spark_version", sparkVersion);
    s.put("duration_ms", durationMs);
    return s;
  }

  /** The metrics table logged at the end of a run. */
  public String metricsTable() {
    Map<String, RankingMetrics> rows = new LinkedHashMap<>();
    rows.put("als", metrics);
    rows.put("popularity", baseline);
    return RankingMetrics.table(rows);
  }

  private Map<String, Object> weights() {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("view_weight", options.weights().viewWeight());
    w.put("purchase_weight", options.weights().purchaseWeight());
    w.put("half_life_days", options.weights().halfLifeDays());
    w.put("min_user_interactions", options.weights().minUserInteractions());
    w.put("min_item_interactions", options.weights().minItemInteractions());
    return w;
  }
}
