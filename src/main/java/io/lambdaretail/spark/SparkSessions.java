package io.lambdaretail.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Opens the one SparkSession a command uses, with the settings every job relies on. */
public final class SparkSessions {
  private static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  public static SparkSession create(SparkSettings settings) {
    // SparkConf(true) picks up spark.* system properties and what spark-submit passed.
    SparkConf conf = new SparkConf(true).setAppName(settings.appName());
    if (settings.master() != null) {
      conf.setMaster(settings.master());
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(DEFAULT_MASTER);
    }
    applyDefaults(conf);
    settings.conf().forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * For jobs whose shuffled data is small whatever the input size (monthly sales totals, a few
   * thousand rows per store): Spark's default of 200 shuffle partitions turns every window, join
   * and tree-training pass into hundreds of tiny tasks (7 min instead of 1 min for the sample sales
   * CSV on 2 cores). Uses one partition per core unless the user set spark.sql.shuffle.partitions.
   * Delta's log replay (every read or commit of a table whose log changed) gets the same count
   * instead of its default 50 tasks, which dominated a stream's micro-batch on small tables.
   */
  public static void useFewShufflePartitions(SparkSession spark) {
    String cores = String.valueOf(Math.max(2, spark.sparkContext().defaultParallelism()));
    for (String key :
        new String[] {
          "spark.sql.shuffle.partitions", "spark.databricks.delta.snapshotPartitions"
        }) {
      if (!spark.sparkContext().getConf().contains(key)) {
        spark.conf().set(key, cores);
      }
    }
  }

  /** Settings of the lake: Delta's SQL extension and catalog (must be set before getOrCreate). */
  public static void applyDefaults(SparkConf conf) {
    conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.setIfMissing(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    conf.setIfMissing("spark.sql.parquet.compression.codec", "snappy");
  }
}
