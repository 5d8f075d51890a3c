package io.lambdaretail.recs.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.recs.FeedbackWeights;
import io.lambdaretail.recs.RankingMetrics;
import io.lambdaretail.recs.RecommenderModel;
import io.lambdaretail.recs.RecommenderModels;
import io.lambdaretail.recs.SplitOptions;
import io.lambdaretail.recs.TrainingInput;
import io.lambdaretail.recs.UserKey;
import io.lambdaretail.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on generated data whose item categories predict taste ({@link TasteData}: a user's
 * country fixes a favourite category): hybrid vs ALS vs popularity on a last-k split, and the
 * cold-start split where a fifth of the items are known only by their features.
 */
@ExtendWith(SharedSpark.class)
class TrainHybridJobTest {
  /** Warm users: the hybrid model's NDCG@10 may trail ALS's by at most this much. */
  static final double WARM_NDCG_MARGIN = 0.05;

  @TempDir Path dir;

  @Test
  void scoresColdItemsByFeaturesAndStaysNearAlsOnWarmUsers(SparkSession spark) throws IOException {
    TasteData data = new TasteData(200, 100, 4, 0, 8, 5);
    List<String> pairs = new ArrayList<>(List.of("user_id,item_id,weight,timestamp"));
    for (int n = 0; n < data.trainPairs.size(); n++) {
      int[] p = data.trainPairs.get(n);
      pairs.add("u" + p[0] + ",i" + p[1] + ",1," + (1_700_000_000L + n));
    }
    List<String> users = new ArrayList<>(List.of("user_id,country"));
    for (int u = 0; u < data.users + 5; u++) {
      users.add("u" + u + ",c" + (u % data.categories));
    }
    List<String> items = new ArrayList<>(List.of("id,feature"));
    for (int i = 0; i < data.items; i++) {
      items.add("i" + i + ",category=" + data.category(i));
    }
    TrainHybridOptions options =
        new TrainHybridOptions(
            new TrainingInput(null, null, write("pairs.csv", pairs), null, UserKey.USER_ID),
            FeedbackWeights.ORIGINAL,
            new SplitOptions(SplitOptions.Strategy.LAST_K, 7, 0, 2, 42),
            write("users.csv", users),
            write("items.csv", items),
            HybridConfig.defaults(Loss.WARP).withComponents(16).withEpochs(20),
            true,
            true,
            2,
            10,
            0.2,
            true,
            false,
            dir.resolve("model").toString());
    TrainHybridResult result = new TrainHybridJob(spark, options).run();

    Map<String, RankingMetrics> warm = result.metrics();
    assertThat(warm).containsOnlyKeys("hybrid", "als", "popularity");
    assertThat(warm.get("hybrid").ndcg())
        .as("warm NDCG@10 hybrid vs ALS %s", warm)
        .isGreaterThan(warm.get("als").ndcg() - WARM_NDCG_MARGIN);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> cold =
        (Map<String, Map<String, Object>>) result.coldStart().get("metrics");
    assertThat((Double) cold.get("hybrid").get("auc"))
        .as("cold-item AUC %s", cold)
        .isGreaterThan(0.75);
    assertThat(cold.get("als")).as("ALS cannot score cold items").isNull();
    assertThat(cold.get("popularity")).as("nor can popularity").isNull();
    assertThat(result.coldStart().get("items_held_out")).isEqualTo(20);

    String html = Files.readString(dir.resolve("model/report.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .as("report.html")
        .contains("<svg", "precision@k on the test split", "<td>ndcg@10</td>", "Cold start")
        .contains("data-series=\"hybrid\"", "data-series=\"als\"", "data-series=\"popularity\"")
        .doesNotContain("<script");
    assertThat(result.toSummary().get("report").toString()).endsWith("model/report.html");

    RecommenderModel model = RecommenderModels.load(spark, options.modelOut());
    assertThat(model.metadata()).containsEntry("kind", "hybrid").containsKey("metrics");
    long known =
        model
            .scorer()
            .userVectors(spark.sql("select 'u203' as user_id union all select 'nobody'"))
            .count();
    assertThat(known).as("a user with features only is scored").isEqualTo(1);
    assertThat(model.users().filter("user_id = 'u203'").count())
        .as("recommend without --users covers users with features only")
        .isEqualTo(1);
    assertThat(model.users().count()).isEqualTo(data.users + 5);
  }

  private String write(String name, List<String> lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p.toString();
  }
}
