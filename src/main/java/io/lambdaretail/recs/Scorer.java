package io.lambdaretail.recs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the evaluation and {@code recommend} need from a model: a vector per user (computed in
 * Spark, so it scales with the users) and a serializable {@link BlockScorer} that turns blocks of
 * user vectors into scores over a fixed item list (broadcast once). ALS, the hybrid model and the
 * popularity baseline all fit: for them the score is a dot product with an item vector plus an
 * optional item bias ({@link DotProductScorer}).
 */
public interface Scorer {
  /** Column of {@link #userVectors}: {@code array<float>}. */
  String VECTOR = "vector";

  /** Short name for tables and summaries, e.g. {@code als}, {@code popularity}. */
  String name();

  /** Item ids; score column {@code j} of {@link BlockScorer#score} is item {@code itemIds()[j]}. */
  String[] itemIds();

  /**
   * {@code user_id, vector} for the users of {@code users} (column {@code user_id}) the model can
   * score; users it cannot score (unknown to it) are absent and get the popularity list.
   */
  Dataset<Row> userVectors(Dataset<Row> users);

  /** The executor-side scorer; cheap to serialize (holds broadcasts). */
  BlockScorer blockScorer();
}
