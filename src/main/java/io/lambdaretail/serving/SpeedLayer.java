package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;

import io.lambdaretail.spark.Schemas;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import scala.Tuple3;

/**
 * The speed layer's own streaming query: page views, orders and deals from Kafka, through one
 * stateful operator ({@code flatMapGroupsWithState}, state in the RocksDB state store and the
 * query's checkpoint) into item_activity_by_hour, trending_categories, sessions_by_user and
 * deals_by_category. A batch costs in proportion to its own events and the keys they touch, never
 * to the lake. One operator serves all four tables because Spark 3.5 allows one aggregation per
 * update-mode query, and one query because every query reads Kafka and plans its batches again.
 */
public final class SpeedLayer {
  public static final String QUERY_NAME = "lambda-retail-serving";
  private static final String ROCKSDB =
      "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

  /** The typed rows (with Kafka coordinates) of the topics the speed layer reads; null if none. */
  public record Input(Dataset<Row> views, Dataset<Row> orders, Dataset<Row> deals) {}

  private final SparkSession spark;
  private final ServingOptions options;
  private final ServingWriter serving;

  public SpeedLayer(SparkSession spark, ServingOptions options, ServingWriter serving) {
    this.spark = spark;
    this.options = options;
    this.serving = serving;
  }

  /**
   * Starts the query.
   *
   * @param sessionsPath the Delta table closed sessions are appended to
   * @param appId the stream id of these appends ({@link io.lambdaretail.spark.IdempotentAppend}),
   *     stable for the checkpoint
   */
  public StreamingQuery start(
      Input input, String checkpoint, Trigger trigger, String sessionsPath, String appId)
      throws TimeoutException {
    useRocksDb(spark);
    Dataset<Row> updates = updates(input, categories(), options);
    SpeedWriter writer =
        new SpeedWriter(spark, serving.store(), serving.stats(), options, sessionsPath, appId);
    return updates
        .writeStream()
        .queryName(QUERY_NAME)
        .outputMode(OutputMode.Update())
        .option("checkpointLocation", checkpoint)
        .trigger(trigger)
        .foreachBatch(writer)
        .start();
  }

  /** The state function's updates for the typed input streams (a pure transformation). */
  static Dataset<Row> updates(Input input, Dataset<Row> categories, ServingOptions options) {
    Dataset<Row> events =
        SpeedEvents.events(
            input.views(),
            input.orders(),
            input.deals(),
            categories,
            options.trendWindow(),
            options.watermark());
    return events
        .groupByKey(
            (MapFunction<Row, Tuple3<String, String, Long>>)
                r ->
                    new Tuple3<>(
                        r.getAs(SpeedEvents.KIND),
                        r.getAs(SpeedEvents.KEY),
                        r.<Long>getAs(SpeedEvents.BUCKET)),
            Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.LONG()))
        .flatMapGroupsWithState(
            new SpeedUpdater(options.trendWindow(), options.sessionGap()),
            OutputMode.Update(),
            Encoders.bean(SpeedState.class),
            Encoders.row(SpeedUpdates.SCHEMA),
            GroupStateTimeout.EventTimeTimeout());
  }

  /** Product to category from --item-categories, or null without it (no trend rows). */
  private Dataset<Row> categories() {
    if (options.itemCategories() == null) {
      return null;
    }
    return spark
        .read()
        .option("header", "true")
        .schema(Schemas.ITEMS_FEATURES)
        .csv(options.itemCategories())
        .select(col(Schemas.PRODUCT_ID), col(ServingTables.CATEGORY))
        .cache();
  }

  /**
   * RocksDB keeps the state off the JVM heap and checkpoints only its changes; a checkpoint keeps
   * the provider it was created with. An explicit setting of the user's wins.
   */
  private static void useRocksDb(SparkSession spark) {
    setIfUnset(spark, "spark.sql.streaming.stateStore.providerClass", ROCKSDB);
    setIfUnset(
        spark, "spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled", "true");
  }

  private static void setIfUnset(SparkSession spark, String key, String value) {
    if (!spark.sparkContext().getConf().contains(key)) {
      spark.conf().set(key, value);
    }
  }
}
