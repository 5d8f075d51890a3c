package io.lambdaretail.recs;

import java.io.Serializable;

/** Scores a block of users against every item; runs inside Spark tasks. */
public interface BlockScorer extends Serializable {
  int numItems();

  /**
   * Writes {@code n x numItems()} scores, row-major, into {@code out}: {@code out[u * numItems() +
   * j]} is the score of item {@code j} for {@code vectors[u]}.
   */
  void score(float[][] vectors, int n, float[] out);
}
