package io.lambdaretail.recs.als;

import io.lambdaretail.recs.IdIndex;
import io.lambdaretail.recs.PopularityScorer;
import io.lambdaretail.recs.RankingEvaluator;
import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.recs.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small grid search: each combination of rank, regParam and alpha is fitted on the validation
 * split's training part and scored by NDCG@k on its held-out part; the test split is never seen.
 * Cost: one ALS fit and one evaluation per combination (8 by default).
 */
final class AlsGrid {
  static final int[] RANKS = {16, 64};
  static final double[] REG_PARAMS = {0.1, 1};
  static final double[] ALPHAS = {1, 10};
  private static final Logger LOG = LoggerFactory.getLogger(AlsGrid.class);

  private AlsGrid() {}

  /** One tried combination and its validation NDCG@k. */
  record Trial(AlsParams params, double ndcg) {
    Map<String, Object> toMap(int k) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", params.rank());
      m.put("reg_param", params.regParam());
      m.put("alpha", params.alpha());
      m.put("ndcg@" + k, Math.round(ndcg * 1e6) / 1e6);
      return m;
    }
  }

  static List<Trial> search(Split validation, AlsParams base, int k) {
    Dataset<Row> train = validation.train();
    IdIndex index = IdIndex.build(train);
    Dataset<Row> encoded = index.encode(train).cache();
    PopularityScorer popularity = PopularityScorer.fromTraining(train, index.itemIds());
    List<Trial> trials = new ArrayList<>();
    try {
      for (int rank : RANKS) {
        for (double reg : REG_PARAMS) {
          for (double alpha : ALPHAS) {
            AlsParams p = base.with(rank, reg, alpha);
            ALSModel model = AlsTrainer.fit(encoded, p);
            RankingMetrics m =
                RankingEvaluator.evaluate(
                    new AlsScorer(model, index), popularity, train, validation.test(), k);
            LOG.info(
                "grid rank={} regParam={} alpha={}: ndcg@{}={}", rank, reg, alpha, k, m.ndcg());
            trials.add(new Trial(p, m.ndcg()));
          }
        }
      }
    } finally {
      encoded.unpersist();
    }
    return trials;
  }

  static Trial best(List<Trial> trials) {
    Trial best = trials.get(0);
    for (Trial t : trials) {
      if (t.ndcg() > best.ndcg()) {
        best = t;
      }
    }
    return best;
  }
}
