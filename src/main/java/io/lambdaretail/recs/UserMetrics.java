package io.lambdaretail.recs;

import java.util.Arrays;
import java.util.Set;

/**
 * Ranking metrics of one user's list, pure functions. {@code relevantTotal} counts all of the
 * user's test items, including items the model cannot rank (unknown to it): they are misses, so a
 * model is never rewarded for the items it leaves out.
 *
 * @param precision hits in the top k / k
 * @param recall hits in the top k / relevant items
 * @param averagePrecision sum of precision at each hit / min(k, relevant items)
 * @param ndcg DCG of the top k / the best DCG possible with this many relevant items
 * @param auc share of (relevant, non-relevant) item pairs ordered right, ties half; NaN when the
 *     user has no rankable relevant item or no candidate negative
 */
public record UserMetrics(
    double precision, double recall, double averagePrecision, double ndcg, double auc) {

  /** Precision, recall, AP and NDCG at {@code k} of {@code top} (best first). */
  public static UserMetrics ofTop(int[] top, Set<Integer> relevant, int relevantTotal, int k) {
    int hits = 0;
    double precisionSum = 0;
    double dcg = 0;
    for (int r = 0; r < Math.min(k, top.length); r++) {
      if (relevant.contains(top[r])) {
        hits++;
        precisionSum += hits / (double) (r + 1);
        dcg += 1 / log2(r + 2);
      }
    }
    double idcg = 0;
    for (int r = 0; r < Math.min(k, relevantTotal); r++) {
      idcg += 1 / log2(r + 2);
    }
    int denominator = Math.min(k, relevantTotal);
    return new UserMetrics(
        hits / (double) k,
        relevantTotal == 0 ? 0 : hits / (double) relevantTotal,
        denominator == 0 ? 0 : precisionSum / denominator,
        idcg == 0 ? 0 : dcg / idcg,
        Double.NaN);
  }

  /**
   * Precision at every cut-off 1..{@code maxK} of one ranked list (best first): element {@code j}
   * is hits in the first {@code j + 1} / {@code (j + 1)}; positions past the list are misses.
   */
  public static double[] precisionCurve(int[] top, Set<Integer> relevant, int maxK) {
    double[] curve = new double[maxK];
    int hits = 0;
    for (int r = 0; r < maxK; r++) {
      if (r < top.length && relevant.contains(top[r])) {
        hits++;
      }
      curve[r] = hits / (double) (r + 1);
    }
    return curve;
  }

  public UserMetrics withAuc(double value) {
    return new UserMetrics(precision, recall, averagePrecision, ndcg, value);
  }

  /**
   * AUC over the candidates of {@code scores[offset .. offset + n)}: entries of {@code -Infinity}
   * (the user's training items) are not candidates; {@code positives} are the relevant columns.
   */
  public static double auc(float[] scores, int offset, int n, Set<Integer> positives) {
    float[] negatives = new float[n];
    int count = 0;
    for (int j = 0; j < n; j++) {
      float s = scores[offset + j];
      if (s != Float.NEGATIVE_INFINITY && !positives.contains(j)) {
        negatives[count++] = s;
      }
    }
    float[] sorted = Arrays.copyOf(negatives, count);
    Arrays.sort(sorted);
    double correct = 0;
    int pos = 0;
    for (int j : positives) {
      float s = scores[offset + j];
      if (s == Float.NEGATIVE_INFINITY) {
        continue;
      }
      pos++;
      int below = lowerBound(sorted, s);
      int equal = lowerBound(sorted, Math.nextUp(s)) - below;
      correct += below + 0.5 * equal;
    }
    return pos == 0 || count == 0 ? Double.NaN : correct / ((double) pos * count);
  }

  private static int lowerBound(float[] sorted, float value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
