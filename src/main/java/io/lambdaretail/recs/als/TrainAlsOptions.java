package io.lambdaretail.recs.als;

import io.lambdaretail.config.Errors;
import io.lambdaretail.recs.FeedbackWeights;
import io.lambdaretail.recs.SplitOptions;
import io.lambdaretail.recs.TrainingInput;

/**
 * What {@link TrainAlsJob} reads and writes; checked on construction, before Spark starts.
 *
 * @param input the interactions ({@code --pdpviews/--transactions} or {@code --interactions})
 * @param weights scoring of events ({@code --view-weight}, {@code --purchase-weight}, ...)
 * @param split the evaluation split ({@code --split}, {@code --test-days}, ...)
 * @param als hyper-parameters; with {@code grid} the starting point of the search
 * @param k list length of the evaluation ({@code --k}, default 10)
 * @param grid search rank x regParam x alpha on a validation split cut from training, keep the best
 *     by NDCG@k ({@code --grid})
 * @param modelOut model directory, replaced ({@code --model-out}, default models/als)
 * @param checkpointDir ALS checkpoints ({@code --checkpoint-dir}); null: the session's, else {@code
 *     <model-out>_checkpoints}
 * @param refit after the evaluation, train again on all interactions ({@code --refit}): the saved
 *     model then also knows the test period; the metrics describe the evaluated fit
 */
public record TrainAlsOptions(
    TrainingInput input,
    FeedbackWeights weights,
    SplitOptions split,
    AlsParams als,
    int k,
    boolean grid,
    String modelOut,
    String checkpointDir,
    boolean refit) {

  public static final String DEFAULT_MODEL_OUT = "models/als";

  public TrainAlsOptions {
    if (k < 1) {
      throw Errors.mustBePositive("--k", k);
    }
    modelOut = modelOut == null || modelOut.isBlank() ? DEFAULT_MODEL_OUT : modelOut;
    modelOut = modelOut.replaceAll("(?<=.)/+$", "");
    if (checkpointDir == null || checkpointDir.isBlank()) {
      checkpointDir = modelOut + "_checkpoints";
    }
  }
}
