package io.lambdaretail.stream;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.lambdaretail.ingest.EventSource;
import io.lambdaretail.serving.ServingWriter;
import io.lambdaretail.spark.IdempotentAppend;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of {@code foreachBatch}: one micro-batch of Kafka records into {@code raw}, the typed
 * table of each topic and {@code dead_letters}, every append idempotent for the batch id (see
 * {@link IdempotentAppend}), so a batch that is replayed after a crash leaves each record in {@code
 * raw} once and in exactly one of its typed table or the dead letters once. Runs on the driver.
 */
final class MicroBatchWriter implements VoidFunction2<Dataset<Row>, Long> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(MicroBatchWriter.class);

  private final transient SparkSession spark;
  private final LakeLayout lake;
  private final IdempotentAppend delta;
  private final int optimizeEvery;
  private final transient StreamStats stats;
  private final transient ServingWriter serving;
  private final Set<String> tablesWritten = new LinkedHashSet<>();

  MicroBatchWriter(
      SparkSession spark, LakeLayout lake, String appId, int optimizeEvery, StreamStats stats) {
    this(spark, lake, appId, optimizeEvery, stats, null);
  }

  /**
   * @param serving writes the topics' Cassandra tables after the batch's Delta commits; null: none
   */
  MicroBatchWriter(
      SparkSession spark,
      LakeLayout lake,
      String appId,
      int optimizeEvery,
      StreamStats stats,
      ServingWriter serving) {
    this.spark = spark;
    this.lake = lake;
    this.delta = new IdempotentAppend(appId);
    this.optimizeEvery = optimizeEvery;
    this.stats = stats;
    this.serving = serving;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    Dataset<Row> raw = RawRecords.fromKafka(batch, now).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long rows = raw.count();
      if (rows > 0) {
        writeBatch(raw, batchId, now);
      }
      stats.batch(rows);
      if (optimizeEvery > 0 && (batchId + 1) % optimizeEvery == 0) {
        compact();
      }
    } finally {
      raw.unpersist();
    }
  }

  private void writeBatch(Dataset<Row> raw, long batchId, Timestamp now) {
    List<Dataset<Row>> cached = new ArrayList<>();
    Map<String, Dataset<Row>> typed = new LinkedHashMap<>();
    try {
      long start = System.nanoTime();
      writeTables(raw, batchId, now, cached, typed);
      long tables = System.nanoTime();
      // raw last: a batch whose raw commit is visible has all its typed and dead rows committed too
      delta.append(raw, lake.raw(), batchId, false, StreamColumns.TOPIC, StreamColumns.DATE);
      tablesWritten.add(lake.raw());
      long rawDone = System.nanoTime();
      if (serving != null) {
        // after every Delta commit: a failure here leaves the batch to be replayed from the
        // checkpoint, and the topic tables' upserts write the same rows again
        serving.write(typed);
      }
      LOG.info(
          "lake batch {}: typed tables and dead letters {} ms, raw {} ms, Cassandra topic tables"
              + " {} ms",
          batchId,
          (tables - start) / 1_000_000,
          (rawDone - tables) / 1_000_000,
          (System.nanoTime() - rawDone) / 1_000_000);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  private void writeTables(
      Dataset<Row> raw,
      long batchId,
      Timestamp now,
      List<Dataset<Row>> cached,
      Map<String, Dataset<Row>> typed) {
    List<Dataset<Row>> dead = new ArrayList<>();
    for (String topic : topics(raw)) {
      Dataset<Row> records = raw.filter(col(StreamColumns.TOPIC).equalTo(topic));
      Optional<String> problem = LakeNames.tableNameProblem(topic);
      if (problem.isPresent()) {
        LOG.warn("batch {}: {}; its records go to dead_letters", batchId, problem.get());
        stats.rejectedTopic(topic, problem.get());
        dead.add(TopicRouter.rejectAll(records, problem.get()));
      } else {
        Dataset<Row> routed = writeTopic(records, topic, batchId);
        cached.add(routed);
        typed.put(topic, TopicRouter.typed(routed));
        dead.add(TopicRouter.deadLetters(routed, topic, now));
      }
    }
    Dataset<Row> deadRows = dead.stream().reduce(Dataset::unionByName).orElseThrow();
    long deadCount = deadRows.count();
    if (deadCount > 0) {
      delta.append(deadRows, lake.deadLetters(), batchId, false, StreamColumns.TOPIC);
      tablesWritten.add(lake.deadLetters());
    }
    stats.deadLetters(deadCount);
  }

  /** Writes the topic's good rows; returns the cached routed rows, whose bad ones are left. */
  private Dataset<Row> writeTopic(Dataset<Row> records, String topic, long batchId) {
    String path = lake.topic(topic);
    TopicParser parser = parser(records, topic, path);
    Dataset<Row> routed =
        TopicRouter.route(records, parser).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> typed = TopicRouter.typed(routed);
    long good = typed.count();
    if (good > 0) {
      boolean discovered = parser instanceof DiscoveredParser;
      delta.append(typed, path, batchId, discovered, parser.partitionColumn());
      tablesWritten.add(path);
    }
    stats.typed(topic, good);
    return routed;
  }

  private TopicParser parser(Dataset<Row> records, String topic, String path) {
    for (EventSource source : EventSource.values()) {
      if (source.cliName().equals(topic)) {
        return new ContractParser(source);
      }
    }
    StructType existing = dataColumns(schemaOrNull(path));
    Dataset<String> values = records.select(col(StreamColumns.VALUE)).as(Encoders.STRING());
    Map<String, SchemaInference.Column> seen = SchemaInference.observe(values);
    StructType evolved = SchemaInference.evolve(existing, seen);
    for (int i = existing.size(); i < evolved.size(); i++) {
      String column = evolved.fields()[i].name();
      LOG.info("topic {}: new column {} ({})", topic, column, evolved.fields()[i].dataType());
      stats.newColumn(topic, column);
    }
    return new DiscoveredParser(evolved);
  }

  /** The table's schema, or null when there is no Delta table at {@code path} yet. */
  private StructType schemaOrNull(String path) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return null;
    }
    return DeltaTable.forPath(spark, path).toDF().schema();
  }

  /** The record's columns of an existing topic table (the Kafka ones are the job's). */
  private static StructType dataColumns(StructType table) {
    StructType data = new StructType();
    if (table == null) {
      return data;
    }
    for (StructField f : table.fields()) {
      if (!f.name().toLowerCase(Locale.ROOT).startsWith(LakeNames.RESERVED_COLUMN_PREFIX)) {
        data = data.add(f);
      }
    }
    return data;
  }

  private static List<String> topics(Dataset<Row> raw) {
    return raw.select(StreamColumns.TOPIC).distinct().as(Encoders.STRING()).collectAsList().stream()
        .sorted()
        .toList();
  }

  private void compact() {
    for (String path : tablesWritten) {
      LOG.info("compacting {}", path);
      DeltaTable.forPath(spark, path).optimize().executeCompaction();
    }
  }
}
