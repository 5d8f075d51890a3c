package io.lambdaretail.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The Cassandra serving-table options {@code stream} (the speed layer) and {@code serve} (the batch
 * views) share, so both write the same tables the same way.
 */
final class CassandraServingOptions {
  @Option(
      names = "--cassandra-host",
      paramLabel = "H",
      description =
          "Cassandra node of the serving tables (item_activity_by_hour, sessions_by_user,"
              + " deals_by_category, trending_categories; stream also writes one per topic).")
  String cassandraHost;

  @Option(
      names = "--cassandra-port",
      paramLabel = "P",
      defaultValue = "9042",
      description = "Cassandra native port (default: ${DEFAULT-VALUE}).")
  int cassandraPort;

  @Option(
      names = "--keyspace",
      paramLabel = "K",
      description = "Keyspace of the serving tables, created when missing.")
  String keyspace;

  @Option(
      names = "--cassandra-replication",
      paramLabel = "STRATEGY:N",
      defaultValue = "SimpleStrategy:1",
      description =
          "Replication of a keyspace this job creates: SimpleStrategy:N or"
              + " NetworkTopologyStrategy:DC=N[,DC=N] (default: ${DEFAULT-VALUE}).")
  String cassandraReplication;

  @Option(
      names = "--session-gap",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "30m",
      description = "Page views further apart start a new session (default: ${DEFAULT-VALUE}).")
  Duration sessionGap;

  @Option(
      names = "--trend-window",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "15m",
      description = "Window of trending_categories, at least 1s (default: ${DEFAULT-VALUE}).")
  Duration trendWindow;

  @Option(
      names = "--trend-ttl",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "168h",
      description = "How long a trending_categories row lives (default: ${DEFAULT-VALUE}).")
  Duration trendTtl;

  @Option(
      names = "--item-categories",
      paramLabel = "PATH",
      description =
          "items.csv (product_id,category,...) as 'generate' writes it: enables"
              + " trending_categories (views and sales per category).")
  String itemCategories;

  @Option(
      names = "--cassandra-retries",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Retries of a Cassandra step before the job fails with exit 1; a stream's micro-batch"
              + " stays in the checkpoint for the next start (default: ${DEFAULT-VALUE}).")
  int cassandraRetries;

  @Option(
      names = "--cassandra-retry-backoff",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "2s",
      description = "Wait before the first retry, doubled each time up to 1m (default: 2s).")
  Duration cassandraRetryBackoff;

  @Option(
      names = "--cassandra-max-in-flight",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "Asynchronous writes to Cassandra in flight at once, through one session"
              + " (default: ${DEFAULT-VALUE}).")
  int cassandraMaxInFlight;
}
