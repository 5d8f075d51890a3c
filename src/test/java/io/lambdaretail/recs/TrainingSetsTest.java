package io.lambdaretail.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.config.PipelineConfigException;
import io.lambdaretail.spark.Schemas;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The ingested tables (Parquet page views, Delta orders) to weighted pairs, by user or browser. */
@ExtendWith(SharedSpark.class)
class TrainingSetsTest {
  private static final Timestamp T = Timestamp.from(Instant.parse("2024-01-02T10:00:00Z"));
  private static final Date D = Date.valueOf("2024-01-02");

  @Test
  void readsParquetViewsAndDeltaOrdersWithTheOriginalScore(SparkSession spark, @TempDir Path dir) {
    Dataset<Row> views =
        spark.createDataFrame(
            List.of(
                RowFactory.create("b1", "u1", "p1", T, "s1", null, D),
                RowFactory.create("b1", "u1", "p1", T, "s1", null, D),
                RowFactory.create("b2", null, "p2", T, "s2", null, D)),
            Schemas.PDPVIEWS_TABLE);
    Row line = RowFactory.create("p1", 2, 9.5);
    Row other = RowFactory.create("p3", 1, 1.0);
    Dataset<Row> orders =
        spark.createDataFrame(
            List.of(RowFactory.create("u1", "b1", "o1", T, List.of(line, other), null, D)),
            Schemas.TRANSACTIONS_TABLE);
    String viewsPath = dir.resolve("pdpviews").toString();
    String ordersPath = dir.resolve("transactions").toString();
    views.write().partitionBy(Schemas.EVENT_DATE).parquet(viewsPath);
    orders.write().format("delta").partitionBy(Schemas.EVENT_DATE).save(ordersPath);

    Map<String, Double> byUser =
        weights(
            TrainingSets.lakeEvents(
                spark, viewsPath, ordersPath, UserKey.USER_ID, FeedbackWeights.ORIGINAL));
    Map<String, Double> byBrowser =
        weights(
            TrainingSets.lakeEvents(
                spark, viewsPath, ordersPath, UserKey.BROWSER_ID, FeedbackWeights.ORIGINAL));

    assertThat(byUser)
        .as("2 views + bought; bought only; the anonymous view left out")
        .containsExactlyInAnyOrderEntriesOf(Map.of("u1/p1", 12.0, "u1/p3", 10.0));
    assertThat(byBrowser)
        .as("by browser the anonymous view counts")
        .containsExactlyInAnyOrderEntriesOf(Map.of("b1/p1", 12.0, "b1/p3", 10.0, "b2/p2", 1.0));
  }

  @Test
  void missingInputsAreUserErrors(SparkSession spark, @TempDir Path dir) {
    String missing = dir.resolve("nope").toString();

    assertThatThrownBy(() -> TrainingSets.readLake(spark, "--pdpviews", missing))
        .as("missing table")
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("--pdpviews '" + missing + "' does not exist");
  }

  @Test
  void theOrdersTableGivenAsViewsIsAUserErrorNamingTheMissingColumn(
      SparkSession spark, @TempDir Path dir) {
    Dataset<Row> orders =
        spark.createDataFrame(
            List.of(RowFactory.create("u1", "b1", "o1", T, List.of(), null, D)),
            Schemas.TRANSACTIONS_TABLE);
    String ordersPath = dir.resolve("transactions").toString();
    orders.write().partitionBy(Schemas.EVENT_DATE).parquet(ordersPath);

    assertThatThrownBy(
            () ->
                TrainingSets.lakeEvents(
                    spark, ordersPath, null, UserKey.USER_ID, FeedbackWeights.ORIGINAL))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("lacks the required column(s) [product_id]")
        .hasMessageContaining("Pass --pdpviews the table 'ingest --source pdpviews' wrote.");
  }

  private static Map<String, Double> weights(Dataset<Row> events) {
    Map<String, Double> m = new HashMap<>();
    for (Row r : ImplicitFeedback.aggregate(events, 0, T).collectAsList()) {
      m.put(r.getAs("user_id") + "/" + r.getAs("item_id"), r.getAs("weight"));
    }
    return m;
  }
}
