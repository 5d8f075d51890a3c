package io.lambdaretail.recs;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A saved recommender as {@code recommend} sees it, whatever trained it. A model kind (ALS, hybrid,
 * ...) supplies a {@link ModelLoader} (registered in {@code
 * META-INF/services/io.lambdaretail.recs.ModelLoader}); {@link RecommenderModels#load} picks it by
 * the {@code kind} in the model directory's {@code metadata.json}.
 */
public interface RecommenderModel {
  /** {@code kind} of metadata.json, e.g. {@code als}. */
  String kind();

  /** Written with every recommendation (Cassandra {@code model_version}). */
  String version();

  /** Which id the model's users are (the key of the {@code .ndjson.xz} output). */
  UserKey userKey();

  /** The whole metadata.json. */
  Map<String, Object> metadata();

  /** Scores the users the model knows. */
  Scorer scorer();

  /** The list for users the model does not know, over the same item ids as {@link #scorer()}. */
  Scorer popularity();

  /**
   * The training pairs in {@link Interactions#SCHEMA}: the users the model knows, and the items to
   * exclude from their lists ({@code bought}, or all of them).
   */
  Dataset<Row> interactions();

  /**
   * The users {@code recommend} writes lists for when no {@code --users} is given: by default those
   * of the training pairs; a model that scores users by their features adds the users it has
   * features for.
   */
  default Dataset<Row> users() {
    return interactions().select(Interactions.USER_ID).distinct();
  }
}
