package io.lambdaretail.cli;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.recs.TrainingSets;
import io.lambdaretail.recs.hybrid.HybridConfig;
import io.lambdaretail.recs.hybrid.HybridModel;
import io.lambdaretail.recs.hybrid.Loss;
import io.lambdaretail.recs.hybrid.Schedule;
import io.lambdaretail.recs.hybrid.TrainHybridJob;
import io.lambdaretail.recs.hybrid.TrainHybridOptions;
import io.lambdaretail.spark.SparkSessions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train-hybrid}: the LightFM-style hybrid recommender with user and item features. */
@Command(
    name = "train-hybrid",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Trains a LightFM-style hybrid factorisation on Spark: every user and item feature (and,"
          + " unless --identity-features says otherwise, one identity feature per trained user"
          + " and item) has an embedding and a bias; a user or item is the weighted mean of its features, and"
          + " the score is their dot product plus both biases. Users and products with features"
          + " but no interactions are scored from their features (cold start).",
      "Inputs as train-als: ingested page views and orders, or an interactions table; plus"
          + " --user-features/--item-features, CSV (header) or Parquet, long (id,feature[,value])"
          + " or wide (id column first, categorical columns become column=value features).",
      "Evaluates hybrid, ALS (train-als defaults) and popularity on the same split (precision@k,"
          + " recall@k, MAP@k, NDCG@k, AUC), then a cold-start split: --cold-item-share of the"
          + " featured items held out of training, ranked by features only."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lambda-retail train-hybrid --pdpviews data/lake/pdpviews \\",
      "      --transactions data/lake/transactions \\",
      "      --user-features data/sample/users.csv --item-features data/sample/items.csv \\",
      "      --model-out models/hybrid",
      "  lambda-retail train-hybrid --interactions ml/train.csv --test-interactions ml/test.csv \\",
      "      --item-features ml/genres.parquet --loss bpr --epochs 30",
      "  lambda-retail train-hybrid ... --identity-features none   # pure content model"
    })
