package io.lambdaretail.recs.hybrid;

/** Records the gradient a sample passes to the sink (plus the L2 term), instead of stepping. */
final class GradientRecorder implements GradientSink {
  final double[][] emb = new double[2][];
  final double[][] bias = new double[2][];
  private final HybridParams params;
  private final float[] alphas;

  GradientRecorder(HybridParams params, float userAlpha, float itemAlpha) {
    this.params = params;
    this.alphas = new float[] {userAlpha, itemAlpha};
    for (int side = 0; side < 2; side++) {
      emb[side] = new double[params.side(side).emb.length];
      bias[side] = new double[params.side(side).bias.length];
    }
  }

  @Override
  public void apply(int side, CsrMatrix m, int row, float biasScale, float embScale, float[] dir) {
    SideParams p = params.side(side);
    for (int j = m.rowPtr[row]; j < m.rowPtr[row + 1]; j++) {
      int f = m.cols[j];
      float w = m.vals[j];
      for (int c = 0; c < p.k; c++) {
        emb[side][f * p.k + c] += embScale * w * dir[c] + alphas[side] * p.emb[f * p.k + c];
      }
      bias[side][f] += biasScale * w + alphas[side] * p.bias[f];
    }
  }
}
