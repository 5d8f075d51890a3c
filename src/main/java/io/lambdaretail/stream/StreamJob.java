package io.lambdaretail.stream;

import io.lambdaretail.serving.CassandraUnavailableException;
import io.lambdaretail.serving.ServingWriter;
import io.lambdaretail.spark.SparkSessions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Runs the Kafka to Delta stream until the topics are drained ({@code --available-now}) or stopped.
 */
public final class StreamJob {
  private static final String QUERY_NAME = "lambda-retail-stream";

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
    ServingWriter serving = serving(lake, appId);
    MicroBatchWriter writer =
        new MicroBatchWriter(spark, lake, appId, options.optimizeEvery(), stats, serving);
    ProgressLogger progress = new ProgressLogger();
    spark.streams().addListener(progress);
    GracefulStop stop = new GracefulStop();
    try {
      StreamingQuery query =
          kafka()
              .writeStream()
              .queryName(QUERY_NAME)
              .option("checkpointLocation", options.checkpoint())
              .trigger(
                  options.availableNow()
                      ? Trigger.AvailableNow()
                      : Trigger.ProcessingTime(options.trigger().toMillis()))
              .foreachBatch(writer)
              .start();
      stop.install(query);
      query.awaitTermination();
    } catch (StreamingQueryException e) {
      throw cassandraDown(e).orElseThrow(() -> e);
    } finally {
      stop.done();
      spark.streams().removeListener(progress);
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

  /** The serving side, its keyspace and tables created, or null without Cassandra. */
  private ServingWriter serving(LakeLayout lake, String appId) {
    if (options.cassandra() == null) {
      return null;
    }
    ServingWriter.Lake sources =
        new ServingWriter.Lake(
            lake.topic(ServingWriter.PDPVIEWS),
            lake.topic(ServingWriter.TRANSACTIONS),
            lake.topic(ServingWriter.DEALS),
            // beside raw and dead_letters; LakeNames reserves the name, so no topic takes it
            lake.lake().replaceAll("/+$", "") + "/sessions");
    ServingWriter serving = new ServingWriter(spark, options.cassandra(), sources, appId);
    serving.start();
    return serving;
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

  private Dataset<Row> kafka() {
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
    if (options.topicPattern() != null) {
      reader = reader.option("subscribePattern", options.topicPattern());
    } else {
      reader = reader.option("subscribe", String.join(",", options.topics()));
    }
    if (options.maxOffsetsPerTrigger() > 0) {
      reader = reader.option("maxOffsetsPerTrigger", options.maxOffsetsPerTrigger());
    }
    for (Map.Entry<String, String> e : options.kafkaOptions().entrySet()) {
      reader = reader.option("kafka." + e.getKey(), e.getValue());
    }
    return reader.load();
  }

  /**
   * The Delta transaction id of this stream: stable for a checkpoint, so a restart from it skips
   * the batches its tables already hold; a new checkpoint is a new stream.
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
