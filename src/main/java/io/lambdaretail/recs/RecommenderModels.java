package io.lambdaretail.recs;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** Loads any saved recommender by the {@code kind} in its metadata.json. */
public final class RecommenderModels {
  private RecommenderModels() {}

  /** The registered loaders by kind. */
  public static Map<String, ModelLoader> loaders() {
    Map<String, ModelLoader> byKind = new TreeMap<>();
    for (ModelLoader l :
        ServiceLoader.load(ModelLoader.class, RecommenderModels.class.getClassLoader())) {
      byKind.put(l.kind(), l);
    }
    return byKind;
  }

  /** Checks the directory before Spark starts (exit 2 when it is no recommender model). */
  public static Map<String, Object> requireModel(Configuration conf, String dir) {
    return ModelStore.readMetadata(conf, dir, loaders().keySet());
  }

  public static RecommenderModel load(SparkSession spark, String dir) {
    Map<String, ModelLoader> loaders = loaders();
    Map<String, Object> metadata =
        ModelStore.readMetadata(spark.sparkContext().hadoopConfiguration(), dir, loaders.keySet());
    ModelLoader loader = loaders.get(String.valueOf(metadata.get(ModelStore.KIND)));
    return loader.load(spark, dir, ModelStore.loadCommon(spark, dir, metadata));
  }
}