public final class TrainHybridCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SparkOptions sparkOptions;
  @Mixin OverwriteOption overwrite;
  @Mixin TrainingInputOptions data;

  @Option(
      names = "--user-features",
      paramLabel = "PATH",
      description = "User features: long id,feature[,value] or wide (id first), CSV or Parquet.")
  String userFeatures;

  @Option(
      names = "--item-features",
      paramLabel = "PATH",
      description = "Item features, same layouts (e.g. generate's items.csv).")
  String itemFeatures;

  @Option(
      names = "--loss",
      defaultValue = "warp",
      description = "warp, bpr, logistic or warp-kos (default: ${DEFAULT-VALUE}).")
  String loss;

  @Option(
      names = "--schedule",
      defaultValue = "adagrad",
      description = "Learning schedule: adagrad or adadelta (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(
      names = "--components",
      defaultValue = "" + HybridConfig.DEFAULT_COMPONENTS,
      description = "Embedding dimensions (default: ${DEFAULT-VALUE}).")
  int components;

  @Option(
      names = "--epochs",
      defaultValue = "" + HybridConfig.DEFAULT_EPOCHS,
      description = "Passes over the interactions (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--learning-rate",
      defaultValue = "" + HybridConfig.DEFAULT_LEARNING_RATE,
      description = "Adagrad step (default: ${DEFAULT-VALUE}).")
  float learningRate;

  @Option(
      names = "--item-alpha",
      defaultValue = "0",
      description = "L2 penalty on item-feature parameters (default: ${DEFAULT-VALUE}).")
  float itemAlpha;

  @Option(
      names = "--user-alpha",
      defaultValue = "0",
      description = "L2 penalty on user-feature parameters (default: ${DEFAULT-VALUE}).")
  float userAlpha;

  @Option(
      names = "--max-sampled",
      defaultValue = "" + HybridConfig.DEFAULT_MAX_SAMPLED,
      description = "WARP: negatives drawn at most per positive (default: ${DEFAULT-VALUE}).")
  int maxSampled;

  @Option(
      names = "--kos-k",
      defaultValue = "5",
      description =
          "warp-kos: take the k-th best of the sampled positives (default: ${DEFAULT-VALUE}).")
  int kosK;

  @Option(
      names = "--kos-n",
      defaultValue = "10",
      description = "warp-kos: positives sampled per update (default: ${DEFAULT-VALUE}).")
  int kosN;

  @Option(
      names = "--rho",
      defaultValue = "0.95",
      description = "Adadelta decay (default: ${DEFAULT-VALUE}).")
  float rho;

  @Option(
      names = "--epsilon",
      defaultValue = "1e-6",
      description = "Adadelta epsilon (default: ${DEFAULT-VALUE}).")
  float epsilon;

  @Option(
      names = "--identity-features",
      defaultValue = "both",
      description =
          "One feature per trained user and/or item: both, users, items or none (a pure content"
              + " model) (default: ${DEFAULT-VALUE}).")
  String identity;

  @Option(
      names = "--partitions",
      defaultValue = "0",
      description = "Training tasks (default: 0 = one per core).")
  int partitions;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Seed of the initialisation, sampling, last-k ties and the cold split"
              + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "List length evaluated (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--cold-item-share",
      defaultValue = "0.2",
      description =
          "Share of featured items held out for the cold-start evaluation (default:"
              + " ${DEFAULT-VALUE}; 0: none).")
  double coldItemShare;

  @Option(names = "--no-als", description = "Do not fit ALS for the comparison.")
  boolean noAls;

  @Option(
      names = "--refit",
      description = "After evaluating, train the saved model on all interactions (test too).")
  boolean refit;

  @Option(
      names = "--model-out",
      paramLabel = "PATH",
      defaultValue = TrainHybridOptions.DEFAULT_MODEL_OUT,
      description =
          "Model directory: new, or an earlier model of this command, replaced whole on"
              + " success (default: ${DEFAULT-VALUE}).")
  String modelOut;

  @Override
  public Integer call() {
    TrainHybridOptions options = options();
    var settings = sparkOptions.settings("lambda-retail train-hybrid");
    // a missing input is invalid input: say so before Spark starts
    TrainingSets.requireInputs(settings.hadoopConfiguration(), options.input());
    if (options.userFeatures() != null) {
      TrainingSets.requireExists(
          settings.hadoopConfiguration(), "--user-features", options.userFeatures());
    }
    if (options.itemFeatures() != null) {
      TrainingSets.requireExists(
          settings.hadoopConfiguration(), "--item-features", options.itemFeatures());
    }
    overwrite.check(
        settings.hadoopConfiguration(), "--model-out", options.modelOut(), HybridModel.KIND);
    SafeOutput.checkCheckpoints(
        settings.hadoopConfiguration(),
        "the checkpoints beside --model-out",
        TrainHybridJob.checkpointDir(options));
    var spark = SparkSessions.create(settings);
    Summaries.emit(spec, common, new TrainHybridJob(spark, options).run().toSummary());
    return ExitCodes.OK;
  }

  TrainHybridOptions options() {
    String sides = identity();
    return new TrainHybridOptions(
        data.input(),
        data.weights(),
        data.split(seed),
        userFeatures,
        itemFeatures,
        config(),
        sides.equals("both") || sides.equals("users"),
        sides.equals("both") || sides.equals("items"),
        partitions,
        k,
        coldItemShare,
        !noAls,
        refit,
        modelOut);
  }

  private String identity() {
    String v = identity.trim().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("both", "users", "items", "none").contains(v)) {
      throw Errors.invalid("--identity-features", identity, "use both, users, items or none.");
    }
    return v;
  }

  private HybridConfig config() {
    Loss l = Loss.parse(loss);
    if (l == null) {
      throw Errors.invalid("--loss", loss, "use warp, bpr, logistic or warp-kos.");
    }
    Schedule s = Schedule.parse(schedule);
    if (s == null) {
      throw Errors.invalid("--schedule", schedule, "use adagrad or adadelta.");
    }
    return new HybridConfig(
        components,
        l,
        s,
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
}
