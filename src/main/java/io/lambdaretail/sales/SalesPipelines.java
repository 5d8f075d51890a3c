package io.lambdaretail.sales;

import static io.lambdaretail.spark.Schemas.PREDICTION;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.STORE_ID;

import io.lambdaretail.sales.SalesTrainingOptions.Regressor;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;

/**
 * The two pipelines: the original four stages (store indexer, product indexer, assembler,
 * regressor) over its four inputs with the quantity as label, and ours (store indexer, assembler,
 * regressor, rescale) over {@link SalesFeatures#OURS}, which fits the ratio of the quantity to the
 * pair level, weighted by the squared pair level so that the loss is the squared error in units,
 * and turns the ratio back into a quantity, so {@code prediction} means the same in both. Indexers
 * use {@code handleInvalid=keep}: an unseen store or product gets the extra "unknown" index instead
 * of failing the prediction.
 */
final class SalesPipelines {
  static final String STORE_INDEX = "store_index";
  static final String PRODUCT_INDEX = "product_index";
  static final String FEATURES = "features";
  static final String RATIO_PREDICTION = "ratio_prediction";
  static final String WEIGHT = "ratio_weight";

  /**
   * Leaf size of our trees: the monthly ratio of one pair is noisy (a quarter of its level on the
   * generated data), so small leaves fit noise; 200 rows won on the validation months.
   */
  private static final int MIN_LEAF_ROWS = 200;

  /** Settings of the regressor shared by both pipelines. */
  record Fit(Regressor regressor, int maxBins, int iterations, long seed) {}

  private SalesPipelines() {}

  /** The original pipeline: four stages, label {@code quantity}. */
  static Pipeline original(Fit fit) {
    PipelineStage[] stages = {
      storeIndexer(),
      productIndexer(),
      assembler(SalesFeatures.ORIGINAL),
      regressor(fit, QUANTITY, PREDICTION)
    };
    return new Pipeline().setStages(stages);
  }

  /** Ours: label {@link SalesFeatures#RATIO_LABEL}, prediction = ratio x pair level. */
  static Pipeline ours(Fit fit) {
    PipelineStage regressor = regressor(fit, SalesFeatures.RATIO_LABEL, RATIO_PREDICTION);
    if (regressor instanceof GBTRegressor gbt) {
      gbt.setWeightCol(WEIGHT).setMaxDepth(4).setMinInstancesPerNode(MIN_LEAF_ROWS);
    } else if (regressor instanceof RandomForestRegressor forest) {
      forest.setWeightCol(WEIGHT).setMinInstancesPerNode(MIN_LEAF_ROWS);
    } else if (regressor instanceof LinearRegression linear) {
      linear.setWeightCol(WEIGHT);
    }
    SQLTransformer weight =
        new SQLTransformer()
            .setStatement(
                "SELECT *, "
                    + SalesFeatures.PAIR_LEVEL
                    + " * "
                    + SalesFeatures.PAIR_LEVEL
                    + " AS "
                    + WEIGHT
                    + " FROM __THIS__");
    SQLTransformer rescale =
        new SQLTransformer()
            .setStatement(
                "SELECT *, GREATEST(0.0, "
                    + RATIO_PREDICTION
                    + " * "
                    + SalesFeatures.PAIR_LEVEL
                    + ") AS "
                    + PREDICTION
                    + " FROM __THIS__");
    PipelineStage[] stages = {
      storeIndexer(), weight, assembler(SalesFeatures.OURS), regressor, rescale
    };
    return new Pipeline().setStages(stages);
  }

  private static StringIndexer storeIndexer() {
    return new StringIndexer()
        .setInputCol(STORE_ID)
        .setOutputCol(STORE_INDEX)
        .setHandleInvalid("keep");
  }

  private static StringIndexer productIndexer() {
    return new StringIndexer()
        .setInputCol(PRODUCT_ID)
        .setOutputCol(PRODUCT_INDEX)
        .setHandleInvalid("keep");
  }

  private static VectorAssembler assembler(List<String> inputs) {
    return new VectorAssembler()
        .setInputCols(inputs.toArray(String[]::new))
        .setOutputCol(FEATURES)
        .setHandleInvalid("keep");
  }

  /**
   * @param fit maxBins at least the number of products + 1: the indexed columns are categorical for
   *     the trees, one bin per label plus the unknown label
   */
  private static PipelineStage regressor(Fit fit, String label, String prediction) {
    return switch (fit.regressor()) {
      case GBT ->
          new GBTRegressor()
              .setLabelCol(label)
              .setFeaturesCol(FEATURES)
              .setPredictionCol(prediction)
              .setMaxIter(fit.iterations())
              .setMaxDepth(5)
              .setStepSize(0.3)
              .setMaxBins(fit.maxBins())
              .setSeed(fit.seed());
      case RANDOM_FOREST ->
          new RandomForestRegressor()
              .setLabelCol(label)
              .setFeaturesCol(FEATURES)
              .setPredictionCol(prediction)
              .setNumTrees(fit.iterations())
              .setMaxDepth(8)
              .setMaxBins(fit.maxBins())
              .setSeed(fit.seed());
      case LINEAR ->
          new LinearRegression()
              .setLabelCol(label)
              .setFeaturesCol(FEATURES)
              .setPredictionCol(prediction)
              .setMaxIter(fit.iterations())
              .setRegParam(0.01);
    };
  }
}
