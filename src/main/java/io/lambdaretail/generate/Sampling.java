package io.lambdaretail.generate;

import java.util.SplittableRandom;

/**
 * Seed derivation and the few distributions the generator draws from. Everything is a pure function
 * of its arguments so that each output file can be produced from its own seed, in any order.
 */
final class Sampling {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Sampling() {}

  /** SplitMix64's finalizer: a bijection on 64-bit values, so distinct inputs give distinct ids. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A seed for one independent stream, e.g. {@code (seed, "pdpviews", day, file)}. {@link
   * String#hashCode()} is specified by the JLS, so the result is stable across JVMs.
   */
  static long seed(long seed, String tag, long a, long b) {
    long z = mix64(seed + GOLDEN_GAMMA * (tag.hashCode() + 1L));
    z = mix64(z + GOLDEN_GAMMA * (a + 1));
    return mix64(z + GOLDEN_GAMMA * (b + 1));
  }

  static SplittableRandom random(long seed, String tag, long a, long b) {
    return new SplittableRandom(seed(seed, tag, a, b));
  }

  /** Standard normal by Box-Muller (one value per call keeps the stream simple to reason about). */
  static double normal(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  static double logNormal(SplittableRandom rng, double mu, double sigma) {
    return Math.exp(mu + sigma * normal(rng));
  }

  static double exponential(SplittableRandom rng, double mean) {
    return -mean * Math.log(1.0 - rng.nextDouble());
  }

  /** Gamma(shape, 1) by Marsaglia-Tsang, with the usual boost for shape below 1. */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1.0 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1.0 / Math.sqrt(9 * d);
    while (true) {
      double x = normal(rng);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** Poisson: exact (Knuth) for small means, a rounded normal approximation above 30. */
  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
    }
    double limit = Math.exp(-mean);
    double p = rng.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= rng.nextDouble();
      k++;
    }
    return k;
  }

  /** Index of the first entry of the cumulative array {@code cdf[from, to)} that exceeds u. */
  static int pick(float[] cdf, int from, int to, double u) {
    double target = u * cdf[to - 1];
    int lo = from;
    int hi = to - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo - from;
  }

  /** Index drawn with probability proportional to the (not necessarily normalised) weights. */
  static int pickWeighted(double[] weights, int n, double u) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    double target = u * total;
    int last = 0;
    for (int i = 0; i < n; i++) {
      if (weights[i] > 0) {
        last = i;
        target -= weights[i];
        if (target < 0) {
          return i;
        }
      }
    }
    // rounding can leave a sliver past the end: never return a zero-weight entry for it
    return last;
  }

  /** Cumulative sums of the weights, as floats to halve the memory of per-user tables. */
  static float[] cumulative(double[] weights) {
    float[] cdf = new float[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cdf[i] = (float) sum;
    }
    return cdf;
  }
}
