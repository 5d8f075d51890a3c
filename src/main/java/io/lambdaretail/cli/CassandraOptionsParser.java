package io.lambdaretail.cli;

import io.lambdaretail.config.Errors;
import io.lambdaretail.serving.Cql;
import io.lambdaretail.serving.Replication;
import io.lambdaretail.serving.ServingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Cassandra options of {@code stream} and {@code serve}, checked before Spark starts. */
final class CassandraOptionsParser {
  static final String ALL_TOPICS = "all";
  private static final String NO_TOPICS = "none";
  private static final String TOPIC_TABLES = "--cassandra-topic-tables";

  private CassandraOptionsParser() {}

  /**
   * The serving options, or null when {@code --cassandra-host} is not given.
   *
   * @param cassandraKeys {@code --cassandra-key} (stream only)
   * @param watermark {@code --watermark} (stream only)
   * @param topicTables {@code --cassandra-topic-tables} (stream only): all, none or a topic list
   */
  static ServingOptions parse(
      CassandraServingOptions c,
      Map<String, String> cassandraKeys,
      Duration watermark,
      String topicTables) {
    if (c.cassandraHost == null) {
      if (c.keyspace != null
          || c.itemCategories != null
          || !cassandraKeys.isEmpty()
          || !ALL_TOPICS.equals(topicTables)) {
        throw Errors.invalid(
            "--cassandra-host", null, "the Cassandra options need --cassandra-host H --keyspace K");
      }
      return null;
    }
    if (c.keyspace == null) {
      throw Errors.invalid("--keyspace", null, "--cassandra-host needs --keyspace K");
    }
    Cql.keyspaceProblem(c.keyspace).ifPresent(p -> failWith("--keyspace", c.keyspace, "use " + p));
    checkRanges(c, watermark);
    checkCategories(c.itemCategories);
    Replication replication;
    try {
      replication = Replication.parse(c.cassandraReplication);
    } catch (IllegalArgumentException e) {
      throw Errors.invalid("--cassandra-replication", c.cassandraReplication, e.getMessage());
    }
    return new ServingOptions(
        c.cassandraHost,
        c.cassandraPort,
        c.keyspace,
        replication,
        keys(cassandraKeys),
        c.sessionGap,
        c.trendWindow,
        c.trendTtl,
        c.itemCategories,
        c.cassandraRetries,
        c.cassandraRetryBackoff,
        watermark,
        c.cassandraMaxInFlight,
        topicTables(topicTables));
  }

  /** null for every topic, empty for none, else the named topics (each one Cassandra can name). */
  private static Set<String> topicTables(String given) {
    if (ALL_TOPICS.equals(given)) {
      return null;
    }
    if (NO_TOPICS.equals(given)) {
      return Set.of();
    }
    Set<String> topics = new LinkedHashSet<>();
    for (String t : given.split(",", -1)) {
      String topic = t.trim();
      if (topic.isEmpty()) {
        failWith(TOPIC_TABLES, given, "use all, none or topic names separated by commas");
      }
      Cql.topicTableProblem(topic).ifPresent(p -> failWith(TOPIC_TABLES, given, p));
      topics.add(topic);
    }
    return topics;
  }

  private static void checkRanges(CassandraServingOptions c, Duration watermark) {
    if (c.cassandraPort < 1 || c.cassandraPort > 65535) {
      throw Errors.invalid("--cassandra-port", c.cassandraPort, "use a port from 1 to 65535");
    }
    if (c.cassandraRetries < 0) {
      throw Errors.invalid("--cassandra-retries", c.cassandraRetries, "use 0 or more");
    }
    if (c.trendWindow.toMillis() % 1000 != 0) {
      throw Errors.invalid("--trend-window", c.trendWindow, "use whole seconds, e.g. 15m");
    }
    if (watermark.isNegative()) {
      throw Errors.invalid("--watermark", watermark, "use 0s or more, e.g. 1h");
    }
    if (c.cassandraMaxInFlight < 1) {
      throw Errors.invalid("--cassandra-max-in-flight", c.cassandraMaxInFlight, "use 1 or more");
    }
  }

  private static Map<String, List<String>> keys(Map<String, String> given) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String option = e.getKey() + "=" + e.getValue();
      Cql.topicTableProblem(e.getKey()).ifPresent(p -> failWith("--cassandra-key", option, p));
      List<String> cols = Arrays.stream(e.getValue().split(",")).map(String::trim).toList();
      for (String col : cols) {
        boolean ours = col.toLowerCase(Locale.ROOT).startsWith("kafka_");
        Optional<String> problem = ours ? Optional.empty() : Cql.columnProblem(col);
        problem.ifPresent(p -> failWith("--cassandra-key", option, p));
        if (col.isEmpty()) {
          failWith("--cassandra-key", option, "name the key columns, e.g. deals=id");
        }
      }
      keys.put(e.getKey(), cols);
    }
    return keys;
  }

  private static void checkCategories(String path) {
    if (path != null && !path.contains("://") && !Files.isReadable(Path.of(path))) {
      throw Errors.inputNotFound("--item-categories", path);
    }
  }

  private static void failWith(String option, String value, String why) {
    throw Errors.invalid(option, value, why);
  }
}
