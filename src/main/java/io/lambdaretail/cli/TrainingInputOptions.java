package io.lambdaretail.cli;

import io.lambdaretail.recs.FeedbackWeights;
import io.lambdaretail.recs.SplitOptions;
import io.lambdaretail.recs.SplitOptions.Strategy;
import io.lambdaretail.recs.TrainingInput;
import io.lambdaretail.recs.UserKey;
import picocli.CommandLine.Option;

/**
 * What {@code train-als} and {@code train-hybrid} train on and how they split it: the inputs,
 * feedback weights and test split. Mixed into both with {@code @Mixin}, so they read the same data
 * the same way.
 */
public final class TrainingInputOptions {
  @Option(
      names = "--pdpviews",
      paramLabel = "PATH",
      description = "Ingested page views (Parquet or Delta).")
  String pdpviews;

  @Option(
      names = "--transactions",
      paramLabel = "PATH",
      description = "Ingested orders (Parquet or Delta).")
  String transactions;

  @Option(
      names = "--interactions",
      paramLabel = "PATH",
      description = "Instead: user_id,item_id,weight[,timestamp], CSV (header) or Parquet.")
  String interactions;

  @Option(
      names = "--test-interactions",
      paramLabel = "PATH",
      description = "A fixed test set, same columns; replaces --split.")
  String testInteractions;

  @Option(
      names = "--user-key",
      defaultValue = "user_id",
      description = "User column of the events: user_id or browser_id (default: ${DEFAULT-VALUE}).")
  String userKey;

  @Option(
      names = "--view-weight",
      defaultValue = "1",
      description = "Weight of a view (default: ${DEFAULT-VALUE}).")
  double viewWeight;

  @Option(
      names = "--purchase-weight",
      defaultValue = "10",
      description = "Weight of bought at least once (default: ${DEFAULT-VALUE}).")
  double purchaseWeight;

  @Option(
      names = "--half-life-days",
      defaultValue = "0",
      description = "Time decay: events lose half their weight every N days (default: 0, none).")
  double halfLifeDays;

  @Option(
      names = "--min-user-interactions",
      defaultValue = "1",
      description = "Drop users with fewer training items (default: ${DEFAULT-VALUE}).")
  int minUser;

  @Option(
      names = "--min-item-interactions",
      defaultValue = "1",
      description = "Drop items with fewer training users (default: ${DEFAULT-VALUE}).")
  int minItem;

  @Option(
      names = "--split",
      defaultValue = "time",
      description = "time or last-k (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--test-days",
      defaultValue = "7",
      description = "time split: the last N days are the test set (default: ${DEFAULT-VALUE}).")
  int testDays;

  @Option(
      names = "--test-fraction",
      defaultValue = "0",
      description = "time split: the latest share of events instead, e.g. 0.2.")
  double testFraction;

  @Option(
      names = "--last-k",
      defaultValue = "1",
      description = "last-k split: items held out per user (default: ${DEFAULT-VALUE}).")
  int lastK;

  TrainingInput input() {
    return new TrainingInput(
        pdpviews, transactions, interactions, testInteractions, UserKey.parse(userKey));
  }

  FeedbackWeights weights() {
    return new FeedbackWeights(viewWeight, purchaseWeight, halfLifeDays, minUser, minItem);
  }

  /**
   * @param seed breaks last-k ties (the command's --seed)
   */
  SplitOptions split(long seed) {
    Strategy strategy =
        testInteractions != null && !testInteractions.isBlank()
            ? Strategy.EXPLICIT
            : Strategy.parse(split);
    return new SplitOptions(strategy, testDays, testFraction, lastK, seed);
  }
}
