package io.lambdaretail.recs.hybrid;

/**
 * The model's per-sample arithmetic: representations and scores of a user and of a positive and a
 * negative item, and the gradient of the loss of that pair, all taken at the parameters before the
 * update (as LightFM does). Holds its buffers, so scoring and updating allocate nothing.
 */
final class PairUpdater {
  private final HybridParams params;
  private final CsrMatrix userFeatures;
  private final CsrMatrix itemFeatures;
  private final Loss loss;
  private final GradientSink sink;
  private final float[] user;
  private final float[] positive;
  private final float[] negative;
  private final float[] direction;
  private float userBias;

  PairUpdater(
      HybridParams params,
      CsrMatrix userFeatures,
      CsrMatrix itemFeatures,
      Loss loss,
      GradientSink sink) {
    this.params = params;
    this.userFeatures = userFeatures;
    this.itemFeatures = itemFeatures;
    this.loss = loss;
    this.sink = sink;
    int k = params.k;
    user = new float[k];
    positive = new float[k];
    negative = new float[k];
    direction = new float[k];
  }

  /** Computes the user's representation; the scores below are for this user. */
  void setUser(int userRow) {
    userBias = params.users.represent(userFeatures, userRow, user);
  }

  /** Score of an item, its representation kept as the positive. */
  float scorePositive(int item) {
    return score(params.items.represent(itemFeatures, item, positive), positive);
  }

  /** Score of an item, its representation kept as the negative. */
  float scoreNegative(int item) {
    return score(params.items.represent(itemFeatures, item, negative), negative);
  }

  private float score(float itemBias, float[] itemRepr) {
    float s = userBias + itemBias;
    for (int c = 0; c < itemRepr.length; c++) {
      s += user[c] * itemRepr[c];
    }
    return s;
  }

  /**
   * Passes the gradient of the pair's loss to the sink: both items' features (along the user's
   * representation), then the user's features (along gp * pos + gn * neg; bias gp + gn).
   */
  void update(
      int userRow, int posItem, int negItem, float posScore, float negScore, float warpWeight) {
    float gp = loss.positiveGradient(posScore, negScore, warpWeight);
    float gn = loss.negativeGradient(posScore, negScore, warpWeight);
    for (int c = 0; c < direction.length; c++) {
      direction[c] = gp * positive[c] + gn * negative[c];
    }
    sink.apply(Sides.ITEM, itemFeatures, posItem, gp, gp, user);
    sink.apply(Sides.ITEM, itemFeatures, negItem, gn, gn, user);
    sink.apply(Sides.USER, userFeatures, userRow, gp + gn, 1f, direction);
  }
}
