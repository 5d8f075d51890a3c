package io.lambdaretail.recs.hybrid;

import static io.lambdaretail.recs.RankingReport.CURVE_K;

import io.lambdaretail.config.Errors;
import io.lambdaretail.recs.PopularityScorer;
import io.lambdaretail.recs.RankingEvaluator;
import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.recs.Split;
import io.lambdaretail.recs.Splitter;
import io.lambdaretail.recs.TrainingData;
import io.lambdaretail.recs.TrainingData.Prepared;
import io.lambdaretail.recs.als.AlsScorer;
import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.spark.SparkSessions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the LightFM-style hybrid model: builds and splits the pairs as train-als does ({@link
 * TrainingData}), reads the feature tables, fits the model on the training pairs ({@link
 * HybridFit}, Spark epochs of {@link HybridTrainer}), evaluates it next to ALS (train-als's
 * defaults) and popularity on the same test split and the same items, then runs the cold-start
 * split (a share of the featured items held out of training entirely, ranked by features only), and
 * saves the model (refitted on everything with {@code --refit}). Cost: per fit, one shuffle to
 * partition the pairs, then per epoch one broadcast of the parameters, one pass over the pairs and
 * one shuffle of the changed parameter rows; per evaluation one scoring pass over the test users.
 */
public final class TrainHybridJob {
  private static final Logger LOG = LoggerFactory.getLogger(TrainHybridJob.class);
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final TrainHybridOptions options;

  public TrainHybridJob(SparkSession spark, TrainHybridOptions options) {
    this.spark = spark;
    this.options = options;
  }

  /** Where the ALS comparison checkpoints when the session has no checkpoint directory. */
  public static String checkpointDir(TrainHybridOptions options) {
    return options.modelOut() + "_checkpoints";
  }

  public TrainHybridResult run() {
    long started = System.currentTimeMillis();
    SparkSessions.useFewShufflePartitions(spark);
    spark.sparkContext().setJobDescription("train-hybrid to " + options.modelOut());
    Prepared data =
        TrainingData.prepare(spark, options.input(), options.weights(), options.split());
    Split split = data.split();
    LOG.info("train-hybrid: pairs prepared after {} ms", System.currentTimeMillis() - started);
    Map<String, Object> featureInfo = new LinkedHashMap<>();
    HybridFit.Features features = readFeatures(featureInfo);
    int tasks =
        options.partitions() > 0 ? options.partitions() : spark.sparkContext().defaultParallelism();
    HybridFit.Fitted fitted = HybridFit.fit(spark, split.train(), features, options.model(), tasks);
    LOG.info("train-hybrid: fitted after {} ms", System.currentTimeMillis() - started);
    Comparison compared = compare(fitted, split);
    LOG.info("train-hybrid: compared after {} ms", System.currentTimeMillis() - started);
    Map<String, Object> cold = coldStart(split, features, tasks);
    LOG.info("train-hybrid: cold start after {} ms", System.currentTimeMillis() - started);
    String version = HybridModel.KIND + "-" + VERSION.format(Instant.ofEpochMilli(started));
    describeSides(fitted, featureInfo);
    TrainHybridResult result =
        new TrainHybridResult(
            options,
            version,
            data.counts(),
            data.range(),
            featureInfo,
            training(fitted, tasks),
            compared.metrics(),
            cold,
            spark.version(),
            0);
    LOG.info("train-hybrid test metrics:{}{}", System.lineSeparator(), result.metricsTable());
    save(result, HybridReport.build(result, compared.curves()), data, fitted, features, tasks);
    split.train().unpersist();
    split.test().unpersist();
    return result.withDuration(System.currentTimeMillis() - started);
  }

  private HybridFit.Features readFeatures(Map<String, Object> info) {
    List<Row> users = read("--user-features", options.userFeatures(), info, "users");
    List<Row> items = read("--item-features", options.itemFeatures(), info, "items");
    return new HybridFit.Features(users, items, options.userIdentity(), options.itemIdentity());
  }

  private List<Row> read(String option, String path, Map<String, Object> info, String side) {
    Map<String, Object> m = new LinkedHashMap<>();
    info.put(side, m);
    m.put("path", path);
    if (path == null) {
      return List.of();
    }
    FeatureTables.LongTable table = FeatureTables.read(spark, option, path);
    List<Row> rows = table.rows().collectAsList();
    m.put("layout", table.layout());
    m.put("feature_columns", table.featureColumns());
    m.put("ignored_columns", table.ignoredColumns());
    m.put("rows", rows.size());
    m.put("bad_rows", table.badRows());
    if (rows.isEmpty()) {
      throw Errors.invalid(option, path, "the table has no usable (id, feature) row.");
    }
    return rows;
  }

  private static void describeSides(HybridFit.Fitted fitted, Map<String, Object> info) {
    describe(fitted.users(), info, "users");
    describe(fitted.items(), info, "items");
  }

  @SuppressWarnings("unchecked")
  private static void describe(FeatureSide side, Map<String, Object> info, String name) {
    Map<String, Object> m = (Map<String, Object>) info.get(name);
    m.put("ids", side.matrix().numRows());
    m.put("attribute_features", side.attributeFeatures());
    m.put("identity_features", side.identityFeatures());
    m.put("ids_without_features", side.rowsWithoutFeatures());
  }

