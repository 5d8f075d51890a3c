package io.lambdaretail.stream;

import io.lambdaretail.serving.CassandraUnavailableException;
import io.lambdaretail.serving.ServingWriter;
import io.lambdaretail.serving.SpeedLayer;
import io.lambdaretail.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Kafka to Delta stream until the topics are drained ({@code --available-now}) or stopped.
 */
public final class StreamJob {
  private static final String QUERY_NAME = "lambda-retail-stream";
  static final String SERVING_CHECKPOINT = "serving";
  private static final Logger LOG = LoggerFactory.getLogger(StreamJob.class);

  private final SparkSession spark;
  private final StreamOptions options;

  public StreamJob(SparkSession spark, StreamOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public StreamResult run() throws StreamingQueryException, TimeoutException {
    long start = System.nanoTime();
    // a micro-batch's joins and Delta log replays are small: one task per core, not 200 or 50
    SparkSessions.useFewShufflePartitions(spark);
    StreamStats stats = new StreamStats();
    LakeLayout lake = new LakeLayout(options.lake());
    String appId = appId();
    ServingWriter serving = serving();
    MicroBatchWriter writer =
        new MicroBatchWriter(spark, lake, appId, options.optimizeEvery(), stats, serving);
    ProgressLogger progress = new ProgressLogger();
    spark.streams().addListener(progress);
    GracefulStop stop = new GracefulStop();
    List<StreamingQuery> queries = new ArrayList<>();
    try {
      StreamScheduling.pool(spark, StreamScheduling.LAKE_POOL);
      queries.add(
          kafka(topicsOrPattern())
              .writeStream()
              .queryName(QUERY_NAME)
              .option("checkpointLocation", options.checkpoint())
              .trigger(trigger(options.lakeTrigger()))
              .foreachBatch(writer)
              .start());
      if (serving != null) {
        StreamScheduling.pool(spark, StreamScheduling.SERVING_POOL);
        speedLayer(serving, lake, appId).ifPresent(queries::add);
      }
      stop.install(queries);
      awaitAll(queries);
    } catch (StreamingQueryException e) {
      throw cassandraDown(e).orElseThrow(() -> e);
    } finally {
      StreamScheduling.pool(spark, null);
      stopAll(queries);
      stop.done();
      spark.streams().removeListener(progress);
      if (serving != null) {
        serving.close();
      }
    }
    String reason = options.availableNow() ? "drained" : stop.requested() ? "signal" : "ended";
    double seconds = (System.nanoTime() - start) / 1e9;
    return new StreamResult(
        options.lake(),
        options.checkpoint(),
        reason,
        stats,
        seconds,
        serving == null ? null : serving.stats().toSummary(options.cassandra().keyspace()));
  }

  /** The Cassandra side, its keyspace and tables created, or null without Cassandra. */
  private ServingWriter serving() {
    if (options.cassandra() == null) {
      return null;
    }
    ServingWriter serving = new ServingWriter(spark, options.cassandra());
    serving.start();
    return serving;
  }

  /**
   * The speed layer's query beside the lake query: its own checkpoint, the same source options,
   * only the contract topics it serves; none when the stream reads none of them.
   */
  private Optional<StreamingQuery> speedLayer(ServingWriter serving, LakeLayout lake, String appId)
      throws TimeoutException {
    String[] served = {ServingWriter.PDPVIEWS, ServingWriter.TRANSACTIONS, ServingWriter.DEALS};
    boolean[] reads = new boolean[served.length];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < served.length; i++) {
      String topic = served[i];
      reads[i] =
          options.topicPattern() != null
              ? Pattern.compile(options.topicPattern()).matcher(topic).matches()
              : options.topics().contains(topic);
      if (reads[i]) {
        names.add(Pattern.quote(topic));
      }
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    // a pattern, not a list: a contract topic that does not exist yet is picked up when it
    // appears, and subscribing to it does not create it
    Dataset<Row> kafka = kafka(r -> r.option("subscribePattern", String.join("|", names)));
    return Optional.of(
        new SpeedLayer(spark, options.cassandra(), serving)
            .start(
                SpeedInput.of(kafka, reads),
                options.checkpoint().replaceAll("/+$", "") + "/" + SERVING_CHECKPOINT,
                trigger(),
                lake.sessions(),
                appId + "-" + SERVING_CHECKPOINT));
  }

  private Trigger trigger() {
    return trigger(null);
  }

  /** {@code interval}, or {@code --trigger} when null; once with {@code --available-now}. */
  private Trigger trigger(java.time.Duration interval) {
    if (options.availableNow()) {
      return Trigger.AvailableNow();
    }
    return Trigger.ProcessingTime((interval != null ? interval : options.trigger()).toMillis());
  }

  /**
   * Waits until every query has ended; the first that fails stops the others and its error is the
   * run's.
   */
  private static void awaitAll(List<StreamingQuery> queries) throws StreamingQueryException {
    while (queries.stream().anyMatch(StreamingQuery::isActive)) {
      for (StreamingQuery q : queries) {
        q.awaitTermination(200);
      }
    }
    for (StreamingQuery q : queries) {
      if (q.exception().isDefined()) {
        throw q.exception().get();
      }
    }
  }

  private static void stopAll(List<StreamingQuery> queries) {
    for (StreamingQuery q : queries) {
      try {
        q.stop();
      } catch (TimeoutException e) {
        LOG.warn("query {} did not stop in time; its checkpoint replays the batch", q.name());
      }
    }
  }

  /** Cassandra stayed down through every retry: that one line, not Spark's wrapping of it. */
  private static Optional<CassandraUnavailableException> cassandraDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CassandraUnavailableException c) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The lake query reads every topic the options name. */
  private UnaryOperator<DataStreamReader> topicsOrPattern() {
    return options.topicPattern() != null
        ? r -> r.option("subscribePattern", options.topicPattern())
        : r -> r.option("subscribe", String.join(",", options.topics()));
  }

  private Dataset<Row> kafka(UnaryOperator<DataStreamReader> topics) {
    DataStreamReader reader =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", options.bootstrap())
            .option("startingOffsets", options.startingOffsets())
            // topics created after the start are found within seconds, not Kafka's 5 minutes
            .option("kafka.metadata.max.age.ms", "10000")
            .option("includeHeaders", "false")
            // a topic with fewer partitions than cores would leave cores idle: split its ranges
            .option("minPartitions", Math.max(1, spark.sparkContext().defaultParallelism()));
    reader = topics.apply(reader);
    if (options.maxOffsetsPerTrigger() > 0) {
      reader = reader.option("maxOffsetsPerTrigger", options.maxOffsetsPerTrigger());
    }
    for (Map.Entry<String, String> e : options.kafkaOptions().entrySet()) {
      reader = reader.option("kafka." + e.getKey(), e.getValue());
    }
    return reader.load();
  }

  /**
   * The stream id tagging its Delta appends (see IdempotentAppend): stable for a checkpoint, so a
   * restart from it skips the batches its tables already hold; a new checkpoint is a new stream.
   */
  private String appId() {
    Path path = new Path(options.checkpoint());
    String qualified;
    try {
      qualified =
          path.getFileSystem(spark.sparkContext().hadoopConfiguration())
              .makeQualified(path)
              .toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot resolve checkpoint " + path, e);
    }
    return QUERY_NAME
        + "-"
        + UUID.nameUUIDFromBytes(qualified.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
