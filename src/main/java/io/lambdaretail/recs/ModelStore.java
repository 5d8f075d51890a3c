package io.lambdaretail.recs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lambdaretail.config.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The parts every recommender model directory has: {@code metadata.json} (written last, so a
 * half-written directory fails to load; {@code kind}, {@code model_version}, {@code user_key},
 * parameters, metrics, data range, Spark version), {@code index/} ({@link IdIndex}), {@code
 * popularity/} (the fallback list) and {@code interactions/} (the training pairs, for the
 * exclusions). A model kind adds its own sub-directories (ALS: {@code als/}).
 */
public final class ModelStore {
  public static final String METADATA = "metadata.json";
  public static final String KIND = "kind";
  public static final String MODEL_VERSION = "model_version";
  public static final String USER_KEY = "user_key";
  private static final String INDEX = "index";
  private static final String POPULARITY = "popularity";
  private static final String INTERACTIONS = "interactions";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelStore() {}

  /** What {@link #loadCommon} returns to a {@link ModelLoader}. */
  public record Common(
      Map<String, Object> metadata,
      IdIndex index,
      PopularityScorer popularity,
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> interactions) {

    public String version() {
      return String.valueOf(metadata.get(MODEL_VERSION));
    }

    public UserKey userKey() {
      return UserKey.parse(String.valueOf(metadata.getOrDefault(USER_KEY, "user_id")));
    }
  }

  /** Saves the index, the popularity list and the training pairs. */
  public static void saveCommon(
      String dir,
      IdIndex index,
      PopularityScorer popularity,
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> train) {
    index.save(dir + "/" + INDEX);
    popularity.table().write().mode("overwrite").parquet(dir + "/" + POPULARITY);
    train
        .select(
            Interactions.USER_ID,
            Interactions.ITEM_ID,
            Interactions.WEIGHT,
            Interactions.TIMESTAMP,
            Interactions.BOUGHT)
        .write()
        .mode("overwrite")
        .parquet(dir + "/" + INTERACTIONS);
  }

  /** Writes metadata.json; call it last. */
  public static void commit(Configuration conf, String dir, Map<String, Object> metadata) {
    Path file = new Path(dir, METADATA);
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write(JSON.writeValueAsBytes(metadata));
    } catch (IOException e) {
      throw new UncheckedIOException("while writing " + file, e);
    }
  }

  /**
   * The metadata of a recommender directory; exit-2 errors when it is missing, unreadable or of a
   * kind none of {@code kinds} (the registered loaders) reads.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMetadata(
      Configuration conf, String dir, Collection<String> kinds) {
    Path file = new Path(dir, METADATA);
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(new Path(dir))) {
        throw Errors.notARecommenderModel(dir, "the directory does not exist", kinds);
      }
      if (!fs.exists(file)) {
        throw Errors.notARecommenderModel(dir, "it has no " + METADATA, kinds);
      }
      Map<String, Object> metadata;
      try (InputStream in = fs.open(file)) {
        metadata = JSON.readValue(in, Map.class);
      }
      Object kind = metadata.get(KIND);
      if (!kinds.contains(String.valueOf(kind))) {
        throw Errors.notARecommenderModel(
            dir, METADATA + " has kind '" + kind + "', which no recommender reads", kinds);
      }
      return metadata;
    } catch (IOException e) {
      throw Errors.notARecommenderModel(
          dir, METADATA + " is unreadable (" + e.getMessage() + ")", kinds);
    }
  }

  /** Loads the common parts after {@link #readMetadata}. */
  public static Common loadCommon(SparkSession spark, String dir, Map<String, Object> metadata) {
    IdIndex index = IdIndex.load(spark, dir + "/" + INDEX);
    PopularityScorer popularity =
        PopularityScorer.fromTable(spark.read().parquet(dir + "/" + POPULARITY), index.itemIds());
    return new Common(metadata, index, popularity, spark.read().parquet(dir + "/" + INTERACTIONS));
  }
}
