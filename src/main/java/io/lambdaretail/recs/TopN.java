package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.USER_ID;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Top-N per user for any {@link Scorer}: block matrix products against the broadcast item vectors
 * and a bounded heap per user, in one pass over the users and no shuffle of scores (MLlib's {@code
 * recommendForAllUsers} cross-joins blocks of user and item factors instead).
 */
public final class TopN {
  public static final String ITEMS = "items";
  public static final String SCORES = "scores";
  public static final String KNOWN = "known";

  /** {@code user_id, items, scores, known} (known: false when the popularity list was used). */
  public static final StructType SCHEMA =
      new StructType()
          .add(USER_ID, DataTypes.StringType, false)
          .add(ITEMS, DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add(SCORES, DataTypes.createArrayType(DataTypes.FloatType, false), false)
          .add(KNOWN, DataTypes.BooleanType, false);

  private TopN() {}

  /**
   * @param users {@code user_id} and {@code exclude} ({@code array<string>} of items left out of
   *     the user's list, may be null)
   */
  public static Dataset<Row> recommend(Scorer model, Scorer fallback, Dataset<Row> users, int k) {
    Dataset<Row> rows =
        users
            .join(model.userVectors(users.select(USER_ID)), Joins.on(USER_ID), "left")
            .select(USER_ID, RankingEvaluator.EXCLUDE, Scorer.VECTOR);
    Broadcast<ItemSpace> space =
        JavaSparkContext.fromSparkContext(users.sparkSession().sparkContext())
            .broadcast(new ItemSpace(model.itemIds()));
    BlockScoring scoring = new BlockScoring(model.blockScorer(), fallback.blockScorer(), space);
    MapPartitionsFunction<Row, Row> f =
        it -> scoring.map(it, 2, (row, s, known, items) -> top(row, s, known, items, k));
    return rows.mapPartitions(f, Encoders.row(SCHEMA));
  }

  private static Row top(Row row, float[] scores, boolean known, ItemSpace items, int k) {
    List<String> exclude = row.isNullAt(1) ? null : row.getList(1);
    items.exclude(scores, exclude);
    int[] top = TopK.select(scores, 0, scores.length, k);
    String[] ids = new String[top.length];
    Float[] values = new Float[top.length];
    for (int i = 0; i < top.length; i++) {
      ids[i] = items.id(top[i]);
      values[i] = scores[top[i]];
    }
    return RowFactory.create(row.getString(0), ids, values, known);
  }
}
