package io.lambdaretail.recs.hybrid;

import java.util.SplittableRandom;

/**
 * One epoch of asynchronous SGD over one partition's interactions, in an order shuffled by the
 * seed: for each (user, positive item), draw a negative as the loss asks and update the pair.
 * Nothing is allocated per interaction.
 */
final class PartitionTrainer {
  /** LightFM clips the WARP weight at this value for stability. */
  static final float MAX_WARP_WEIGHT = 10f;

  private final PartitionData data;
  private final int[] candidates;
  private final HybridConfig config;
  private final PairUpdater pair;
  private final SplittableRandom random;
  private final float[] kosScores;
  private final int[] kosItems;

  PartitionTrainer(
      PartitionData data,
      TrainingInputs inputs,
      HybridConfig config,
      HybridParams params,
      GradientSink sink,
      long seed) {
    this.data = data;
    this.candidates = inputs.negativeCandidates();
    this.config = config;
    this.pair =
        new PairUpdater(params, inputs.userFeatures(), inputs.itemFeatures(), config.loss(), sink);
    this.random = new SplittableRandom(seed);
    kosScores = new float[config.kosN()];
    kosItems = new int[config.kosN()];
  }

  /** The seed of one partition's epoch, so that every (epoch, partition) draws differently. */
  static long seed(long seed, int epoch, int partition) {
    long h = seed * 0x9E3779B97F4A7C15L + epoch;
    return (h * 0x9E3779B97F4A7C15L + partition) ^ (h >>> 29);
  }

  void runEpoch() {
    int[] order = shuffledOrder();
    for (int idx : order) {
      int user = data.users[idx];
      int localUser = data.local[idx];
      pair.setUser(user);
      switch (config.loss()) {
        case WARP -> warp(user, localUser, data.items[idx]);
        case WARP_KOS -> warp(user, localUser, kosPositive(localUser));
        default -> sampledPair(user, localUser, data.items[idx]);
      }
    }
  }

  private int[] shuffledOrder() {
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private void warp(int user, int localUser, int positive) {
    float posScore = pair.scorePositive(positive);
    for (int sampled = 1; sampled <= config.maxSampled(); sampled++) {
      int negative = candidates[random.nextInt(candidates.length)];
      float negScore = pair.scoreNegative(negative);
      if (negScore > posScore - 1f && !data.isPositive(localUser, negative)) {
        double rank = Math.floor((candidates.length - 1) / (double) sampled);
        float weight = (float) Math.min(MAX_WARP_WEIGHT, Math.log(Math.max(1.0, rank)));
        pair.update(user, positive, negative, posScore, negScore, weight);
        return;
      }
    }
  }

  /** The kosK-th best scored of kosN positives of the user drawn with replacement. */
  private int kosPositive(int localUser) {
    int from = data.userPtr[localUser];
    int count = data.userPtr[localUser + 1] - from;
    for (int i = 0; i < kosItems.length; i++) {
      kosItems[i] = data.items[from + random.nextInt(count)];
      kosScores[i] = pair.scorePositive(kosItems[i]);
    }
    // partial selection sort: the first kosK places hold the best scores
    for (int i = 0; i < config.kosK(); i++) {
      int best = i;
      for (int j = i + 1; j < kosItems.length; j++) {
        if (kosScores[j] > kosScores[best]) {
          best = j;
        }
      }
      swap(i, best);
    }
    return kosItems[config.kosK() - 1];
  }

  private void swap(int i, int j) {
    float s = kosScores[i];
    kosScores[i] = kosScores[j];
    kosScores[j] = s;
    int t = kosItems[i];
    kosItems[i] = kosItems[j];
    kosItems[j] = t;
  }

  /** BPR and logistic: one negative, redrawn (up to max-sampled times) while it is a positive. */
  private void sampledPair(int user, int localUser, int positive) {
    for (int attempt = 0; attempt < config.maxSampled(); attempt++) {
      int negative = candidates[random.nextInt(candidates.length)];
      if (!data.isPositive(localUser, negative)) {
        float posScore = pair.scorePositive(positive);
        float negScore = pair.scoreNegative(negative);
        pair.update(user, positive, negative, posScore, negScore, 0f);
        return;
      }
    }
  }
}
