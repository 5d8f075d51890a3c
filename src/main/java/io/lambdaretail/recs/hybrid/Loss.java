package io.lambdaretail.recs.hybrid;

import java.util.Arrays;
import java.util.Locale;

/**
 * Training objectives of the hybrid model. Every loss updates the model through one (positive,
 * negative) item pair of a user, so they share the update code and differ only in how the negative
 * is drawn and in dL/d(score) of each side.
 */
public enum Loss {
  /** Weighted Approximate-Rank Pairwise: sample negatives until one violates the margin. */
  WARP("warp"),
  /** Bayesian Personalised Ranking: -log sigmoid(score(pos) - score(neg)), one random negative. */
  BPR("bpr"),
  /**
   * Log loss on the positive (label 1) and one sampled unobserved item (label 0): implicit data has
   * no explicit negatives, which LightFM's logistic loss would otherwise need.
   */
  LOGISTIC("logistic"),
  /** k-OS WARP: the positive is the k-th best scored of n sampled positives of the user. */
  WARP_KOS("warp-kos");

  private final String cliName;

  Loss(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** Parses the command-line name; null when unknown. */
  public static Loss parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.cliName.equals(v)).findFirst().orElse(null);
  }

  boolean isWarp() {
    return this == WARP || this == WARP_KOS;
  }

  /**
   * The sample's loss value for scores of the positive and the negative; for the gradient check.
   */
  double value(double positive, double negative, double warpWeight) {
    return switch (this) {
      case WARP, WARP_KOS -> warpWeight * Math.max(0.0, 1.0 - positive + negative);
      case BPR -> softplus(negative - positive);
      case LOGISTIC -> softplus(-positive) + softplus(negative);
    };
  }

  /** dL/d score(positive). */
  float positiveGradient(float positive, float negative, float warpWeight) {
    return switch (this) {
      case WARP, WARP_KOS -> -warpWeight;
      case BPR -> -sigmoid(negative - positive);
      case LOGISTIC -> -sigmoid(-positive);
    };
  }

  /** dL/d score(negative). */
  float negativeGradient(float positive, float negative, float warpWeight) {
    return switch (this) {
      case WARP, WARP_KOS -> warpWeight;
      case BPR -> sigmoid(negative - positive);
      case LOGISTIC -> sigmoid(negative);
    };
  }

  static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-x)));
  }

  private static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }
}
