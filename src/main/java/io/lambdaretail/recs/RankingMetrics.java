package io.lambdaretail.recs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mean ranking metrics at {@code k} over the evaluated users (test users with at least one test
 * item not already in their training items).
 *
 * @param users users evaluated
 * @param usersKnown of which the model knew (the others were given the popularity list)
 * @param auc mean over users with a rankable relevant item
 * @param coverage distinct items in the evaluated top-k lists / items the model can rank
 */
public record RankingMetrics(
    int k,
    long users,
    long usersKnown,
    double precision,
    double recall,
    double map,
    double ndcg,
    double auc,
    double coverage) {

  /** Summary keys: {@code precision@10, recall@10, map@10, ndcg@10, auc, coverage, users, ...}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("precision@" + k, round(precision));
    m.put("recall@" + k, round(recall));
    m.put("map@" + k, round(map));
    m.put("ndcg@" + k, round(ndcg));
    m.put("auc", round(auc));
    m.put("coverage", round(coverage));
    m.put("users", users);
    m.put("users_known", usersKnown);
    return m;
  }

  /** A plain-text table of named results, one row each. */
  public static String table(Map<String, RankingMetrics> rows) {
    StringBuilder t = new StringBuilder();
    int k = rows.values().stream().findFirst().map(RankingMetrics::k).orElse(0);
    t.append(
        String.format(
            Locale.ROOT,
            "%-12s %9s %9s %9s %9s %7s %9s %8s%n",
            "model",
            "prec@" + k,
            "recall@" + k,
            "map@" + k,
            "ndcg@" + k,
            "auc",
            "coverage",
            "users"));
    rows.forEach(
        (name, m) ->
            t.append(
                String.format(
                    Locale.ROOT,
                    "%-12s %9.4f %9.4f %9.4f %9.4f %7.4f %9.4f %8d%n",
                    name,
                    m.precision,
                    m.recall,
                    m.map,
                    m.ndcg,
                    m.auc,
                    m.coverage,
                    m.users)));
    return t.toString();
  }

  private static Object round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
  }
}
