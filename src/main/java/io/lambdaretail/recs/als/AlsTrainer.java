package io.lambdaretail.recs.als;

import static io.lambdaretail.recs.Interactions.ITEM;
import static io.lambdaretail.recs.Interactions.USER;
import static io.lambdaretail.recs.Interactions.WEIGHT;

import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Fits MLlib's implicit ALS on encoded pairs ({@code user, item, weight}). */
final class AlsTrainer {
  private AlsTrainer() {}

  /**
   * Sets a checkpoint directory when the session has none: without one ALS cannot cut its lineage
   * and a long run overflows the stack.
   */
  static void ensureCheckpointDir(SparkSession spark, String fallback) {
    if (spark.sparkContext().getCheckpointDir().isEmpty()) {
      spark.sparkContext().setCheckpointDir(fallback);
    }
  }

  static ALSModel fit(Dataset<Row> encoded, AlsParams p) {
    int parallelism = encoded.sparkSession().sparkContext().defaultParallelism();
    ALS als =
        new ALS()
            .setImplicitPrefs(true)
            .setUserCol(USER)
            .setItemCol(ITEM)
            .setRatingCol(WEIGHT)
            .setRank(p.rank())
            .setRegParam(p.regParam())
            .setAlpha(p.alpha())
            .setMaxIter(p.iterations())
            .setNumUserBlocks(p.userBlocks() == 0 ? parallelism : p.userBlocks())
            .setNumItemBlocks(p.itemBlocks() == 0 ? parallelism : p.itemBlocks())
            .setCheckpointInterval(p.checkpointInterval())
            .setSeed(p.seed())
            .setNonnegative(false)
            .setColdStartStrategy("drop");
    return als.fit(encoded.select(USER, ITEM, WEIGHT));
  }
}
