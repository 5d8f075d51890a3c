package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.TIMESTAMP;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.lambdaretail.config.Errors;
import io.lambdaretail.recs.SplitOptions.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a {@link TrainingInput}, checks it and splits it: the common first half of every
 * recommender training job. Rejected rows of an interactions table (no user, no item, a weight that
 * is not a number) are counted, never silently dropped.
 */
public final class TrainingData {
  private TrainingData() {}

  /**
   * @param split training and test pairs, cached
   * @param events every event of the training input (cached), for a refit on all of them
   * @param counts {@code events}, {@code rejected_rows}, {@code train_pairs}, {@code test_pairs},
   *     users and items
   * @param range first and last timestamps of the training and test pairs
   */
  public record Prepared(
      Split split, Dataset<Row> events, Map<String, Object> counts, Map<String, Object> range) {}

  public static Prepared prepare(
      SparkSession spark, TrainingInput input, FeedbackWeights weights, SplitOptions options) {
    Map<String, Object> counts = new LinkedHashMap<>();
    Dataset<Row> events = events(spark, input, weights, options, counts);
    Split split;
    if (input.testInteractions() != null) {
      Dataset<Row> test = table(spark, "--test-interactions", input.testInteractions(), counts);
      split = Splitter.explicit(events, ImplicitFeedback.tableEvents(test), weights);
    } else {
      split = Splitter.split(events, options, weights);
    }
    Dataset<Row> train = split.train().cache();
    Dataset<Row> test = split.test().cache();
    long trainPairs = train.count();
    if (trainPairs == 0) {
      throw Errors.emptyTrainingSet(
          counts.get("events")
              + " event(s) read, no (user, item) pair left for training after the"
              + " split and the minimums",
          "Check the input paths and --user-key, or lower --test-days/--min-user-interactions/"
              + "--min-item-interactions.");
    }
    counts.put("train_pairs", trainPairs);
    counts.put("test_pairs", test.count());
    counts.put("train_users", train.select(USER_ID).distinct().count());
    counts.put("train_items", train.select(Interactions.ITEM_ID).distinct().count());
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("train", range(train));
    range.put("test", range(test));
    return new Prepared(
        new Split(train, test, split.trainEvents(), split.trainEnd()), events, counts, range);
  }

  private static Dataset<Row> events(
      SparkSession spark,
      TrainingInput input,
      FeedbackWeights weights,
      SplitOptions options,
      Map<String, Object> counts) {
    Dataset<Row> events;
    if (input.fromTable()) {
      Dataset<Row> table = table(spark, "--interactions", input.interactions(), counts);
      boolean needsTime =
          weights.decays()
              || (options.strategy() == Strategy.TIME && input.testInteractions() == null);
      if (needsTime && table.filter(col(TIMESTAMP).isNull()).limit(1).count() > 0) {
        throw Errors.invalid(
            "--interactions",
            input.interactions(),
            "a time split and --half-life-days need a timestamp on every row; pass --split last-k"
                + " or --test-interactions, or add the timestamp column.");
      }
      events = ImplicitFeedback.tableEvents(table);
    } else {
      events =
          TrainingSets.lakeEvents(
              spark, input.pdpviews(), input.transactions(), input.userKey(), weights);
    }
    events = events.cache();
    long n = events.count();
    counts.put("events", n);
    if (n == 0) {
      throw Errors.emptyTrainingSet(
          "the input has no event with a " + input.userKey().column() + " and an item",
          "Check the input paths, or pass --user-key browser_id for anonymous traffic.");
    }
    return events;
  }

  private static Dataset<Row> table(
      SparkSession spark, String option, String path, Map<String, Object> counts) {
    Dataset<Row> rows = TrainingSets.readInteractions(spark, option, path).rows().cache();
    long total = rows.count();
    Dataset<Row> usable = rows.filter(TrainingSets.usable());
    long rejected = total - usable.count();
    String key = option.equals("--interactions") ? "rejected_rows" : "test_rejected_rows";
    counts.put(key, rejected);
    return usable;
  }

  private static Map<String, Object> range(Dataset<Row> pairs) {
    Row r = pairs.agg(min(TIMESTAMP), max(TIMESTAMP), countDistinct(col(USER_ID))).first();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("first", r.isNullAt(0) ? null : r.getTimestamp(0).toInstant().toString());
    m.put("last", r.isNullAt(1) ? null : r.getTimestamp(1).toInstant().toString());
    m.put("users", r.getLong(2));
    return m;
  }
}
