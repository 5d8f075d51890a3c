package io.lambdaretail.recs.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Numerical gradient check of every loss on a tiny model: the gradient the training code passes to
 * its sink must match central finite differences of the sample's objective (loss + L2 terms), for
 * every embedding component and bias of every user and item feature.
 */
class GradientCheckTest {
  private static final int USER = 1;
  private static final int POS = 0;
  private static final int NEG = 2;
  private static final float WARP_WEIGHT = 1.7f;
  private static final float USER_ALPHA = 0.03f;
  private static final float ITEM_ALPHA = 0.05f;

  // 3 users: identity features 0-2 plus attributes 3, 4; the item side shares a feature (4+1)
  private final CsrMatrix users =
      CsrMatrix.fromTriplets(
          3,
          5,
          new int[] {0, 0, 1, 1, 1, 2},
          new int[] {0, 3, 1, 3, 4, 2},
          new float[] {1, 1, 1, 2, 1, 1});
  private final CsrMatrix items =
      CsrMatrix.fromTriplets(
          4,
          6,
          new int[] {0, 0, 1, 2, 2, 2, 3},
          new int[] {0, 4, 1, 2, 4, 5, 3},
          new float[] {1, 1, 1, 1, 1, 0.5f, 1});

  @ParameterizedTest
  @EnumSource(Loss.class)
  void analyticGradientMatchesFiniteDifferences(Loss loss) {
    HybridConfig config = HybridConfig.defaults(loss).withComponents(3).withSeed(7);
    HybridParams params = HybridParams.initial(5, 6, config);
    // larger random values than the initialisation, so that no gradient is trivially small
    SplittableRandom random = new SplittableRandom(3);
    for (int side = 0; side < 2; side++) {
      SideParams p = params.side(side);
      for (int i = 0; i < p.emb.length; i++) {
        p.emb[i] = (float) (random.nextDouble() - 0.5);
      }
      for (int i = 0; i < p.bias.length; i++) {
        p.bias[i] = (float) (random.nextDouble() - 0.5) * 0.2f;
      }
    }
    GradientRecorder recorder = new GradientRecorder(params, USER_ALPHA, ITEM_ALPHA);
    PairUpdater pair = new PairUpdater(params, users, items, loss, recorder);
    pair.setUser(USER);
    float posScore = pair.scorePositive(POS);
    float negScore = pair.scoreNegative(NEG);
    assertThat(1 - posScore + negScore).as("WARP's hinge is active at this point").isPositive();
    pair.update(USER, POS, NEG, posScore, negScore, WARP_WEIGHT);

    int checked = 0;
    for (int side = 0; side < 2; side++) {
      SideParams p = params.side(side);
      for (int i = 0; i < p.emb.length; i++) {
        checkOne(loss, params, p.emb, i, recorder.emb[side][i], side + ":emb" + i);
        checked++;
      }
      for (int i = 0; i < p.bias.length; i++) {
        checkOne(loss, params, p.bias, i, recorder.bias[side][i], side + ":bias" + i);
        checked++;
      }
    }
    assertThat(checked).isEqualTo((5 + 6) * 4);
  }

  private void checkOne(
      Loss loss, HybridParams params, float[] array, int i, double analytic, String what) {
    float original = array[i];
    array[i] = original + 1e-3f;
    double plus = objective(loss, params);
    float up = array[i];
    array[i] = original - 1e-3f;
    double minus = objective(loss, params);
    float down = array[i];
    array[i] = original;
    double numeric = (plus - minus) / ((double) up - down);
    assertThat(analytic)
        .as("d objective / d %s (%s)", what, loss)
        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-3 + 1e-3 * Math.abs(numeric)));
  }

  /** The sample's objective in double precision: loss plus alpha/2 |theta|^2 per updated row. */
  private double objective(Loss loss, HybridParams params) {
    double[] u = vector(params.users, users, USER);
    double[] p = vector(params.items, items, POS);
    double[] n = vector(params.items, items, NEG);
    double value = loss.value(score(u, p), score(u, n), WARP_WEIGHT);
    return value
        + USER_ALPHA / 2 * squares(params.users, users, USER)
        + ITEM_ALPHA / 2 * (squares(params.items, items, POS) + squares(params.items, items, NEG));
  }

  private static double[] vector(SideParams side, CsrMatrix m, int row) {
    double[] out = new double[side.k + 1];
    for (int j = m.rowPtr[row]; j < m.rowPtr[row + 1]; j++) {
      for (int c = 0; c < side.k; c++) {
        out[c] += m.vals[j] * (double) side.emb[m.cols[j] * side.k + c];
      }
      out[side.k] += m.vals[j] * (double) side.bias[m.cols[j]];
    }
    return out;
  }

  private static double score(double[] u, double[] i) {
    double s = u[u.length - 1] + i[i.length - 1];
    for (int c = 0; c < u.length - 1; c++) {
      s += u[c] * i[c];
    }
    return s;
  }

  private static double squares(SideParams side, CsrMatrix m, int row) {
    double sum = 0;
    for (int j = m.rowPtr[row]; j < m.rowPtr[row + 1]; j++) {
      int f = m.cols[j];
      for (int c = 0; c < side.k; c++) {
        sum += (double) side.emb[f * side.k + c] * side.emb[f * side.k + c];
      }
      sum += (double) side.bias[f] * side.bias[f];
    }
    return sum;
  }
}
