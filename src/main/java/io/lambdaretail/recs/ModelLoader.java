package io.lambdaretail.recs;

import org.apache.spark.sql.SparkSession;

/** Loads one kind of {@link RecommenderModel}; found through {@link java.util.ServiceLoader}. */
public interface ModelLoader {
  /** The {@code kind} of metadata.json this loader reads. */
  String kind();

  /**
   * @param dir the model directory
   * @param common what every recommender directory has: metadata, id index, popularity, pairs
   */
  RecommenderModel load(SparkSession spark, String dir, ModelStore.Common common);
}
