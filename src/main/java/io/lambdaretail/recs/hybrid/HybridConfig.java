package io.lambdaretail.recs.hybrid;

import java.io.Serializable;

/**
 * Hyper-parameters of the hybrid model and its training.
 *
 * @param components embedding dimensions per feature
 * @param loss training objective
 * @param schedule learning-rate schedule
 * @param learningRate Adagrad's base step (ignored by Adadelta)
 * @param itemAlpha L2 penalty on item-feature parameters, applied to the rows an update touches
 * @param userAlpha L2 penalty on user-feature parameters, applied to the rows an update touches
 * @param epochs passes over the training interactions
 * @param maxSampled WARP: negatives drawn at most per positive before giving up
 * @param kosK warp-kos: rank of the positive chosen among the sampled ones (1 = best scored)
 * @param kosN warp-kos: positives sampled per update
 * @param rho Adadelta's decay
 * @param epsilon Adadelta's epsilon
 * @param seed seed of the initial embeddings and of every sampling step
 */
public record HybridConfig(
    int components,
    Loss loss,
    Schedule schedule,
    float learningRate,
    float itemAlpha,
    float userAlpha,
    int epochs,
    int maxSampled,
    int kosK,
    int kosN,
    float rho,
    float epsilon,
    long seed)
    implements Serializable {

  /**
   * Defaults chosen on the generated data (see README, train-hybrid): WARP optimises the top of the
   * ranking, which is what recommendations are judged on; 32 components and 20 epochs of Adagrad at
   * 0.05 reach the plateau of held-out NDCG there without a tuning pass.
   */
  public static final int DEFAULT_COMPONENTS = 32;

  public static final int DEFAULT_EPOCHS = 20;
  public static final float DEFAULT_LEARNING_RATE = 0.05f;
  public static final int DEFAULT_MAX_SAMPLED = 10;

  public HybridConfig {
    if (components < 1 || epochs < 1 || maxSampled < 1 || kosK < 1 || kosN < kosK) {
      throw new IllegalArgumentException(
          "components, epochs, max-sampled and kos-k must be >= 1 and kos-n >= kos-k");
    }
    if (!(learningRate > 0) || itemAlpha < 0 || userAlpha < 0 || !(rho > 0 && rho < 1)) {
      throw new IllegalArgumentException(
          "learning rate must be > 0, alphas >= 0 and rho in (0, 1)");
    }
  }

  /** The documented defaults with a given loss. */
  public static HybridConfig defaults(Loss loss) {
    return new HybridConfig(
        DEFAULT_COMPONENTS,
        loss,
        Schedule.ADAGRAD,
        DEFAULT_LEARNING_RATE,
        0f,
        0f,
        DEFAULT_EPOCHS,
        DEFAULT_MAX_SAMPLED,
        5,
        10,
        0.95f,
        1e-6f,
        42L);
  }

  public HybridConfig withComponents(int value) {
    return new HybridConfig(
        value,
        loss,
        schedule,
        learningRate,
        itemAlpha,
        userAlpha,
        epochs,
        maxSampled,
        kosK,
        kosN,
        rho,
        epsilon,
        seed);
  }

  public HybridConfig withEpochs(int value) {
    return new HybridConfig(
        components,
        loss,
        schedule,
        learningRate,
        itemAlpha,
        userAlpha,
        value,
        maxSampled,
        kosK,
        kosN,
        rho,
        epsilon,
        seed);
  }

  public HybridConfig withSchedule(Schedule value) {
    return new HybridConfig(
        components,
        loss,
        value,
        learningRate,
        itemAlpha,
        userAlpha,
        epochs,
        maxSampled,
        kosK,
        kosN,
        rho,
        epsilon,
        seed);
  }

  public HybridConfig withAlphas(float item, float user) {
    return new HybridConfig(
        components,
        loss,
        schedule,
        learningRate,
        item,
        user,
        epochs,
        maxSampled,
        kosK,
        kosN,
        rho,
        epsilon,
        seed);
  }

  public HybridConfig withSeed(long value) {
    return new HybridConfig(
        components,
        loss,
        schedule,
        learningRate,
        itemAlpha,
        userAlpha,
        epochs,
        maxSampled,
        kosK,
        kosN,
        rho,
        epsilon,
        value);
  }
}
