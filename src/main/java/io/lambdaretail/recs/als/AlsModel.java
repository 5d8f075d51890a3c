package io.lambdaretail.recs.als;

import io.lambdaretail.recs.ModelStore;
import io.lambdaretail.recs.RecommenderModel;
import io.lambdaretail.recs.Scorer;
import io.lambdaretail.recs.UserKey;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A saved ALS model with the common parts of its directory. */
final class AlsModel implements RecommenderModel {
  /** The {@code kind} in metadata.json. */
  static final String KIND = "als";

  /** Sub-directory of the MLlib ALSModel. */
  static final String ALS_DIR = "als";

  private final AlsScorer scorer;
  private final ModelStore.Common common;

  AlsModel(AlsScorer scorer, ModelStore.Common common) {
    this.scorer = scorer;
    this.common = common;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String version() {
    return common.version();
  }

  @Override
  public UserKey userKey() {
    return common.userKey();
  }

  @Override
  public Map<String, Object> metadata() {
    return common.metadata();
  }

  @Override
  public Scorer scorer() {
    return scorer;
  }

  @Override
  public Scorer popularity() {
    return common.popularity();
  }

  @Override
  public Dataset<Row> interactions() {
    return common.interactions();
  }
}
