package io.lambdaretail.recs.als;

import io.lambdaretail.config.Errors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ALS hyper-parameters. The defaults (rank 16, regParam 1.0, alpha 10, 15 iterations) are the best
 * of the {@code --grid} on generated {@code small} data by validation NDCG@10 (README,
 * "train-als"); block counts default to the cores (0 = auto), which is what a single machine wants
 * and what a cluster may override.
 *
 * @param rank latent factors ({@code --rank})
 * @param regParam L2 regularisation ({@code --reg-param})
 * @param alpha confidence growth: confidence = 1 + alpha x weight ({@code --alpha})
 * @param iterations ALS sweeps ({@code --iterations})
 * @param userBlocks user factor blocks ({@code --user-blocks}, 0 = Spark's default parallelism)
 * @param itemBlocks item factor blocks ({@code --item-blocks}, 0 = Spark's default parallelism)
 * @param checkpointInterval checkpoint the factors every N iterations, so the lineage of long runs
 *     stays short ({@code --checkpoint-interval})
 * @param seed random initialisation ({@code --seed})
 */
public record AlsParams(
    int rank,
    double regParam,
    double alpha,
    int iterations,
    int userBlocks,
    int itemBlocks,
    int checkpointInterval,
    long seed) {

  public static final int DEFAULT_RANK = 16;
  public static final double DEFAULT_REG_PARAM = 1.0;
  public static final double DEFAULT_ALPHA = 10;
  public static final int DEFAULT_ITERATIONS = 15;

  public AlsParams {
    if (rank < 1) {
      throw Errors.mustBePositive("--rank", rank);
    }
    if (regParam < 0 || Double.isNaN(regParam)) {
      throw Errors.invalid("--reg-param", regParam, "pass a value >= 0, e.g. 0.05.");
    }
    if (alpha <= 0 || Double.isNaN(alpha)) {
      throw Errors.invalid("--alpha", alpha, "pass a value > 0, e.g. 5.");
    }
    if (iterations < 1) {
      throw Errors.mustBePositive("--iterations", iterations);
    }
    if (userBlocks < 0 || itemBlocks < 0) {
      throw Errors.invalid(
          "--user-blocks/--item-blocks",
          Math.min(userBlocks, itemBlocks),
          "pass 0 (auto) or more.");
    }
    if (checkpointInterval < 1) {
      throw Errors.mustBePositive("--checkpoint-interval", checkpointInterval);
    }
  }

  public AlsParams with(int newRank, double newRegParam, double newAlpha) {
    return new AlsParams(
        newRank,
        newRegParam,
        newAlpha,
        iterations,
        userBlocks,
        itemBlocks,
        checkpointInterval,
        seed);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", rank);
    m.put("reg_param", regParam);
    m.put("alpha", alpha);
    m.put("iterations", iterations);
    m.put("user_blocks", userBlocks);
    m.put("item_blocks", itemBlocks);
    m.put("checkpoint_interval", checkpointInterval);
    m.put("seed", seed);
    return m;
  }
}
