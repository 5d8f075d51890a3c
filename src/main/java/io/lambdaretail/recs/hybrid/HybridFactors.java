package io.lambdaretail.recs.hybrid;

import java.io.Serializable;

/**
 * A trained hybrid model in index space: feature embeddings and biases plus the feature matrices of
 * the known users and items. A row's vector is its weighted feature embeddings summed, with the
 * weighted bias appended at position k, so a score is {@code dot(u[0..k), i[0..k)) + u[k] + i[k]}.
 */
public final class HybridFactors implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HybridParams params;
  private final CsrMatrix userFeatures;
  private final CsrMatrix itemFeatures;

  HybridFactors(HybridParams params, CsrMatrix userFeatures, CsrMatrix itemFeatures) {
    this.params = params;
    this.userFeatures = userFeatures;
    this.itemFeatures = itemFeatures;
  }

  /**
   * Rebuilds factors from saved arrays (embeddings row-major, {@code features x k}); the schedule's
   * accumulators are not kept, so the result scores but does not resume training.
   */
  public static HybridFactors of(
      int k,
      float[] userEmb,
      float[] userBias,
      float[] itemEmb,
      float[] itemBias,
      CsrMatrix userFeatures,
      CsrMatrix itemFeatures) {
    SideParams users = new SideParams(userBias.length, k, Schedule.ADAGRAD);
    SideParams items = new SideParams(itemBias.length, k, Schedule.ADAGRAD);
    System.arraycopy(userEmb, 0, users.emb, 0, userEmb.length);
    System.arraycopy(userBias, 0, users.bias, 0, userBias.length);
    System.arraycopy(itemEmb, 0, items.emb, 0, itemEmb.length);
    System.arraycopy(itemBias, 0, items.bias, 0, itemBias.length);
    return new HybridFactors(new HybridParams(users, items), userFeatures, itemFeatures);
  }

  public int components() {
    return params.k;
  }

  public CsrMatrix userFeatures() {
    return userFeatures;
  }

  public CsrMatrix itemFeatures() {
    return itemFeatures;
  }

  /** Embedding of user feature f (a copy). */
  public float[] userFeatureEmbedding(int f) {
    return slice(params.users.emb, f);
  }

  public float userFeatureBias(int f) {
    return params.users.bias[f];
  }

  /** Embedding of item feature f (a copy). */
  public float[] itemFeatureEmbedding(int f) {
    return slice(params.items.emb, f);
  }

  public float itemFeatureBias(int f) {
    return params.items.bias[f];
  }

  private float[] slice(float[] emb, int f) {
    float[] out = new float[params.k];
    System.arraycopy(emb, f * params.k, out, 0, params.k);
    return out;
  }

  /** User row's vector: k components then the bias. */
  public float[] userVector(int row) {
    return vector(params.users, userFeatures, row);
  }

  /** Item row's vector: k components then the bias. */
  public float[] itemVector(int row) {
    return vector(params.items, itemFeatures, row);
  }

  private float[] vector(SideParams side, CsrMatrix m, int row) {
    float[] out = new float[params.k + 1];
    out[params.k] = side.represent(m, row, out);
    return out;
  }

  /** Score of two vectors from {@link #userVector} and {@link #itemVector}. */
  public static float score(float[] user, float[] item) {
    int k = user.length - 1;
    float s = user[k] + item[k];
    for (int c = 0; c < k; c++) {
      s += user[c] * item[c];
    }
    return s;
  }

  public float score(int userRow, int itemRow) {
    return score(userVector(userRow), itemVector(itemRow));
  }

  HybridParams params() {
    return params;
  }
}
