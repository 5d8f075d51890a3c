package io.lambdaretail.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.lambdaretail.recs.RecommenderModel;
import io.lambdaretail.recs.RecommenderModels;
import io.lambdaretail.recs.TopN;
import io.lambdaretail.spark.SparkSessions;
import io.lambdaretail.spark.SparkSettings;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Top-k for every user of a saved ALS model, two ways, in one JVM: MLlib's {@code
 * recommendForAllUsers(k)} and our {@link TopN} (block sgemm against broadcast item factors), both
 * with no exclusions and written to Spark's {@code noop} sink. Usage: {@code TopNBench MODEL_DIR
 * [k] [repeats]}; prints one line per run and the ratio.
 */
public final class TopNBench {
  private TopNBench() {}

  public static void main(String[] args) {
    String dir = args[0];
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark =
        SparkSessions.create(new SparkSettings("lambda-retail bench-topn", null, Map.of()));
    SparkSessions.useFewShufflePartitions(spark);
    RecommenderModel model = RecommenderModels.load(spark, dir);
    ALSModel als = ALSModel.load(dir + "/als");
    // both sides' factors loaded before the timers: ours are read into the driver by load(), so
    // MLlib's are cached and materialised here rather than read from Parquet inside its timer
    als.userFactors().cache().count();
    als.itemFactors().cache().count();
    Dataset<Row> users =
        model
            .interactions()
            .select("user_id")
            .distinct()
            .withColumn("exclude", lit(null).cast("array<string>"))
            .cache();
    long n = users.count();
    double mllib = Double.MAX_VALUE;
    double ours = Double.MAX_VALUE;
    for (int i = 0; i < repeats; i++) {
      mllib = Math.min(mllib, time(() -> noop(als.recommendForAllUsers(k))));
      ours =
          Math.min(
              ours,
              time(
                  () ->
                      noop(
                          TopN.recommend(model.scorer(), model.popularity(), users, k)
                              .filter(col("known")))));
    }
    System.out.printf(
        Locale.ROOT,
        "users=%d items=%d rank=%d k=%d best of %d: recommendForAllUsers %.2f s, TopN %.2f s,"
            + " speed-up %.2fx%n",
        n,
        model.scorer().itemIds().length,
        als.rank(),
        k,
        repeats,
        mllib,
        ours,
        mllib / ours);
    spark.stop();
  }

  private static void noop(Dataset<Row> d) {
    d.write().format("noop").mode("overwrite").save();
  }

  private static double time(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1e9;
  }
}
