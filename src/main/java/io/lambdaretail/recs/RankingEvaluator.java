package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Honest top-k evaluation of any {@link Scorer}: for each test user, every item the scorer can rank
 * is scored, the user's training items are excluded, and the top k is compared with the user's test
 * items that were not already in training ({@link UserMetrics}). Users unknown to the scorer get
 * the popularity list, as {@code recommend} serves them. Cost: a shuffle to group train and test
 * per user, then one pass of block matrix products against the broadcast item vectors; AUC sorts
 * each user's scores (O(items log items) per user).
 */
public final class RankingEvaluator {
  static final String RELEVANT = "relevant";
  static final String EXCLUDE = "exclude";
  private static final String CURVE = "precision_curve";
  private static final StructType PER_USER =
      new StructType()
          .add(USER_ID, DataTypes.StringType)
          .add("known", DataTypes.BooleanType)
          .add("precision", DataTypes.DoubleType)
          .add("recall", DataTypes.DoubleType)
          .add("ap", DataTypes.DoubleType)
          .add("ndcg", DataTypes.DoubleType)
          .add("auc", DataTypes.DoubleType)
          .add("top", DataTypes.createArrayType(DataTypes.IntegerType))
          .add(CURVE, DataTypes.createArrayType(DataTypes.DoubleType));

  private RankingEvaluator() {}

  /**
   * @param model what is evaluated
   * @param fallback popularity over the same item ids, for users the model does not know
   * @param train training pairs ({@code user_id, item_id}): excluded from each user's list
   * @param test test pairs ({@code user_id, item_id})
   */
  public static RankingMetrics evaluate(
      Scorer model, Scorer fallback, Dataset<Row> train, Dataset<Row> test, int k) {
    return evaluate(model, fallback, train, test, k, 0).metrics();
  }

  /** The metrics at {@code k} and the mean precision at every cut-off 1..{@code curveK}. */
  public record Evaluation(RankingMetrics metrics, double[] precisionAtK) {}

  /**
   * {@link #evaluate(Scorer, Scorer, Dataset, Dataset, int)} plus the precision@k curve for k = 1..
   * {@code curveK}, from the same pass: each user's top max(k, curveK) is ranked once and every
   * cut-off is a prefix of it (ties break by index, so a prefix is exactly the smaller top list).
   */
  public static Evaluation evaluate(
      Scorer model, Scorer fallback, Dataset<Row> train, Dataset<Row> test, int k, int curveK) {
    Dataset<Row> perUser = perUser(model, fallback, train, test, k, curveK).cache();
    try {
      return new Evaluation(summarize(perUser, k, model.itemIds().length), curve(perUser, curveK));
    } finally {
      perUser.unpersist();
    }
  }

  /** Test users with their relevant items (test minus training) and their training items. */
  public static Dataset<Row> testUsers(Dataset<Row> train, Dataset<Row> test) {
    Dataset<Row> pairs = train.select(USER_ID, ITEM_ID);
    Dataset<Row> relevant =
        test.select(USER_ID, ITEM_ID)
            .distinct()
            .join(pairs, Joins.on(USER_ID, ITEM_ID), "left_anti")
            .groupBy(USER_ID)
            .agg(collect_list(col(ITEM_ID)).as(RELEVANT));
    Dataset<Row> seen = pairs.groupBy(USER_ID).agg(collect_list(col(ITEM_ID)).as(EXCLUDE));
    return relevant.join(seen, Joins.on(USER_ID), "left");
  }

  static Dataset<Row> perUser(
      Scorer model, Scorer fallback, Dataset<Row> train, Dataset<Row> test, int k, int curveK) {
    Dataset<Row> users = testUsers(train, test);
    Dataset<Row> rows =
        users
            .join(model.userVectors(users.select(USER_ID)), Joins.on(USER_ID), "left")
            .select(USER_ID, RELEVANT, EXCLUDE, Scorer.VECTOR);
    Broadcast<ItemSpace> space =
        JavaSparkContext.fromSparkContext(train.sparkSession().sparkContext())
            .broadcast(new ItemSpace(model.itemIds()));
    BlockScoring scoring = new BlockScoring(model.blockScorer(), fallback.blockScorer(), space);
    MapPartitionsFunction<Row, Row> f =
        it -> scoring.map(it, 3, (row, s, known, items) -> score(row, s, known, items, k, curveK));
    return rows.mapPartitions(f, Encoders.row(PER_USER));
  }

  private static Row score(
      Row row, float[] scores, boolean known, ItemSpace items, int k, int curveK) {
    List<String> relevant = row.getList(1);
    List<String> exclude = row.isNullAt(2) ? null : row.getList(2);
    items.exclude(scores, exclude);
    Set<Integer> positives = new HashSet<>();
    for (String id : relevant) {
      int c = items.column(id);
      if (c >= 0) {
        positives.add(c);
      }
    }
    int[] ranked = TopK.select(scores, 0, scores.length, Math.max(k, curveK));
    int[] top = ranked.length > k ? Arrays.copyOf(ranked, k) : ranked;
    UserMetrics m =
        UserMetrics.ofTop(top, positives, relevant.size(), k)
            .withAuc(UserMetrics.auc(scores, 0, scores.length, positives));
    Integer[] boxed = new Integer[top.length];
    for (int i = 0; i < top.length; i++) {
      boxed[i] = top[i];
    }
    double[] curve = UserMetrics.precisionCurve(ranked, positives, curveK);
    Double[] boxedCurve = new Double[curve.length];
    for (int i = 0; i < curve.length; i++) {
      boxedCurve[i] = curve[i];
    }
    return RowFactory.create(
        row.getString(0),
        known,
        m.precision(),
        m.recall(),
        m.averagePrecision(),
        m.ndcg(),
        m.auc(),
        boxed,
        boxedCurve);
  }

  private static RankingMetrics summarize(Dataset<Row> perUser, int k, int numItems) {
    Row a =
        perUser
            .agg(
                count(lit(1)),
                sum(when(col("known"), 1).otherwise(0)),
                avg("precision"),
                avg("recall"),
                avg("ap"),
                avg("ndcg"),
                avg(when(isnan(col("auc")), null).otherwise(col("auc"))))
            .first();
    long users = a.getLong(0);
    long distinct = perUser.select(explode(col("top"))).distinct().count();
    return new RankingMetrics(
        k,
        users,
        users == 0 ? 0 : a.getLong(1),
        doubleOr(a, 2),
        doubleOr(a, 3),
        doubleOr(a, 4),
        doubleOr(a, 5),
        a.isNullAt(6) ? Double.NaN : a.getDouble(6),
        numItems == 0 ? 0 : distinct / (double) numItems);
  }

  /** Mean over users of each cut-off's precision: one aggregation, curveK values. */
  private static double[] curve(Dataset<Row> perUser, int curveK) {
    if (curveK == 0) {
      return new double[0];
    }
    Column[] means = new Column[curveK];
    for (int j = 0; j < curveK; j++) {
      means[j] = avg(col(CURVE).getItem(j));
    }
    Row a = perUser.agg(means[0], Arrays.copyOfRange(means, 1, curveK)).first();
    double[] out = new double[curveK];
    for (int j = 0; j < curveK; j++) {
      out[j] = doubleOr(a, j);
    }
    return out;
  }

  private static double doubleOr(Row r, int i) {
    return r.isNullAt(i) ? 0 : r.getDouble(i);
  }
}