  /** Test metrics and precision@k curves by model name. */
  private record Comparison(Map<String, RankingMetrics> metrics, Map<String, double[]> curves) {
    void add(String name, RankingEvaluator.Evaluation e) {
      metrics.put(name, e.metrics());
      curves.put(name, e.precisionAtK());
    }
  }

  /** Hybrid, ALS and popularity on the same test split, all ranking the training items. */
  private Comparison compare(HybridFit.Fitted fitted, Split split) {
    Dataset<Row> train = split.train();
    Dataset<Row> test = split.test();
    HybridScorer hybrid =
        HybridScorer.create(
            spark, fitted.factors(), fitted.index().users(), fitted.itemIds(), fitted.warmItems());
    PopularityScorer popularity = PopularityScorer.fromTraining(train, hybrid.itemIds());
    Comparison c = new Comparison(new LinkedHashMap<>(), new LinkedHashMap<>());
    int k = options.k();
    c.add("hybrid", RankingEvaluator.evaluate(hybrid, popularity, train, test, k, CURVE_K));
    if (options.compareAls()) {
      AlsScorer als =
          AlsScorer.fitWithDefaults(train, options.model().seed(), checkpointDir(options));
      c.add("als", RankingEvaluator.evaluate(als, popularity, train, test, k, CURVE_K));
    }
    c.add("popularity", RankingEvaluator.evaluate(popularity, popularity, train, test, k, CURVE_K));
    Map<String, RankingMetrics> m = c.metrics();
    if (m.get("hybrid").users() == 0) {
      throw Errors.emptyTrainingSet(
          "the test split has no user with an item outside their training items ("
              + options.split().describe()
              + ")",
          "Pass a larger --test-days or --test-fraction, --split last-k, or a --test-interactions"
              + " table with new items for known users.");
    }
    return c;
  }

  private Map<String, Object> coldStart(Split split, HybridFit.Features features, int tasks) {
    if (options.coldItemShare() == 0 || features.items().isEmpty()) {
      return null;
    }
    Set<String> featured = new HashSet<>();
    features.items().forEach(r -> featured.add(r.getString(0)));
    ColdStartSplit cold =
        ColdStartSplit.of(
            split.train(), split.test(), featured, options.coldItemShare(), options.model().seed());
    Dataset<Row> train = cold.train().cache();
    try {
      HybridFit.Fitted fitted = HybridFit.fit(spark, train, features, options.model(), tasks);
      List<String> ids = Arrays.asList(fitted.itemIds());
      int[] rows = cold.items().stream().mapToInt(ids::indexOf).toArray();
      HybridScorer hybrid =
          HybridScorer.create(
              spark, fitted.factors(), fitted.index().users(), fitted.itemIds(), rows);
      PopularityScorer popularity = PopularityScorer.fromTraining(train, hybrid.itemIds());
      Map<String, Object> metrics = new LinkedHashMap<>();
      int k = options.k();
      metrics.put(
          "hybrid", RankingEvaluator.evaluate(hybrid, popularity, train, cold.test(), k).toMap());
      // neither baseline can rank items absent from training: popularity gives them all 0, and
      // its ranking metrics would only reflect the tie order of ids (AUC 0.5 is the baseline)
      metrics.put("als", null);
      metrics.put("popularity", null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("item_share", options.coldItemShare());
      m.put("items_held_out", cold.items().size());
      m.put("test_pairs", cold.test().count());
      m.put("metrics", metrics);
      LOG.info("train-hybrid cold-start metrics: {}", metrics);
      m.put(
          "note",
          "ranks the held-out items only; ALS and popularity cannot score items they never"
              + " trained on (a random order has AUC 0.5)");
      return m;
    } finally {
      train.unpersist();
    }
  }

  private Map<String, Object> training(HybridFit.Fitted fitted, int tasks) {
    Map<String, Object> m = new LinkedHashMap<>();
    long[] ms = fitted.epochMillis();
    double seconds = Math.max(1e-3, Arrays.stream(ms).sum() / 1000.0 / ms.length);
    m.put("partitions", tasks);
    m.put("train_pairs", fitted.trainPairs());
    m.put("epochs", ms.length);
    m.put("seconds_per_epoch", Math.round(seconds * 1000) / 1000.0);
    m.put("interactions_per_second", Math.round(fitted.trainPairs() / seconds));
    m.put("epoch_seconds", Arrays.stream(ms).mapToObj(x -> x / 1000.0).toList());
    return m;
  }

  /** The evaluated model, or with --refit one trained on all pairs; metadata.json last. */
  private void save(
      TrainHybridResult result,
      HtmlReport report,
      Prepared data,
      HybridFit.Fitted fitted,
      HybridFit.Features features,
      int tasks) {
    Dataset<Row> train = data.split().train();
    if (options.refit()) {
      train = Splitter.all(data.events(), options.weights()).train().cache();
      fitted = HybridFit.fit(spark, train, features, options.model(), tasks);
    }
    PopularityScorer popularity = PopularityScorer.fromTraining(train, fitted.itemIds());
    Map<String, Object> m = new LinkedHashMap<>(result.toSummary());
    m.remove("duration_ms");
    m.put(io.lambdaretail.recs.ModelStore.MODEL_VERSION, result.modelVersion());
    m.put(io.lambdaretail.recs.ModelStore.USER_KEY, options.input().userKey().column());
    m.put("created_at", Instant.now().toString());
    m.put("trained_on", options.refit() ? "all" : "train");
    HybridModel.save(spark, options.modelOut(), fitted, popularity, train, report, m);
  }
}
