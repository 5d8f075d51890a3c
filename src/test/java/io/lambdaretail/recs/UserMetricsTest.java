package io.lambdaretail.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UserMetricsTest {
  @Test
  void topKIsBestFirstWithTiesByIndexAndSkipsExcludedItems() {
    float[] scores = {0.5f, 0.9f, Float.NEGATIVE_INFINITY, 0.9f, 0.1f, 0.7f};

    assertThat(TopK.select(scores, 0, scores.length, 3)).as("top 3").containsExactly(1, 3, 5);
    assertThat(TopK.select(scores, 0, scores.length, 10))
        .as("k above the candidates: every non-excluded item once")
        .containsExactly(1, 3, 5, 0, 4);
    assertThat(TopK.select(scores, 2, 4, 2)).as("a row at an offset").containsExactly(1, 3);
  }

  @Test
  void precisionRecallApAndNdcgFollowTheirDefinitions() {
    // hits at ranks 1 and 3 of k=4; 3 relevant items in all, one of them unknown to the model
    UserMetrics m = UserMetrics.ofTop(new int[] {7, 2, 5, 9}, Set.of(7, 5), 3, 4);

    assertThat(m.precision()).as("precision@4").isEqualTo(0.5);
    assertThat(m.recall()).as("recall@4 counts the unknown item as a miss").isEqualTo(2 / 3.0);
    assertThat(m.averagePrecision())
        .as("AP@4 = (1/1 + 2/3) / min(4, 3)")
        .isCloseTo((1 + 2 / 3.0) / 3, within(1e-12));
    double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
    double idcg = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
    assertThat(m.ndcg()).as("NDCG@4").isCloseTo(dcg / idcg, within(1e-12));
  }

  @Test
  void precisionCurveIsHitsSoFarOverEachCutOffWithMissesPastTheList() {
    double[] curve = UserMetrics.precisionCurve(new int[] {7, 2, 5}, Set.of(7, 5), 5);

    assertThat(curve)
        .as("precision@1..5 of a 3-item list with hits at ranks 1 and 3")
        .containsExactly(new double[] {1, 0.5, 2 / 3.0, 0.5, 0.4}, within(1e-12));
    assertThat(UserMetrics.precisionCurve(new int[] {1}, Set.of(), 3))
        .as("no hits")
        .containsExactly(0, 0, 0);
  }

  @Test
  void aucCountsOrderedPairsWithTiesAsHalfAndIgnoresExcludedItems() {
    float[] scores = {0.9f, 0.3f, 0.5f, Float.NEGATIVE_INFINITY, 0.5f};
    // positives 0 (above all 3 negatives) and 2 (above 0.3, tied with 0.5, below nothing)
    double auc = UserMetrics.auc(scores, 0, scores.length, Set.of(0, 2));

    assertThat(auc).as("AUC").isCloseTo((2 + 1.5) / 4.0, within(1e-12));
    assertThat(UserMetrics.auc(scores, 0, scores.length, Set.of(3)))
        .as("no rankable positive")
        .isNaN();
  }
}
