package io.lambdaretail.recs;

import dev.ludovic.netlib.blas.BLAS;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Scores as {@code item_factors . user_vector + item_bias}, one matrix product (BLAS {@code sgemm})
 * per block of users against the broadcast item matrix. This is the blocked matrix product {@code
 * recommend} uses instead of ALS's {@code recommendForAllUsers} (whose cross join of factor blocks
 * shuffles every user block to every item block).
 */
public final class DotProductScorer implements BlockScorer {
  private static final long serialVersionUID = 1L;

  private final Broadcast<float[]> items;
  private final Broadcast<float[]> bias;
  private final int dim;
  private final int numItems;

  private DotProductScorer(Broadcast<float[]> items, Broadcast<float[]> bias, int dim, int n) {
    this.items = items;
    this.bias = bias;
    this.dim = dim;
    this.numItems = n;
  }

  /**
   * @param factors item vectors, row-major {@code numItems x dim}
   * @param bias one value per item, or null
   */
  public static DotProductScorer create(
      SparkSession spark, float[] factors, float[] bias, int dim) {
    if (dim < 1 || factors.length % dim != 0) {
      throw new IllegalArgumentException(
          "factors of length " + factors.length + " are not a multiple of dim " + dim);
    }
    int n = factors.length / dim;
    if (bias != null && bias.length != n) {
      throw new IllegalArgumentException("bias has " + bias.length + " values for " + n + " items");
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new DotProductScorer(
        jsc.broadcast(factors), bias == null ? null : jsc.broadcast(bias), dim, n);
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public void score(float[][] vectors, int n, float[] out) {
    float[] users = new float[n * dim];
    for (int u = 0; u < n; u++) {
      if (vectors[u].length != dim) {
        throw new IllegalStateException(
            "a user vector has " + vectors[u].length + " values, the items " + dim);
      }
      System.arraycopy(vectors[u], 0, users, u * dim, dim);
    }
    // column-major view: out (numItems x n) = items^T (numItems x dim) * users (dim x n)
    BLAS.getInstance()
        .sgemm("T", "N", numItems, n, dim, 1f, items.value(), dim, users, dim, 0f, out, numItems);
    if (bias != null) {
      float[] b = bias.value();
      for (int u = 0; u < n; u++) {
        int row = u * numItems;
        for (int j = 0; j < numItems; j++) {
          out[row + j] += b[j];
        }
      }
    }
  }
}
