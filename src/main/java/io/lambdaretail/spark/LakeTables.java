package io.lambdaretail.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reading a lake table whichever command wrote it: Delta ({@code _delta_log}) or Parquet. */
public final class LakeTables {
  private LakeTables() {}

  public static Dataset<Row> read(SparkSession spark, String path) {
    if (exists(spark, path + "/_delta_log")) {
      return spark.read().format("delta").load(path);
    }
    return spark.read().parquet(path);
  }

  public static boolean exists(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }
}
