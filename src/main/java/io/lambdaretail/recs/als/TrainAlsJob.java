package io.lambdaretail.recs.als;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.recs.IdIndex;
import io.lambdaretail.recs.ModelStore;
import io.lambdaretail.recs.PopularityScorer;
import io.lambdaretail.recs.RankingEvaluator;
import io.lambdaretail.recs.RankingEvaluator.Evaluation;
import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.recs.RankingReport;
import io.lambdaretail.recs.Split;
import io.lambdaretail.recs.Splitter;
import io.lambdaretail.recs.TrainingData;
import io.lambdaretail.recs.TrainingData.Prepared;
import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.spark.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains implicit ALS: builds the (user, item, weight) pairs and splits them ({@link
 * TrainingData}), optionally searches a small grid on a validation split cut from training, fits
 * MLlib's ALS on the training pairs, evaluates it and the popularity baseline on the test split
 * with each user's training items excluded ({@link RankingEvaluator}), and saves the model, its id
 * index, popularity list, training pairs, report.html and metadata. Cost: a shuffle to aggregate
 * the events, the ALS iterations (each shuffles the factor blocks; checkpointed), and one scoring
 * pass per evaluation.
 */
public final class TrainAlsJob {
  /** The kind of the model directory it writes ({@code metadata.json} and its marker). */
  public static final String MODEL_KIND = AlsModel.KIND;

  private static final Logger LOG = LoggerFactory.getLogger(TrainAlsJob.class);
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final TrainAlsOptions options;

  public TrainAlsJob(SparkSession spark, TrainAlsOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public TrainAlsResult run() {
    long started = System.currentTimeMillis();
    SparkSessions.useFewShufflePartitions(spark);
    spark.sparkContext().setJobDescription("train-als to " + options.modelOut());
    AlsTrainer.ensureCheckpointDir(spark, options.checkpointDir());
    Prepared data =
        TrainingData.prepare(spark, options.input(), options.weights(), options.split());
    Split split = data.split();
    // tune on a validation split cut from training only; the test split stays unseen
    List<AlsGrid.Trial> trials = options.grid() ? grid(split) : null;
    AlsParams params = trials == null ? options.als() : AlsGrid.best(trials).params();
    IdIndex index = IdIndex.build(split.train());
    ALSModel model = fit(index, split.train(), params);
    AlsScorer scorer = new AlsScorer(model, index);
    PopularityScorer popularity = PopularityScorer.fromTraining(split.train(), scorer.itemIds());
    // the precision@k curves of the report come from the same ranking pass as the metrics
    Evaluation als =
        RankingEvaluator.evaluate(
            scorer, popularity, split.train(), split.test(), options.k(), RankingReport.CURVE_K);
    Evaluation pop =
        RankingEvaluator.evaluate(
            popularity,
            popularity,
            split.train(),
            split.test(),
            options.k(),
            RankingReport.CURVE_K);
    RankingMetrics metrics = als.metrics();
    RankingMetrics baseline = pop.metrics();
    requireEvaluated(metrics);
    String version = AlsModel.KIND + "-" + VERSION.format(Instant.ofEpochMilli(started));
    TrainAlsResult result =
        new TrainAlsResult(
            options,
            version,
            data.counts(),
            data.range(),
            params,
            trials == null ? null : trials.stream().map(t -> t.toMap(options.k())).toList(),
            metrics,
            baseline,
            spark.version(),
            0);
    LOG.info("train-als test metrics:{}{}", System.lineSeparator(), result.metricsTable());
    HtmlReport report = AlsReport.build(result, als.precisionAtK(), pop.precisionAtK());
    save(result, report, options.refit() ? data.events() : null, split, index, model, popularity);
    split.train().unpersist();
    split.test().unpersist();
    return withDuration(result, System.currentTimeMillis() - started);
  }

  private List<AlsGrid.Trial> grid(Split split) {
    Split validation =
        Splitter.split(split.trainEvents(), options.split().forValidation(), options.weights());
    Dataset<Row> vTrain = validation.train().cache();
    try {
      return AlsGrid.search(
          new Split(vTrain, validation.test(), validation.trainEvents(), validation.trainEnd()),
          options.als(),
          options.k());
    } finally {
      vTrain.unpersist();
    }
  }

  private static ALSModel fit(IdIndex index, Dataset<Row> train, AlsParams params) {
    Dataset<Row> encoded = index.encode(train).cache();
    try {
      return AlsTrainer.fit(encoded, params);
    } finally {
      encoded.unpersist();
    }
  }

  private void requireEvaluated(RankingMetrics metrics) {
    if (metrics.users() == 0) {
      throw Errors.emptyTrainingSet(
          "the test split has no user with an item outside their training items ("
              + options.split().describe()
              + ")",
          "Pass a larger --test-days or --test-fraction, --split last-k, or a --test-interactions"
              + " table with new items for known users.");
    }
    if (options.input().testInteractions() != null && metrics.usersKnown() == 0) {
      throw Errors.noKnownUsers(
          "--test-interactions", options.input().testInteractions(), metrics.users());
    }
  }

  /** Model, index, popularity, pairs and report first, metadata.json last. */
  private void save(
      TrainAlsResult result,
      HtmlReport report,
      Dataset<Row> refitEvents,
      Split split,
      IdIndex index,
      ALSModel model,
      PopularityScorer pop) {
    Dataset<Row> train = split.train();
    if (refitEvents != null) {
      train = Splitter.all(refitEvents, options.weights()).train().cache();
      index = IdIndex.build(train);
      model = fit(index, train, result.params());
      pop = PopularityScorer.fromTraining(train, index.itemIds());
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    ALSModel fitted = model;
    IdIndex ids = index;
    PopularityScorer popularity = pop;
    Dataset<Row> pairs = train;
    SafeOutput.replace(
        conf,
        options.modelOut(),
        AlsModel.KIND,
        "train-als",
        dir -> {
          try {
            fitted.write().overwrite().save(dir + "/" + AlsModel.ALS_DIR);
          } catch (IOException e) {
            throw new UncheckedIOException("while saving the ALS model to " + dir, e);
          }
          ModelStore.saveCommon(dir, ids, popularity, pairs);
          report.write(conf, dir);
          ModelStore.commit(conf, dir, metadata(result));
        });
  }

  private Map<String, Object> metadata(TrainAlsResult result) {
    Map<String, Object> m = new LinkedHashMap<>(result.toSummary());
    m.remove("duration_ms");
    m.put(ModelStore.KIND, AlsModel.KIND);
    m.put(ModelStore.MODEL_VERSION, result.modelVersion());
    m.put(ModelStore.USER_KEY, options.input().userKey().column());
    m.put("created_at", Instant.now().toString());
    m.put("trained_on", options.refit() ? "all" : "train");
    return m;
  }

  private static TrainAlsResult withDuration(TrainAlsResult r, long ms) {
    return new TrainAlsResult(
        r.options(),
        r.modelVersion(),
        r.counts(),
        r.range(),
        r.params(),
        r.grid(),
        r.metrics(),
        r.baseline(),
        r.sparkVersion(),
        ms);
  }
}
