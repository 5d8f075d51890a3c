package io.lambdaretail.serving;

import static org.apache.spark.sql.functions.col;

import io.lambdaretail.stream.LakeNames;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Cassandra table per topic, named after it, with a column per column of its Delta table
 * (lower-cased, see {@link CqlTypes}): created when missing, widened with {@code ALTER TABLE ...
 * ADD} when the topic's records bring new keys. Keyed by (kafka_topic, kafka_partition,
 * kafka_offset), one row per record, or by the configured columns.
 */
final class TopicTables {
  static final String KAFKA_TOPIC = "kafka_topic";
  static final List<String> DEFAULT_KEY = List.of(KAFKA_TOPIC, "kafka_partition", "kafka_offset");
  private static final Logger LOG = LoggerFactory.getLogger(TopicTables.class);

  private final CassandraStore store;
  private final Map<String, List<String>> keys;
  private final ServingStats stats;
  private final Map<String, Set<String>> known = new HashMap<>();

  TopicTables(CassandraStore store, Map<String, List<String>> keys, ServingStats stats) {
    this.store = store;
    this.keys = keys;
    this.stats = stats;
  }

  void write(String topic, Dataset<Row> typed) {
    Optional<String> problem = Cql.topicTableProblem(topic);
    if (problem.isPresent()) {
      LOG.warn("no Cassandra table for topic: {}", problem.get());
      stats.rejectedTopic(topic, problem.get());
      return;
    }
    Dataset<Row> rows = CqlTypes.forCassandra(typed, topic);
    List<String> key = keys.getOrDefault(topic, DEFAULT_KEY);
    ensure(design(topic, rows.schema(), key));
    Column keyed = null;
    for (String k : key) {
      keyed = keyed == null ? col(k).isNotNull() : keyed.and(col(k).isNotNull());
    }
    Dataset<Row> writable = rows.filter(keyed);
    long total = rows.count();
    long written = keys.containsKey(topic) ? writable.count() : total;
    store.upsert(writable, topic, null);
    stats.written(topic, written);
    if (written < total) {
      stats.skipped(topic, total - written, "a key column (" + String.join(",", key) + ") is null");
    }
  }

  /** The table for a topic's rows, keyed by {@code key}; every name checked. */
  static TableDesign design(String topic, StructType rows, List<String> key) {
    Map<String, String> columns = CqlTypes.columns(rows);
    for (String c : columns.keySet()) {
      boolean ours = c.startsWith(LakeNames.RESERVED_COLUMN_PREFIX);
      if (!ours && Cql.columnProblem(c).isPresent()) {
        throw new IllegalStateException(
            "column of topic '" + topic + "' not allowed: " + Cql.columnProblem(c).get());
      }
    }
    List<String> lower = key.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    for (String k : lower) {
      if (!columns.containsKey(k)) {
        throw new IllegalArgumentException(
            "--cassandra-key "
                + topic
                + "="
                + String.join(",", key)
                + ": the topic has no column '"
                + k
                + "'; its columns are "
                + columns.keySet());
      }
    }
    return new TableDesign(topic, columns, lower, Map.of());
  }

  private void ensure(TableDesign design) {
    Set<String> existing = known.get(design.name());
    if (existing == null) {
      existing = store.columns(design.name());
    }
    if (existing.isEmpty()) {
      store.execute("creating table " + design.name(), design.createCql(store.keyspace()));
      existing = new LinkedHashSet<>(design.columns().keySet());
    }
    for (Map.Entry<String, String> c : design.columns().entrySet()) {
      if (!existing.contains(c.getKey())) {
        LOG.info("table {}: new column {} {}", design.name(), c.getKey(), c.getValue());
        store.execute(
            "adding column " + c.getKey() + " to " + design.name(),
            TableDesign.addColumnCql(store.keyspace(), design.name(), c.getKey(), c.getValue()));
        existing.add(c.getKey());
      }
    }
    known.put(design.name(), existing);
  }
}
