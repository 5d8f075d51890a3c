package io.lambdaretail.recs.als;

import io.lambdaretail.recs.ModelLoader;
import io.lambdaretail.recs.ModelStore;
import io.lambdaretail.recs.RecommenderModel;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.SparkSession;

/** Reads {@code kind: als} directories written by {@code train-als}. */
public final class AlsModelLoader implements ModelLoader {
  @Override
  public String kind() {
    return AlsModel.KIND;
  }

  @Override
  public RecommenderModel load(SparkSession spark, String dir, ModelStore.Common common) {
    ALSModel als = ALSModel.load(dir + "/" + AlsModel.ALS_DIR);
    return new AlsModel(new AlsScorer(als, common.index()), common);
  }
}
