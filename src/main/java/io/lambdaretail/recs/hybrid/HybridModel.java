package io.lambdaretail.recs.hybrid;

import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.recs.Interactions;
import io.lambdaretail.recs.ModelLoader;
import io.lambdaretail.recs.ModelStore;
import io.lambdaretail.recs.PopularityScorer;
import io.lambdaretail.recs.RecommenderModel;
import io.lambdaretail.recs.Scorer;
import io.lambdaretail.recs.UserKey;
import io.lambdaretail.report.HtmlReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A saved hybrid model as {@code recommend} uses it. Its users are the training users and the users
 * of {@code --user-features} (all get lists when {@code recommend} has no {@code --users}); its
 * items are the training items and the items of {@code --item-features}, so a new product with
 * features is recommended from the first run.
 */
public final class HybridModel implements RecommenderModel {
  /** {@code kind} in metadata.json. */
  public static final String KIND = "hybrid";

  /** metadata.json key of the embedding size. */
  public static final String COMPONENTS = "components";

  private final ModelStore.Common common;
  private final Scorer scorer;

  HybridModel(ModelStore.Common common, Scorer scorer) {
    this.common = common;
    this.scorer = scorer;
  }

  /**
   * Saves a fitted model: the hybrid parts, the id index, popularity list, training pairs,
   * report.html and metadata.json (with {@code kind} and {@code components} added), into a staging
   * sibling that then replaces {@code dir} ({@link SafeOutput#replace}).
   */
  public static void save(
      SparkSession spark,
      String dir,
      HybridFit.Fitted fitted,
      PopularityScorer popularity,
      Dataset<Row> train,
      HtmlReport report,
      Map<String, Object> metadata) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, Object> m = new LinkedHashMap<>(metadata);
    m.put(ModelStore.KIND, KIND);
    m.put(COMPONENTS, fitted.factors().components());
    SafeOutput.replace(
        conf,
        dir,
        KIND,
        "train-hybrid",
        staging -> {
          HybridStore.save(spark, staging, fitted.users(), fitted.items(), fitted.factors());
          ModelStore.saveCommon(staging, fitted.index(), popularity, train);
          report.write(conf, staging);
          ModelStore.commit(conf, staging, m);
        });
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

  /** The training users and those of {@code --user-features}: the model scores them all. */
  @Override
  public Dataset<Row> users() {
    return common.index().users().select(Interactions.USER_ID);
  }

  /** Registered in META-INF/services/io.lambdaretail.recs.ModelLoader. */
  public static final class Loader implements ModelLoader {
    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public RecommenderModel load(SparkSession spark, String dir, ModelStore.Common common) {
      int k = ((Number) common.metadata().get(COMPONENTS)).intValue();
      String[] itemIds = common.index().itemIds();
      int users = (int) common.index().userCount();
      HybridFactors factors = HybridStore.load(spark, dir, k, users, itemIds.length);
      return new HybridModel(
          common, HybridScorer.create(spark, factors, common.index().users(), itemIds, null));
    }
  }
}
