package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.lambdaretail.io.xz.XzCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes top-N lists ({@link TopN#SCHEMA}). Every writer replaces its output, so a rerun never
 * mixes two runs' lists: {@code .ndjson.xz} and Parquet directories are written to a fresh
 * directory (the job's staging sibling of {@code --out}), Cassandra users' rows are replaced
 * ({@link CassandraRecsWriter}).
 */
public final class RecommendationWriters {
  /** The output kind of recommendation lists ({@link io.lambdaretail.io.SafeOutput}). */
  public static final String KIND = "recommendations";

  public static final String RANK = "rank";
  public static final String PRODUCT_ID = "product_id";
  public static final String SCORE = "score";
  public static final String MODEL_VERSION = "model_version";

  private RecommendationWriters() {}

  /**
   * One JSON object a line, {@code {"user_id": "...", "items": [...], "scores": [...]}} (key {@code
   * browser_id} for a browser-keyed model), xz-compressed through {@link XzCodec} by Spark's text
   * writer; the part files are then renamed {@code part-*.ndjson.xz}.
   */
  public static void ndjsonXz(Dataset<Row> recs, UserKey key, String out) {
    recs.select(to_json(struct(col(USER_ID).as(key.column()), col(TopN.ITEMS), col(TopN.SCORES))))
        .write()
        .mode("overwrite")
        .option("compression", XzCodec.class.getName())
        .text(out);
    renameParts(recs.sparkSession().sparkContext().hadoopConfiguration(), out);
  }

  /**
   * Parquet, one row per recommendation: {@code user_id, rank, product_id, score, model_version}.
   */
  public static void parquet(Dataset<Row> recs, String version, String out) {
    flat(recs, version).write().mode("overwrite").parquet(out);
  }

  /** One row per recommendation (rank from 1), as Parquet and Cassandra store them. */
  public static Dataset<Row> flat(Dataset<Row> recs, String version) {
    return recs.select(
            col(USER_ID),
            posexplode(arrays_zip(col(TopN.ITEMS), col(TopN.SCORES))).as(new String[] {"pos", "r"}))
        .select(
            col(USER_ID),
            col("pos").plus(1).cast("int").as(RANK),
            col("r." + TopN.ITEMS).as(PRODUCT_ID),
            col("r." + TopN.SCORES).cast("double").as(SCORE),
            lit(version).as(MODEL_VERSION));
  }

  private static void renameParts(Configuration conf, String out) {
    Path dir = new Path(out);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      for (FileStatus f : fs.listStatus(dir)) {
        String name = f.getPath().getName();
        if (name.startsWith("part-") && name.endsWith(".txt.xz")) {
          String renamed = name.substring(0, name.length() - ".txt.xz".length()) + ".ndjson.xz";
          if (!fs.rename(f.getPath(), new Path(dir, renamed))) {
            throw new IOException("rename of " + f.getPath() + " failed");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while naming the .ndjson.xz files in " + out, e);
    }
  }
}
