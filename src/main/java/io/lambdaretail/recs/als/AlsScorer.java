package io.lambdaretail.recs.als;

import static io.lambdaretail.recs.Interactions.ITEM;
import static io.lambdaretail.recs.Interactions.USER;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static io.lambdaretail.recs.Interactions.WEIGHT;
import static org.apache.spark.sql.functions.col;

import io.lambdaretail.recs.BlockScorer;
import io.lambdaretail.recs.DotProductScorer;
import io.lambdaretail.recs.IdIndex;
import io.lambdaretail.recs.Scorer;
import java.util.List;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** ALS as a {@link Scorer}: user factors joined by id, item factors broadcast in index order. */
public final class AlsScorer implements Scorer {
  private final ALSModel model;
  private final IdIndex index;
  private final String[] itemIds;
  private final DotProductScorer block;

  AlsScorer(ALSModel model, IdIndex index) {
    this.model = model;
    this.index = index;
    this.itemIds = index.itemIds();
    int rank = model.rank();
    float[] factors = new float[itemIds.length * rank];
    List<Row> rows = model.itemFactors().collectAsList();
    for (Row r : rows) {
      int item = r.getInt(0);
      List<Object> f = r.getList(1);
      for (int d = 0; d < rank; d++) {
        factors[item * rank + d] = ((Number) f.get(d)).floatValue();
      }
    }
    this.block = DotProductScorer.create(model.itemFactors().sparkSession(), factors, null, rank);
  }

  /**
   * ALS with train-als's default parameters fitted on training pairs ({@code user_id, item_id,
   * weight}): the baseline other recommenders are compared with on the same split.
   *
   * @param checkpointDir where ALS cuts its lineage when the session has no checkpoint directory
   */
  public static AlsScorer fitWithDefaults(Dataset<Row> train, long seed, String checkpointDir) {
    AlsTrainer.ensureCheckpointDir(train.sparkSession(), checkpointDir);
    IdIndex index = IdIndex.build(train);
    Dataset<Row> encoded = index.encode(train).select(USER, ITEM, WEIGHT).cache();
    try {
      AlsParams params =
          new AlsParams(
              AlsParams.DEFAULT_RANK,
              AlsParams.DEFAULT_REG_PARAM,
              AlsParams.DEFAULT_ALPHA,
              AlsParams.DEFAULT_ITERATIONS,
              0,
              0,
              10, // Spark's own default, as the comparison always used
              seed);
      return new AlsScorer(AlsTrainer.fit(encoded, params), index);
    } finally {
      encoded.unpersist();
    }
  }

  ALSModel model() {
    return model;
  }

  @Override
  public String name() {
    return "als";
  }

  @Override
  public String[] itemIds() {
    return itemIds.clone();
  }

  @Override
  public Dataset<Row> userVectors(Dataset<Row> users) {
    Dataset<Row> factors =
        model.userFactors().select(col("id").as(USER), col("features").as(VECTOR));
    return users.join(index.users(), USER_ID).join(factors, USER).select(USER_ID, VECTOR);
  }

  @Override
  public BlockScorer blockScorer() {
    return block;
  }
}
