package io.lambdaretail.recs.hybrid;

/**
 * Applies gradients to partition-local parameters with the configured schedule and L2 penalty,
 * remembering which feature rows it changed so that only those are sent back to the driver.
 */
final class SgdStep implements GradientSink {
  private final HybridParams params;
  private final boolean adadelta;
  private final float learningRate;
  private final float rho;
  private final float epsilon;
  private final float[] alphas = new float[2];
  final boolean[][] touched = new boolean[2][];

  SgdStep(HybridParams params, HybridConfig config) {
    this.params = params;
    this.adadelta = config.schedule() == Schedule.ADADELTA;
    this.learningRate = config.learningRate();
    this.rho = config.rho();
    this.epsilon = config.epsilon();
    alphas[Sides.USER] = config.userAlpha();
    alphas[Sides.ITEM] = config.itemAlpha();
    touched[Sides.USER] = new boolean[params.users.rows];
    touched[Sides.ITEM] = new boolean[params.items.rows];
  }

  @Override
  public void apply(int side, CsrMatrix m, int row, float biasScale, float embScale, float[] dir) {
    SideParams p = params.side(side);
    boolean[] mark = touched[side];
    float alpha = alphas[side];
    int k = p.k;
    for (int j = m.rowPtr[row]; j < m.rowPtr[row + 1]; j++) {
      int f = m.cols[j];
      float w = m.vals[j];
      mark[f] = true;
      int base = f * k;
      float scaled = embScale * w;
      for (int c = 0; c < k; c++) {
        int i = base + c;
        p.emb[i] -= step(p.embAcc, p.embMom, i, scaled * dir[c] + alpha * p.emb[i]);
      }
      p.bias[f] -= step(p.biasAcc, p.biasMom, f, biasScale * w + alpha * p.bias[f]);
    }
  }

  /** The amount to subtract for gradient g of parameter i; updates its accumulators. */
  private float step(float[] acc, float[] mom, int i, float g) {
    if (adadelta) {
      acc[i] = rho * acc[i] + (1 - rho) * g * g;
      float delta = (float) (Math.sqrt(mom[i] + epsilon) / Math.sqrt(acc[i] + epsilon)) * g;
      mom[i] = rho * mom[i] + (1 - rho) * delta * delta;
      return delta;
    }
    float delta = learningRate * g / (float) Math.sqrt(acc[i]);
    acc[i] += g * g;
    return delta;
  }
}
