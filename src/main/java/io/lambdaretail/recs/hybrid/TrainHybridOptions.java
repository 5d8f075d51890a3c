package io.lambdaretail.recs.hybrid;

import io.lambdaretail.config.Errors;
import io.lambdaretail.recs.FeedbackWeights;
import io.lambdaretail.recs.SplitOptions;
import io.lambdaretail.recs.TrainingInput;

/**
 * What {@code train-hybrid} reads, trains and writes; checked on construction, before Spark starts.
 *
 * @param input interactions, as for train-als
 * @param weights how events become pairs (a pair with weight above 0 is a positive)
 * @param split the test split
 * @param userFeatures {@code --user-features} table, or null
 * @param itemFeatures {@code --item-features} table, or null
 * @param model hyper-parameters ({@code --loss}, {@code --components}, ...)
 * @param userIdentity one identity feature per trained user ({@code --identity-features} both or
 *     users)
 * @param itemIdentity one identity feature per trained item ({@code --identity-features} both or
 *     items; none: a pure content model)
 * @param partitions training tasks ({@code --partitions}, 0 = Spark's default parallelism)
 * @param k list length evaluated ({@code --k})
 * @param coldItemShare share of featured training items held out for the cold-start evaluation
 *     ({@code --cold-item-share}, 0 = none)
 * @param compareAls also fit ALS with train-als's defaults on the same split ({@code --no-als}
 *     skips it)
 * @param refit train the saved model on all interactions after evaluating ({@code --refit})
 * @param modelOut model directory ({@code --model-out})
 */
public record TrainHybridOptions(
    TrainingInput input,
    FeedbackWeights weights,
    SplitOptions split,
    String userFeatures,
    String itemFeatures,
    HybridConfig model,
    boolean userIdentity,
    boolean itemIdentity,
    int partitions,
    int k,
    double coldItemShare,
    boolean compareAls,
    boolean refit,
    String modelOut) {
  public static final String DEFAULT_MODEL_OUT = "models/hybrid";

  public TrainHybridOptions {
    if (partitions < 0) {
      throw Errors.invalid("--partitions", partitions, "pass 0 (one per core) or more.");
    }
    if (k < 1) {
      throw Errors.mustBePositive("--k", k);
    }
    if (!(coldItemShare >= 0 && coldItemShare < 1)) {
      throw Errors.invalid(
          "--cold-item-share", coldItemShare, "pass a share >= 0 and below 1, e.g. 0.2 (0: none).");
    }
    requireFeaturesWithoutIdentity(userIdentity, itemIdentity, userFeatures, itemFeatures);
    if (modelOut == null || modelOut.isBlank()) {
      throw Errors.invalid("--model-out", modelOut, "pass a directory, e.g. models/hybrid.");
    }
  }

  private static void requireFeaturesWithoutIdentity(
      boolean userIdentity, boolean itemIdentity, String userFeatures, String itemFeatures) {
    if (!userIdentity && userFeatures == null) {
      throw Errors.invalid(
          "--identity-features",
          itemIdentity ? "items" : "none",
          "without user identity features the model needs --user-features.");
    }
    if (!itemIdentity && itemFeatures == null) {
      throw Errors.invalid(
          "--identity-features",
          userIdentity ? "users" : "none",
          "without item identity features the model needs --item-features.");
    }
  }
}
