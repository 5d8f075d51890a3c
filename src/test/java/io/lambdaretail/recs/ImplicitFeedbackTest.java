package io.lambdaretail.recs;

import static io.lambdaretail.recs.RecsFixtures.day;
import static io.lambdaretail.recs.RecsFixtures.events;
import static io.lambdaretail.recs.RecsFixtures.purchase;
import static io.lambdaretail.recs.RecsFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lambdaretail.recs.SplitOptions.Strategy;
import io.lambdaretail.testing.SharedSpark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ImplicitFeedbackTest {
  private static Map<String, Double> weights(Dataset<Row> pairs) {
    Map<String, Double> m = new HashMap<>();
    for (Row r : pairs.collectAsList()) {
      m.put(r.getAs("user_id") + "/" + r.getAs("item_id"), r.getAs("weight"));
    }
    return m;
  }

  @Test
  void originalScoreIsViewsPlusTenTimesBoughtAtLeastOnce(SparkSession spark) {
    Dataset<Row> e =
        events(
            spark,
            view("u1", "p1", 0),
            view("u1", "p1", 1),
            view("u1", "p1", 2),
            purchase("u1", "p1", 2),
            purchase("u1", "p1", 3),
            purchase("u1", "p2", 1),
            view("u2", "p1", 0));

    Dataset<Row> pairs = ImplicitFeedback.aggregate(e, 0, day(3));

    assertThat(weights(pairs))
        .as("3 views + 10 (bought twice counts once); 10; 1")
        .containsExactlyInAnyOrderEntriesOf(Map.of("u1/p1", 13.0, "u1/p2", 10.0, "u2/p1", 1.0));
    assertThat(pairs.filter("bought").count()).as("pairs marked bought").isEqualTo(2);
  }

  @Test
  void halfLifeHalvesTheWeightOfOlderEvents(SparkSession spark) {
    Dataset<Row> e =
        events(spark, view("u1", "p1", 0), view("u1", "p1", 7), purchase("u1", "p2", 0));

    Map<String, Double> w = weights(ImplicitFeedback.aggregate(e, 7, day(7)));

    assertThat(w.get("u1/p1")).as("a view 7 days old counts 0.5").isCloseTo(1.5, within(1e-9));
    assertThat(w.get("u1/p2")).as("a purchase 7 days old counts 5").isCloseTo(5, within(1e-9));
  }

  @Test
  void minimumsDropRareItemsThenLightUsers(SparkSession spark) {
    Dataset<Row> e =
        events(
            spark,
            view("u1", "p1", 0),
            view("u1", "p2", 0),
            view("u2", "p1", 0),
            view("u2", "p3", 0),
            view("u3", "p1", 0));
    Dataset<Row> pairs = ImplicitFeedback.aggregate(e, 0, day(0));

    Dataset<Row> kept = ImplicitFeedback.withMinimums(pairs, 1, 2);
    Dataset<Row> keptUsers = ImplicitFeedback.withMinimums(pairs, 2, 1);

    assertThat(weights(kept).keySet())
        .as("only p1 has 2 users")
        .containsExactlyInAnyOrder("u1/p1", "u2/p1", "u3/p1");
    assertThat(weights(keptUsers).keySet())
        .as("u3 has one item")
        .containsExactlyInAnyOrder("u1/p1", "u1/p2", "u2/p1", "u2/p3");
  }

  @Test
  void timeSplitCutsEventsNotPairs(SparkSession spark) {
    Dataset<Row> e =
        events(
            spark,
            view("u1", "p1", 0),
            view("u1", "p1", 9),
            view("u1", "p2", 8),
            view("u2", "p3", 1),
            view("u2", "p4", 2));

    Split split =
        Splitter.split(e, new SplitOptions(Strategy.TIME, 3, 0, 1, 1), FeedbackWeights.ORIGINAL);

    assertThat(weights(split.train()))
        .as("training: events before day 6 only")
        .containsExactlyInAnyOrderEntriesOf(Map.of("u1/p1", 1.0, "u2/p3", 1.0, "u2/p4", 1.0));
    assertThat(weights(split.test()).keySet())
        .as("test: pairs with events from day 6 on")
        .containsExactlyInAnyOrder("u1/p1", "u1/p2");
  }

  @Test
  void lastKHoldsOutEachUsersLatestItemsOnlyWhenTheyHaveMore(SparkSession spark) {
    Dataset<Row> e =
        events(
            spark,
            view("u1", "p1", 0),
            view("u1", "p2", 1),
            view("u1", "p3", 2),
            view("u2", "p1", 5));

    Split split =
        Splitter.split(e, new SplitOptions(Strategy.LAST_K, 7, 0, 1, 1), FeedbackWeights.ORIGINAL);

    assertThat(weights(split.test()).keySet()).as("u1's latest").containsExactly("u1/p3");
    assertThat(weights(split.train()).keySet())
        .as("the rest, u2's only item kept for training")
        .containsExactlyInAnyOrder("u1/p1", "u1/p2", "u2/p1");
  }

  @Test
  void idIndexIsDenseSortedAndEncodes(SparkSession spark) {
    Dataset<Row> pairs =
        ImplicitFeedback.aggregate(
            events(spark, view("u2", "p9", 0), view("u1", "p9", 0), view("u1", "p3", 0)),
            0,
            day(0));

    IdIndex index = IdIndex.build(pairs);

    assertThat(index.itemIds()).as("items in index order").containsExactly("p3", "p9");
    List<Row> encoded =
        index.encode(pairs).select("user_id", "user").distinct().orderBy("user").collectAsList();
    assertThat(encoded.stream().map(r -> r.getString(0) + "=" + r.getInt(1)).toList())
        .as("users 0..n-1 by id")
        .containsExactly("u1=0", "u2=1");
  }
}
