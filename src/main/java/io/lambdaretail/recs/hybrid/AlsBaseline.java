package io.lambdaretail.recs.hybrid;

import static io.lambdaretail.recs.Interactions.ITEM;
import static io.lambdaretail.recs.Interactions.USER;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static io.lambdaretail.recs.Interactions.WEIGHT;
import static org.apache.spark.sql.functions.col;

import io.lambdaretail.recs.BlockScorer;
import io.lambdaretail.recs.DotProductScorer;
import io.lambdaretail.recs.IdIndex;
import io.lambdaretail.recs.Scorer;
import io.lambdaretail.recs.als.AlsParams;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * ALS with train-als's default parameters ({@link AlsParams}), fitted on the same training pairs
 * for the comparison report. It repeats what {@code recs.als.AlsTrainer} and {@code AlsScorer} do
 * because those are package-private; once they are public this class should delegate to them.
 */
final class AlsBaseline implements Scorer {
  private final ALSModel model;
  private final IdIndex index;
  private final String[] itemIds;
  private final DotProductScorer block;

  private AlsBaseline(ALSModel model, IdIndex index) {
    this.model = model;
    this.index = index;
    this.itemIds = index.itemIds();
    int rank = model.rank();
    float[] factors = new float[itemIds.length * rank];
    for (Row r : model.itemFactors().collectAsList()) {
      List<Object> f = r.getList(1);
      for (int d = 0; d < rank; d++) {
        factors[r.getInt(0) * rank + d] = ((Number) f.get(d)).floatValue();
      }
    }
    block = DotProductScorer.create(model.itemFactors().sparkSession(), factors, null, rank);
  }

  /** Fits on training pairs ({@code user_id, item_id, weight}) with train-als's defaults. */
  static AlsBaseline fit(Dataset<Row> train, long seed) {
    IdIndex index = IdIndex.build(train);
    Dataset<Row> encoded = index.encode(train).select(USER, ITEM, WEIGHT).cache();
    int parallelism = train.sparkSession().sparkContext().defaultParallelism();
    try {
      ALSModel model =
          new ALS()
              .setImplicitPrefs(true)
              .setUserCol(USER)
              .setItemCol(ITEM)
              .setRatingCol(WEIGHT)
              .setRank(AlsParams.DEFAULT_RANK)
              .setRegParam(AlsParams.DEFAULT_REG_PARAM)
              .setAlpha(AlsParams.DEFAULT_ALPHA)
              .setMaxIter(AlsParams.DEFAULT_ITERATIONS)
              .setNumUserBlocks(parallelism)
              .setNumItemBlocks(parallelism)
              .setSeed(seed)
              .setColdStartStrategy("drop")
              .fit(encoded);
      return new AlsBaseline(model, index);
    } finally {
      encoded.unpersist();
    }
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
