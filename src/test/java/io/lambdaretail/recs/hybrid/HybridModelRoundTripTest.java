package io.lambdaretail.recs.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.recs.Interactions;
import io.lambdaretail.recs.ModelStore;
import io.lambdaretail.recs.PopularityScorer;
import io.lambdaretail.recs.RecommenderModel;
import io.lambdaretail.recs.RecommenderModels;
import io.lambdaretail.recs.Scorer;
import io.lambdaretail.report.HtmlReport;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fit, save, load through the kind dispatch of {@code recommend}: the loaded model scores like the
 * trained one, and knows a user and an item that have features but no interaction.
 */
@ExtendWith(SharedSpark.class)
class HybridModelRoundTripTest {
  @TempDir Path dir;

  @Test
  void savedModelLoadsByKindAndScoresColdIdsFromFeatures(SparkSession spark) {
    List<Row> pairs = new ArrayList<>();
    List<Row> userFeatures = new ArrayList<>();
    List<Row> itemFeatures = new ArrayList<>();
    for (int u = 0; u < 30; u++) {
      userFeatures.add(RowFactory.create("u" + u, "group=" + (u % 2), 1f));
      for (int i = u % 2; i < 20; i += 2) {
        pairs.add(
            RowFactory.create("u" + u, "i" + i, 1.0, new Timestamp(1_700_000_000_000L), true));
      }
    }
    for (int i = 0; i < 22; i++) {
      itemFeatures.add(RowFactory.create("i" + i, "kind=" + (i % 2), 1f));
    }
    // u-new and i20/i21 have features only
    userFeatures.add(RowFactory.create("u-new", "group=1", 1f));
    Dataset<Row> train = spark.createDataFrame(pairs, Interactions.SCHEMA);
    HybridConfig config = HybridConfig.defaults(Loss.WARP).withComponents(8).withEpochs(8);
    HybridFit.Fitted fitted =
        HybridFit.fit(
            spark,
            train,
            new HybridFit.Features(userFeatures, itemFeatures, true, true),
            config,
            2);
    PopularityScorer popularity = PopularityScorer.fromTraining(train, fitted.itemIds());
    String out = dir.resolve("model").toString();
    HybridModel.save(
        spark,
        out,
        fitted,
        popularity,
        train,
        new HtmlReport("round trip"),
        Map.of(ModelStore.MODEL_VERSION, "v1"));

    RecommenderModel loaded = RecommenderModels.load(spark, out);
    assertThat(loaded.kind()).isEqualTo(HybridModel.KIND);
    assertThat(loaded.version()).isEqualTo("v1");
    Scorer scorer = loaded.scorer();
    assertThat(scorer.itemIds()).as("trained and featured items").hasSize(22).contains("i21");
    Dataset<Row> users =
        spark.createDataFrame(
            List.of(RowFactory.create("u3"), RowFactory.create("u-new"), RowFactory.create("x")),
            new org.apache.spark.sql.types.StructType()
                .add(Interactions.USER_ID, org.apache.spark.sql.types.DataTypes.StringType));
    Map<String, List<Float>> vectors = new java.util.HashMap<>();
    scorer
        .userVectors(users)
        .collectAsList()
        .forEach(r -> vectors.put(r.getString(0), r.getList(1)));
    assertThat(vectors)
        .as("a user with features only is known, an unknown one is not")
        .containsOnlyKeys("u3", "u-new");

    // the loaded vectors are the trained ones
    int u3 = indexOf(fitted, "u3");
    float[] trained = fitted.factors().userVector(u3);
    for (int c = 0; c < 8; c++) {
      assertThat(vectors.get("u3").get(c)).isEqualTo(trained[c]);
    }
    // u-new is in group 1, which interacted with odd items only: i21 (odd kind, no interaction)
    // must outscore i20
    float[] scores = new float[22];
    float[][] v = {toArray(vectors.get("u-new"))};
    scorer.blockScorer().score(v, 1, scores);
    List<String> ids = List.of(scorer.itemIds());
    assertThat(scores[ids.indexOf("i21")]).isGreaterThan(scores[ids.indexOf("i20")]);
  }

  private static int indexOf(HybridFit.Fitted fitted, String user) {
    return fitted.index().users().filter("user_id = '" + user + "'").first().getInt(1);
  }

  private static float[] toArray(List<Float> list) {
    float[] a = new float[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
