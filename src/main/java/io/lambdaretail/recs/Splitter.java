package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.TIMESTAMP;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.unix_timestamp;

import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Splits events (the frame of {@link ImplicitFeedback}) into aggregated training and test pairs. A
 * time split cuts the events, not the pairs: an item viewed before and after the cut counts in
 * training with its early views, and in test only if the user had not touched it before (the
 * evaluation drops a user's training items from the relevant set).
 */
public final class Splitter {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private Splitter() {}

  /** Splits {@code events} by time or last-k. */
  public static Split split(Dataset<Row> events, SplitOptions options, FeedbackWeights weights) {
    return switch (options.strategy()) {
      case TIME -> byTime(events, options, weights);
      case LAST_K -> lastK(events, options, weights);
      case EXPLICIT ->
          throw new IllegalArgumentException(
              "an explicit split needs its test events: call Splitter.explicit");
    };
  }

  /** Trains on all of {@code events}, tests on {@code testEvents} (a --test-interactions table). */
  public static Split explicit(
      Dataset<Row> events, Dataset<Row> testEvents, FeedbackWeights weights) {
    Timestamp end = latest(events);
    Dataset<Row> train = trainingPairs(events, weights, end);
    Dataset<Row> test = ImplicitFeedback.aggregate(testEvents, 0, end);
    return new Split(train, test, events, end);
  }

  /** Everything for training (a refit after evaluation); the test set is empty. */
  public static Split all(Dataset<Row> events, FeedbackWeights weights) {
    Timestamp end = latest(events);
    Dataset<Row> train = trainingPairs(events, weights, end);
    return new Split(train, train.limit(0), events, end);
  }

  /** The latest event time, or null when no event has one. */
  public static Timestamp latest(Dataset<Row> events) {
    Row row = events.agg(max(col(TIMESTAMP))).first();
    return row.isNullAt(0) ? null : row.getTimestamp(0);
  }

  /** Number of events without a timestamp (a time split cannot place them). */
  public static long withoutTimestamp(Dataset<Row> events) {
    return events.filter(col(TIMESTAMP).isNull()).count();
  }

  static Dataset<Row> trainingPairs(Dataset<Row> events, FeedbackWeights w, Timestamp end) {
    Dataset<Row> pairs = ImplicitFeedback.aggregate(events, w.decays() ? w.halfLifeDays() : 0, end);
    return ImplicitFeedback.withMinimums(pairs, w.minUserInteractions(), w.minItemInteractions());
  }

  private static Split byTime(Dataset<Row> events, SplitOptions options, FeedbackWeights w) {
    Timestamp cut = cutoff(events, options);
    Dataset<Row> before = events.filter(col(TIMESTAMP).lt(lit(cut)));
    Dataset<Row> after = events.filter(col(TIMESTAMP).geq(lit(cut)));
    Timestamp end = latest(before);
    Dataset<Row> train = trainingPairs(before, w, end == null ? cut : end);
    return new Split(train, ImplicitFeedback.aggregate(after, 0, cut), before, end);
  }

  private static Timestamp cutoff(Dataset<Row> events, SplitOptions options) {
    Timestamp last = latest(events);
    if (last == null) {
      return new Timestamp(0);
    }
    if (options.testFraction() > 0) {
      double[] q =
          events
              .select(unix_timestamp(col(TIMESTAMP)).cast("double").as("t"))
              .stat()
              .approxQuantile("t", new double[] {1 - options.testFraction()}, 0.001);
      return new Timestamp((long) (q[0] * 1000));
    }
    return new Timestamp(last.getTime() - options.testDays() * MILLIS_PER_DAY);
  }

  private static Split lastK(Dataset<Row> events, SplitOptions options, FeedbackWeights w) {
    Timestamp end = latest(events);
    Dataset<Row> pairs = ImplicitFeedback.aggregate(events, 0, end);
    // most recent first; equal (or missing) timestamps are ordered by a seeded hash of the item
    Column tieBreak = hash(col(ITEM_ID), col(USER_ID), lit(options.seed()));
    Dataset<Row> ranked =
        pairs
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy(USER_ID)
                            .orderBy(col(TIMESTAMP).desc_nulls_last(), tieBreak.asc())))
            .withColumn("n", count(lit(1)).over(Window.partitionBy(USER_ID)));
    Dataset<Row> held =
        ranked
            .filter(col("rank").leq(options.lastK()).and(col("n").gt(options.lastK())))
            .select(USER_ID, ITEM_ID);
    Dataset<Row> trainEvents = events.join(held, Joins.on(USER_ID, ITEM_ID), "left_anti");
    Dataset<Row> test = pairs.join(held, Joins.on(USER_ID, ITEM_ID), "left_semi");
    return new Split(trainingPairs(trainEvents, w, end), test, trainEvents, end);
  }
}
