package io.lambdaretail.recs.hybrid;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Parameters of one side's features (users or items) in flat arrays: row {@code f}'s embedding is
 * {@code emb[f*k .. f*k+k)}, its bias {@code bias[f]}; the schedule's accumulators have the same
 * layout ({@code mom*} are empty under Adagrad).
 */
final class SideParams implements Serializable {
  private static final long serialVersionUID = 1L;

  final int rows;
  final int k;
  final float[] emb;
  final float[] bias;
  final float[] embAcc;
  final float[] biasAcc;
  final float[] embMom;
  final float[] biasMom;

  SideParams(int rows, int k, Schedule schedule) {
    this.rows = rows;
    this.k = k;
    emb = new float[rows * k];
    bias = new float[rows];
    embAcc = new float[rows * k];
    biasAcc = new float[rows];
    boolean adadelta = schedule == Schedule.ADADELTA;
    embMom = new float[adadelta ? rows * k : 0];
    biasMom = new float[adadelta ? rows : 0];
    if (!adadelta) {
      // Adagrad's accumulators start at 1, as in LightFM: the first step is the learning rate
      java.util.Arrays.fill(embAcc, 1f);
      java.util.Arrays.fill(biasAcc, 1f);
    }
  }

  private SideParams(SideParams o) {
    rows = o.rows;
    k = o.k;
    emb = o.emb.clone();
    bias = o.bias.clone();
    embAcc = o.embAcc.clone();
    biasAcc = o.biasAcc.clone();
    embMom = o.embMom.clone();
    biasMom = o.biasMom.clone();
  }

  /** Uniform in [-0.5, 0.5) / k, LightFM's initialisation; biases start at 0. */
  void initialise(SplittableRandom random) {
    for (int i = 0; i < emb.length; i++) {
      emb[i] = (float) ((random.nextDouble() - 0.5) / k);
    }
  }

  SideParams copy() {
    return new SideParams(this);
  }

  boolean adadelta() {
    return embMom.length > 0 || rows == 0;
  }

  /**
   * A matrix row's representation: {@code out = sum_f w_f * emb_f}; returns {@code sum_f w_f *
   * bias_f}.
   */
  float represent(CsrMatrix m, int row, float[] out) {
    java.util.Arrays.fill(out, 0, k, 0f);
    float b = 0f;
    for (int j = m.rowPtr[row]; j < m.rowPtr[row + 1]; j++) {
      int base = m.cols[j] * k;
      float w = m.vals[j];
      for (int c = 0; c < k; c++) {
        out[c] += w * emb[base + c];
      }
      b += w * bias[m.cols[j]];
    }
    return b;
  }
}
