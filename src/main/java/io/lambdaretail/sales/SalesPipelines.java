package io.lambdaretail.sales;

import static io.lambdaretail.spark.Schemas.PREDICTION;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.STORE_ID;

import io.lambdaretail.sales.SalesTrainingOptions.Regressor;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;

/**
 * The two pipelines: the original four stages (store indexer, product indexer, assembler,
 * regressor) over its four inputs, and ours over {@link SalesFeatures#OURS}. Both index with {@code
 * handleInvalid=keep}, so an unseen store or product gets the extra "unknown" index instead of
 * failing the prediction.
 */
final class SalesPipelines {
  static final String STORE_INDEX = "store_index";
  static final String PRODUCT_INDEX = "product_index";
  static final String FEATURES = "features";

  private SalesPipelines() {}

  /**
   * @param maxBins at least the number of products + 1: the indexed columns are categorical for the
   *     trees, one bin per label plus the unknown label
   */
  static Pipeline build(List<String> inputs, Regressor regressor, int maxBins, long seed) {
    StringIndexer stores =
        new StringIndexer()
            .setInputCol(STORE_ID)
            .setOutputCol(STORE_INDEX)
            .setHandleInvalid("keep");
    StringIndexer products =
        new StringIndexer()
            .setInputCol(PRODUCT_ID)
            .setOutputCol(PRODUCT_INDEX)
            .setHandleInvalid("keep");
    VectorAssembler assembler =
        new VectorAssembler()
            .setInputCols(inputs.toArray(String[]::new))
            .setOutputCol(FEATURES)
            .setHandleInvalid("keep");
    return new Pipeline()
        .setStages(
            new PipelineStage[] {stores, products, assembler, regressor(regressor, maxBins, seed)});
  }

  private static PipelineStage regressor(Regressor regressor, int maxBins, long seed) {
    return switch (regressor) {
      case GBT ->
          new GBTRegressor()
              .setLabelCol(QUANTITY)
              .setFeaturesCol(FEATURES)
              .setPredictionCol(PREDICTION)
              .setMaxIter(20)
              .setMaxDepth(5)
              .setStepSize(0.2)
              .setMaxBins(maxBins)
              .setSeed(seed);
      case RANDOM_FOREST ->
          new RandomForestRegressor()
              .setLabelCol(QUANTITY)
              .setFeaturesCol(FEATURES)
              .setPredictionCol(PREDICTION)
              .setNumTrees(40)
              .setMaxDepth(8)
              .setMaxBins(maxBins)
              .setSeed(seed);
      case LINEAR ->
          new LinearRegression()
              .setLabelCol(QUANTITY)
              .setFeaturesCol(FEATURES)
              .setPredictionCol(PREDICTION)
              .setMaxIter(50)
              .setRegParam(0.01);
    };
  }
}
