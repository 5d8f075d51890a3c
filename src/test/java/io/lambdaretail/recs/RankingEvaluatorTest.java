package io.lambdaretail.recs;

import static io.lambdaretail.recs.RecsFixtures.day;
import static io.lambdaretail.recs.RecsFixtures.events;
import static io.lambdaretail.recs.RecsFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lambdaretail.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class RankingEvaluatorTest {
  private static final String[] ITEMS = {"i0", "i1", "i2", "i3"};

  /** Knows u1 only, vector (1, 0); items (1,0), (0,1), (.5,.5), (.9,0). */
  private record FixedScorer(SparkSession spark) implements Scorer {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public String[] itemIds() {
      return ITEMS.clone();
    }

    @Override
    public Dataset<Row> userVectors(Dataset<Row> users) {
      StructType schema =
          new StructType()
              .add("user_id", DataTypes.StringType)
              .add(VECTOR, DataTypes.createArrayType(DataTypes.FloatType));
      Dataset<Row> known =
          spark.createDataFrame(List.of(RowFactory.create("u1", new Float[] {1f, 0f})), schema);
      return users.join(known, "user_id");
    }

    @Override
    public BlockScorer blockScorer() {
      return DotProductScorer.create(spark, new float[] {1, 0, 0, 1, .5f, .5f, .9f, 0}, null, 2);
    }
  }

  @Test
  void excludesTrainingItemsAndFallsBackToPopularityForUnknownUsers(SparkSession spark) {
    Dataset<Row> train =
        ImplicitFeedback.aggregate(
            events(spark, view("u1", "i0", 0), view("u2", "i1", 0), view("u3", "i1", 0)),
            0,
            day(0));
    Dataset<Row> test =
        ImplicitFeedback.aggregate(
            events(spark, view("u1", "i3", 5), view("u1", "i0", 5), view("u9", "i1", 5)),
            0,
            day(5));
    PopularityScorer popularity = PopularityScorer.fromTraining(train, ITEMS);

    RankingMetrics m =
        RankingEvaluator.evaluate(new FixedScorer(spark), popularity, train, test, 2);

    // u1: top-2 (i0 excluded) is i3, i2, hit at 1; u9 (unknown): popularity i1, i0, hit at 1
    assertThat(m.users()).as("evaluated users").isEqualTo(2);
    assertThat(m.usersKnown()).as("users the model knew").isEqualTo(1);
    assertThat(m.precision()).as("precision@2").isCloseTo(0.5, within(1e-9));
    assertThat(m.recall()).as("recall@2").isCloseTo(1, within(1e-9));
    assertThat(m.ndcg()).as("ndcg@2").isCloseTo(1, within(1e-9));
    assertThat(m.coverage()).as("all 4 items recommended to someone").isCloseTo(1, within(1e-9));
    // u1: i3 (0.9) above both candidate negatives; u9: i1 (2) above i0 (1), i2 and i3 (0)
    assertThat(m.auc()).as("auc").isCloseTo(1, within(1e-9));
    assertThat(m.toMap())
        .as("summary keys")
        .containsKeys("precision@2", "recall@2", "map@2", "ndcg@2", "auc", "coverage");
  }

  @Test
  void precisionCurveComesFromOneRankingWhoseTopKPrefixGivesTheMetrics(SparkSession spark) {
    Dataset<Row> train =
        ImplicitFeedback.aggregate(
            events(spark, view("u1", "i0", 0), view("u2", "i1", 0), view("u3", "i1", 0)),
            0,
            day(0));
    Dataset<Row> test =
        ImplicitFeedback.aggregate(
            events(spark, view("u1", "i3", 5), view("u1", "i2", 5), view("u9", "i1", 5)),
            0,
            day(5));
    PopularityScorer popularity = PopularityScorer.fromTraining(train, ITEMS);

    RankingEvaluator.Evaluation e =
        RankingEvaluator.evaluate(new FixedScorer(spark), popularity, train, test, 1, 4);

    // u1 ranks i3, i2, i1 (i0 excluded), relevant i3, i2: 1, 1, 2/3, 2/4
    // u9 (popularity) ranks i1, i0, i2, i3, relevant i1: 1, 1/2, 1/3, 1/4
    assertThat(e.precisionAtK())
        .as("mean precision@1..4")
        .containsExactly(new double[] {1, 0.75, 0.5, 0.375}, within(1e-9));
    assertThat(e.metrics().precision()).as("precision@1").isCloseTo(1, within(1e-9));
    assertThat(e.metrics().coverage())
        .as("coverage of the top-1 lists (i3, i1), not of the longer ranking")
        .isCloseTo(0.5, within(1e-9));
  }

  @Test
  void topNListsAreBestFirstWithoutExcludedItems(SparkSession spark) {
    Dataset<Row> train =
        ImplicitFeedback.aggregate(
            events(spark, view("u1", "i0", 0), view("u2", "i1", 0)), 0, day(0));
    Dataset<Row> users = RankingEvaluator.testUsers(train, train.limit(0));
    Dataset<Row> input =
        train
            .groupBy("user_id")
            .agg(org.apache.spark.sql.functions.collect_list("item_id").as("exclude"));
    PopularityScorer popularity = PopularityScorer.fromTraining(train, ITEMS);

    Map<String, Row> recs =
        TopN.recommend(new FixedScorer(spark), popularity, input, 3).collectAsList().stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.getString(0), r -> r));

    assertThat(users.count()).as("no test pairs, no test users").isZero();
    assertThat(recs.get("u1").<String>getList(1))
        .as("u1 by its vector")
        .containsExactly("i3", "i2", "i1");
    assertThat(recs.get("u1").getBoolean(3)).as("u1 known").isTrue();
    assertThat(recs.get("u2").<String>getList(1))
        .as("u2 unknown: popularity without its own i1")
        .startsWith("i0")
        .doesNotContain("i1");
    assertThat(recs.get("u2").getBoolean(3)).as("u2 unknown").isFalse();
  }
}
