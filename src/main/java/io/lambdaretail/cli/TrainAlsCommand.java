package io.lambdaretail.cli;

import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.recs.TrainingSets;
import io.lambdaretail.recs.als.AlsParams;
import io.lambdaretail.recs.als.TrainAlsJob;
import io.lambdaretail.recs.als.TrainAlsOptions;
import io.lambdaretail.spark.SparkSessions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train-als}: implicit-feedback ALS with a ranking evaluation against popularity. */
@Command(
    name = "train-als",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Trains Spark MLlib's implicit-feedback ALS on (user, product, weight) pairs built from"
          + " ingested page views and orders (weight = views x --view-weight + --purchase-weight"
          + " if bought at least once), or on a plain interactions table"
          + " user_id,item_id,weight[,timestamp] (CSV or Parquet).",
      "Evaluates on a test split (by time, last-k per user, or --test-interactions) with each"
          + " user's training items excluded: precision@k, recall@k, MAP@k, NDCG@k, AUC and"
          + " catalog coverage, next to a popularity baseline. Saves the model, its id index and"
          + " metadata to --model-out."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail train-als --pdpviews data/lake/pdpviews \\",
      "      --transactions data/lake/transactions --model-out models/als",
      "  lambda-retail train-als --pdpviews data/lake/pdpviews \\",
      "      --transactions data/lake/transactions --grid --half-life-days 14",
      "  lambda-retail train-als --interactions ml/train.csv \\",
      "      --test-interactions ml/test.csv --model-out models/ml-als"
    })
public final class TrainAlsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;
  @Mixin OverwriteOption overwrite;

  @Mixin TrainingInputOptions data;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of ALS and last-k ties (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rank",
      defaultValue = "16",
      description = "Latent factors (default: ${DEFAULT-VALUE}).")
  int rank;

  @Option(
      names = "--reg-param",
      defaultValue = "1.0",
      description = "Regularisation (default: ${DEFAULT-VALUE}).")
  double regParam;

  @Option(
      names = "--alpha",
      defaultValue = "10",
      description = "Confidence = 1 + alpha x weight (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--iterations",
      defaultValue = "15",
      description = "ALS sweeps (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--user-blocks",
      defaultValue = "0",
      description = "User blocks (default: 0 = cores).")
  int userBlocks;

  @Option(
      names = "--item-blocks",
      defaultValue = "0",
      description = "Item blocks (default: 0 = cores).")
  int itemBlocks;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "5",
      description = "Checkpoint every N iterations (default: ${DEFAULT-VALUE}).")
  int checkpointInterval;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "PATH",
      description = "ALS checkpoints (default: the session's, else <model-out>_checkpoints).")
  String checkpointDir;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "List length evaluated (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--grid",
      description = "Search rank x reg-param x alpha on a validation split; keep the best NDCG@k.")
  boolean grid;

  @Option(
      names = "--refit",
      description = "After evaluating, train the saved model on all interactions (test too).")
  boolean refit;

  @Option(
      names = "--model-out",
      paramLabel = "PATH",
      defaultValue = TrainAlsOptions.DEFAULT_MODEL_OUT,
      description =
          "Model directory: new, or an earlier model of this command, replaced whole on"
              + " success (default: ${DEFAULT-VALUE}).")
  String modelOut;

  @Override
  public Integer call() {
    TrainAlsOptions options = options();
    var settings = sparkOptions.settings("lambda-retail train-als");
    // a missing input is invalid input: say so before Spark starts
    TrainingSets.requireInputs(settings.hadoopConfiguration(), options.input());
    overwrite.check(
        settings.hadoopConfiguration(), "--model-out", options.modelOut(), TrainAlsJob.MODEL_KIND);
    SafeOutput.checkCheckpoints(
        settings.hadoopConfiguration(), "--checkpoint-dir", options.checkpointDir());
    var spark = SparkSessions.create(settings);
    Summaries.emit(spec, common, new TrainAlsJob(spark, options).run().toSummary());
    return ExitCodes.OK;
  }

  TrainAlsOptions options() {
    return new TrainAlsOptions(
        data.input(),
        data.weights(),
        data.split(seed),
        new AlsParams(
            rank, regParam, alpha, iterations, userBlocks, itemBlocks, checkpointInterval, seed),
        k,
        grid,
        modelOut,
        checkpointDir,
        refit);
  }
}
