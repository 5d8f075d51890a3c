package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The popularity baseline and the list for users a model does not know: an item's score is the
 * number of distinct training users who interacted with it, the same for every user.
 */
public final class PopularityScorer implements Scorer {
  public static final String SCORE = "score";
  public static final StructType TABLE =
      new StructType()
          .add(ITEM_ID, DataTypes.StringType, false)
          .add(SCORE, DataTypes.FloatType, false);

  private final SparkSession spark;
  private final String[] itemIds;
  private final float[] scores;
  private final DotProductScorer block;

  private PopularityScorer(SparkSession spark, String[] itemIds, float[] scores) {
    this.spark = spark;
    this.itemIds = itemIds;
    this.scores = scores;
    this.block = DotProductScorer.create(spark, scores, null, 1);
  }

  /** Popularity over {@code itemIds} (items not in {@code train} score 0). */
  public static PopularityScorer fromTraining(Dataset<Row> train, String[] itemIds) {
    Dataset<Row> counts =
        train.groupBy(ITEM_ID).agg(countDistinct(col(USER_ID)).cast("float").as(SCORE));
    return fromTable(counts, itemIds);
  }

  /** From a saved {@link #table()}, aligned to {@code itemIds}. */
  public static PopularityScorer fromTable(Dataset<Row> table, String[] itemIds) {
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < itemIds.length; i++) {
      column.put(itemIds[i], i);
    }
    float[] scores = new float[itemIds.length];
    for (Row r : table.select(ITEM_ID, SCORE).collectAsList()) {
      Integer j = column.get(r.getString(0));
      if (j != null) {
        scores[j] = ((Number) r.get(1)).floatValue();
      }
    }
    return new PopularityScorer(table.sparkSession(), itemIds, scores);
  }

  /** {@code item_id, score} for saving next to a model. */
  public Dataset<Row> table() {
    List<Row> rows = new ArrayList<>(itemIds.length);
    for (int i = 0; i < itemIds.length; i++) {
      rows.add(RowFactory.create(itemIds[i], scores[i]));
    }
    return spark.createDataFrame(rows, TABLE);
  }

  @Override
  public String name() {
    return "popularity";
  }

  @Override
  public String[] itemIds() {
    return itemIds.clone();
  }

  @Override
  public Dataset<Row> userVectors(Dataset<Row> users) {
    return users.select(col(USER_ID), array(lit(1f)).as(VECTOR));
  }

  @Override
  public BlockScorer blockScorer() {
    return block;
  }
}
